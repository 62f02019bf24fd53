"""P4 alone, the import and its floor alternating round by round, on a machine shared with other
work: each round's ratio sets the import against a floor measured seconds apart, under the same
load, and the median of the rounds' ratios is the figure (docs/benchmarks.md, P4).

Run: ``PYTHONPATH=. uv run python -m tests.bench.bench_p4 [--people 100000] [--rounds 5]``
(the bundle parts and the office database are the ones ``bench_sync`` builds and caches).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

from .bench_sync import CACHE, bundles_for, import_run

# In a child process: the floor holds every version in memory, and a child's peak memory counts
# its parent's size at the fork (the next import's peak would be the floor's).
FLOOR_CHILD = """
import sys
from tests.bench.bench_sync import floor_executemany
print(*floor_executemany(int(sys.argv[1]), repeats=1))
"""


def floor_once(people: int) -> tuple[float, float]:
    """(wall s, CPU s) of one executemany floor, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", FLOOR_CHILD, str(people)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    folder, versions = bundles_for(args.people)
    import_run(folder, repeat=False)  # warm-up
    walls, cpus = [], []
    for number in range(1, args.rounds + 1):
        seconds, _, peak_kib, cpu = import_run(folder, repeat=False)
        floor, floor_cpu = floor_once(args.people)
        walls.append(seconds / floor)
        cpus.append(cpu / floor_cpu)
        print(
            f"round {number}: import {seconds:.2f} s (CPU {cpu:.2f}), floor {floor:.2f} s "
            f"(CPU {floor_cpu:.2f}): ratio {walls[-1]:.2f} (CPU {cpus[-1]:.2f}), "
            f"peak {peak_kib / 1024:.0f} MiB",
            flush=True,
        )
    print(
        f"P4: {versions:,} field versions: median ratio {statistics.median(walls):.2f} "
        f"(CPU {statistics.median(cpus):.2f}) over {args.rounds} alternating rounds (budget 4)"
    )


if __name__ == "__main__":
    main()
