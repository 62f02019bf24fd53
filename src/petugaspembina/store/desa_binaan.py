"""The Desa Binaan register (docs/clerk.md "Desa Binaan"): an office's designated villages, their
decree (SK), assigned PIMPASA officers, focal points and partner programs.

An entry is a ``villages`` record whose id is derived from the village's Kemendagri code, so two
clerks registering the same village write one record: their edits merge field by field like any
record, and two different values of one field are a conflict for the Konflik tab.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..core.enums import VillageStatus
from ..core.records import FOCAL_POINT_KEYS, OFFICER_KEYS, Officer, Village, record_from_row
from ..core.validation import check_nip, check_phone, format_phone
from .errors import InvalidInput, NotFound
from .store import Edit, Store

_NAMESPACE = uuid.UUID("0b6f4e1a-8c2d-5f3e-9a7b-1d2c3e4f5a6b")
INACTIVE_DAYS_KEY = "desa_binaan_inactive_days"
DEFAULT_INACTIVE_DAYS = 90


def village_record_id(region_code: str) -> str:
    """The register entry's id for a village code (the same at every office)."""
    return str(uuid.uuid5(_NAMESPACE, f"village:{region_code}"))


@dataclass(frozen=True, slots=True)
class Appointment:
    """A PIMPASA officer assigned to a village, with the appointment letter and its dates."""

    officer_id: str
    nip: str = ""
    name: str = ""
    letter_number: str = ""
    start: str = ""
    end: str = ""

    @property
    def current(self) -> bool:
        """True while the appointment has not ended (no end date, or one not yet past)."""
        return not self.end or self.end >= date.today().isoformat()

    def to_json(self) -> dict[str, str]:
        """The stored object: only the keys that hold something."""
        values = (self.officer_id, self.nip, self.name, self.letter_number, self.start, self.end)
        return {key: value for key, value in zip(OFFICER_KEYS, values, strict=True) if value}


@dataclass(frozen=True, slots=True)
class FocalPoint:
    """The village's contact: kepala desa, sekretaris desa or another official."""

    name: str
    position: str = ""
    phone: str = ""

    @property
    def phone_masked(self) -> str:
        """The phone as lists show it: ``0812-****-7890``."""
        return mask_phone(self.phone)

    def to_json(self) -> dict[str, str]:
        """The stored object: only the keys that hold something."""
        values = (self.name, self.position, self.phone)
        return {key: value for key, value in zip(FOCAL_POINT_KEYS, values, strict=True) if value}


@dataclass(frozen=True, slots=True)
class Entry:
    """One village of the register, as the store reads it."""

    id: str
    region_code: str
    name: str
    region_path: str
    sk_number: str
    sk_date: str | None
    formed_session_id: str | None
    status: str
    ended_on: str | None
    end_reason: str | None
    officers: list[Appointment] = field(default_factory=list)
    focal_points: list[FocalPoint] = field(default_factory=list)
    partner_programs: list[str] = field(default_factory=list)
    notes: str | None = None

    @property
    def active(self) -> bool:
        """Still a desa binaan."""
        return self.status == VillageStatus.AKTIF.value

    @property
    def kabupaten_code(self) -> str:
        """The regency part of the code (``61.12``)."""
        return ".".join(self.region_code.split(".")[:2])

    def officer_names(self) -> list[str]:
        """Names of the officers currently assigned."""
        return [a.name or a.nip for a in self.officers if a.current]


def mask_phone(phone: str | None) -> str:
    """A phone number with its middle hidden: ``0812-****-7890`` (lists never show it whole)."""
    if not phone:
        return ""
    shown = format_phone(phone) if phone.startswith("+") else phone
    digits = [i for i, ch in enumerate(shown) if ch.isdigit()]
    if len(digits) <= 6:
        return "*" * len(shown)
    hidden = set(digits[4:-4])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(shown))


