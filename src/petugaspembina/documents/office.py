"""The office profile used on documents: stored as a synced record, with defaults for a Kanim.

The defaults are placeholders so that a document can always be made; while one of them remains,
``missing_fields`` names it and every document carries a "DRAF" mark.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date
from typing import Any

from ..core.records import OfficeProfile, field_kinds, record_from_row
from ..core.validation import check_nip
from ..store.errors import InvalidInput, NotFound
from ..store.store import Store
from .indonesian import office_title, roman_month

PROFILE_KEY = "office_profile_id"
DEFAULT_PATTERN = "{seq:04d}/SERT-PIMPASA/{device}/{month_roman}/{year}"
DRAFT_MARK = "DRAF — profil kantor belum lengkap"
MINISTRY_LINES = [
    "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
    "DIREKTORAT JENDERAL IMIGRASI",
]
DEFAULTS: dict[str, Any] = {
    "letterhead": [
        *MINISTRY_LINES,
        "KANTOR WILAYAH BENGKULU",
        "KANTOR IMIGRASI KELAS I TPI BENGKULU",
    ],
    "address": "(alamat kantor belum diisi)",
    "phone": "",
    "website": "",
    "city": "Bengkulu",
    "signatory_name": "(nama kepala kantor)",
    "signatory_nip": "",
    "signatory_position": "Kepala Kantor Imigrasi Kelas I TPI Bengkulu",
    "signatory_prefix": "",
    "certificate_title": "SERTIFIKAT",
    "certificate_body": (
        "Telah mengikuti kegiatan {kegiatan} yang diselenggarakan oleh {kantor} "
        "pada tanggal {tanggal} bertempat di {tempat}."
    ),
    "numbering_pattern": DEFAULT_PATTERN,
}
# Fields a document cannot do without, and their labels (as the office dialog names them).
REQUIRED = {
    "letterhead": "Kop surat",
    "address": "Alamat",
    "city": "Kota",
    "signatory_name": "Nama penanda tangan",
    "signatory_nip": "NIP penanda tangan",
    "signatory_position": "Jabatan penanda tangan",
}
# Values that are obviously invented: they count as missing even when stored.
# (Older versions stored invented values; they still count as missing.)
_PLACEHOLDERS = {
    "address": {
        DEFAULTS["address"],
        "Jl. Contoh No. 1 (alamat kantor belum diisi)",
        "Jl. Contoh No. 1, Kota Bengkulu 38000",
    },
    "signatory_name": {DEFAULTS["signatory_name"], "Nama Kepala Kantor"},
    "signatory_nip": {"197001011995031001"},
}
# What a draft prints where the head of office's NIP goes.
NIP_PLACEHOLDER = "NIP (belum diisi)"
PATTERN_FIELDS = ("seq", "device", "month_roman", "month", "year")
# The pattern's fields stay in English (they are stored in the profile); what each one means:
PATTERN_HELP = (
    "{seq:04d} = nomor urut (4 angka), {device} = kode perangkat ({code}), "
    "{month_roman} = bulan (angka Romawi), {month} = bulan (angka), {year} = tahun"
)


def device_code(device: str) -> str:
    """This laptop's code in certificate numbers: the first six characters of its id."""
    return device[:6].upper()


def office_profile(store: Store) -> OfficeProfile:
    """This office's profile; fields never set fall back to the defaults."""
    values = dict(DEFAULTS)
    values.update(
        {
            k: v
            for k, v in _stored(store).items()
            if v not in _PLACEHOLDERS.get(k, ())  # an old invented value prints as missing
        }
    )
    values.pop("id", None)
    values.pop("deleted", None)
    return OfficeProfile(id=store.meta(PROFILE_KEY) or "", **values)


def _stored(store: Store) -> dict[str, Any]:
    record_id = store.meta(PROFILE_KEY)
    if not record_id:
        return {}
    try:
        stored = asdict(store.get(OfficeProfile, record_id))
    except NotFound:
        return {}
    return {k: v for k, v in stored.items() if v not in (None, [], "")}


# What a received profile offers to copy: the letterhead and signatory, not this office's own
# certificate wording or numbering (each device numbers its own certificates).
OFFERED_FIELDS = (
    "letterhead",
    "address",
    "phone",
    "website",
    "city",
    "signatory_name",
    "signatory_nip",
    "signatory_position",
    "signatory_prefix",
    "logo_png",
    "signature_png",
    "stamp_png",
)


def received_profiles(store: Store) -> list[OfficeProfile]:
    """Office profiles that arrived in officers' bundles (not this database's own), whose
    required fields are all really filled in, newest first: a letterhead the office may adopt."""
    own = store.meta(PROFILE_KEY) or ""
    found = []
    for row in store.rows(
        "SELECT * FROM office_profiles WHERE deleted = 0 AND id <> ? ORDER BY updated_hlc DESC",
        (own,),
    ):
        profile = record_from_row(OfficeProfile, row)
        assert isinstance(profile, OfficeProfile)
        values = asdict(profile)
        if all(
            values.get(name) not in (None, "", [])
            and values[name] not in _PLACEHOLDERS.get(name, ())
            for name in REQUIRED
        ):
            found.append(profile)
    return found


