"""Listings searched and shown with the words people read: labels, officers."""

from __future__ import annotations

from petugaspembina.demo import generate
from petugaspembina.store.queries import list_referrals, list_sessions
from petugaspembina.store.store import Store


def test_referrals_are_found_by_the_labels_people_read(store: Store) -> None:
    generate(store, seed=1, sessions=12)
    found = list_referrals(store, text="Perekrut")
    assert found and all(r.risk_type == "calo" for r in found)
    assert all(r.status == "selesai" for r in list_referrals(store, text="seLESai"))
    assert list_referrals(store, text="tidak ada yang begini") == []


def test_sessions_list_their_officers(store: Store) -> None:
    generate(store, seed=1, sessions=3)
    assert all(s.officers for s in list_sessions(store))
    bare = store.write("sessions", {"title": "Tanpa petugas", "date": "2026-11-22"})
    row = next(s for s in list_sessions(store) if s.id == bare)
    assert row.officers is None  # no officer ticked and no profile on this laptop
