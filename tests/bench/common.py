"""Timing helpers shared by the benchmarks: median of repeated runs after a warm-up."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from petugaspembina.demo import generate
from petugaspembina.store import vault
from petugaspembina.store.store import Store


def median_seconds(run: Callable[[], object], repeats: int = 5, warmup: int = 1) -> float:
    """Median wall time of ``run`` over ``repeats`` runs after ``warmup`` unmeasured ones."""
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def office_database(folder: Path, people: int, sessions: int) -> Path:
    """A database with ``people`` participants over ``sessions`` sessions, cached between runs."""
    path = folder / f"office-{people}-{sessions}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        vault.key_file(partial).unlink(missing_ok=True)
        with Store.open(partial) as store:
            generate(store, seed=11, sessions=sessions, participants=people)
        # The database is encrypted: its key file goes with it.
        vault.key_file(partial).rename(vault.key_file(path))
        vault.forget(partial)
        partial.rename(path)
    return path
