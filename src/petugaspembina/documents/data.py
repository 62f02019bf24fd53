"""What a session's documents show: the session, its attendees (survivors of merged people), counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..core.records import Attendance, OfficeProfile, Officer, Person, Session, record_from_row
from ..store.errors import NotFound
from ..store.signin import SIGN_IN_ORDER
from ..store.store import Store
from .office import missing_fields, office_profile


@dataclass(slots=True)
class Attendee:
    """One sign-in with the person it stands for."""

    person: Person
    attendance: Attendance


@dataclass(slots=True)
class SessionDocument:
    """Everything the documents of one session need."""

    session: Session
    office: OfficeProfile
    attendees: list[Attendee] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # office profile fields still placeholders
    officers: list[Officer] = field(default_factory=list)  # ticked as present at the session

    @property
    def draft(self) -> bool:
        """True while the office profile has placeholders: documents then carry a draft mark."""
        return bool(self.missing)

    @property
    def by_sex(self) -> Counter[str]:
        """Signed-in attendees by sex (L/P)."""
        return Counter(a.person.sex or "?" for a in self.attendees)

    @property
    def by_category(self) -> Counter[str]:
        """Signed-in attendees by participant category code ("" when none was given)."""
        return Counter(a.attendance.category or a.person.category or "" for a in self.attendees)


def session_document(store: Store, session_id: str) -> SessionDocument:
    """Load a session and its visible sign-ins, each person resolved to its survivor."""
    try:
        session = store.get(Session, session_id)
    except NotFound:
        if store.rows(
            "SELECT 1 FROM sessions WHERE id = ? AND deleted = 1 AND erased = 0", (session_id,)
        ):
            raise NotFound(
                "Kegiatan ini sudah dihapus. Pulihkan dahulu lewat Kegiatan → Kegiatan "
                "terhapus… untuk membuat dokumennya."
            ) from None
        raise
    doc = SessionDocument(
        session,
        office_profile(store),
        missing=missing_fields(store),
        officers=session_officers(store, session),
    )
    rows = store.rows(
        f"""SELECT a.*, coalesce(m.id, p.id) AS survivor FROM attendance a
           JOIN people p ON p.id = a.person_id
           LEFT JOIN people m ON m.id = p.merged_into
           WHERE a.session_id = ? AND a.deleted = 0
           ORDER BY {SIGN_IN_ORDER}""",  # noqa: S608 (a constant of the store, no input)
        (session_id,),
    )
    seen: set[str] = set()
    for row in rows:
        survivor = row.pop("survivor")
        if survivor in seen:  # one person signed in twice under two ids: one row
            continue
        seen.add(survivor)
        person = store.get(Person, survivor, include_deleted=True)
        attendance = record_from_row(Attendance, row)
        assert isinstance(attendance, Attendance)
        doc.attendees.append(Attendee(person, attendance))
    return doc


def session_officers(store: Store, session: Session) -> list[Officer]:
    """The officers ticked as present at a session (ones not known here are left out)."""
    found = []
    for officer_id in session.officer_ids:
        try:
            found.append(store.get(Officer, officer_id))
        except NotFound:
            continue
    return found
