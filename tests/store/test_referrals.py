"""Referral workflow: Draf → Dirujuk → Diterima → Ditangani → Selesai, consent, timeline."""

from __future__ import annotations

from datetime import date

import pytest

from petugaspembina.core.enums import ReferralStatus as S
from petugaspembina.core.records import Referral
from petugaspembina.store.errors import InvalidInput
from petugaspembina.store.referrals import allowed_next, change_status, create_referral, timeline
from petugaspembina.store.store import Store

DAY = date(2026, 11, 22)


def test_full_workflow_with_timeline(store: Store) -> None:
    person = store.write("people", {"full_name": "Calon PMI", "birth_year": 1999})
    agency = store.write("agencies", {"abbreviation": "UPTD PPA", "full_name": "UPTD PPA"})
    rid = create_referral(store, person, {"risk_type": "cpmi_nonprosedural"}, DAY)
    with pytest.raises(InvalidInput, match="persetujuan"):
        change_status(store, rid, S.DIRUJUK, on=DAY)
    store.write("referrals", {"consent_share": True, "agency_id": agency}, rid)
    with pytest.raises(InvalidInput, match="tidak dapat diubah"):
        change_status(store, rid, S.SELESAI, on=DAY)
    for status in (S.DIRUJUK, S.DITERIMA, S.DITANGANI, S.SELESAI):
        change_status(store, rid, status, note=f"ke {status.value}", on=DAY)
    referral = store.get(Referral, rid)
    assert referral.status == "selesai" and referral.referred_on == "2026-11-22"
    assert referral.closure_reason == "ke selesai"
    assert [e.status for e in timeline(store, rid)] == [
        "draf",
        "dirujuk",
        "diterima",
        "ditangani",
        "selesai",
    ]
    assert allowed_next("selesai") == []


def test_minor_needs_guardian_consent_and_refusal_can_be_rereferred(store: Store) -> None:
    child = store.write("people", {"full_name": "Anak", "birth_year": 2012})
    agency = store.write("agencies", {"abbreviation": "Polri", "full_name": "Unit PPA"})
    rid = create_referral(
        store, child, {"risk_type": "korban_tppo", "consent_share": True, "agency_id": agency}, DAY
    )
    with pytest.raises(InvalidInput) as caught:
        change_status(store, rid, S.DIRUJUK, on=DAY)
    assert caught.value.field == "guardian_consent"
    store.write("referrals", {"guardian_consent": True}, rid)
    change_status(store, rid, S.DIRUJUK, on=DAY)
    change_status(store, rid, S.DITOLAK, "bukan wewenang", on=DAY)
    assert S.DIRUJUK in allowed_next("ditolak")
