"""P4-P7 of docs/benchmarks.md: importing, re-importing, growth and full export of an office database.

P4: import bundles totalling ~100k people + ~100k sign-ins + ~3k sessions into an empty database,
    against a plain ``executemany`` of the same field versions into one bare table (≤ 4×, ≤ 1 GB).
P5: the same import again (all already present), against P4 (≤ 0.25×).
P6: import seconds per field version at several sizes, against the smallest (≤ 1.3×).
P7: full export, against ``json.dumps`` of the same changes (≤ 3×).
``--daily``: an officer's 10,000 new people into a copy of the largest office, against an empty
database (no budget: what a clerk waits for every day at regional scale).

Each figure is given as wall time and as CPU time (user + system) of the process: on a machine
shared with other work the CPU figures are the steadier ones (fsync waits are in wall time only).

Run: ``PYTHONPATH=. uv run python -m tests.bench.bench_sync [--people 100000] [--runs 5]``
The 1 M-people point of P6 (≈ 12 M versions; ~10 GB of temporary files, over an hour to build):
``PYTHONPATH=. uv run python -m tests.bench.bench_sync --people 10000 --growth 10000,1000000 --runs 1``
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from petugaspembina.store import vault
from petugaspembina.store.db import connect
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundles

from .common import office_database

CACHE = Path(tempfile.gettempdir()) / "petugaspembina-bench"
CHILD = """
import resource, sys, time
from pathlib import Path
from petugaspembina.store.store import Store
from petugaspembina.sync.importer import import_files
db, folder, repeat = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
if sys.argv[4] == "keep":  # the indexes stay through the import, however large (before wave 6)
    from petugaspembina.store import deferred_indexes
    deferred_indexes.worth_setting_aside = lambda conn, size: False
files = sorted(folder.glob("*.json"))
store = Store.open(db)
start, cpu = time.perf_counter(), time.process_time()
reports = import_files(store, files, quarantine=folder / "q", backups=None)
first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
assert all(r.result == "imported" for r in reports), [r.message for r in reports]
second = 0.0
if repeat:
    start = time.perf_counter()
    again = import_files(store, files, quarantine=folder / "q", backups=None)
    second = time.perf_counter() - start
    assert all(r.result == "already-imported" for r in again)
store.close()
print(first, second, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, first_cpu)
"""


def bundles_for(people: int, seed: int = 11) -> tuple[Path, int]:
    """Export the cached demo office database of ``people`` people as bundle parts."""
    source = office_database(CACHE, people, max(1, people // 33), seed)
    folder = CACHE / f"bundles-{people}{'' if seed == 11 else f'-seed{seed}'}"
    if not folder.exists():
        partial = folder.with_suffix(".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        with Store.open(source) as store:
            export_bundles(store, partial, full=True)
        partial.rename(folder)
    with Store.open(source) as store:
        return folder, store.version_count()


def import_run(
    folder: Path, repeat: bool, *, into: Path | None = None, keep_indexes: bool = False
) -> tuple[float, float, int, float]:
    """(import s, re-import s, peak KiB, import CPU s) in a fresh process on an empty database
    (``into``: on a copy of that one)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "office.db"
        if into is not None:
            shutil.copyfile(into, db)
            shutil.copyfile(vault.key_file(into), vault.key_file(db))
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD,
                str(db),
                str(folder),
                "1" if repeat else "0",
                "keep" if keep_indexes else "-",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), float(out[3])


BARE_TABLE = (
    "CREATE TABLE fv (tbl, rid, field, hlc, value, base)",
    "INSERT INTO fv VALUES (?, ?, ?, ?, ?, ?)",
)
# The former per-version log's shape (before migration 14): what writing the versions cost once
# the log knew their op_ids, before anything was read, checked or merged; kept to show what the
# change log saves (docs/benchmarks.md, fourth and fifth waves).
LOG_TABLE = (
    """CREATE TABLE fv (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, rid TEXT NOT NULL,
       field TEXT NOT NULL, hlc TEXT NOT NULL, value TEXT, base TEXT NOT NULL DEFAULT '[]',
       head INTEGER NOT NULL DEFAULT 0, UNIQUE (tbl, rid, field, hlc))""",
    "INSERT INTO fv (tbl, rid, field, hlc, value, base, head) VALUES (?, ?, ?, ?, ?, ?, 2)",
)


