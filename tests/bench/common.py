"""Timing helpers shared by the benchmarks: median of repeated runs after a warm-up."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from petugaspembina.demo import generate
from petugaspembina.store import vault
from petugaspembina.store.store import Edit, Store
from petugaspembina.sync.exporter import prepare_export, record_export
from petugaspembina.sync.sealed import seal
from petugaspembina.sync.trust import enrolled_office


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


def office_database(folder: Path, people: int, sessions: int, seed: int = 11) -> Path:
    """A database with ``people`` participants over ``sessions`` sessions, cached between runs.

    The generator is deterministic: with one seed a smaller office's records are a subset of a
    larger one's (other clocks); another ``seed`` gives other people."""
    path = folder / f"office-{people}-{sessions}{'' if seed == 11 else f'-seed{seed}'}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        vault.key_file(partial).unlink(missing_ok=True)
        with Store.open(partial) as store:
            generate(store, seed=seed, sessions=sessions, participants=people)
        # The database is encrypted: its key file goes with it.
        vault.key_file(partial).rename(vault.key_file(path))
        vault.forget(partial)
        partial.rename(path)
    return path


def officer_people(device: int, count: int) -> list[Edit]:
    """``count`` new people as one officer's device records them, ten fields each."""
    return [
        Edit(
            "people",
            {
                "full_name": f"Peserta {device}-{i}",
                "sex": "P" if i % 2 else "L",
                "birth_year": 1960 + i % 50,
                "birth_date": f"{1960 + i % 50}-01-0{1 + i % 9}",
                "phone": f"0812{device:03d}{i:05d}",
                "village_name": "Sukamaju",
                "address": f"RT {i % 20} RW {i % 7}",
                "category": "tokoh_masyarakat",
                "agency": "Desa Sukamaju",
                "position": "Warga",
            },
        )
        for i in range(count)
    ]


def sealed_export(store: Store) -> bytes:
    """The device's next bundle, sealed to its enrolled office and recorded as sent to it."""
    prepared = prepare_export(store)
    target = enrolled_office(store)
    assert prepared is not None and target is not None
    data = seal(store, target, prepared.data, prepared.bundle_id, prepared.seq)
    record_export(store, prepared, "kantor")
    return data
