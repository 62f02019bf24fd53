"""A bulk import sets the record tables' secondary indexes aside and builds them again after:
the same schema, the same data and the same search as a plain import, after an error or a crash
too (store/deferred_indexes.py, docs/benchmarks.md P6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from petugaspembina.core.changes import canonical_json
from petugaspembina.demo import generate
from petugaspembina.store import deferred_indexes
from petugaspembina.store.errors import DatabaseBusy
from petugaspembina.store.queries import dump
from petugaspembina.store.search import search_people
from petugaspembina.store.sqlite import sqlite3
from petugaspembina.store.store import Store
from petugaspembina.sync import importer
from petugaspembina.sync.exporter import export_bundles
from petugaspembina.sync.importer import import_file, import_files


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("bundles")
    with Store.open(folder / "officer.db") as officer:
        generate(officer, seed=3, sessions=8, participants=300)
        export_bundles(officer, folder, full=True, max_versions=1500)
    return sorted(folder.glob("*.json"))


def schema(store: Store) -> list[tuple[str, str]]:
    rows = store.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name"
    )
    return [(row[0], row[1]) for row in rows]


def some_name(store: Store) -> str:
    return str(store.conn.execute("SELECT full_name FROM people ORDER BY id").fetchone()[0])


@pytest.fixture
def bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every import counts as bulk, whatever its size (the real rule is tested below)."""
    monkeypatch.setattr(deferred_indexes, "worth_setting_aside", lambda conn, size: True)


def test_bulk_import_gives_the_same_schema_data_and_search(
    tmp_path: Path, bundles: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(bundles) >= 3  # several parts: the indexes stay aside across commits
    with Store.open(tmp_path / "plain.db") as plain:
        import_files(plain, bundles, quarantine=tmp_path / "q", backups=None)
        expected_schema, expected_data = schema(plain), canonical_json(dump(plain))
    monkeypatch.setattr(deferred_indexes, "worth_setting_aside", lambda conn, size: True)
    set_aside = []
    real = deferred_indexes.set_aside
    monkeypatch.setattr(deferred_indexes, "set_aside", lambda conn: set_aside.append(real(conn)))
    steps: list[tuple[int, int]] = []
    with Store.open(tmp_path / "bulk.db") as store:
        reports = import_files(
            store,
            bundles,
            quarantine=tmp_path / "q",
            backups=None,
            progress=lambda done, total, name: steps.append((done, total)),
        )
        assert {r.result for r in reports} == {"imported"}
        assert set_aside and set_aside[0] >= 10  # the indexes and the search triggers
        assert schema(store) == expected_schema
        assert deferred_indexes.pending(store.conn) == []
        assert canonical_json(dump(store)) == expected_data
        name = some_name(store)
        assert name in [hit.full_name for hit in search_people(store, name)]
        plan = store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM people WHERE full_name = ? COLLATE NOCASE", (name,)
        ).fetchall()
        assert "people_name" in " ".join(str(row[-1]) for row in plan)
        # The search index holds everyone, not only those written once the triggers came back;
        # the integrity check raises when the index and the table disagree.
        for row in store.conn.execute("SELECT full_name FROM people ORDER BY id DESC LIMIT 5"):
            assert row[0] in [hit.full_name for hit in search_people(store, row[0])]
        store.conn.execute(
            "INSERT INTO people_fts (people_fts, rank) VALUES ('integrity-check', 1)"
        )
    # One step more than files, shown before the indexes are built, and the bar ends full.
    assert (len(bundles), len(bundles) + 1) in steps
    assert steps[-1] == (len(bundles) + 1, len(bundles) + 1)


