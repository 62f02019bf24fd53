"""Conflicts in human terms: the record as a person would name it, the field's Indonesian label,
each candidate value as text with the officer, device and local time that wrote it.

Used by the clerk's Konflik tab and by ``conflicts --json`` (as extra keys)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..core import enums
from ..core.display import local_moment
from ..core.fields import Kind
from ..core.hlc import Hlc
from ..core.labels import label_of
from ..core.records import BY_TABLE, DELETED, SCHEMA
from ..store.errors import InvalidInput
from ..store.store import Store
from .conflicts import Conflict

# The Indonesian label of each synced field a clerk may meet in a conflict.
FIELD_LABELS: dict[str, str] = {
    "full_name": "Nama lengkap",
    "name": "Nama",
    "nip": "NIP",
    "sex": "Jenis kelamin",
    "birth_year": "Tahun lahir",
    "birth_date": "Tanggal lahir",
    "nik": "NIK",
    "phone": "Nomor HP",
    "region_code": "Kode wilayah",
    "village_name": "Desa/Kelurahan",
    "region_path": "Wilayah",
    "address": "Alamat",
    "category": "Kategori peserta",
    "agency": "Instansi",
    "position": "Jabatan",
    "merged_into": "Digabungkan ke",
    "session_type": "Jenis kegiatan",
    "title": "Judul kegiatan",
    "date": "Tanggal",
    "start_time": "Jam mulai",
    "end_time": "Jam selesai",
    "time_zone": "Zona waktu",
    "venue": "Tempat",
    "topics": "Materi",
    "speakers": "Narasumber",
    "partner_agencies": "Instansi mitra",
    "officer_ids": "Petugas",
    "headcount_male": "Hadir tanpa tanda tangan (L)",
    "headcount_female": "Hadir tanpa tanda tangan (P)",
    "notes": "Catatan",
    "follow_ups": "Tindak lanjut",
    "letter_number": "Nomor surat tugas",
    "signed_at": "Waktu tanda tangan",
    "signature_png": "Tanda tangan",
    "consent_data": "Persetujuan data",
    "consent_photo": "Persetujuan foto",
    "guardian_consent": "Persetujuan wali",
    "guardian_name": "Nama wali",
    "transcribed": "Disalin dari daftar hadir kertas",
    "risk_type": "Jenis risiko",
    "narrative": "Kronologi",
    "urgency": "Urgensi",
    "agency_id": "Instansi penerima",
    "referred_on": "Tanggal rujuk",
    "channel": "Saluran",
    "contact_person": "Narahubung",
    "consent_share": "Persetujuan berbagi data",
    "status": "Status",
    "closure_reason": "Alasan penutupan",
    "event_date": "Tanggal tindak lanjut",
    "note": "Catatan",
    "abbreviation": "Singkatan",
    "kind": "Jenis",
    "active": "Aktif",
    "is_binaan": "Desa binaan",
    "sk_number": "Nomor SK",
    "sk_date": "Tanggal SK",
    "formed_session_id": "Kegiatan pembentukan",
    "ended_on": "Tanggal berakhir",
    "end_reason": "Alasan berakhir",
    "officers": "Petugas pembina",
    "focal_points": "Narahubung desa",
    "partner_programs": "Program mitra",
    "number": "Nomor",
    "issued_on": "Tanggal terbit",
    "void_reason": "Alasan pembatalan",
    "first_id": "Peserta pertama",
    "second_id": "Peserta kedua",
    "decided_on": "Tanggal keputusan",
    DELETED: "Dihapus",
}


@dataclass(frozen=True, slots=True)
class CandidateWords:
    """One candidate value as a clerk reads it."""

    hlc: str
    value: Any
    text: str
    officer: str
    device: str
    local_time: str
    provisional: bool


@dataclass(frozen=True, slots=True)
class ConflictWords:
    """A conflict described as a person would: what, which field, who wrote which value."""

    conflict_id: str
    kind: str
    record_kind: str
    record: str
    field_label: str
    explanation: str
    candidates: list[CandidateWords]

    def to_json(self) -> dict[str, Any]:
        """Extra keys for ``conflicts --json`` (the conflict's own keys stay as they are)."""
        data = asdict(self)
        data.pop("conflict_id")
        data.pop("kind")
        return {"description": data}


def field_label(field: str) -> str:
    """The Indonesian label of a field; unknown fields show their name."""
    return FIELD_LABELS.get(field, field)


def value_text(kind: Kind | None, value: Any) -> str:
    """A value as text, unquoted: labels for codes, Ya/Tidak for flags, lists joined."""
    if value is None or value == "" or value == []:
        return "(kosong)"
    if kind is not None and kind.base == "bool":
        return "Ya" if value else "Tidak"
    if kind is not None and kind.base == "enum" and kind.enum is not None:
        return label_of(kind.enum, value)
    if kind is not None and kind.base == "enums" and kind.enum is not None:
        enum = kind.enum
        return ", ".join(label_of(enum, v) for v in value)
    if kind is not None and kind.base == "image":
        return "(gambar tanda tangan)"
    if isinstance(value, list):
        return ", ".join(
            " — ".join(str(x) for x in v.values() if x) if isinstance(v, dict) else str(v)
            for v in value
        )
    return str(value)


def parse_typed(kind: Kind, text: str) -> Any:
    """What the clerk typed, as a value of the field's kind.

    Raises:
        InvalidInput: the text does not fit the field (reason in Indonesian).
    """
    text = text.strip()
    if not text:
        return None
    value: Any = text
    if kind.base == "int":
        try:
            value = int(text)
        except ValueError:
            raise InvalidInput("Isi dengan angka.") from None
    elif kind.base == "bool":
        lowered = text.lower()
        if lowered not in ("ya", "tidak", "y", "t"):
            raise InvalidInput("Isi dengan Ya atau Tidak.")
        value = lowered in ("ya", "y")
    elif kind.base == "enum" and kind.enum is not None:
        value = _enum_code(kind.enum, text)
    elif kind.base == "enums" and kind.enum is not None:
        enum = kind.enum
        value = [_enum_code(enum, part) for part in text.split(",") if part.strip()]
    elif kind.base == "texts":
        value = [part.strip() for part in text.split(",") if part.strip()]
    elif kind.base in ("image", "objects", "ref"):
        raise InvalidInput("Kolom ini tidak dapat diketik; pilih salah satu nilai.")
    problem = kind.problem(value)
    if problem:
        raise InvalidInput(f"Nilai tidak sah: {problem}.")
    return value


def _enum_code(enum: type[enums.Labelled], text: str) -> str:
    wanted = text.strip().lower()
    for member in enum:
        if wanted in (member.value.lower(), member.label.lower()):
            return member.value
    choices = ", ".join(member.label for member in enum)
    raise InvalidInput(f"Pilih salah satu: {choices}.")


THIS_DEVICE = "perangkat ini"
UNKNOWN_OFFICER = "petugas tidak dikenal"  # a device no officer profile names


def local_time(hlc: str) -> str:
    """The HLC's moment in this computer's time zone, in the app's one style: ``22 Nov 2026 10:15``."""
    return local_moment(Hlc.parse(hlc).time)


def _officers_by_device(store: Store) -> dict[str, str]:
    names = {
        row["device_id"]: row["name"] or ""
        for row in store.rows(
            "SELECT device_id, name FROM officers WHERE device_id IS NOT NULL AND deleted = 0"
        )
    }
    names.setdefault(store.device_id, THIS_DEVICE)  # the office's own edits: no officer profile
    return names


def describe_record(store: Store, table: str, rid: str) -> str:
    """The record as a person would name it: name, village, session."""
    row = _row(store, table, rid)
    if table == "people":
        return _join(row.get("full_name"), _village(row.get("village_name")), row.get("birth_year"))
    if table == "sessions":
        return _join(row.get("title"), row.get("date"), _village(row.get("village_name")))
    if table == "attendance":
        person = _row(store, "people", row.get("person_id") or "")
        session = _row(store, "sessions", row.get("session_id") or "")
        return _join(
            person.get("full_name"),
            f"hadir di {session.get('title')}" if session.get("title") else None,
            session.get("date"),
        )
    if table == "referrals":
        return _join(
            "rujukan " + label_of(enums.RiskType, row.get("risk_type")),
            row.get("referred_on"),
        )
    if table == "officers":
        return _join(row.get("name"), row.get("office"))
    if table == "agencies":
        return _join(row.get("abbreviation"), row.get("full_name"))
    if table == "villages":
        return _join(row.get("name"), row.get("region_path"))
    for key in ("name", "title", "number", "full_name"):
        if row.get(key):
            return str(row[key])
    return "(rekaman tanpa nama)"


def _row(store: Store, table: str, rid: str) -> dict[str, Any]:
    if table not in SCHEMA or not rid:
        return {}
    rows = store.rows(f'SELECT * FROM "{table}" WHERE id = ?', (rid,))
    return rows[0] if rows else {}


def _village(name: object) -> str | None:
    return f"Desa {name}" if name else None


def _join(*parts: object) -> str:
    return ", ".join(str(p) for p in parts if p not in (None, "")) or "(rekaman tanpa nama)"


def describe_conflict(
    store: Store, conflict: Conflict, officers: dict[str, str] | None = None
) -> ConflictWords:
    """The conflict in words; ``officers`` (device id → name) may be passed to describe many."""
    officers = officers if officers is not None else _officers_by_device(store)
    record_type = BY_TABLE.get(conflict.table)
    record_kind = record_type.LABEL if record_type else conflict.table
    record = describe_record(store, conflict.table, conflict.record_id)
    kind = SCHEMA.get(conflict.table, {}).get(conflict.field)
    candidates = []
    for candidate in conflict.candidates:
        if conflict.kind == "edited-after-deletion":
            text = "Hapus" if candidate.value is True else "Diubah setelah dihapus (pulihkan)"
        else:
            text = value_text(kind, candidate.value)
        candidates.append(
            CandidateWords(
                candidate.hlc,
                candidate.value,
                text,
                officers.get(candidate.device_id, UNKNOWN_OFFICER),
                candidate.device_id[:8],
                local_time(candidate.hlc),
                candidate.hlc == conflict.winner.hlc,
            )
        )
    if conflict.kind == "edited-after-deletion":
        deleter, editor = candidates[0], candidates[1]
        explanation = (
            f"{record_kind} ini dihapus oleh {deleter.officer} ({deleter.local_time}), tetapi "
            f"{editor.officer} mengubahnya kemudian ({editor.local_time}) tanpa mengetahui "
            "penghapusan itu. Pulihkan bila data ini masih diperlukan, atau biarkan tetap dihapus."
        )
    else:
        explanation = (
            f"{len(candidates)} petugas mengisi {field_label(conflict.field).lower()} secara "
            "berbeda. Pilih nilai yang benar, atau ketik nilai yang tepat."
        )
    return ConflictWords(
        conflict.conflict_id,
        conflict.kind,
        record_kind,
        record,
        "Diubah setelah dihapus"
        if conflict.kind == "edited-after-deletion"
        else field_label(conflict.field),
        explanation,
        candidates,
    )


def describe_conflicts(store: Store, conflicts: list[Conflict]) -> list[ConflictWords]:
    """Describe many conflicts with one officer lookup."""
    officers = _officers_by_device(store)
    return [describe_conflict(store, c, officers) for c in conflicts]
