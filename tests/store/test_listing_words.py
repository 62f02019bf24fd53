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
