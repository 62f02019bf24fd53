"""Compatibility with the code before the merge flags (schema m004): its database migrates forward,
its bundles import, and bundles written now carry the very same changes text it wrote.

The fixtures in ``tests/fixtures`` were made by that code (``tests/fixtures/make_fixtures.py``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from petugaspembina.core.changes import canonical_json
from petugaspembina.store.queries import dump
from petugaspembina.store.schema_version import SCHEMA_VERSION
from petugaspembina.store.store import Store
from petugaspembina.store.versions import rebuild_all
from petugaspembina.sync.conflicts import list_conflicts, resolve
from petugaspembina.sync.exporter import export_bundle

from .helpers import cli_import, load, new_database

FIXTURES = Path(__file__).parent.parent / "fixtures"
EXPECTED: dict[str, Any] = json.loads((FIXTURES / "expected-m004.json").read_text("utf-8"))


def _state(store: Store) -> dict[str, Any]:
    tables = json.loads(canonical_json(dump(store)))
    return {
        # Record kinds added since m004 (kept_apart) are empty in these databases.
        "dump": {name: rows for name, rows in tables.items() if rows or name in EXPECTED["dump"]},
        "conflicts": sorted(c.conflict_id for c in list_conflicts(store)),
    }


def _flags(store: Store) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in store.conn.execute("SELECT seq, head FROM fv ORDER BY seq")]


def test_m004_database_migrates_to_merge_flags(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite3"
    shutil.copyfile(FIXTURES / "office-m004.sqlite3", db)
    with Store.open(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 15
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _state(store) == EXPECTED
        kinds = {r["type"] for r in store.rows("SELECT type FROM sqlite_master WHERE name='heads'")}
        assert kinds == {"view"}
        conflict = store.rows("SELECT leaves, conflict FROM heads WHERE conflict = 1")
        assert conflict == [{"leaves": 2, "conflict": 1}]
        flags = _flags(store)
        with store.transaction():
            rebuild_all(store.conn)
        assert _flags(store) == flags
        resolve(store, EXPECTED["conflicts"][0], "Siti Aminah")
        assert list_conflicts(store) == []


def test_bundle_written_by_m004_code_imports(tmp_path: Path) -> None:
    db = new_database(tmp_path / "kanwil.sqlite3")
    code, _, _ = cli_import(db, FIXTURES / "bundle-m004.json")
    assert code == 0
    with Store.open(db) as store:
        assert _state(store) == EXPECTED


def test_export_now_writes_the_changes_text_the_m004_code_wrote(tmp_path: Path) -> None:
    """Same versions, same bytes: a bundle written now imports wherever the old ones did."""
    old = load(FIXTURES / "bundle-m004.json")
    old_text = (FIXTURES / "bundle-m004.json").read_bytes()
    old_changes = old_text[old_text.index(b',"changes":') + len(b',"changes":') : -1]
    db = tmp_path / "office.sqlite3"
    shutil.copyfile(FIXTURES / "office-m004.sqlite3", db)
    relay = tmp_path / "relay.sqlite3"
    cli_import(new_database(relay), FIXTURES / "bundle-m004.json")
    for source in (db, relay):
        with Store.open(source) as store:
            result = export_bundle(store, tmp_path / f"{source.stem}.json", full=True)
        assert result.path is not None
        text = result.path.read_bytes()
        new = load(result.path)
        assert text[text.index(b',"changes":') + len(b',"changes":') : -1] == old_changes
        assert new["changes_sha256"] == old["changes_sha256"]
        assert new["counts"] == old["counts"]
        # Key order as before; header_sha256 (binding the header) is the one addition since.
        assert [k for k in new if k != "header_sha256"] == list(old)
        assert list(new["source"]) == list(old["source"])


def _changes_text(data: bytes) -> bytes:
    return data[data.index(b',"changes":') + len(b',"changes":') : -1]


def test_bundle_written_before_the_third_wave_imports_and_exports_the_same_text(
    tmp_path: Path,
) -> None:
    """``bundle-text.json`` (tests/fixtures/make_text_fixture.py) was written by the code of
    e876b48; it imports now, and the same versions export to the same bytes (non-ASCII, non-BMP,
    escapes, lists, bases, a delete), so either code reads the other's bundles."""
    fixture = FIXTURES / "bundle-text.json"
    db = new_database(tmp_path / "office.sqlite3")
    code, _, _ = cli_import(db, fixture)
    assert code == 0
    with Store.open(db) as store:
        result = export_bundle(store, tmp_path / "again.json", full=True)
    assert result.path is not None
    old, new = load(fixture), load(result.path)
    assert _changes_text(result.path.read_bytes()) == _changes_text(fixture.read_bytes())
    assert (new["changes_sha256"], new["counts"]) == (old["changes_sha256"], old["counts"])
    assert list(new) == list(old)
