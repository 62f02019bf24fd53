"""Corrections an officer makes after the fact: edit a person, remove or restore a sign-in,
delete or restore a session with its sign-ins.

Each correction is ordinary field versions (an edit writes only the fields that changed; a removal
is ``_deleted``), so it travels in the next bundle and merges like any other change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.hlc import Hlc
from ..core.records import Attendance, Person, Record, Session
from ..core.validation import is_minor
from .errors import InvalidInput, NotFound
from .signin import PersonEntry, check_person, session_sign_ins
from .store import Edit, Store

# Person fields the edit form covers (merged_into is the clerk's duplicate link, not an edit).
PERSON_FIELDS = (
    "full_name",
    "sex",
    "birth_year",
    "birth_date",
    "category",
    "region_code",
    "village_name",
    "address",
    "phone",
    "nik",
    "agency",
    "position",
)


@dataclass(slots=True)
class PersonEdit:
    """The edit form's values: text as typed. ``nik`` empty keeps the stored NIK unless
    ``clear_nik``; ``birth_date`` is ``dd/mm/yyyy`` or empty."""

    entry: PersonEntry
    birth_date: str = ""
    address: str = ""
    clear_nik: bool = False
    # The sign-in whose parent or guardian the form shows (None: the person has no sign-in);
    # ``guardian_name`` as typed, required when the person was under 18 that day.
    attendance_id: str | None = None
    guardian_name: str = ""


@dataclass(frozen=True, slots=True)
class GuardianSignIn:
    """The sign-in the person form shows the parent or guardian of: its id, session and day."""

    attendance_id: str
    guardian_name: str | None
    session_title: str | None
    day: str | None  # yyyy-mm-dd


def guardian_sign_in(
    store: Store, person_id: str, attendance_id: str | None = None
) -> GuardianSignIn | None:
    """``attendance_id``'s sign-in, or the person's latest one (None when there is none)."""
    rows = store.rows(
        "SELECT a.id, a.guardian_name, s.title, substr(coalesce(s.date, a.signed_at), 1, 10) "
        "AS day FROM attendance a LEFT JOIN sessions s ON s.id = a.session_id "
        "WHERE a.person_id = ? AND a.deleted = 0 AND (? IS NULL OR a.id = ?) "
        "ORDER BY a.signed_at DESC LIMIT 1",
        (person_id, attendance_id, attendance_id),
    )
    if not rows:
        return None
    row = rows[0]
    return GuardianSignIn(row["id"], row["guardian_name"], row["title"], row["day"])


def _parse_day(text: str) -> date:
    day, month, year = (int(part) for part in text.replace("-", "/").split("/"))
    return date(year, month, day)


def check_person_edit(
    store: Store, person_id: str, edit: PersonEdit, today: date | None = None
) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """The changed fields, errors per field and warnings of an edit (nothing is written)."""
    person = store.get(Person, person_id)
    checked = check_person(edit.entry, today)
    errors = dict(checked.errors)
    values: dict[str, Any] = {name: checked.values.get(name) for name in PERSON_FIELDS}
    if not edit.entry.nik.strip():
        values["nik"] = None if edit.clear_nik else person.nik
    if not edit.entry.region_code and edit.entry.village_name.strip() == (
        person.village_name or ""
    ):
        values["region_code"] = person.region_code  # village untouched: keep its code
    values["address"] = " ".join(edit.address.split())[:300] or None
    values["birth_date"] = None
    if edit.birth_date.strip():
        try:
            born = _parse_day(edit.birth_date.strip())
        except ValueError:
            errors["birth_date"] = "Tanggal lahir harus dd/mm/yyyy, misalnya 17/08/1990."
        else:
            if born > (today or date.today()):
                errors["birth_date"] = "Tanggal lahir ada di masa depan."
            elif values.get("birth_year") not in (None, born.year):
                errors["birth_date"] = "Tahun pada tanggal lahir tidak sama dengan tahun lahir."
            else:
                values["birth_date"] = born.isoformat()
                values["birth_year"] = born.year
    if edit.attendance_id is not None:
        guardian = " ".join(edit.guardian_name.split())[:120]
        sign_in = store.get(Attendance, edit.attendance_id)
        day = (sign_in.signed_at or "")[:10]
        if not guardian and day and is_minor(values.get("birth_year"), date.fromisoformat(day)):
            errors["guardian_name"] = (
                "Peserta di bawah 18 tahun: isi nama orang tua/wali yang menyetujui."
            )
    nik = values.get("nik")
    if nik and nik != person.nik and "nik" not in errors:
        holder = store.rows(
            "SELECT id FROM people WHERE nik = ? AND id != ? AND deleted = 0 LIMIT 1",
            (nik, person_id),
        )
        if holder:
            errors["nik"] = "NIK ini sudah tercatat untuk peserta lain; hubungkan sebagai duplikat."
    changed = {
        name: value for name, value in values.items() if getattr(person, name, None) != value
    }
    return changed, errors, list(checked.warnings)


def changed_values(
    store: Store, record_type: type[Record], record_id: str | None, values: dict[str, Any]
) -> dict[str, Any]:
    """The values that differ from the record as stored: a form saved without a change writes
    no version (no false conflicts, no traffic); a new record keeps them all."""
    if record_id is None:
        return dict(values)
    try:
        current = store.get(record_type, record_id)
    except NotFound:
        return dict(values)
    missing = object()
    return {k: v for k, v in values.items() if getattr(current, k, missing) != v}


def edit_person(
    store: Store, person_id: str, edit: PersonEdit, today: date | None = None
) -> list[str]:
    """Save an edit of a person: only changed fields become new versions; returns warnings.

    Raises:
        InvalidInput: the first wrong field (``field`` names it), as on the sign-in screen.
        NotFound: the person is gone (deleted or erased).
    """
    changed, errors, warnings = check_person_edit(store, person_id, edit, today)
    if errors:
        name, message = next(iter(errors.items()))
        raise InvalidInput(message, name)
    writes = [Edit(Person.TABLE, changed, person_id)] if changed else []
    if edit.attendance_id is not None:
        guardian = " ".join(edit.guardian_name.split())[:120] or None
        values = {"guardian_name": guardian, "guardian_consent": guardian is not None}
        kept = changed_values(store, Attendance, edit.attendance_id, values)
        if kept:
            writes.append(Edit(Attendance.TABLE, kept, edit.attendance_id))
    if writes:  # one user action: the person and the sign-in's guardian together
        store.write_many(writes)
    return warnings


# -- sign-ins -----------------------------------------------------------------------------------
def remove_sign_in(store: Store, attendance_id: str) -> None:
    """Take a sign-in off its session's list (a delete that travels; restorable)."""
    if not store.rows("SELECT 1 FROM attendance WHERE id = ? AND deleted = 0", (attendance_id,)):
        raise NotFound("Tanda hadir tidak ditemukan atau sudah dihapus.")
    store.delete("attendance", attendance_id)


