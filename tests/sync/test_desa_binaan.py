"""The Desa Binaan register: entries, the derived id, merging like any record, the migration, and
the rule that only the office writes the register."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from petugaspembina.core.records import Village
from petugaspembina.profile import create_profile
from petugaspembina.store.desa_binaan import (
    Appointment,
    EntryValues,
    FocalPoint,
    add_entry,
    appointment_for,
    edit_entry,
    end_entry,
    entries_of_officer,
    get_entry,
    list_entries,
    mask_phone,
    officer_by_nip,
    village_record_id,
    with_village_link,
)
from petugaspembina.store.errors import InvalidInput, NotFound
from petugaspembina.store.migrations import migrations
from petugaspembina.store.schema_version import SCHEMA_VERSION
from petugaspembina.store.store import Store
from petugaspembina.sync.conflicts import list_conflicts
from petugaspembina.sync.exporter import export_bundle

from .helpers import cli_import

ARUS_DERAS = "61.12.08.2013"
NIP = "198609262015051001"


@pytest.fixture
def store() -> Store:
    s = Store.open(":memory:")
    create_profile(s, "Rahmat Hidayat", NIP, "Kantor Imigrasi Pontianak", None)
    return s


def test_an_entry_keeps_the_village_snapshot_sk_officers_and_focal_points(store: Store) -> None:
    officer = officer_by_nip(store, NIP)
    rid = add_entry(
        store,
        ARUS_DERAS,
        EntryValues(
            "W.16-UM.01.01-123",
            "2026-02-03",
            officers=[appointment_for(store, officer.id, letter_number="ST-1", start="2026-02-03")],
            focal_points=[FocalPoint("Mulyadi", "Kepala Desa", "0812-3456-7890")],
            partner_programs=["Desa Emas (BP3MI)"],
        ),
    )
    assert rid == village_record_id(ARUS_DERAS)
    entry = get_entry(store, rid)
    assert (entry.name, entry.sk_number, entry.sk_date) == (
        "Arus Deras",
        "W.16-UM.01.01-123",
        "2026-02-03",
    )
    assert "Kubu Raya" in entry.region_path and entry.active
    assert entry.officers == [
        Appointment(officer.id, NIP, "Rahmat Hidayat", "ST-1", "2026-02-03", "")
    ]
    assert entry.focal_points[0].phone == "+6281234567890"
    assert entry.focal_points[0].phone_masked == "0812-****-7890"
    assert entry.partner_programs == ["Desa Emas (BP3MI)"]
    assert entries_of_officer(store, officer.id) == [entry]


def test_mask_phone_hides_the_middle_digits() -> None:
    assert mask_phone("+6281234567890") == "0812-****-7890"
    assert mask_phone("") == ""
    assert "5678" not in mask_phone("0812 5678 1234")


def test_unknown_region_code_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="bukan kode desa/kelurahan"):
        add_entry(store, "99.99.99.9999", EntryValues("SK", "2026-01-01"))


def test_a_regency_code_is_not_a_village(store: Store) -> None:
    with pytest.raises(InvalidInput, match="bukan kode desa/kelurahan"):
        add_entry(store, "61.12", EntryValues("SK", "2026-01-01"))


def test_bad_sk_date_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="Tanggal SK harus tanggal YYYY-MM-DD"):
        add_entry(store, ARUS_DERAS, EntryValues("SK", "3 Feb 2026"))


def test_missing_sk_number_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="Nomor SK wajib"):
        add_entry(store, ARUS_DERAS, EntryValues(" ", "2026-01-01"))


def test_duplicate_entry_is_refused(store: Store) -> None:
    add_entry(store, ARUS_DERAS, EntryValues("SK-1", "2026-01-01"))
    with pytest.raises(InvalidInput, match="sudah terdaftar sebagai desa binaan \\(SK SK-1\\)"):
        add_entry(store, ARUS_DERAS, EntryValues("SK-2", "2026-02-01"))


def test_unknown_nip_is_refused(store: Store) -> None:
    with pytest.raises(NotFound, match="NIP 199103122017122002 belum dikenal"):
        officer_by_nip(store, "199103122017122002")


def test_malformed_nip_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="NIP '123' tidak sah"):
        officer_by_nip(store, "123")


def test_bad_focal_point_phone_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="Narahubung desa baris 1: Nomor telepon tidak valid"):
        add_entry(
            store,
            ARUS_DERAS,
            EntryValues("SK", "2026-01-01", focal_points=[FocalPoint("Mulyadi", "Kades", "12")]),
        )


def test_appointment_ending_before_it_starts_is_refused(store: Store) -> None:
    officer = officer_by_nip(store, NIP)
    bad = appointment_for(store, officer.id, start="2026-05-01", end="2026-04-01")
    with pytest.raises(InvalidInput, match="akhir tugas harus sesudah"):
        add_entry(store, ARUS_DERAS, EntryValues("SK", "2026-01-01", officers=[bad]))


def test_ending_an_entry_keeps_it_with_date_and_reason(store: Store) -> None:
    add_entry(store, ARUS_DERAS, EntryValues("SK-1", "2026-01-01"))
    ended = end_entry(store, ARUS_DERAS, "2026-10-01", "Pemekaran desa")
    assert (ended.status, ended.ended_on, ended.end_reason) == (
        "berakhir",
        "2026-10-01",
        "Pemekaran desa",
    )
    assert list_entries(store, include_ended=False) == []
    with pytest.raises(InvalidInput, match="sudah berakhir"):
        end_entry(store, ARUS_DERAS, "2026-10-02", "lagi")
    # designated again by a new SK: the same record, active again
    assert add_entry(store, ARUS_DERAS, EntryValues("SK-2", "2027-01-05")) == ended.id
    again = get_entry(store, ended.id)
    assert again.active and again.sk_number == "SK-2" and again.ended_on is None


def test_ending_an_unknown_village_is_refused(store: Store) -> None:
    with pytest.raises(NotFound, match="tidak ada di register desa binaan"):
        end_entry(store, ARUS_DERAS, "2026-10-01", "x")


def test_end_before_the_sk_is_refused(store: Store) -> None:
    add_entry(store, ARUS_DERAS, EntryValues("SK-1", "2026-05-01"))
    with pytest.raises(InvalidInput, match="sebelum tanggal SK"):
        end_entry(store, ARUS_DERAS, "2026-04-01", "salah")


def test_edit_writes_only_what_changed(store: Store) -> None:
    rid = add_entry(store, ARUS_DERAS, EntryValues("SK-1", "2026-01-01", notes="awal"))
    before = store.version_count()
    edit_entry(store, rid, EntryValues("SK-1", "2026-01-01", notes="sesudah rapat"))
    assert store.version_count() == before + 1
    assert get_entry(store, rid).notes == "sesudah rapat"


def test_a_new_session_in_a_desa_binaan_is_linked(store: Store) -> None:
    rid = add_entry(store, ARUS_DERAS, EntryValues("SK-1", "2026-01-01"))
    values = with_village_link(
        store, {"title": "Sosialisasi", "date": "2026-03-01", "region_code": ARUS_DERAS}
    )
    session = store.write("sessions", values)
    assert store.rows("SELECT village_id FROM sessions WHERE id = ?", (session,)) == [
        {"village_id": rid}
    ]
    elsewhere = with_village_link(store, {"date": "2026-03-01", "region_code": "61.12.08.2001"})
    assert elsewhere["village_id"] is None


def _clerk(path: Path, name: str, nip: str) -> Path:
    with Store.open(path) as s:
        create_profile(s, name, nip, "Kantor Imigrasi Pontianak", None)
    return path


def _send(source: Path, target: Path, name: str) -> None:
    with Store.open(source) as s:
        result = export_bundle(s, source.parent / name, full=True, plain=True)
    assert result.path is not None
    assert cli_import(target, result.path)[0] == 0


def test_two_clerks_editing_one_entry_give_a_conflict(tmp_path: Path) -> None:
    first = _clerk(tmp_path / "a.db", "Nur Aisyah", "199201012019022001")
    second = _clerk(tmp_path / "b.db", "Dewi Lestari", "199103122017122002")
    with Store.open(first) as s:
        rid = add_entry(s, ARUS_DERAS, EntryValues("SK-1", "2026-01-01"))
    _send(first, second, "1.json")
    with Store.open(first) as s:
        edit_entry(s, rid, EntryValues("SK-1/REV", "2026-01-01", notes="catatan A"))
    with Store.open(second) as s:
        edit_entry(s, rid, EntryValues("SK-1/PERBAIKAN", "2026-01-01"))
    _send(first, second, "2.json")
    with Store.open(second) as s:
        conflicts = list_conflicts(s)
        assert [(c.table, c.field) for c in conflicts] == [("villages", "sk_number")]
        values = sorted(str(c.value) for c in conflicts[0].candidates)
        assert values == ["SK-1/PERBAIKAN", "SK-1/REV"]
        # the other field (notes) merged without a conflict
        assert get_entry(s, rid).notes == "catatan A"


def test_two_clerks_registering_one_village_converge_on_one_record(tmp_path: Path) -> None:
    first = _clerk(tmp_path / "a.db", "Nur Aisyah", "199201012019022001")
    second = _clerk(tmp_path / "b.db", "Dewi Lestari", "199103122017122002")
    for path in (first, second):
        with Store.open(path) as s:
            add_entry(s, ARUS_DERAS, EntryValues("SK-1", "2026-01-01"))
    _send(first, second, "1.json")
    with Store.open(second) as s:
        assert len(list_entries(s)) == 1
        assert list_conflicts(s) == []  # the same values: no conflict


def test_m009_adds_the_register_columns_to_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    migrations.apply(sqlite_utils.Database(conn), stop_before="m011_desa_binaan")
    conn.execute('ALTER TABLE villages DROP COLUMN "sk_date"')  # as m001 made it before m009
    conn.execute('ALTER TABLE villages ADD COLUMN "officer_ids" TEXT')
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    with Store.open(path) as s:
        columns = {r["name"] for r in s.rows("PRAGMA table_info(villages)")}
        assert {"sk_date", "officers", "focal_points", "status"} <= columns
        assert "officer_ids" not in columns
        add_entry(s, ARUS_DERAS, EntryValues("SK-1", "2026-01-01"))
        assert s.get(Village, village_record_id(ARUS_DERAS)).sk_date == "2026-01-01"


def test_an_officers_device_may_not_write_the_register(tmp_path: Path) -> None:
    """The register is written at the office: an enrolled officer's sealed bundle carrying its
    own register version is refused whole (docs/security.md authorisation)."""
    from .test_bad_bundles import assert_rejected
    from .test_trust import World

    world = World(tmp_path)
    with Store.open(world.officer) as s:
        add_entry(s, ARUS_DERAS, EntryValues("SK-palsu", "2026-01-01"))
    assert_rejected(world.office, world.export("desa.json"), "hanya boleh diubah di kantor")


def test_register_versions_from_the_office_may_be_relayed_by_an_officer(tmp_path: Path) -> None:
    from .test_trust import World

    world = World(tmp_path)
    with Store.open(world.office) as s:
        add_entry(s, ARUS_DERAS, EntryValues("SK-1", "2026-01-01"))
        result = export_bundle(s, tmp_path / "kantor.json")
    assert result.path is not None and cli_import(world.officer, result.path)[0] == 0
    code, out, _ = cli_import(world.office, world.export("balik.json", full=True))
    assert code == 0, out
