"""Synced record kinds: one dataclass each, whose field metadata is the sync schema (docs/sync.md).

Every field here travels in bundles as a field version; ``id`` and the pseudo-fields ``_deleted`` and
``_erased`` are handled by the store. Adding a field means adding it here and a store migration.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, ClassVar

from . import fields as k
from .enums import (
    AgencyKind,
    CertificateEventKind,
    CertificateStatus,
    Channel,
    ParticipantCategory,
    ReferralStatus,
    RiskType,
    SessionType,
    Sex,
    SignatoryPrefix,
    TimeZone,
    Topic,
    Urgency,
    VillageStatus,
)

LIST_KINDS = frozenset({"enums", "texts", "objects"})
DELETED = "_deleted"
ERASED = "_erased"
PSEUDO_FIELDS = {DELETED: k.flag(), ERASED: k.flag()}


# The keys of a desa binaan's assigned officer and focal point (``Village.officers``,
# ``Village.focal_points``); dates are ISO texts checked by the store.
OFFICER_KEYS = ("officer_id", "nip", "name", "letter_number", "start", "end")
FOCAL_POINT_KEYS = ("name", "position", "phone")


def synced(kind: k.Kind, default: Any = None) -> Any:
    """Declare a synced field of a record dataclass."""
    if isinstance(default, list):
        return field(default_factory=list, metadata={"kind": kind})
    return field(default=default, metadata={"kind": kind})


@dataclass(slots=True)
class Record:
    """Common part: the record id and whether it is deleted."""

    TABLE: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""
    id: str = ""
    deleted: bool = False


@dataclass(slots=True)
class Officer(Record):
    """A PIMPASA officer (one per device profile; others arrive by sync)."""

    TABLE: ClassVar[str] = "officers"
    LABEL: ClassVar[str] = "Petugas"
    name: str = synced(k.text(120, personal=True))
    nip: str | None = synced(k.digits(18, personal=True))
    position: str | None = synced(k.text(120))
    rank: str | None = synced(k.text(80))
    office: str | None = synced(k.text(160))
    device_id: str | None = synced(k.text(32))


@dataclass(slots=True)
class Village(Record):
    """A desa binaan in the office's register (docs/clerk.md "Desa Binaan"), written at the office.

    The id is derived from the region code (``store.desa_binaan.village_record_id``), so two clerks
    registering one village write one record and their edits merge (or conflict) field by field.
    ``officers`` are the assigned PIMPASA officers with their appointment letter and dates;
    ``focal_points`` the village's contacts (the phone is personal).
    """

    TABLE: ClassVar[str] = "villages"
    LABEL: ClassVar[str] = "Desa Binaan"
    region_code: str = synced(k.Kind("region"))
    name: str = synced(k.text(120))
    region_path: str | None = synced(k.text(300))
    is_binaan: bool = synced(k.flag(), False)
    sk_number: str | None = synced(k.text(120))
    sk_date: str | None = synced(k.Kind("date"))
    formed_session_id: str | None = synced(k.reference("sessions"))
    status: str = synced(k.choice(VillageStatus), VillageStatus.AKTIF.value)
    ended_on: str | None = synced(k.Kind("date"))
    end_reason: str | None = synced(k.text(500))
    officers: list[dict[str, str]] = synced(k.Kind("objects", max_len=120, keys=OFFICER_KEYS), [])
    focal_points: list[dict[str, str]] = synced(
        k.Kind("objects", max_len=120, keys=FOCAL_POINT_KEYS, personal=True), []
    )
    partner_programs: list[str] = synced(k.Kind("texts", max_len=120), [])
    notes: str | None = synced(k.text(4000, multiline=True))


@dataclass(slots=True)
class Session(Record):
    """A kegiatan: sosialisasi, pembentukan desa binaan, rapat Timpora or kunjungan."""

    TABLE: ClassVar[str] = "sessions"
    LABEL: ClassVar[str] = "Kegiatan"
    session_type: str = synced(k.choice(SessionType), SessionType.SOSIALISASI.value)
    title: str = synced(k.text(200))
    date: str = synced(k.Kind("date"))
    start_time: str | None = synced(k.Kind("time"))
    end_time: str | None = synced(k.Kind("time"))
    time_zone: str = synced(k.choice(TimeZone), TimeZone.WIB.value)
    venue: str | None = synced(k.text(200))
    region_code: str | None = synced(k.Kind("region"))
    village_name: str | None = synced(k.text(120))
    region_path: str | None = synced(k.text(300))
    village_id: str | None = synced(k.reference("villages"))
    topics: list[str] = synced(k.choices(Topic), [])
    speakers: list[dict[str, str]] = synced(
        k.Kind("objects", max_len=200, keys=("name", "agency", "position")), []
    )
    partner_agencies: list[str] = synced(k.Kind("texts", max_len=120), [])
    officer_ids: list[str] = synced(k.Kind("texts", max_len=36), [])
    headcount_male: int | None = synced(k.integer(0, 100_000))
    headcount_female: int | None = synced(k.integer(0, 100_000))
    notes: str | None = synced(k.text(20_000, multiline=True))
    follow_ups: str | None = synced(k.text(20_000, multiline=True))
    letter_number: str | None = synced(k.text(120))


@dataclass(slots=True)
class Person(Record):
    """A participant or a referred person. NIK is optional and personal."""

    TABLE: ClassVar[str] = "people"
    LABEL: ClassVar[str] = "Peserta"
    full_name: str = synced(k.text(120, personal=True))
    sex: str | None = synced(k.choice(Sex))
    birth_year: int | None = synced(k.integer(1850, 2200))
    birth_date: str | None = synced(k.Kind("date", personal=True))
    nik: str | None = synced(k.digits(16, personal=True))
    phone: str | None = synced(k.text(20, personal=True))
    region_code: str | None = synced(k.Kind("region"))
    village_name: str | None = synced(k.text(120))
    address: str | None = synced(k.text(300, personal=True))
    category: str | None = synced(k.choice(ParticipantCategory))
    agency: str | None = synced(k.text(160))
    position: str | None = synced(k.text(160))
    merged_into: str | None = synced(k.reference("people"))


@dataclass(slots=True)
class Attendance(Record):
    """A sign-in (daftar hadir row) of one person at one session."""

    TABLE: ClassVar[str] = "attendance"
    LABEL: ClassVar[str] = "Daftar Hadir"
    session_id: str = synced(k.reference("sessions"))
    person_id: str = synced(k.reference("people"))
    signed_at: str | None = synced(k.Kind("datetime"))
    category: str | None = synced(k.choice(ParticipantCategory))
    agency: str | None = synced(k.text(160))
    position: str | None = synced(k.text(160))
    signature_png: str | None = synced(k.Kind("image", max_len=400_000, personal=True))
    consent_data: bool = synced(k.flag(), False)
    consent_photo: bool = synced(k.flag(), False)
    guardian_consent: bool = synced(k.flag(), False)
    guardian_name: str | None = synced(k.text(120, personal=True))
    via: str | None = synced(k.text(20))
    # Typed afterwards from a paper daftar hadir: the signature is on the paper, not here.
    transcribed: bool = synced(k.flag(), False)


@dataclass(slots=True)
class Agency(Record):
    """A receiving agency for referrals, with its contact (editable list)."""

    TABLE: ClassVar[str] = "agencies"
    LABEL: ClassVar[str] = "Instansi"
    kind: str = synced(k.choice(AgencyKind), AgencyKind.LAINNYA.value)
    abbreviation: str = synced(k.text(40))
    full_name: str = synced(k.text(200))
    region: str | None = synced(k.text(120))
    contact_person: str | None = synced(k.text(120, personal=True))
    phone: str | None = synced(k.text(20, personal=True))
    email: str | None = synced(k.text(120))
    address: str | None = synced(k.text(300))
    active: bool = synced(k.flag(), True)


@dataclass(slots=True)
class Referral(Record):
    """A rujukan: a person at risk referred to an agency. Every referral is specific personal data."""

    TABLE: ClassVar[str] = "referrals"
    LABEL: ClassVar[str] = "Rujukan"
    person_id: str = synced(k.reference("people"))
    session_id: str | None = synced(k.reference("sessions"))
    risk_type: str = synced(k.choice(RiskType))
    narrative: str | None = synced(k.text(20_000, personal=True, multiline=True))
    modus: str | None = synced(k.text(2_000, personal=True, multiline=True))
    source: str | None = synced(k.text(200, personal=True))
    urgency: str = synced(k.choice(Urgency), Urgency.BIASA.value)
    agency_id: str | None = synced(k.reference("agencies"))
    referred_on: str | None = synced(k.Kind("date"))
    channel: str | None = synced(k.choice(Channel))
    contact_person: str | None = synced(k.text(120, personal=True))
    consent_share: bool = synced(k.flag(), False)
    guardian_consent: bool = synced(k.flag(), False)
    status: str = synced(k.choice(ReferralStatus), ReferralStatus.DRAF.value)
    closure_reason: str | None = synced(k.text(2_000, personal=True, multiline=True))


@dataclass(slots=True)
class ReferralEvent(Record):
    """A dated follow-up on a referral; append-only."""

    TABLE: ClassVar[str] = "referral_events"
    LABEL: ClassVar[str] = "Tindak Lanjut"
    referral_id: str = synced(k.reference("referrals"))
    event_date: str = synced(k.Kind("date"))
    status: str | None = synced(k.choice(ReferralStatus))
    note: str | None = synced(k.text(4_000, personal=True, multiline=True))


@dataclass(slots=True)
class OfficeProfile(Record):
    """The office's letterhead, signatory and document wording (one record per office)."""

    TABLE: ClassVar[str] = "office_profiles"
    LABEL: ClassVar[str] = "Profil Kantor"
    letterhead: list[str] = synced(k.Kind("texts", max_len=120), [])
    address: str | None = synced(k.text(300))
    phone: str | None = synced(k.text(60))
    website: str | None = synced(k.text(120))
    city: str | None = synced(k.text(80))
    logo_png: str | None = synced(k.Kind("image", max_len=2_000_000))
    signatory_name: str | None = synced(k.text(120))
    signatory_nip: str | None = synced(k.digits(18))
    signatory_position: str | None = synced(k.text(160))
    signatory_prefix: str | None = synced(k.choice(SignatoryPrefix))
    signature_png: str | None = synced(k.Kind("image", max_len=2_000_000))
    stamp_png: str | None = synced(k.Kind("image", max_len=2_000_000))
    certificate_title: str | None = synced(k.text(120))
    certificate_body: str | None = synced(k.text(1_000, multiline=True))
    numbering_pattern: str | None = synced(k.text(120))


