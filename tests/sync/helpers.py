"""Helpers for sync tests: make bundles, re-seal edited ones, snapshot a database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.core.changes import canonical_json
from petugaspembina.demo import generate
from petugaspembina.store.queries import dump
from petugaspembina.store.store import Store
from petugaspembina.sync.bundle import changes_digest, encode_bundle, header_digest
from petugaspembina.sync.exporter import export_bundle


def make_bundle(folder: Path, seed: int = 1, sessions: int = 2) -> Path:
    """A real bundle exported from a demo database."""
    with Store.open(folder / f"source-{seed}.db") as store:
        generate(store, seed=seed, sessions=sessions)
        result = export_bundle(store, folder / f"bundle-{seed}.json")
    assert result.path is not None
    return result.path


def new_database(path: Path) -> Path:
    """An empty database, as ``init`` or the first run leave one (other commands need the file)."""
    Store.open(path).close()
    return path


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_bytes())


def reseal(doc: dict[str, Any], path: Path) -> Path:
    """Write an edited bundle with its checksum and counts made consistent again."""
    tables: dict[str, int] = {}
    versions = 0
    for change in doc["changes"]:
        if isinstance(change, dict):
            if isinstance(change.get("table"), str):
                tables[change["table"]] = tables.get(change["table"], 0) + 1
            if isinstance(change.get("values"), dict):
                versions += len(change["values"])
    doc["counts"] = {"changes": len(doc["changes"]), "field_versions": versions, "tables": tables}
    doc["changes_sha256"] = changes_digest(doc["changes"])
    doc["header_sha256"] = header_digest(doc)
    path.write_bytes(encode_bundle(doc))
    return path


def snapshot(db: Path) -> tuple[str, list[tuple[Any, ...]]]:
    """The canonical dump and every stored field version: equal means nothing changed."""
    with Store.open(db) as store:
        versions = [tuple(r) for r in store.conn.execute("SELECT * FROM fv ORDER BY seq")]
        return canonical_json(dump(store)), versions


def cli_import(db: Path, *files: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main, ["--db", str(db), "import", *map(str, files)], catch_exceptions=False
    )
    return result.exit_code, result.stdout, result.stderr
