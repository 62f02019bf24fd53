"""Duplicate suggestions (the Duplikat tab, ``duplicates``) at office scale.

``find_duplicates`` on the cached demo offices, against comparing every pair of the same blocks
(birth year and village) with difflib as it was done before the compiled pre-filter; both give
the same pairs. The office window runs the search on a thread of its own.

Run: ``PYTHONPATH=. uv run python -m tests.bench.bench_duplicates [--people 10000,100000]``
(every-pair comparison only at 10,000 people and below: at 100,000 it takes minutes).
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from petugaspembina.store.store import Store
from petugaspembina.sync import duplicates

from .common import office_database

CACHE = Path(tempfile.gettempdir()) / "petugaspembina-bench"


def every_pair(names: Sequence[str]) -> Iterator[tuple[int, int, float]]:
    for i, first in enumerate(names):
        for j in range(i + 1, len(names)):
            score = difflib.SequenceMatcher(None, first, names[j]).ratio()
            if score >= duplicates.SIMILAR:
                yield i, j, score


def timed(store: Store, runs: int) -> tuple[float, int]:
    seconds, found = [], 0
    for _ in range(runs):
        start = time.process_time()
        found = len(duplicates.find_duplicates(store))
        seconds.append(time.process_time() - start)
    return statistics.median(seconds), found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    for people in (int(p) for p in args.people.split(",")):
        with Store.open(office_database(CACHE, people, max(1, people // 33))) as store:
            seconds, found = timed(store, args.runs)
            line = f"{people:,} people: find_duplicates CPU {seconds:.3f} s ({found} pairs shown)"
            if people <= 10_000:
                fast = duplicates.similar_names
                duplicates.similar_names = every_pair  # type: ignore[assignment]
                try:
                    slow, slow_found = timed(store, max(1, args.runs // 2))
                finally:
                    duplicates.similar_names = fast
                assert slow_found == found
                line += f"; every pair with difflib {slow:.3f} s: {seconds / slow:.3f}x"
            print(line, flush=True)


if __name__ == "__main__":
    main()