def restore_sign_in(store: Store, attendance_id: str) -> None:
    """Bring a removed sign-in back, unless the person has signed in to that session again."""
    rows = store.rows(
        "SELECT session_id, person_id FROM attendance WHERE id = ? AND erased = 0",
        (attendance_id,),
    )
    if not rows:
        raise NotFound("Tanda hadir tidak ditemukan.")
    survivor = store.rows(
        "SELECT coalesce(merged_into, id) AS id FROM people WHERE id = ?", (rows[0]["person_id"],)
    )
    person = survivor[0]["id"] if survivor else rows[0]["person_id"]
    for sign_in in session_sign_ins(store, rows[0]["session_id"]):
        if sign_in.person_id == person and sign_in.attendance_id != attendance_id:
            raise InvalidInput(
                f"Tidak dapat dipulihkan: peserta ini sudah tercatat hadir lagi "
                f"(nomor {sign_in.number}).",
                "person",
            )
    store.undelete("attendance", attendance_id)


# -- sessions -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DeletedSession:
    """A row of the deleted-sessions list."""

    id: str
    date: str | None
    title: str | None
    village_name: str | None
    sign_ins: int


def delete_session(store: Store, session_id: str) -> int:
    """Delete a session and its visible sign-ins in one action; returns the sign-ins removed.

    The session's delete is written first, then one delete per sign-in: ``restore_session`` knows
    the sign-ins that went with the session as those deleted after it by the same device.
    """
    store.get(Session, session_id)
    with store.transaction():
        store.delete(Session.TABLE, session_id)
        sign_ins = session_sign_ins(store, session_id)
        for sign_in in sign_ins:
            store.delete("attendance", sign_in.attendance_id)
    return len(sign_ins)


def _went_with(store: Store, session_id: str) -> list[str]:
    """Deleted sign-ins of a deleted session that were deleted with it (see delete_session)."""
    head = store.rows(
        """SELECT hlc FROM heads WHERE tbl = 'sessions' AND rid = ? AND field = '_deleted'
           AND value = 'true'""",
        (session_id,),
    )
    if not head:
        return []
    deleted_at = head[0]["hlc"]
    device = Hlc.parse(deleted_at).device_id
    rows = store.rows(
        """SELECT a.id FROM attendance a
           JOIN heads h ON h.tbl = 'attendance' AND h.rid = a.id AND h.field = '_deleted'
           WHERE a.session_id = ? AND a.deleted = 1 AND a.erased = 0 AND h.value = 'true'
             AND h.hlc > ? AND substr(h.hlc, -32) = ?""",
        (session_id, deleted_at, device),
    )
    return [row["id"] for row in rows]


def restore_session(store: Store, session_id: str) -> int:
    """Bring a deleted session back with the sign-ins deleted along with it; returns their count."""
    if not store.rows(
        "SELECT 1 FROM sessions WHERE id = ? AND deleted = 1 AND erased = 0", (session_id,)
    ):
        raise NotFound("Kegiatan terhapus tidak ditemukan.")
    with store.transaction():
        sign_ins = _went_with(store, session_id)
        store.undelete(Session.TABLE, session_id)
        for attendance_id in sign_ins:
            store.undelete("attendance", attendance_id)
    return len(sign_ins)


def deleted_sessions(store: Store) -> list[DeletedSession]:
    """Deleted sessions, newest first, with the sign-ins a restore would bring back."""
    rows = store.rows(
        """SELECT id, date, title, village_name FROM sessions
           WHERE deleted = 1 AND erased = 0 ORDER BY date DESC, id"""
    )
    return [
        DeletedSession(
            row["id"],
            row["date"],
            row["title"],
            row["village_name"],
            len(_went_with(store, row["id"])),
        )
        for row in rows
    ]