def floor_executemany(
    people: int, table: tuple[str, str] = BARE_TABLE, repeats: int = 5
) -> tuple[float, float]:
    """Plain executemany of the same field versions into one bare table, one transaction, in
    the order they arrived (``table``: LOG_TABLE for the log's shape instead).

    (wall s, CPU s), medians of ``repeats``."""
    source = office_database(CACHE, people, max(1, people // 33))
    with Store.open(source) as store:
        rows = store.conn.execute(
            "SELECT tbl, rid, field, hlc, value, base FROM fv ORDER BY seq"
        ).fetchall()
    rows = [tuple(r) for r in rows]
    times, cpus = [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            # The app's own connection: SQLCipher-encrypted like the database P4 imports into,
            # with the same pragmas (WAL, synchronous=FULL, page cache).
            path = Path(tmp) / "floor.db"
            conn = connect(path)
            conn.execute(table[0])
            start, cpu = time.perf_counter(), time.process_time()
            conn.execute("BEGIN")
            conn.executemany(table[1], rows)
            conn.execute("COMMIT")
            times.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
            conn.close()
            assert not vault.is_plain(path), "the floor must write an encrypted file, as P4 does"
    return statistics.median(times), statistics.median(cpus)


def p7_export(people: int) -> tuple[float, float, float, float]:
    """(full export s, json.dumps of the same changes s, the same two in CPU s), medians of 5."""
    source = office_database(CACHE, people, max(1, people // 33))
    export_times, dump_times, export_cpus, dump_cpus = [], [], [], []
    for _ in range(5):
        with tempfile.TemporaryDirectory() as tmp, Store.open(source) as store:
            start, cpu = time.perf_counter(), time.process_time()
            export_bundles(store, Path(tmp), full=True, destination=f"bench-{time.time()}")
            export_times.append(time.perf_counter() - start)
            export_cpus.append(time.process_time() - cpu)
            changes = []
            for file in Path(tmp).glob("*.json"):
                changes.extend(json.loads(file.read_bytes())["changes"])
            start, cpu = time.perf_counter(), time.process_time()
            json.dumps(changes, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            dump_times.append(time.perf_counter() - start)
            dump_cpus.append(time.process_time() - cpu)
    return tuple(statistics.median(x) for x in (export_times, dump_times, export_cpus, dump_cpus))  # type: ignore[return-value]


def daily_import(office_people: int, runs: int) -> None:
    """An officer's 10,000 new people (another seed: no record in common) imported into a copy of
    the office of ``office_people``, against the same into an empty database, alternating."""
    folder, versions = bundles_for(10_000, seed=77)
    office = office_database(CACHE, office_people, max(1, office_people // 33))
    into, empty = [], []
    for _ in range(runs):
        into.append(import_run(folder, repeat=False, into=office))
        empty.append(import_run(folder, repeat=False))
    wall, cpu = (statistics.median(r[i] for r in into) for i in (0, 3))
    wall_empty, cpu_empty = (statistics.median(r[i] for r in empty) for i in (0, 3))
    print(
        f"daily: {versions:,} new versions into the {office_people:,}-people office {wall:.2f} s "
        f"(CPU {cpu / versions * 1e6:.2f} µs per version), into an empty database "
        f"{wall_empty:.2f} s (CPU {cpu_empty / versions * 1e6:.2f} µs): {cpu / cpu_empty:.2f}x CPU"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--growth", default="10000,30000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--keep-indexes",
        action="store_true",
        help="P6 with the record tables' indexes kept through every import (before wave 6)",
    )
    parser.add_argument(
        "--daily",
        action="store_true",
        help="also: 10,000 new people imported into a copy of the largest --growth office",
    )
    parser.add_argument(
        "--log-floor",
        action="store_true",
        help="also time the same executemany into the former per-version log's shape",
    )
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    folder, versions = bundles_for(args.people)
    parts = len(list(folder.glob("*.json")))
    import_run(folder, repeat=False)  # warm-up
    runs = [import_run(folder, repeat=True) for _ in range(args.runs)]
    p4 = statistics.median(r[0] for r in runs)
    p4_cpu = statistics.median(r[3] for r in runs)
    p5 = statistics.median(r[1] for r in runs)
    peak_mib = max(r[2] for r in runs) / 1024
    floor, floor_cpu = floor_executemany(args.people)
    print(
        f"P4: {versions:,} field versions in {parts} bundles: import {p4:.2f} s, floor "
        f"executemany {floor:.2f} s, ratio {p4 / floor:.2f} (budget 4), peak {peak_mib:.0f} MiB; "
        f"CPU {p4_cpu:.2f} s vs {floor_cpu:.2f} s, ratio {p4_cpu / floor_cpu:.2f}"
    )
    if args.log_floor:
        log, log_cpu = floor_executemany(args.people, LOG_TABLE)
        print(
            f"P4: the same executemany into the former per-version log (op_id index): {log:.2f} s, CPU "
            f"{log_cpu:.2f} s: {log_cpu / floor_cpu:.2f}x the floor's CPU"
        )
    print(f"P5: re-import {p5:.2f} s, ratio to P4 {p5 / p4:.2f} (budget 0.25)")
    per_version, per_version_cpu = {}, {}
    for size in (int(s) for s in args.growth.split(",")):
        size_folder, size_versions = bundles_for(size)
        size_runs = [
            import_run(size_folder, repeat=False, keep_indexes=args.keep_indexes)
            for _ in range(args.runs if size < 500_000 else 1)
        ]
        seconds = statistics.median(r[0] for r in size_runs)
        cpu = statistics.median(r[3] for r in size_runs)
        per_version[size] = seconds / size_versions
        per_version_cpu[size] = cpu / size_versions
        print(
            f"P6: {size:,} people: {size_versions:,} versions, {seconds:.2f} s, "
            f"{per_version[size] * 1e6:.2f} µs per version (CPU {per_version_cpu[size] * 1e6:.2f} µs)"
        )
    smallest = min(per_version)
    growth = max(per_version.values()) / per_version[smallest]
    growth_cpu = max(per_version_cpu.values()) / per_version_cpu[smallest]
    print(f"P6: growth ratio {growth:.2f}, CPU {growth_cpu:.2f} (budget 1.3)")
    if args.daily:
        daily_import(max(per_version), args.runs)
    export_s, dumps_s, export_cpu, dumps_cpu = p7_export(args.people)
    print(
        f"P7: full export {export_s:.2f} s, json.dumps floor {dumps_s:.2f} s, ratio "
        f"{export_s / dumps_s:.2f} (budget 3); CPU {export_cpu:.2f} s vs {dumps_cpu:.2f} s, "
        f"ratio {export_cpu / dumps_cpu:.2f}"
    )
    print(
        f"ratios P4 {p4 / floor:.2f} P5 {p5 / p4:.2f} P6 {growth:.2f} P7 {export_s / dumps_s:.2f}"
    )


if __name__ == "__main__":
    main()