@dataclass(slots=True)
class Certificate(Record):
    """A certificate of attendance in the register; its number is unique without coordination."""

    TABLE: ClassVar[str] = "certificates"
    LABEL: ClassVar[str] = "Sertifikat"
    number: str = synced(k.text(120))
    person_id: str = synced(k.reference("people"))
    session_id: str = synced(k.reference("sessions"))
    issued_on: str = synced(k.Kind("date"))
    device_id: str = synced(k.text(32))
    signature: str | None = synced(k.text(200))
    status: str = synced(k.choice(CertificateStatus), CertificateStatus.ISSUED.value)
    void_reason: str | None = synced(k.text(500))


@dataclass(slots=True)
class CertificateEvent(Record):
    """Issue, reprint or void of a certificate; append-only."""

    TABLE: ClassVar[str] = "certificate_events"
    LABEL: ClassVar[str] = "Riwayat Sertifikat"
    certificate_id: str = synced(k.reference("certificates"))
    kind: str = synced(k.choice(CertificateEventKind))
    at: str = synced(k.Kind("datetime"))
    note: str | None = synced(k.text(500))


@dataclass(slots=True)
class DeviceKey(Record):
    """A device's public signing key: lets any office verify that device's certificates."""

    TABLE: ClassVar[str] = "device_keys"
    LABEL: ClassVar[str] = "Kunci Perangkat"
    device_id: str = synced(k.text(32))
    public_key: str = synced(k.text(64))


