"""P3 and the field-version write rate (docs/benchmarks.md).

P3: save one sign-in (new person + attendance, one transaction, synchronous=FULL) on a database of
100,000 people; budget 50 ms. Write rate: merging N field versions through the store, against the
floor of a plain ``executemany`` of the same rows into one bare table in one transaction.

Run: ``uv run python -m tests.bench.bench_store [--people 100000]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from petugaspembina.core.changes import Change
from petugaspembina.core.ids import new_record_id
from petugaspembina.store.db import connect
from petugaspembina.store.sqlite import sqlite3
from petugaspembina.store.store import Edit, Store

from .common import median_seconds, office_database

CACHE = Path(tempfile.gettempdir()) / "petugaspembina-bench"


def p3_sign_in(people: int) -> float:
    """Median seconds to save one sign-in on a database with ``people`` people."""
    path = office_database(CACHE, people, max(1, people // 33))
    store = Store.open(path)
    session_id = store.rows("SELECT id FROM sessions LIMIT 1")[0]["id"]
    times = []
    for index in range(60):
        start = time.perf_counter()
        person_id = new_record_id()
        store.write_many(
            [
                Edit(
                    "people",
                    {"full_name": f"Peserta Uji {index}", "sex": "P", "birth_year": 1990},
                    person_id,
                    new=True,
                ),
                Edit(
                    "attendance",
                    {"session_id": session_id, "person_id": person_id, "consent_data": True},
                ),
            ]
        )
        times.append(time.perf_counter() - start)
    store.close()
    return statistics.median(times[10:])


def _changes(count: int) -> list[Change]:
    device = "c" * 32
    out = []
    for index in range(count):
        hlc = f"2026-11-22T03:{index // 60000 % 60:02d}:{index // 1000 % 60:02d}.{index % 1000:03d}Z/0000/{device}"
        out.append(
            Change(
                "people",
                new_record_id(),
                hlc,
                {
                    "full_name": f"Nama Peserta {index}",
                    "sex": "L",
                    "birth_year": 1980 + index % 30,
                    "village_name": "Sukamaju",
                    "category": "masyarakat",
                    "region_code": "32.01.01.2001",
                },
            )
        )
    return out


def write_rate(records: int) -> tuple[float, float, int]:
    """(store seconds, floor seconds, field versions) for ``records`` new records."""
    changes = _changes(records)
    rows = [row for change in changes for row in change.rows()]

    def floor() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            conn = connect(Path(tmp) / "floor.db")
            conn.execute("CREATE TABLE fv (tbl, rid, field, hlc, value, base)")
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO fv VALUES (?, ?, ?, ?, ?, ?)", rows)
            conn.execute("COMMIT")
            conn.close()

    def through_store() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(Path(tmp) / "store.db")
            with store.transaction():
                store.apply_changes(changes)
            store.close()

    return median_seconds(through_store), median_seconds(floor), len(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=50_000)
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    print(f"SQLite {sqlite3.sqlite_version}")
    store_s, floor_s, versions = write_rate(args.records)
    print(
        f"write rate: {versions} field versions, store {store_s:.3f} s "
        f"({versions / store_s:,.0f}/s), floor executemany {floor_s:.3f} s, "
        f"ratio {store_s / floor_s:.2f}"
    )
    p3 = p3_sign_in(args.people)
    print(f"P3: save one sign-in at {args.people:,} people: {p3 * 1000:.1f} ms (budget 50 ms)")
    print(f"ratio P3 {p3 / 0.050:.2f} of budget; write-rate ratio {store_s / floor_s:.2f}")


if __name__ == "__main__":
    main()
