"""Sign-ins (daftar hadir rows): the rules the sign-in screen, the kiosk and the list import share.

A returning person is signed in by id; a new one is validated, checked against the people who
came before (store.matching) and only then created, in the same transaction as the sign-in; the
same person twice at one session is refused with a pointer to the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from ..core.display import time_in_zone, zone_of
from ..core.enums import ParticipantCategory
from ..core.ids import new_record_id
from ..core.text import tidy_name
from ..core.validation import check_birth_year, check_nik, check_phone, check_sex, is_minor
from .errors import InvalidInput, NotFound
from .matching import Match, find_matches
from .store import Edit, Store


class AlreadySignedIn(InvalidInput):
    """This person has signed in to this session already."""

    def __init__(self, message: str, attendance_id: str, number: int) -> None:
        super().__init__(message, "person")
        self.attendance_id = attendance_id
        self.number = number


class PossibleMatch(InvalidInput):
    """The entry is probably someone who came before: choose them, or confirm a new person."""

    def __init__(self, matches: list[Match]) -> None:
        super().__init__(
            "Orang ini mungkin sudah pernah hadir: pilih dari daftar, "
            "atau simpan sebagai orang baru bila memang berbeda.",
            "full_name",
        )
        self.matches = matches


class NikTaken(InvalidInput):
    """The NIK typed belongs to a person already recorded: never a second person with it."""

    def __init__(self, match: Match) -> None:
        super().__init__(
            "NIK ini sudah tercatat untuk orang lain. Periksa NIK-nya, "
            "atau pilih orang itu dari daftar.",
            "nik",
        )
        self.match = match
        self.person_id = match.hit.id


MatchPolicy = Literal["offer", "use", "new"]


@dataclass(slots=True)
class PersonEntry:
    """What the sign-in form holds for a new person (all text, as typed)."""

    full_name: str = ""
    sex: str = ""
    birth_year: str = ""
    category: str = ""
    region_code: str | None = None
    village_name: str = ""
    phone: str = ""
    nik: str = ""
    agency: str = ""
    position: str = ""


@dataclass(slots=True)
class Checked:
    """Validated person fields, with errors per field and warnings."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def check_person(entry: PersonEntry, today: date | None = None) -> Checked:
    """Validate a new person's fields the way the form shows them (one message per field)."""
    out = Checked()
    name = tidy_name(entry.full_name)
    if not name:
        out.errors["full_name"] = "Nama wajib diisi."
    elif len(name) > 120:
        out.errors["full_name"] = "Nama paling panjang 120 karakter."
    out.values["full_name"] = name
    for key, check in (("sex", check_sex(entry.sex)),):
        if check.ok:
            out.values[key] = check.value
        else:
            out.errors[key] = check.errors[0]
    if entry.birth_year.strip():
        year = check_birth_year(entry.birth_year, today)
        if year.ok and year.value:
            out.values["birth_year"] = int(year.value)
        else:
            out.errors["birth_year"] = year.errors[0]
    if entry.category:
        if entry.category in ParticipantCategory.codes():
            out.values["category"] = entry.category
        else:
            out.errors["category"] = (
                f'Kategori "{entry.category[:60]}" tidak ada di daftar. '
                "Pilih dari daftar atau kosongkan."
            )
    if entry.phone.strip():
        phone = check_phone(entry.phone)
        if phone.ok:
            out.values["phone"] = phone.value
        else:
            out.errors["phone"] = phone.errors[0]
    if entry.nik.strip():
        nik = check_nik(entry.nik, out.values.get("sex"), today)
        if nik.ok:
            out.values["nik"] = nik.value
            out.warnings.extend(nik.warnings)
        else:
            out.errors["nik"] = nik.errors[0]
    for key in ("village_name", "agency", "position"):
        text = " ".join(getattr(entry, key).split())
        if text:
            out.values[key] = text[:160]
    if entry.region_code:
        out.values["region_code"] = entry.region_code
    return out


@dataclass(frozen=True, slots=True)
class SignInResult:
    """What one sign-in wrote: undo needs to know whether it created the person."""

    person_id: str
    attendance_id: str
    created_person: bool

    @property
    def returning(self) -> bool:
        """True when an existing person was signed in."""
        return not self.created_person