def test_indexes_set_aside_before_a_crash_are_built_at_the_next_start(
    tmp_path: Path, bundles: list[Path]
) -> None:
    db = tmp_path / "office.db"
    with Store.open(db) as store:
        expected = schema(store)
        deferred_indexes.set_aside(store.conn)
        import_file(store, bundles[0], quarantine=tmp_path / "q")
        # The process dies here: no build, the notes stay in the file.
        assert deferred_indexes.pending(store.conn)
        assert "people_name" not in dict(schema(store))
    with Store.open(db) as store:
        assert deferred_indexes.pending(store.conn) == []
        assert schema(store) == expected
        name = some_name(store)
        assert name in [hit.full_name for hit in search_people(store, name)]
        store.conn.execute(
            "INSERT INTO people_fts (people_fts, rank) VALUES ('integrity-check', 1)"
        )


def test_indexes_are_built_again_when_an_import_raises(
    tmp_path: Path, bundles: list[Path], monkeypatch: pytest.MonkeyPatch, bulk: None
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("unexpected")

    with Store.open(tmp_path / "office.db") as store:
        expected = schema(store)
        monkeypatch.setattr(importer, "import_file", broken)
        with pytest.raises(RuntimeError):
            import_files(store, bundles, quarantine=tmp_path / "q", backups=None)
        assert schema(store) == expected
        assert deferred_indexes.pending(store.conn) == []


def test_a_busy_database_imports_without_setting_aside(
    tmp_path: Path, bundles: list[Path], monkeypatch: pytest.MonkeyPatch, bulk: None
) -> None:
    def busy(conn: object) -> int:
        raise DatabaseBusy("Basis data sedang dipakai program lain. Coba lagi.")

    monkeypatch.setattr(deferred_indexes, "set_aside", busy)
    with Store.open(tmp_path / "office.db") as store:
        expected = schema(store)
        reports = import_files(store, bundles, quarantine=tmp_path / "q", backups=None)
        assert {r.result for r in reports} == {"imported"}
        assert schema(store) == expected


def test_only_a_large_import_beside_the_database_is_bulk(tmp_path: Path) -> None:
    with Store.open(tmp_path / "office.db") as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        size = int(pages) * int(store.conn.execute("PRAGMA page_size").fetchone()[0])
        worth = deferred_indexes.worth_setting_aside
        assert not worth(store.conn, 100_000)  # one officer's bundle into an empty office
        assert worth(store.conn, 50 * 1024 * 1024)  # a year of an office into a new database
        # Sorting a region's years in memory could exhaust it: such an import keeps its indexes.
        assert not worth(store.conn, 4 * 1024**3)
        big = max(size, 64 * 1024 * 1024)
        # A database of ``big`` bytes: only more than half its size in bundles is bulk.
        store.conn.execute("CREATE TABLE filler (x BLOB)")
        store.conn.execute("INSERT INTO filler VALUES (zeroblob(?))", (big,))
        assert not worth(store.conn, big // 4)
        assert worth(store.conn, big)


def test_a_small_import_keeps_its_indexes(
    tmp_path: Path, bundles: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    monkeypatch.setattr(deferred_indexes, "set_aside", lambda conn: calls.append(conn))
    with Store.open(tmp_path / "office.db") as store:
        import_files(store, bundles[:1], quarantine=tmp_path / "q", backups=None)
    assert calls == []


def test_a_start_that_cannot_build_the_indexes_still_opens(
    tmp_path: Path, bundles: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "office.db"
    with Store.open(db) as store:
        deferred_indexes.set_aside(store.conn)
        import_file(store, bundles[0], quarantine=tmp_path / "q")

    def out_of_memory(conn: object) -> int:
        raise sqlite3.OperationalError("out of memory")

    monkeypatch.setattr(deferred_indexes, "build_again", out_of_memory)
    with Store.open(db) as store:  # opens: lists are slower, nothing is wrong
        name = some_name(store)
        assert deferred_indexes.pending(store.conn)
    monkeypatch.undo()
    with Store.open(db) as store:  # the next start builds them
        assert deferred_indexes.pending(store.conn) == []
        assert name in [hit.full_name for hit in search_people(store, name)]
