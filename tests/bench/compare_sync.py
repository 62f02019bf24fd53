"""P4-P7 of two source trees side by side in one run, rounds alternating, for a before/after table.

Each round imports (and re-imports) the bundle parts at each size and exports the office once with
each tree, every run in a fresh process, and measures both floors in between; the medians of
each tree are set against the medians of the floors of the same run. On a machine shared with
other work the load drifts within minutes: alternating keeps it alike for both trees, and the
CPU columns (user + system time of the process) are the steadier figures.

Run: ``PYTHONPATH=. uv run python -m tests.bench.compare_sync OLD_SRC [--people 100000]
[--growth 10000,100000] [--rounds 3]`` where OLD_SRC is the ``src`` folder of the code to compare
against (e.g. ``git worktree add /tmp/old <commit>`` then ``/tmp/old/src``). The bundle parts and
databases are the ones ``bench_sync`` builds and caches.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .bench_sync import CACHE, CHILD, bundles_for
from .common import office_database

ROOT = Path(__file__).parents[2]
# The floors run in child processes too: a child's peak memory counts its parent's size at the
# fork, so the parent must stay small (the executemany floor holds every version in memory).
FLOOR_CHILD = """
import sys
from tests.bench.bench_sync import floor_executemany
print(*floor_executemany(int(sys.argv[1])))
"""
DUMPS_CHILD = """
import json, sys, time
from pathlib import Path
changes = []
for file in Path(sys.argv[1]).glob("*.json"):
    changes.extend(json.loads(file.read_bytes())["changes"])
start, cpu = time.perf_counter(), time.process_time()
json.dumps(changes, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
print(time.perf_counter() - start, time.process_time() - cpu)
"""

EXPORT_CHILD = """
import sys, tempfile, time
from pathlib import Path
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundles
with tempfile.TemporaryDirectory() as tmp, Store.open(Path(sys.argv[1])) as store:
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tmp)
    start, cpu = time.perf_counter(), time.process_time()
    export_bundles(store, out, full=True, destination=f"compare-{time.time()}")
    print(time.perf_counter() - start, time.process_time() - cpu)
"""


def _child(src: Path, code: str, *args: str) -> list[float]:
    env = dict(os.environ, PYTHONPATH=f"{src}{os.pathsep}{ROOT}")
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, check=True, capture_output=True, text=True
    )
    return [float(x) for x in out.stdout.split()]


def _import(src: Path, folder: Path, repeat: bool) -> list[float]:
    """[import s, re-import s, peak KiB, import CPU s]."""
    with tempfile.TemporaryDirectory() as tmp:
        return _child(src, CHILD, str(Path(tmp) / "office.db"), str(folder), "1" if repeat else "0")


def _dumps_floor(source: Path, src: Path) -> list[float]:
    """json.dumps of the changes of a full export (wall s, CPU s)."""
    with tempfile.TemporaryDirectory() as tmp:
        _child(src, EXPORT_CHILD, str(source), tmp)
        return _child(src, DUMPS_CHILD, tmp)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("old_src", type=Path)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--growth", default="10000,100000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    trees = {"before": args.old_src.resolve(), "after": ROOT / "src"}
    CACHE.mkdir(exist_ok=True)
    sizes = sorted({args.people, *(int(s) for s in args.growth.split(","))})
    folders = {size: bundles_for(size) for size in sizes}
    source = office_database(CACHE, args.people, max(1, args.people // 33))
    runs: dict[tuple[str, int], list[list[float]]] = {}
    exports: dict[str, list[list[float]]] = {name: [] for name in trees}
    floors, dumps = [], []
    for src in trees.values():  # warm-up: page cache, .pyc files
        _import(src, folders[sizes[0]][0], repeat=False)
    for round_ in range(args.rounds):
        order = list(trees.items()) if round_ % 2 == 0 else list(trees.items())[::-1]
        for name, src in order:
            for size in sizes:
                result = _import(src, folders[size][0], repeat=size == args.people)
                runs.setdefault((name, size), []).append(result)
            exports[name].append(_child(src, EXPORT_CHILD, str(source)))
            print(f"round {round_ + 1} {name} done", flush=True)
        floors.append(_child(trees["after"], FLOOR_CHILD, str(args.people)))
        dumps.append(_dumps_floor(source, trees["after"]))
    floor = statistics.median(f[0] for f in floors)
    floor_cpu = statistics.median(f[1] for f in floors)
    dump = statistics.median(d[0] for d in dumps)
    dump_cpu = statistics.median(d[1] for d in dumps)
    versions = folders[args.people][1]
    print(
        f"floors (medians of {args.rounds} rounds): executemany of {versions:,} versions "
        f"{floor:.2f} s (CPU {floor_cpu:.2f} s); json.dumps of the export {dump:.2f} s "
        f"(CPU {dump_cpu:.2f} s)"
    )
    for name in trees:
        mine = runs[(name, args.people)]
        p4 = statistics.median(r[0] for r in mine)
        p4_cpu = statistics.median(r[3] for r in mine)
        p5 = statistics.median(r[1] for r in mine)
        peak = max(r[2] for r in mine) / 1024
        per = {
            size: statistics.median(r[0] for r in runs[(name, size)]) / folders[size][1]
            for size in sizes
        }
        per_cpu = {
            size: statistics.median(r[3] for r in runs[(name, size)]) / folders[size][1]
            for size in sizes
        }
        export = statistics.median(e[0] for e in exports[name])
        export_cpu = statistics.median(e[1] for e in exports[name])
        growth = max(per.values()) / per[sizes[0]]
        growth_cpu = max(per_cpu.values()) / per_cpu[sizes[0]]
        print(
            f"{name}: P4 {p4:.2f} s (CPU {p4_cpu:.2f} s) ratio {p4 / floor:.2f} (CPU "
            f"{p4_cpu / floor_cpu:.2f}), peak {peak:.0f} MiB | P5 {p5:.2f} s, {p5 / p4:.3f} of P4 "
            f"| P6 µs/version "
            + " / ".join(f"{per[s] * 1e6:.1f}" for s in sizes)
            + " (CPU "
            + " / ".join(f"{per_cpu[s] * 1e6:.1f}" for s in sizes)
            + f") growth {growth:.2f} (CPU {growth_cpu:.2f}) | P7 {export:.2f} s (CPU "
            f"{export_cpu:.2f} s) ratio {export / dump:.2f} (CPU {export_cpu / dump_cpu:.2f})"
        )


if __name__ == "__main__":
    main()