def entry_from_village(village: Village) -> Entry:
    """The register's view of a ``villages`` record."""
    return Entry(
        id=village.id,
        region_code=village.region_code,
        name=village.name,
        region_path=village.region_path or "",
        sk_number=village.sk_number or "",
        sk_date=village.sk_date,
        formed_session_id=village.formed_session_id,
        status=village.status or VillageStatus.AKTIF.value,
        ended_on=village.ended_on,
        end_reason=village.end_reason,
        officers=[
            Appointment(**{k: str(v) for k, v in item.items() if k in OFFICER_KEYS})
            for item in village.officers
            if item.get("officer_id")
        ],
        focal_points=[
            FocalPoint(**{k: str(v) for k, v in item.items() if k in FOCAL_POINT_KEYS})
            for item in village.focal_points
            if item.get("name")
        ],
        partner_programs=list(village.partner_programs),
        notes=village.notes,
    )


def list_entries(store: Store, *, include_ended: bool = True) -> list[Entry]:
    """The register, by kabupaten code then village name."""
    where = "deleted = 0" + ("" if include_ended else " AND status = 'aktif'")
    entries = []
    for row in store.rows(f"SELECT * FROM villages WHERE {where} ORDER BY region_code"):
        record = record_from_row(Village, row)
        assert isinstance(record, Village)
        entries.append(entry_from_village(record))
    return sorted(entries, key=lambda e: (e.kabupaten_code, e.name.lower(), e.region_code))


def find_entry(store: Store, region_code: str) -> Entry | None:
    """The visible entry of a village code, or None."""
    try:
        return entry_from_village(store.get(Village, village_record_id(region_code)))
    except NotFound:
        return None


def get_entry(store: Store, village_id: str) -> Entry:
    """One entry by record id (NotFound when missing or deleted)."""
    return entry_from_village(store.get(Village, village_id))


def entry_for_code(store: Store, region_code: str) -> Entry:
    """The entry of a village code, or a clear error naming the code."""
    entry = find_entry(store, region_code)
    if entry is None:
        raise NotFound(f"Desa {region_code} tidak ada di register desa binaan.")
    return entry


def entries_of_officer(store: Store, officer_id: str) -> list[Entry]:
    """Active villages to which the officer is currently assigned ("Desa saya")."""
    return [
        e
        for e in list_entries(store, include_ended=False)
        if any(a.officer_id == officer_id and a.current for a in e.officers)
    ]


# -- checks ------------------------------------------------------------------------------------
def check_village_code(code: str) -> tuple[str, str, str]:
    """(code, name, parents) of a Kemendagri village code; InvalidInput when unknown."""
    from ..regions import lookup

    region = lookup(code) if code and code.replace(".", "").isdigit() else None
    if region is None or region.level != 4:
        raise InvalidInput(
            f"Kode wilayah '{code}' bukan kode desa/kelurahan Kemendagri yang dikenal "
            "(contoh: 61.12.08.2013).",
            "region_code",
        )
    return region.code, region.name, region.path


def check_date(text: str | None, what: str, *, required: bool = True) -> str | None:
    """An ISO date (YYYY-MM-DD) or a clear error naming the field."""
    if not text:
        if required:
            raise InvalidInput(f"{what} wajib diisi (YYYY-MM-DD).")
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise InvalidInput(f"{what} harus tanggal YYYY-MM-DD (bukan '{text}').") from None


def officer_by_nip(store: Store, nip: str) -> Officer:
    """The officer with this NIP; a clear error when the NIP is malformed or unknown here."""
    checked = check_nip(nip)
    if not checked.ok or checked.value is None:
        raise InvalidInput(f"NIP '{nip}' tidak sah: {' '.join(checked.errors)}", "nip")
    rows = store.rows(
        "SELECT * FROM officers WHERE deleted = 0 AND nip = ? ORDER BY id", (checked.value,)
    )
    if not rows:
        raise NotFound(
            f"Petugas dengan NIP {checked.value} belum dikenal di basis data ini "
            "(impor bundel petugas itu dulu)."
        )
    record = record_from_row(Officer, rows[0])
    assert isinstance(record, Officer)
    return record