@dataclass(frozen=True, slots=True)
class SignIn:
    """A row of a session's live list."""

    attendance_id: str
    person_id: str
    number: int
    full_name: str | None
    sex: str | None
    village_name: str | None
    category: str | None
    signed_at: str | None
    has_signature: bool
    transcribed: bool = False  # typed from a paper daftar hadir


# The order a session's sign-ins are numbered in (``a`` is the attendance row): the order they
# were recorded, by the clock of the version that created each one, which travels with it to every
# device. Not by their times: a sign-in typed from paper takes the session's start time, and
# sorting by it moved it — and renumbered people already numbered — as later sign-ins came.
# A new sign-in always takes the next number; only removing one closes its gap.
SIGN_IN_ORDER = (
    "(SELECT min(v.hlc) FROM fc v WHERE v.tbl = 'attendance' AND v.rid = a.id "
    "AND json_type(v.body, '$.session_id') IS NOT NULL), coalesce(a.signed_at, ''), a.id"
)


def session_sign_ins(store: Store, session_id: str) -> list[SignIn]:
    """The session's sign-ins in order, numbered from 1."""
    rows = store.rows(
        f"""SELECT a.id, coalesce(p.merged_into, p.id) AS person_id, p.full_name, p.sex,
                  p.village_name, coalesce(a.category, p.category) AS category, a.signed_at,
                  a.signature_png IS NOT NULL AS has_signature,
                  coalesce(a.transcribed, 0) AS transcribed
           FROM attendance a JOIN people p ON p.id = a.person_id
           WHERE a.session_id = ? AND a.deleted = 0
           ORDER BY {SIGN_IN_ORDER}""",
        (session_id,),
    )
    return [
        SignIn(
            r["id"],
            r["person_id"],
            n,
            r["full_name"],
            r["sex"],
            r["village_name"],
            r["category"],
            r["signed_at"],
            bool(r["has_signature"]),
            bool(r["transcribed"]),
        )
        for n, r in enumerate(rows, start=1)
    ]


def _survivor(store: Store, person_id: str) -> str:
    row = store.rows("SELECT merged_into FROM people WHERE id = ?", (person_id,))
    return row[0]["merged_into"] or person_id if row else person_id


def _refuse_second(store: Store, session_id: str, person_id: str) -> None:
    for sign_in in session_sign_ins(store, session_id):
        if sign_in.person_id == _survivor(store, person_id):
            zone = store.rows("SELECT time_zone FROM sessions WHERE id = ?", (session_id,))
            at = time_in_zone(sign_in.signed_at, zone[0]["time_zone"] if zone else None)
            raise AlreadySignedIn(
                f"{sign_in.full_name} sudah tercatat hadir (nomor {sign_in.number}"
                + (f", pukul {at}" if at else "")
                + ").",
                sign_in.attendance_id,
                sign_in.number,
            )


