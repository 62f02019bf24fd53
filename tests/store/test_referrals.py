"""Referral workflow: Draf → Dirujuk → Diterima → Ditangani → Selesai, consent, timeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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


def test_new_database_gets_the_receiving_agencies_once(store: Store) -> None:
    from petugaspembina.store.referrals import agencies, seed_agencies

    assert agencies(store) == []
    assert seed_agencies(store) == 7
    names = [label for _, label in agencies(store)]
    for abbreviation in (
        "UPTD PPA",
        "Polres/Polda (Unit PPA)",
        "BP3MI",
        "LPSK",
        "Dinas Sosial",
        "Disnaker",
        "P2TP2A",
    ):
        assert any(n.startswith(f"{abbreviation} — ") for n in names)
    versions = store.version_count()
    assert seed_agencies(store) == 0 and store.version_count() == versions


def test_a_database_with_its_own_agencies_is_not_seeded(store: Store) -> None:
    from petugaspembina.store.referrals import agencies, seed_agencies

    store.write("agencies", {"abbreviation": "UPTD PPA Kerinci", "full_name": "UPTD PPA Kerinci"})
    assert seed_agencies(store) == 0 and len(agencies(store)) == 1


def test_two_devices_seeding_merge_into_one_list_and_edits_win(
    store: Store, tmp_path: Path
) -> None:
    from petugaspembina.store.referrals import agencies, default_agency_id, seed_agencies
    from petugaspembina.sync.exporter import export_bundle
    from petugaspembina.sync.importer import import_file

    other = Store.open(tmp_path / "other.sqlite3")
    seed_agencies(store)
    seed_agencies(other)
    uptd = default_agency_id("uptd-ppa")
    store.write("agencies", {"phone": "+6281234567890"}, uptd)
    for source, target in ((store, other), (other, store)):
        bundle = export_bundle(source, tmp_path / f"{source.device_id}.json").path
        assert bundle is not None
        assert import_file(target, bundle, quarantine=tmp_path / "q").result == "imported"
    for db in (store, other):
        assert len(agencies(db)) == 7  # no duplicates
        assert db.rows("SELECT phone FROM agencies WHERE id = ?", (uptd,))[0]["phone"] == (
            "+6281234567890"
        )
        assert db.rows("SELECT count(*) AS n FROM heads WHERE conflict = 1")[0]["n"] == 0
    other.close()


def test_status_steps_carry_their_own_date(store: Store) -> None:
    person = store.write("people", {"full_name": "Calon PMI", "birth_year": 1999})
    agency = store.write("agencies", {"abbreviation": "LPSK", "full_name": "LPSK"})
    rid = create_referral(
        store,
        person,
        {"risk_type": "korban_tppo", "consent_share": True, "agency_id": agency},
        date(2026, 11, 1),
    )
    change_status(store, rid, S.DIRUJUK, on=date(2026, 11, 3))
    change_status(store, rid, S.DITERIMA, on=date(2026, 11, 5))
    assert [e.event_date for e in timeline(store, rid)] == [
        "2026-11-01",
        "2026-11-03",
        "2026-11-05",
    ]
    assert store.get(Referral, rid).referred_on == "2026-11-03"


def test_update_referral_writes_only_changed_details(store: Store) -> None:
    from petugaspembina.store.referrals import update_referral

    person = store.write("people", {"full_name": "Calon PMI", "birth_year": 1999})
    rid = create_referral(store, person, {"risk_type": "korban_tppo", "urgency": "biasa"}, DAY)
    before = store.version_count()
    written = update_referral(
        store, rid, {"risk_type": "korban_tppo", "urgency": "segera", "referred_on": "2026-11-20"}
    )
    assert written == ["referred_on", "urgency"] and store.version_count() == before + 2
    with pytest.raises(InvalidInput, match="jenis risiko"):
        update_referral(store, rid, {"risk_type": None})
