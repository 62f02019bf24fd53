"""The clerk's side of sync: reports in words, the register with gaps, conflicts described in human
terms, the "Berbeda" decision travelling in bundles, and the recap/keep-apart commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.core.records import SCHEMA
from petugaspembina.demo_office import OfficeInbox, build_office_inbox, office_database
from petugaspembina.store.errors import InvalidInput
from petugaspembina.store.recap import RecapFilter, compute_recap
from petugaspembina.store.store import Store
from petugaspembina.sync.conflict_words import describe_conflicts, parse_typed, value_text
from petugaspembina.sync.conflicts import list_conflicts, resolve
from petugaspembina.sync.duplicates import (
    describe_pair,
    find_duplicates,
    keep_apart,
    undo_keep_apart,
    unlink_duplicate,
)
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.importer import import_file, import_files
from petugaspembina.sync.inbox import (
    DeviceRegister,
    bundle_files,
    describe_report,
    received_register,
)


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> OfficeInbox:
    return build_office_inbox(tmp_path_factory.mktemp("inbox"))


@pytest.fixture
def office(tmp_path: Path, inbox: OfficeInbox) -> Store:
    store = office_database(tmp_path / "kantor.sqlite3")
    import_files(store, bundle_files([inbox.folder]), quarantine=tmp_path / "q", backups=None)
    return store


def test_bundle_files_walks_folders_skips_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".Trash").mkdir()
    for name in ("a/1.json", "a/b/2.json", ".Trash/3.json", "a/foto.jpg", "a/.4.json"):
        (tmp_path / name).write_text("{}")
    found = bundle_files([tmp_path, tmp_path / "a" / "1.json"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/1.json", "a/b/2.json"]


def test_report_in_words_names_the_officer_and_counts(tmp_path: Path, inbox: OfficeInbox) -> None:
    store = office_database(tmp_path / "kantor.sqlite3")
    reports = import_files(
        store, bundle_files([inbox.folder]), quarantine=tmp_path / "q", backups=None
    )
    words = [describe_report(store, r) for r in reports]
    assert {w.officer for w in words} == {"Rahmat Hidayat", "Dewi Lestari", "Andi Saputra"}
    conflicted = next(w for w in words if "konflik perlu diperiksa" in w.headline)
    assert conflicted.headline.startswith("Bundel #1 dari ")
    assert "peserta baru" in conflicted.headline and "kegiatan baru" in conflicted.headline
    gap = next(w for w in words if w.headline.startswith("Bundel #3"))
    assert "Bundel nomor 2 dari perangkat ini belum diterima." in gap.details
    again = describe_report(
        store, import_file(store, inbox.folder / reports[0].file, quarantine=tmp_path / "q")
    )
    assert "Sudah diimpor" in again.headline


def test_register_shows_gaps_per_device_with_the_officers_name(office: Store) -> None:
    register = received_register(office)
    assert register[0].officer == "Andi Saputra"  # gaps first
    assert register[0].missing_text == "bundel yang belum diterima: #2"
    assert all(r.missing_text == "" for r in register[1:])


def test_missing_ranges_are_written_as_a_range() -> None:
    entry = DeviceRegister("d" * 32, "Dewi", "Kanim", 4, 9, "", [(4, 6), (8, 8)])
    assert entry.missing_text == "bundel yang belum diterima: #4–#6, #8"


def test_conflicts_in_human_terms(office: Store, inbox: OfficeInbox) -> None:
    words = describe_conflicts(office, list_conflicts(office))
    values = next(w for w in words if w.kind == "values")
    assert values.record_kind == "Peserta" and values.field_label == "Nama lengkap"
    assert "Desa " in values.record
    assert {c.officer for c in values.candidates} == {"Dewi Lestari", "Andi Saputra"}
    assert all('"' not in c.text for c in values.candidates)
    assert all(
        len(c.device) == 8 and re.fullmatch(r"\d{1,2} \w{3} \d{4} \d\d:\d\d", c.local_time)
        for c in values.candidates
    )
    deleted = next(w for w in words if w.kind == "edited-after-deletion")
    assert "dihapus oleh Dewi Lestari" in deleted.explanation
    assert "Andi Saputra mengubahnya" in deleted.explanation


def test_typed_values_are_parsed_by_the_fields_kind() -> None:
    assert parse_typed(SCHEMA["people"]["birth_year"], " 1990 ") == 1990
    assert parse_typed(SCHEMA["people"]["category"], "guru") == "guru"
    assert parse_typed(SCHEMA["people"]["sex"], "Perempuan") == "P"
    assert parse_typed(SCHEMA["attendance"]["consent_data"], "Ya") is True
    with pytest.raises(InvalidInput, match="angka"):
        parse_typed(SCHEMA["people"]["birth_year"], "sembilan belas")
    with pytest.raises(InvalidInput, match="Pilih salah satu"):
        parse_typed(SCHEMA["people"]["sex"], "X")
    assert value_text(SCHEMA["people"]["sex"], "L") == "Laki-laki"
    assert value_text(SCHEMA["attendance"]["consent_data"], False) == "Tidak"


def test_typed_value_resolves_the_conflict(office: Store, inbox: OfficeInbox) -> None:
    conflict = next(c for c in list_conflicts(office) if c.kind == "values")
    resolve(office, conflict.conflict_id, parse_typed(SCHEMA["people"]["full_name"], "Agus Benar"))
    assert (
        office.rows("SELECT full_name FROM people WHERE id = ?", (inbox.conflict_person,))[0][
            "full_name"
        ]
        == "Agus Benar"
    )
    assert all(c.kind != "values" for c in list_conflicts(office))


def test_pairs_are_described_side_by_side(office: Store, inbox: OfficeInbox) -> None:
    pairs = {(p.first_id, p.second_id): p for p in find_duplicates(office)}
    key = tuple(sorted(inbox.duplicate))
    described = describe_pair(office, pairs[key])  # type: ignore[index]
    assert described.first.birth_year == described.second.birth_year
    assert described.first.village_name == described.second.village_name
    assert described.reason_text == "nama mirip, tahun lahir dan desa sama"
    assert 85 <= described.to_json()["score_percent"] <= 100
    assert {described.first.sessions, described.second.sessions} >= {0}


def test_berbeda_travels_in_bundles_and_stops_the_suggestion(
    office: Store, inbox: OfficeInbox, tmp_path: Path
) -> None:
    a, b = inbox.namesake
    assert any({p.first_id, p.second_id} == {a, b} for p in find_duplicates(office))
    keep_apart(office, a, b)
    assert not any({p.first_id, p.second_id} == {a, b} for p in find_duplicates(office))
    bundle = export_bundle(office, tmp_path).path
    assert bundle is not None and '"kept_apart"' in bundle.read_text()
    other = office_database(tmp_path / "kanwil.sqlite3", "Budi", "199201012019021001")
    import_files(other, bundle_files([inbox.folder]), quarantine=tmp_path / "q", backups=None)
    assert any({p.first_id, p.second_id} == {a, b} for p in find_duplicates(other))
    import_file(other, bundle, quarantine=tmp_path / "q")
    assert not any({p.first_id, p.second_id} == {a, b} for p in find_duplicates(other))
    # Undo travels too; deciding again on the other side converges on the same record.
    undo_keep_apart(office, b, a)
    assert any({p.first_id, p.second_id} == {a, b} for p in find_duplicates(office))
    keep_apart(other, b, a)
    assert other.rows("SELECT count(*) AS n FROM kept_apart")[0]["n"] == 1


def test_sama_can_be_undone(office: Store, inbox: OfficeInbox) -> None:
    from petugaspembina.sync.duplicates import link_duplicate

    first, second = inbox.duplicate
    before = compute_recap(office, RecapFilter()).participants
    link_duplicate(office, second, first)
    assert not any({p.first_id, p.second_id} == {first, second} for p in find_duplicates(office))
    unlink_duplicate(office, second)
    assert any({p.first_id, p.second_id} == {first, second} for p in find_duplicates(office))
    assert compute_recap(office, RecapFilter()).participants == before


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_recap_command_json_and_files(office: Store, tmp_path: Path) -> None:
    db = str(office.path)
    office.close()
    pdf, xlsx, folder = tmp_path / "r.pdf", tmp_path / "r.xlsx", tmp_path / "csv"
    code, out, _ = run(
        "--db",
        db,
        "recap",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--json",
        "--pdf",
        str(pdf),
        "--xlsx",
        str(xlsx),
        "--csv",
        str(folder),
    )
    assert code == 0
    data = json.loads(out)
    with Store.open(db) as store:
        assert (
            data["sign_ins"]
            == compute_recap(store, RecapFilter("2026-01-01", "2026-12-31")).sign_ins
        )
    assert "hadir_per_usia" in data["breakdowns"]
    assert pdf.stat().st_size > 0 and xlsx.stat().st_size > 0
    assert (folder / "hadir_per_jenis_kelamin.csv").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-02-30"], "tanggal YYYY-MM-DD"),
        (["--from", "2026-05-01", "--to", "2026-01-01"], "sebelum --to"),
        (["--region", "Kalbar"], "kode wilayah"),
        (["--full-nik"], "--personal"),
        (["--xlsx", "/tidak/ada/r.xlsx"], "tidak ada"),
    ],
)
def test_recap_command_refuses_bad_options(tmp_path: Path, args: list[str], message: str) -> None:
    code, _, err = run("--db", str(tmp_path / "x.db"), "recap", *args)
    assert code == 1 and message in err


def test_keep_apart_command_and_conflicts_json_descriptions(
    office: Store, inbox: OfficeInbox
) -> None:
    db = str(office.path)
    office.close()
    a, b = inbox.namesake
    code, out, _ = run("--db", db, "keep-apart", a, b)
    assert code == 0 and "dua orang berbeda" in out
    code, _, err = run("--db", db, "keep-apart", a, a)
    assert code == 1 and "dua peserta yang berbeda" in err
    code, out, _ = run("--db", db, "keep-apart", "--undo", a, b)
    assert code == 0
    code, out, _ = run("--db", db, "conflicts", "--json")
    items = json.loads(out)
    assert items and all({"conflict_id", "candidates", "description"} <= set(i) for i in items)
    assert items[0]["description"]["record_kind"] == "Peserta"


def test_the_office_own_edit_in_a_conflict_is_named_this_device(tmp_path: Path) -> None:
    from petugaspembina.sync.conflict_words import THIS_DEVICE, _officers_by_device

    with Store.open(tmp_path / "kantor.sqlite3") as office:  # no officer profile on this device
        assert _officers_by_device(office)[office.device_id] == THIS_DEVICE == "perangkat ini"