def sign_in(
    store: Store,
    session_id: str,
    *,
    person_id: str | None = None,
    entry: PersonEntry | None = None,
    signature_png: str | None = None,
    consent_data: bool = True,
    consent_photo: bool = False,
    guardian_name: str | None = None,
    via: str = "petugas",
    now: datetime | None = None,
    matches: MatchPolicy = "offer",
    transcribed: bool = False,
) -> SignInResult:
    """Sign a returning (``person_id``) or new (``entry``) person in.

    ``matches`` says what happens when the entry is probably someone who came before:
    ``offer`` raises PossibleMatch (the officer chooses), ``use`` signs that person in (the kiosk,
    a list import), ``new`` creates a new person anyway (the officer said so). A NIK held by
    another person never creates a second one.

    Raises:
        AlreadySignedIn: the person is on this session's list already.
        PossibleMatch: ``offer`` and the entry matches people who came before.
        NikTaken: the NIK belongs to a recorded person (``new``, or a different name).
        InvalidInput: a field is wrong (``field`` names it), a minor lacks guardian consent, or
            the person has not agreed to their data being recorded (``consent_data``).
    """
    session = store.rows(
        "SELECT date, start_time, time_zone FROM sessions WHERE id = ? AND deleted = 0",
        (session_id,),
    )
    if not session:
        raise NotFound("Kegiatan tidak ditemukan.")
    edits: list[Edit] = []
    birth_year: int | None = None
    if person_id is None:
        if entry is None:
            raise InvalidInput("Isi data peserta atau pilih peserta yang pernah hadir.")
        checked = check_person(entry)
        if checked.errors:
            field_name, message = next(iter(checked.errors.items()))
            raise InvalidInput(message, field_name)
        found = find_matches(store, [checked.values])[0]
        if matches != "new":  # one of them already on the list: say so rather than offer
            for match in found:
                if match.same_person and match.reason != "mirip":
                    _refuse_second(store, session_id, match.hit.id)
        person_id = choose_match(found, matches)
        if person_id is None:
            person_id = new_record_id()
            birth_year = checked.values.get("birth_year")
            edits.append(Edit("people", checked.values, person_id, new=True))
    if not edits:
        row = store.rows("SELECT birth_year FROM people WHERE id = ? AND deleted = 0", (person_id,))
        if not row:
            raise NotFound("Peserta tidak ditemukan.")
        birth_year = row[0]["birth_year"]
    if transcribed:
        moment = session_moment(**session[0]) or now or datetime.now(UTC)
    else:
        moment = now or datetime.now(UTC)
    if is_minor(birth_year, moment.date()) and not guardian_name:
        raise InvalidInput(
            "Peserta di bawah 18 tahun: isi nama orang tua/wali yang menyetujui.", "guardian_name"
        )
    _refuse_second(store, session_id, person_id)
    if not consent_data:  # UU PDP: recorded only with the person's own agreement
        raise InvalidInput(
            "Peserta belum menyetujui datanya dicatat: centang persetujuan bila ia setuju.",
            "consent_data",
        )
    attendance_id = new_record_id()
    values = attendance_values(
        session_id,
        person_id,
        moment,
        via,
        consent_data=consent_data,
        consent_photo=consent_photo,
        signature_png=signature_png,
        guardian_name=guardian_name,
        transcribed=transcribed,
    )
    created = bool(edits)
    edits.append(Edit("attendance", values, attendance_id, new=True))
    store.write_many(edits)
    return SignInResult(person_id, attendance_id, created)


def attendance_values(
    session_id: str,
    person_id: str,
    moment: datetime,
    via: str,
    *,
    consent_data: bool = True,
    consent_photo: bool = False,
    signature_png: str | None = None,
    guardian_name: str | None = None,
    transcribed: bool = False,
) -> dict[str, Any]:
    """The fields of one new sign-in."""
    values: dict[str, Any] = {
        "session_id": session_id,
        "person_id": person_id,
        "signed_at": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "consent_data": consent_data,
        "consent_photo": consent_photo,
        "via": via,
    }
    if signature_png:
        values["signature_png"] = signature_png
    if guardian_name:
        values.update(guardian_consent=True, guardian_name=guardian_name)
    if transcribed:  # written only when set: a live sign-in carries no version of the field
        values["transcribed"] = True
    return values


def session_moment(
    date: str | None, start_time: str | None, time_zone: str | None
) -> datetime | None:
    """The session's time as a UTC moment: its date at its start time on the session's wall
    clock (midnight when no start time is known); None without a readable date."""
    try:
        day = datetime.fromisoformat(f"{date}T{start_time or '00:00'}")
    except (TypeError, ValueError):
        return None
    offset = timedelta(hours=zone_of(time_zone).utc_offset_hours)
    return day.replace(tzinfo=UTC) - offset


def choose_match(found: list[Match], policy: MatchPolicy) -> str | None:
    """The person an entry is under ``policy`` (None: a new person); raises as ``sign_in`` says."""
    if policy != "offer":  # a similar name is only ever offered, never taken as the person
        found = [m for m in found if m.reason != "mirip"]
    if not found:
        return None
    nik = [m for m in found if m.reason in ("nik", "nik_lain")]
    if policy == "offer":
        raise PossibleMatch(found)
    if nik and (policy == "new" or not nik[0].same_person):
        raise NikTaken(nik[0])
    if policy == "new":
        return None
    return found[0].hit.id


def undo_sign_in(store: Store, done: SignInResult) -> None:
    """Take back a sign-in; the person it created goes too unless something else refers to them."""
    with store.transaction():
        store.delete("attendance", done.attendance_id)
        if done.created_person:
            used = store.rows(
                """SELECT (SELECT count(*) FROM attendance WHERE person_id = ? AND deleted = 0)
                        + (SELECT count(*) FROM referrals WHERE person_id = ? AND deleted = 0)
                   AS n""",
                (done.person_id, done.person_id),
            )[0]["n"]
            if not used:
                store.delete("people", done.person_id)
