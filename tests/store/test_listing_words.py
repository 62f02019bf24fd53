"""Listings searched and shown with the words people read: labels, officers."""

from __future__ import annotations

from petugaspembina.core.enums import RiskType
from petugaspembina.demo import generate
from petugaspembina.store.queries import list_referrals, list_sessions
from petugaspembina.store.store import Store


def test_referrals_are_found_by_the_labels_people_read(store: Store) -> None:
    generate(store, seed=1, sessions=12)
    present = {r.risk_type for r in list_referrals(store)}
    assert present
    for risk in present:  # e.g. "Dugaan Korban TPPO" finds the korban_tppo cases, and only them
        label = RiskType(risk).label
        found = list_referrals(store, text=label)
        assert found and all(r.risk_type == risk for r in found), label
    assert all(r.status == "selesai" for r in list_referrals(store, text="seLESai"))
    assert list_referrals(store, text="tidak ada yang begini") == []


def test_sessions_list_their_officers(store: Store) -> None:
    generate(store, seed=1, sessions=3)
    assert all(s.officers for s in list_sessions(store))
    bare = store.write("sessions", {"title": "Tanpa petugas", "date": "2026-11-22"})
    row = next(s for s in list_sessions(store) if s.id == bare)
    assert row.officers is None  # no officer ticked and no profile on this laptop


def test_a_person_signed_in_twice_under_linked_records_counts_once(store: Store) -> None:
    """The session list counts as the daftar hadir does: "Sity Aminah", linked to "Siti Aminah"
    after both signed in, is one woman present, not two."""
    from petugaspembina.sync.duplicates import link_duplicate

    session = store.write("sessions", {"title": "Sosialisasi TPPO", "date": "2026-11-20"})
    siti = store.write("people", {"full_name": "Siti Aminah", "sex": "P", "birth_year": 1990})
    sity = store.write("people", {"full_name": "Sity Aminah", "sex": "P", "birth_year": 1990})
    budi = store.write("people", {"full_name": "Budi", "sex": "L", "birth_year": 1985})
    for person in (siti, sity, budi):
        store.write("attendance", {"session_id": session, "person_id": person})
    (before,) = list_sessions(store)
    assert (before.attendees, before.male, before.female) == (3, 1, 2)
    link_duplicate(store, sity, siti)
    (after,) = list_sessions(store)
    assert (after.attendees, after.male, after.female) == (2, 1, 1)
