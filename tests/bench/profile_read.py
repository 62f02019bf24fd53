"""The read side of an import, step by step: parse and header checks (``read_header``), the
check of every change (``check_changes``) and the field-version rows the store writes.

CPU seconds summed over every bundle part of FOLDER, the median of ``--runs`` rounds. With
``--tree`` the same figures are taken for other source trees too, each round alternating the
trees (a fresh process per tree and round), so a change and its baseline are measured side by
side on a shared machine. ``--cprofile`` prints the functions that take the time instead.

Run: ``PYTHONPATH=. uv run python -m tests.bench.profile_read FOLDER [--runs 5]
[--tree OLD/src ...] [--cprofile]``; FOLDER is a ``bundles-<people>`` folder that ``bench_sync``
left in the temp folder (``petugaspembina-bench/bundles-100000``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

STEPS = ("read_header", "check_changes", "rows", "total")


def one_round(folder: Path) -> dict[str, float]:
    """CPU seconds of each step over every part of ``folder``, in this process."""
    from petugaspembina.sync.reader import check_changes, read_header

    try:  # the importer reads and merges each part with the garbage collector paused
        from petugaspembina.core.collector import collections_paused as paused
    except ImportError:  # a tree from before that
        paused = contextlib.nullcontext
    now = datetime.now(UTC)
    times = dict.fromkeys(STEPS, 0.0)
    files = [file.read_bytes() for file in sorted(folder.glob("*.json"))]
    for data in files:
        with paused():
            _one_part(data, now, times, read_header, check_changes)
    return times


def _one_part(
    data: bytes, now: datetime, times: dict[str, float], read_header: Any, check_changes: Any
) -> None:
    """One part read, checked and made into rows as the importer does, its times added."""
    start = time.process_time()
    parsed = read_header(data)
    middle = time.process_time()
    check_changes(parsed, now)
    checked = time.process_time()
    rows = [row for change in parsed.changes for row in change.rows()]  # as the store takes them
    end = time.process_time()
    times["read_header"] += middle - start
    times["check_changes"] += checked - middle
    times["rows"] += end - checked
    times["total"] += end - start
    assert len(rows) == parsed.counts["field_versions"]


def profile(folder: Path) -> None:
    """The functions that take the time of one round (cProfile, by own time)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(one_round, folder)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tree", action="append", default=[], help="another src folder")
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cprofile:
        profile(args.folder)
        return
    if args.one:
        print(json.dumps(one_round(args.folder)))
        return
    here = str(Path(__file__).resolve().parents[2] / "src")
    trees = [here, *(str(Path(tree).resolve()) for tree in args.tree)]
    results: dict[str, list[dict[str, float]]] = {tree: [] for tree in trees}
    for _ in range(args.runs):
        for tree in trees:
            env = dict(os.environ, PYTHONPATH=f"{tree}{os.pathsep}{Path(here).parent}")
            out = subprocess.run(
                [sys.executable, "-m", "tests.bench.profile_read", str(args.folder), "--one"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
                cwd=Path(here).parent,
            ).stdout
            results[tree].append(json.loads(out))
    print(f"CPU seconds, median of {args.runs} rounds ({', '.join(STEPS)}):")
    for tree, rounds in results.items():
        medians = [statistics.median(r[step] for r in rounds) for step in STEPS]
        print("  ".join(f"{m:6.3f}" for m in medians), " ", tree)


if __name__ == "__main__":
    main()
