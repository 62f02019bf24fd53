"""Where an import's time goes: read, each SQL statement of ``apply_changes``, commit, the
count of waiting sign-ins.

Imports every bundle part of FOLDER into a new database in this process and prints, for the
first and the last N parts, the seconds spent in each step (statements by their first words).

Run: ``PYTHONPATH=. uv run python -m tests.bench.profile_import FOLDER [--parts 10]``
FOLDER is a ``bundles-<people>`` folder that ``bench_sync`` left in the temp folder.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from petugaspembina.core.collector import collections_paused
from petugaspembina.store import versions
from petugaspembina.store.sqlite import sqlite3
from petugaspembina.store.store import Store
from petugaspembina.sync.importer import MissingSessions, waiting_for_session
from petugaspembina.sync.reader import read_bundle


class _Timed:
    """A connection that adds each statement's time to ``times``."""

    def __init__(self, conn: sqlite3.Connection, times: dict[str, float]) -> None:
        self.conn, self.times = conn, times

    def _add(self, label: str, start: float) -> None:
        self.times[label] += time.perf_counter() - start

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        start = time.perf_counter()
        cursor = self.conn.execute(sql, *args)
        self._add(" ".join(sql.split())[:60], start)
        return cursor

    def executemany(self, sql: str, rows: Iterable[Any]) -> sqlite3.Cursor:
        start = time.perf_counter()
        cursor = self.conn.executemany(sql, rows)
        self._add("many: " + " ".join(sql.split())[:54], start)
        return cursor

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--parts", type=int, default=10)
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.json"))
    first: dict[str, float] = defaultdict(float)
    last: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "profile.db") as store:
        missing = MissingSessions()
        for index, file in enumerate(files):
            # The importer reads and merges each part with the collector paused.
            with collections_paused():
                if index < args.parts:
                    times = first
                elif index >= len(files) - args.parts:
                    times = last
                else:
                    times = defaultdict(float)
                start = time.perf_counter()
                parsed = read_bundle(file.read_bytes(), datetime.now(UTC))
                times["read and validate"] += time.perf_counter() - start
                store.conn.execute("BEGIN IMMEDIATE")
                start = time.perf_counter()
                several = versions.records_at_several_hlcs(parsed.changes)
                versions.apply_changes(_Timed(store.conn, times), parsed.changes, several)  # type: ignore[arg-type]
                times["apply_changes"] += time.perf_counter() - start
                start = time.perf_counter()
                store.conn.execute("COMMIT")
                times["commit"] += time.perf_counter() - start
                start = time.perf_counter()  # the report's count of sign-ins waiting for a session
                waiting_for_session(store, missing, parsed.changes)
                times["waiting sign-ins"] += time.perf_counter() - start
                del parsed, several  # gone before the collector runs again, as in the importer
    print(f"{len(files)} parts; seconds in the first {args.parts} and the last {args.parts}:")
    for label in sorted(last or first, key=lambda k: -(last or first)[k])[:16]:
        print(f"{first[label]:8.2f} {last[label]:8.2f}  {label}")


if __name__ == "__main__":
    main()
