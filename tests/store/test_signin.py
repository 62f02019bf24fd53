"""Sign-in rules: new and returning people, duplicates refused with a pointer, minors, undo."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from petugaspembina.store.errors import InvalidInput
from petugaspembina.store.search import search_people
from petugaspembina.store.signin import (
    AlreadySignedIn,
    PersonEntry,
    check_person,
    session_sign_ins,
    sign_in,
    undo_sign_in,
)
from petugaspembina.store.store import Store

NOW = datetime(2026, 11, 22, 2, 30, tzinfo=UTC)


@pytest.fixture
def session(store: Store) -> str:
    return store.write("sessions", {"title": "Sosialisasi", "date": "2026-11-22"})


def test_new_person_then_returning_person_found_by_search(store: Store, session: str) -> None:
    first = sign_in(
        store,
        session,
        entry=PersonEntry(
            full_name=" Siti   Aminah ", sex="p", birth_year="1990", phone="0812-3456-7890"
        ),
        now=NOW,
    )
    assert first.created_person
    hits = search_people(store, "amin")
    assert [h.id for h in hits] == [first.person_id]
    other = store.write("sessions", {"title": "Sosialisasi 2", "date": "2026-11-29"})
    again = sign_in(store, other, person_id=hits[0].id, now=NOW)
    assert not again.created_person and again.person_id == first.person_id
    rows = session_sign_ins(store, session)
    assert [(r.number, r.full_name, r.sex) for r in rows] == [(1, "Siti Aminah", "P")]
    assert store.rows("SELECT phone FROM people")[0]["phone"] == "+6281234567890"


def test_second_sign_in_is_refused_with_a_pointer(store: Store, session: str) -> None:
    first = sign_in(store, session, entry=PersonEntry(full_name="Budi", sex="L"), now=NOW)
    with pytest.raises(AlreadySignedIn) as caught:
        sign_in(store, session, person_id=first.person_id, now=NOW)
    assert caught.value.number == 1 and "sudah tercatat hadir (nomor 1" in str(caught.value)
    assert caught.value.attendance_id == first.attendance_id
    # Typing the same NIK again finds the same person, and is refused the same way.
    nik = "3201011302900001"
    store.write("people", {"nik": nik}, first.person_id)
    with pytest.raises(AlreadySignedIn):
        sign_in(store, session, entry=PersonEntry(full_name="Budi S", sex="L", nik=nik), now=NOW)
    assert len(session_sign_ins(store, session)) == 1


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        (PersonEntry(full_name="", sex="L"), "full_name"),
        (PersonEntry(full_name="A", sex="X"), "sex"),
        (PersonEntry(full_name="A", sex="L", birth_year="2099"), "birth_year"),
        (PersonEntry(full_name="A", sex="L", phone="123"), "phone"),
        (PersonEntry(full_name="A", sex="L", nik="123"), "nik"),
    ],
)
def test_bad_fields_are_refused_by_name(
    store: Store, session: str, entry: PersonEntry, field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        sign_in(store, session, entry=entry, now=NOW)
    assert caught.value.field == field
    assert session_sign_ins(store, session) == []


def test_nik_warnings_do_not_block(store: Store) -> None:
    checked = check_person(PersonEntry(full_name="A", sex="L", nik="3201015302900001"))
    assert not checked.errors and checked.warnings  # a woman's NIK for a man: warn only


def test_minor_needs_a_guardian(store: Store, session: str) -> None:
    entry = PersonEntry(full_name="Anak Sekolah", sex="P", birth_year="2012")
    with pytest.raises(InvalidInput) as caught:
        sign_in(store, session, entry=entry, now=NOW)
    assert caught.value.field == "guardian_name"
    done = sign_in(store, session, entry=entry, guardian_name="Ibu Ratna", now=NOW)
    row = store.rows(
        "SELECT guardian_consent, guardian_name FROM attendance WHERE id = ?", (done.attendance_id,)
    )[0]
    assert row == {"guardian_consent": 1, "guardian_name": "Ibu Ratna"}


def test_no_sign_in_without_consent_to_record_data(store: Store, session: str) -> None:
    entry = PersonEntry(full_name="Budi Santoso", sex="L", birth_year="1980")
    with pytest.raises(InvalidInput) as caught:
        sign_in(store, session, entry=entry, consent_data=False, now=NOW)
    assert caught.value.field == "consent_data" and "menyetujui" in str(caught.value)
    assert store.rows("SELECT COUNT(*) AS n FROM people")[0]["n"] == 0  # nobody written
    assert store.rows("SELECT COUNT(*) AS n FROM attendance")[0]["n"] == 0


def test_undo_takes_back_the_sign_in_and_the_person_it_created(store: Store, session: str) -> None:
    new = sign_in(store, session, entry=PersonEntry(full_name="Joko", sex="L"), now=NOW)
    undo_sign_in(store, new)
    assert session_sign_ins(store, session) == [] and search_people(store, "joko") == []
    keeper = sign_in(store, session, entry=PersonEntry(full_name="Lestari", sex="P"), now=NOW)
    other = store.write("sessions", {"title": "Lain", "date": "2026-12-01"})
    later = sign_in(store, other, person_id=keeper.person_id, now=NOW)
    undo_sign_in(store, later)
    assert [h.full_name for h in search_people(store, "lestari")] == ["Lestari"]


def test_search_short_words_narrow_by_name(store: Store) -> None:
    store.write("people", {"full_name": "Siti Aminah"})
    store.write("people", {"full_name": "Siti Rahma"})
    assert [h.full_name for h in search_people(store, "siti am")] == ["Siti Aminah"]
    assert [h.full_name for h in search_people(store, "Si")] == ["Siti Aminah", "Siti Rahma"]
    assert search_people(store, "   ") == []
    assert search_people(store, '"; DROP TABLE people; --') == []


def test_second_sign_in_names_the_time_in_the_sessions_zone(store: Store) -> None:
    wita = store.write(
        "sessions", {"title": "Sosialisasi", "date": "2026-11-22", "time_zone": "WITA"}
    )
    first = sign_in(store, wita, entry=PersonEntry(full_name="Budi", sex="L"), now=NOW)
    with pytest.raises(AlreadySignedIn) as caught:
        sign_in(store, wita, person_id=first.person_id, now=NOW)
    assert "pukul 10:30 WITA" in str(caught.value) and "UTC" not in str(caught.value)
