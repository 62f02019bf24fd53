"""Corrections: edit a person, remove/restore a sign-in, delete/restore a session — each as field
versions that travel in bundles and merge."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from petugaspembina.core.records import Person
from petugaspembina.store.corrections import (
    PersonEdit,
    check_person_edit,
    delete_session,
    deleted_sessions,
    edit_person,
    remove_sign_in,
    restore_session,
    restore_sign_in,
)
from petugaspembina.store.errors import InvalidInput, NotFound
from petugaspembina.store.queries import dump, list_sessions
from petugaspembina.store.signin import PersonEntry, session_sign_ins, sign_in
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.importer import import_file

NOW = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)


def _session(store: Store, title: str = "Sosialisasi TPPO") -> str:
    return store.write("sessions", {"title": title, "date": "2026-11-22"})


def _entry(name: str, sex: str = "P", year: str = "1995", **extra: str) -> PersonEntry:
    return PersonEntry(full_name=name, sex=sex, birth_year=year, **extra)


def _sign(store: Store, session_id: str, name: str, sex: str = "P") -> str:
    return sign_in(store, session_id, entry=_entry(name, sex), now=NOW).attendance_id


def _import(office: Store, path: Path | None, tmp_path: Path) -> None:
    assert path is not None
    report = import_file(office, path, quarantine=tmp_path / "q")
    assert report.result == "imported", report


def test_edit_person_writes_only_the_changed_fields(store: Store) -> None:
    session_id = _session(store)
    person_id = sign_in(store, session_id, entry=_entry("Siti Aminha"), now=NOW).person_id
    before = store.version_count()
    edit_person(store, person_id, PersonEdit(_entry("Siti Aminah")))
    assert store.get(Person, person_id).full_name == "Siti Aminah"
    assert store.version_count() == before + 1  # one field version: the name
    edit_person(store, person_id, PersonEdit(_entry("Siti Aminah")))
    assert store.version_count() == before + 1  # nothing changed, nothing written


def test_edit_person_refuses_an_empty_name(store: Store) -> None:
    person_id = store.write("people", {"full_name": "Budi", "sex": "L"})
    with pytest.raises(InvalidInput) as caught:
        edit_person(store, person_id, PersonEdit(_entry("  ", "L")))
    assert caught.value.field == "full_name"


def test_edit_person_refuses_a_birth_year_in_the_future(store: Store) -> None:
    person_id = store.write("people", {"full_name": "Budi", "sex": "L"})
    with pytest.raises(InvalidInput, match="masa depan") as caught:
        edit_person(store, person_id, PersonEdit(_entry("Budi", "L", "2999")))
    assert caught.value.field == "birth_year"


def test_edit_person_refuses_a_bad_phone(store: Store) -> None:
    person_id = store.write("people", {"full_name": "Budi", "sex": "L"})
    with pytest.raises(InvalidInput, match="telepon") as caught:
        edit_person(store, person_id, PersonEdit(_entry("Budi", "L", phone="12")))
    assert caught.value.field == "phone"


def test_edit_person_refuses_a_nik_held_by_someone_else(store: Store) -> None:
    store.write("people", {"full_name": "Ani", "sex": "P", "nik": "3201014501950001"})
    person_id = store.write("people", {"full_name": "Budi", "sex": "P"})
    _changed, errors, _ = check_person_edit(
        store, person_id, PersonEdit(_entry("Budi", nik="3201014501950001"))
    )
    assert "nik" in errors and "peserta lain" in errors["nik"]
    assert "Ani" not in errors["nik"]  # nobody else's name in the message


def test_edit_person_keeps_or_clears_the_stored_nik(store: Store) -> None:
    person_id = store.write("people", {"full_name": "Ani", "sex": "P", "nik": "3201014501950001"})
    edit_person(store, person_id, PersonEdit(_entry("Ani Lestari")))
    assert store.get(Person, person_id).nik == "3201014501950001"  # empty field keeps it
    edit_person(store, person_id, PersonEdit(_entry("Ani Lestari"), clear_nik=True))
    assert store.get(Person, person_id).nik is None


def test_edit_person_birth_date_must_match_the_birth_year(store: Store) -> None:
    person_id = store.write("people", {"full_name": "Ani", "sex": "P"})
    with pytest.raises(InvalidInput, match="tidak sama"):
        edit_person(store, person_id, PersonEdit(_entry("Ani", year="1990"), "17/08/1991"))
    with pytest.raises(InvalidInput, match="dd/mm/yyyy"):
        edit_person(store, person_id, PersonEdit(_entry("Ani", year="1990"), "31/02/1990"))
    edit_person(store, person_id, PersonEdit(_entry("Ani", year=""), "17/08/1990", "Jl. Melati 3"))
    person = store.get(Person, person_id)
    assert (person.birth_date, person.birth_year, person.address) == (
        "1990-08-17",
        1990,
        "Jl. Melati 3",
    )


def test_edit_of_an_erased_person_is_refused(store: Store) -> None:
    from petugaspembina.store.erasure import erase_person

    person_id = store.write("people", {"full_name": "Ani", "sex": "P"})
    erase_person(store, person_id)
    with pytest.raises(NotFound):
        edit_person(store, person_id, PersonEdit(_entry("Ani")))


def test_remove_and_restore_a_sign_in(store: Store) -> None:
    session_id = _session(store)
    first = _sign(store, session_id, "Siti Aminah")
    _sign(store, session_id, "Budi Santoso", "L")
    remove_sign_in(store, first)
    assert [s.full_name for s in session_sign_ins(store, session_id)] == ["Budi Santoso"]
    with pytest.raises(NotFound):
        remove_sign_in(store, first)  # already removed
    restore_sign_in(store, first)
    assert len(session_sign_ins(store, session_id)) == 2


def test_restore_of_a_sign_in_is_refused_when_the_person_signed_in_again(store: Store) -> None:
    session_id = _session(store)
    done = sign_in(store, session_id, entry=_entry("Siti Aminah"), now=NOW)
    remove_sign_in(store, done.attendance_id)
    sign_in(store, session_id, person_id=done.person_id, now=NOW)
    with pytest.raises(InvalidInput, match="sudah tercatat hadir lagi"):
        restore_sign_in(store, done.attendance_id)
    assert len(session_sign_ins(store, session_id)) == 1


def test_delete_and_restore_a_session_with_its_sign_ins(store: Store) -> None:
    session_id = _session(store)
    other = _session(store, "Rapat Timpora")
    removed_before = _sign(store, session_id, "Dihapus Dulu")
    for name in ("Siti Aminah", "Budi Santoso", "Ani Lestari"):
        _sign(store, session_id, name)
    _sign(store, other, "Peserta Lain")
    remove_sign_in(store, removed_before)
    assert delete_session(store, session_id) == 3
    assert [s.id for s in list_sessions(store)] == [other]
    assert session_sign_ins(store, session_id) == []
    assert [(d.title, d.sign_ins) for d in deleted_sessions(store)] == [("Sosialisasi TPPO", 3)]
    assert restore_session(store, session_id) == 3
    names = [s.full_name for s in session_sign_ins(store, session_id)]
    assert names == ["Siti Aminah", "Budi Santoso", "Ani Lestari"]  # the earlier removal stays
    assert deleted_sessions(store) == [] and len(session_sign_ins(store, other)) == 1
    with pytest.raises(NotFound):
        restore_session(store, session_id)


def test_corrections_travel_in_a_bundle(store: Store, tmp_path: Path) -> None:
    session_id = _session(store)
    done = sign_in(store, session_id, entry=_entry("Siti Aminha"), now=NOW)
    kept = _sign(store, session_id, "Budi Santoso", "L")
    office = Store.open(tmp_path / "office.sqlite3")
    first = export_bundle(store, tmp_path / "a.json", destination="kantor")
    _import(office, first.path, tmp_path)
    edit_person(store, done.person_id, PersonEdit(_entry("Siti Aminah")))
    remove_sign_in(store, kept)
    second = export_bundle(store, tmp_path / "b.json", destination="kantor")
    _import(office, second.path, tmp_path)
    assert office.get(Person, done.person_id).full_name == "Siti Aminah"
    assert len(session_sign_ins(office, session_id)) == 1
    delete_session(store, session_id)
    third = export_bundle(store, tmp_path / "c.json", destination="kantor")
    _import(office, third.path, tmp_path)
    assert list_sessions(office) == []
    assert restore_session(office, session_id) == 1  # the clerk restores at the office
    assert dump(office)["attendance"][0]["id"] == done.attendance_id
    office.close()


def test_emptying_a_minors_guardian_is_refused(store: Store) -> None:
    session_id = _session(store)
    done = sign_in(
        store, session_id, entry=_entry("Nur Aini", year="2012"), guardian_name="Siti", now=NOW
    )
    edit = PersonEdit(_entry("Nur Aini", year="2012"), attendance_id=done.attendance_id)
    with pytest.raises(InvalidInput, match="orang tua/wali") as refused:
        edit_person(store, done.person_id, edit)
    assert refused.value.field == "guardian_name"


def test_person_and_guardian_edit_travel_as_one_change(store: Store) -> None:
    session_id = _session(store)
    done = sign_in(
        store, session_id, entry=_entry("Nur Aini", year="2012"), guardian_name="Siti", now=NOW
    )
    before = store.version_count()
    edit = PersonEdit(
        _entry("Nur Aini", year="2012"), attendance_id=done.attendance_id, guardian_name="Siti R"
    )
    edit_person(store, done.person_id, edit)
    assert store.version_count() == before + 1  # only the guardian's name changed
    edit_person(store, done.person_id, edit)
    assert store.version_count() == before + 1