@dataclass(slots=True)
class KeptApart(Record):
    """The clerk's "Berbeda" decision: two people records are different people, never suggest them
    as duplicates again. The id is derived from the pair, so two offices deciding it converge on
    one record; undoing it deletes the record."""

    TABLE: ClassVar[str] = "kept_apart"
    LABEL: ClassVar[str] = "Bukan Duplikat"
    first_id: str = synced(k.reference("people"))
    second_id: str = synced(k.reference("people"))
    decided_on: str | None = synced(k.Kind("date"))


@dataclass(slots=True)
class Photo(Record):
    """A photo of a session (documentation for the report's annex). The JPEG bytes are stored and
    sent apart from the record, addressed by ``sha256`` (docs/sync.md "Photos")."""

    TABLE: ClassVar[str] = "photos"
    LABEL: ClassVar[str] = "Foto"
    session_id: str = synced(k.reference("sessions"))
    sha256: str = synced(k.Kind("sha256", max_len=64))
    caption: str | None = synced(k.text(300))
    taken_at: str | None = synced(k.Kind("datetime"))
    position: int = synced(k.integer(0, 100_000), 0)
    keep_location: bool = synced(k.flag(), False)
    width: int | None = synced(k.integer(1, 100_000))
    height: int | None = synced(k.integer(1, 100_000))
    byte_size: int | None = synced(k.integer(1, 1_000_000_000))


RECORD_TYPES: tuple[type[Record], ...] = (
    Officer,
    Village,
    Session,
    Person,
    Attendance,
    Agency,
    Referral,
    ReferralEvent,
    OfficeProfile,
    Certificate,
    CertificateEvent,
    DeviceKey,
    KeptApart,
    Photo,
)
BY_TABLE: dict[str, type[Record]] = {cls.TABLE: cls for cls in RECORD_TYPES}


def field_kinds(record_type: type[Record]) -> dict[str, k.Kind]:
    """The synced fields of a record type and their kinds, in declaration order."""
    return {
        f.name: f.metadata["kind"] for f in dataclasses.fields(record_type) if "kind" in f.metadata
    }


SCHEMA: dict[str, dict[str, k.Kind]] = {
    cls.TABLE: {**field_kinds(cls), **PSEUDO_FIELDS} for cls in RECORD_TYPES
}


def record_from_row(record_type: type[Record], row: dict[str, Any]) -> Record:
    """Build a record dataclass from a current-state row (missing values get the defaults)."""
    values: dict[str, Any] = {"id": row["id"], "deleted": bool(row.get("deleted"))}
    for name, kind in field_kinds(record_type).items():
        raw = row.get(name)
        if raw is None:
            continue
        if kind.base == "bool":
            values[name] = bool(raw)
        elif kind.base in LIST_KINDS:
            values[name] = json.loads(raw)
        else:
            values[name] = raw
    return record_type(**values)