def appointment_for(store: Store, officer_id: str, **details: str) -> Appointment:
    """An appointment of a known officer, with the name and NIP snapshot from the officer record."""
    officer = store.get(Officer, officer_id)
    return Appointment(officer.id, officer.nip or "", officer.name, **details)


def _checked_officers(officers: Sequence[Appointment]) -> list[dict[str, str]]:
    seen: set[str] = set()
    out = []
    for appointment in officers:
        if appointment.officer_id in seen:
            raise InvalidInput(f"Petugas baris {len(seen) + 1} sudah tercantum di baris lain.")
        seen.add(appointment.officer_id)
        start = check_date(appointment.start, "Tanggal mulai tugas", required=False)
        end = check_date(appointment.end, "Tanggal akhir tugas", required=False)
        if start and end and end < start:
            raise InvalidInput("Tanggal akhir tugas harus sesudah tanggal mulai.")
        fixed = Appointment(
            appointment.officer_id,
            appointment.nip,
            appointment.name,
            appointment.letter_number.strip(),
            start or "",
            end or "",
        )
        out.append(fixed.to_json())
    return out


def _checked_focal_points(points: Sequence[FocalPoint]) -> list[dict[str, str]]:
    """Focal points with phones in ``+62…`` form; errors name the row, never the person."""
    out = []
    for row, point in enumerate(points, start=1):
        if not point.name.strip():
            raise InvalidInput(f"Narahubung desa baris {row}: nama wajib diisi.")
        phone = point.phone.strip()
        if phone:
            checked = check_phone(phone)
            if not checked.ok or checked.value is None:
                raise InvalidInput(f"Narahubung desa baris {row}: {' '.join(checked.errors)}")
            phone = checked.value
        out.append(FocalPoint(point.name.strip(), point.position.strip(), phone).to_json())
    return out


# -- writing -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EntryValues:
    """What a clerk fills in for a register entry."""

    sk_number: str
    sk_date: str
    officers: Sequence[Appointment] = ()
    focal_points: Sequence[FocalPoint] = ()
    partner_programs: Sequence[str] = ()
    notes: str | None = None
    formed_session_id: str | None = None


def _values(store: Store, values: EntryValues) -> dict[str, Any]:
    if not values.sk_number.strip():
        raise InvalidInput("Nomor SK wajib diisi.", "sk_number")
    if values.formed_session_id and not store.rows(
        "SELECT 1 FROM sessions WHERE id = ? AND deleted = 0", (values.formed_session_id,)
    ):
        raise NotFound("Kegiatan pembentukan tidak ditemukan.")
    return {
        "sk_number": values.sk_number.strip(),
        "sk_date": check_date(values.sk_date, "Tanggal SK"),
        "officers": _checked_officers(values.officers),
        "focal_points": _checked_focal_points(values.focal_points),
        "partner_programs": [p.strip() for p in values.partner_programs if p.strip()],
        "notes": (values.notes or "").strip() or None,
        "formed_session_id": values.formed_session_id,
    }


def add_entry(store: Store, region_code: str, values: EntryValues) -> str:
    """Register a village as desa binaan; returns the entry's id.

    An ended entry of the same village is designated again (new SK, active); an active one is a
    duplicate and refused.
    """
    code, name, path = check_village_code(region_code)
    written = _values(store, values)
    rid = village_record_id(code)
    existing = find_entry(store, code)
    if existing is not None and existing.active:
        sk = f" (SK {existing.sk_number})" if existing.sk_number else ""
        raise InvalidInput(f"Desa {name} ({code}) sudah terdaftar sebagai desa binaan{sk}.")
    base = {"region_code": code, "name": name, "region_path": path or None, "is_binaan": True}
    status = {"status": VillageStatus.AKTIF.value, "ended_on": None, "end_reason": None}
    held = store.rows("SELECT deleted FROM villages WHERE id = ?", (rid,))
    with store.transaction():
        if held and held[0]["deleted"]:
            store.undelete(Village.TABLE, rid)
        if held:
            store.write_many([Edit(Village.TABLE, {**base, **written, **status}, rid)])
        else:
            store.write_many([Edit(Village.TABLE, {**base, **written, **status}, rid, new=True)])
    return rid