def missing_fields(store: Store) -> list[str]:
    """Labels of the required fields still on a placeholder (never set, or an invented value)."""
    return list(placeholder_fields(store).values())


def placeholder_fields(store: Store) -> dict[str, str]:
    """The required fields still on a placeholder: field name → label."""
    stored = _stored(store)
    return {
        name: label
        for name, label in REQUIRED.items()
        if name not in stored or stored[name] in _PLACEHOLDERS.get(name, ())
    }


def save_office_profile(store: Store, values: dict[str, Any]) -> str:
    """Store changed profile fields (creating the record on first save); returns its id.

    Every value is checked first (``check_office_values``); a refused one raises InvalidInput and
    nothing is saved.
    """
    known = field_kinds(OfficeProfile)
    clean = check_office_values({k: v for k, v in values.items() if k in known})
    record_id = store.meta(PROFILE_KEY)
    if record_id:
        store.write(OfficeProfile.TABLE, clean, record_id)
        return record_id
    with store.transaction():
        record_id = store.write(OfficeProfile.TABLE, clean)
        store.set_meta(PROFILE_KEY, record_id)
    return record_id


def check_office_values(values: dict[str, Any]) -> dict[str, Any]:
    """The values normalised, or InvalidInput naming every refused field."""
    errors: list[str] = []
    clean = dict(values)
    nip = clean.get("signatory_nip")
    if nip:
        check = check_nip(str(nip))
        if check.ok and check.value:
            clean["signatory_nip"] = check.value
        else:
            errors.append("NIP penanda tangan: " + " ".join(check.errors))
    pattern = clean.get("numbering_pattern")
    if pattern:
        try:
            check_pattern(str(pattern))
        except InvalidInput as exc:
            errors.append(str(exc))
    certificate_body = clean.get("certificate_body")
    if certificate_body:
        try:
            str(certificate_body).format_map(
                {"kegiatan": "", "kantor": "", "tanggal": "", "tempat": ""}
            )
        except (KeyError, ValueError, IndexError):
            errors.append(
                "Kalimat sertifikat hanya boleh memakai {kegiatan}, {kantor}, {tanggal}, {tempat}."
            )
    lines = clean.get("letterhead")
    if lines is not None and any(len(line) > 120 for line in lines):
        errors.append("Setiap baris kop surat paling banyak 120 karakter.")
    if lines is not None and len(lines) > 6:
        errors.append("Kop surat paling banyak 6 baris.")
    if errors:
        raise InvalidInput(" ".join(errors))
    return clean


def format_number(pattern: str, seq: int, device: str, issued: date) -> str:
    """A register number from a pattern; a broken pattern raises InvalidInput (never replaced)."""
    try:
        return pattern.format(
            seq=seq,
            device=device_code(device),
            month_roman=roman_month(issued),
            year=issued.year,
            month=issued.month,
        )
    except (KeyError, ValueError, IndexError, AttributeError) as exc:
        raise InvalidInput(
            f"Pola nomor '{pattern}' tidak dapat dipakai. Kolom yang boleh: "
            + ", ".join("{" + f + "}" for f in PATTERN_FIELDS)
            + "."
        ) from exc


def check_pattern(pattern: str) -> None:
    """Refuses a pattern without ``{seq}`` or ``{device}`` (both are needed for numbers unique
    across offline laptops) or one that cannot be filled in (InvalidInput)."""
    fields = set(re.findall(r"{(\w+)", pattern))
    if "seq" not in fields or "device" not in fields:
        raise InvalidInput(
            "Pola nomor harus memuat {seq} (nomor urut) dan {device} (kode perangkat), "
            "agar nomor tidak pernah sama antar laptop."
        )
    format_number(pattern, 1, "000000", date.today())


def pattern_preview(pattern: str, device: str, today: date | None = None) -> str:
    """The number the pattern gives for sequence 1 today on ``device`` (this laptop's id, whose
    first six characters are its code on certificates); InvalidInput as ``check_pattern``."""
    check_pattern(pattern)
    return format_number(pattern, 1, device, today or date.today())


def profile_for_office(office: str) -> dict[str, Any]:
    """Profile fields that follow from the office's name (``init --office``, first run):
    letterhead, the head of office's position, and the city."""
    name = re.sub(r"^kanim\b", "Kantor Imigrasi", " ".join(office.split()), flags=re.IGNORECASE)
    if not name.lower().startswith("kantor imigrasi"):
        name = f"Kantor Imigrasi {name}"
    title = office_title(name)
    city = re.sub(
        r"^kantor imigrasi\s+(kelas\s+(i{1,3}|[123])\s+(khusus\s+)?)?((non\s+)?tpi\s+)?",
        "",
        title,
        flags=re.IGNORECASE,
    ).strip()
    values: dict[str, Any] = {
        "letterhead": [*MINISTRY_LINES, title.upper()],
        "signatory_position": f"Kepala {title}",
    }
    if city and city.lower() != title.lower():
        values["city"] = city
    return values
