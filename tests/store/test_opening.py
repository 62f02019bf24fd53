"""Opening a database: migrations, re-open, corrupt and newer files (bad-inputs rows 35-38)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from petugaspembina.store.db import connect
from petugaspembina.store.errors import CorruptDatabase, NewerDatabase
from petugaspembina.store.migrations import migrations
from petugaspembina.store.schema_version import SCHEMA_VERSION
from petugaspembina.store.store import Store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrations_from_an_empty_file_and_on_reopen(db_path: Path) -> None:
    db_path.touch()  # an empty file is a new database, not a corrupt one
    with Store.open(db_path) as store:
        device = store.device_id
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        store.write("people", {"full_name": "Maya"})
    with Store.open(db_path) as again:
        assert again.device_id == device and again.version_count() == 1
        applied = again.rows("SELECT name FROM _sqlite_migrations")
        assert len(applied) == SCHEMA_VERSION


def test_clock_persists_across_reopen_even_if_wall_clock_goes_back(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.wall_millis = lambda: 1_900_000_000_000
        store.write("people", {"full_name": "Nanang"})
        last = store.meta("hlc")
    with Store.open(db_path) as store:
        store.wall_millis = lambda: 1_700_000_000_000  # clock set back years (row 37)
        rid = store.write("people", {"full_name": "Nining"})
        new = store.rows("SELECT hlc FROM fv WHERE rid = ?", (rid,))[0]["hlc"]
    assert new > last  # type: ignore[operator]


@pytest.mark.parametrize(
    "damage",
    [
        b"this is not a database at all" * 100,
        None,  # a real database with a damaged page
    ],
)
def test_corrupt_database_is_refused_and_left_untouched(
    db_path: Path, damage: bytes | None
) -> None:
    if damage is None:
        with Store.open(db_path) as store:
            from petugaspembina.demo import generate

            generate(store, seed=1, sessions=4)
        raw = bytearray(db_path.read_bytes())
        page = 4096
        raw[page * 3 : page * 3 + 200] = b"\xff" * 200
        db_path.write_bytes(bytes(raw))
    else:
        db_path.write_bytes(damage)
    before = digest(db_path)
    with pytest.raises(CorruptDatabase) as caught:
        Store.open(db_path)
    assert db_path.name in str(caught.value)
    assert digest(db_path) == before
    wal = Path(str(db_path) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # a read-only check writes nothing


def test_database_from_a_newer_app_is_refused(db_path: Path) -> None:
    with Store.open(db_path):
        pass
    conn = connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(db_path)
    with pytest.raises(NewerDatabase, match="lebih baru"):
        Store.open(db_path)
    assert digest(db_path) == before


def test_two_stores_on_one_file_both_work_safely(db_path: Path) -> None:
    first, second = Store.open(db_path), Store.open(db_path)
    first.write("people", {"full_name": "Putri"})
    second.write("people", {"full_name": "Rina"})
    assert first.version_count() == second.version_count() == 2
    first.close()
    second.close()


def test_schema_version_counts_the_migrations() -> None:
    assert len(migrations._migrations) == SCHEMA_VERSION


def test_an_older_database_is_migrated_on_open(db_path: Path) -> None:
    import sqlite_utils

    conn = connect(db_path)
    migrations.apply(sqlite_utils.Database(conn), stop_before="m002_documents")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with Store.open(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.rows("SELECT count(*) AS n FROM certificates") == [{"n": 0}]