def edit_entry(store: Store, village_id: str, values: EntryValues) -> None:
    """Change an entry's SK, officers, focal points, programs or notes (only what changed is
    written, so two clerks editing different fields merge without a conflict)."""
    current = store.get(Village, village_id)
    written = _values(store, values)
    changed = {k: v for k, v in written.items() if getattr(current, k) != v}
    if changed:
        store.write(Village.TABLE, changed, village_id)


def end_entry(store: Store, region_code: str, on: str, reason: str) -> Entry:
    """End a village's designation with a date and reason; the entry stays in the register."""
    entry = entry_for_code(store, region_code)
    day = check_date(on, "Tanggal berakhir")
    if not reason.strip():
        raise InvalidInput("Alasan berakhir wajib diisi.", "end_reason")
    if not entry.active:
        raise InvalidInput(
            f"Desa {entry.name} sudah berakhir sebagai desa binaan pada {entry.ended_on}."
        )
    if entry.sk_date and day and day < entry.sk_date:
        raise InvalidInput(f"Tanggal berakhir tidak boleh sebelum tanggal SK ({entry.sk_date}).")
    store.write(
        Village.TABLE,
        {"status": VillageStatus.BERAKHIR.value, "ended_on": day, "end_reason": reason.strip()},
        entry.id,
    )
    return get_entry(store, entry.id)


def inactive_days(store: Store) -> int:
    """Days without activity after which a village is flagged (a local setting, default 90)."""
    raw = store.get_setting(INACTIVE_DAYS_KEY)
    try:
        days = int(raw) if raw else DEFAULT_INACTIVE_DAYS
    except ValueError:
        return DEFAULT_INACTIVE_DAYS
    return days if days > 0 else DEFAULT_INACTIVE_DAYS


def set_inactive_days(store: Store, days: int) -> None:
    """Change the inactivity threshold (1–3650 days)."""
    if not 1 <= days <= 3650:
        raise InvalidInput("Batas hari tanpa kegiatan harus 1–3650.")
    store.set_setting(INACTIVE_DAYS_KEY, str(days))


def village_link(store: Store, region_code: str | None, session_date: str | None) -> str | None:
    """The register entry a session in ``region_code`` belongs to: active, or ended after the
    session's date. None when the village is not a desa binaan here."""
    if not region_code:
        return None
    entry = find_entry(store, region_code)
    if entry is None:
        return None
    if entry.active or (session_date and entry.ended_on and session_date <= entry.ended_on):
        return entry.id
    return None


def with_village_link(store: Store, values: dict[str, Any]) -> dict[str, Any]:
    """Session values with ``village_id`` set from the register (a new session in a desa binaan's
    village is linked automatically; moving it elsewhere unlinks it)."""
    if "region_code" not in values:
        return values
    return {**values, "village_id": village_link(store, values["region_code"], values.get("date"))}


def focal_point_phone(point: FocalPoint) -> str:
    """The full phone of a focal point in the national form (for the profile's own page)."""
    return format_phone(point.phone) if point.phone.startswith("+") else point.phone


def known_officers(store: Store) -> list[Officer]:
    """Every visible officer this database knows (its own and those arrived by sync), by name."""
    out = []
    for row in store.rows("SELECT * FROM officers WHERE deleted = 0 ORDER BY name, id"):
        record = record_from_row(Officer, row)
        assert isinstance(record, Officer)
        out.append(record)
    return out
