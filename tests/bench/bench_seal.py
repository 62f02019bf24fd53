"""What sealing and opening add to export and import of ~100,000 field versions (docs/security.md).

Budget: at most 10 % over the plain export and the plain import.

Run: ``PYTHONPATH=. uv run python -m tests.bench.bench_seal [--sessions 230] [--runs 5]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from petugaspembina.demo import generate
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.importer import import_files
from petugaspembina.sync.trust import (
    create_office_keys,
    device_key_file,
    enrol_file,
    office_key_file,
    write_key_file,
)


def main() -> None:
    """Print plain and sealed timings and the overhead ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=230)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "officer.db") as officer:
            generate(officer, seed=1, sessions=args.sessions)
            versions = officer.version_count()
            write_key_file(device_key_file(officer), folder / "hp.key.json")
        times: dict[str, list[float]] = {
            k: [] for k in ("ex-plain", "ex-sealed", "im-plain", "im-sealed")
        }
        for run in range(args.runs):
            office_db = folder / f"office-{run}.db"
            with Store.open(office_db) as office:
                create_office_keys(office)
                write_key_file(office_key_file(office), folder / "kantor.key.json")
                enrol_file(office, folder / "hp.key.json")
            # Which one goes first alternates per run, so neither gets the warmer caches.
            kinds = ("plain", "sealed") if run % 2 == 0 else ("sealed", "plain")
            with Store.open(folder / "officer.db") as officer:
                enrol_file(officer, folder / "kantor.key.json")
                for kind in kinds:
                    start = time.perf_counter()
                    export_bundle(
                        officer, folder / f"{kind}-{run}.json", full=True, plain=kind == "plain"
                    )
                    times[f"ex-{kind}"].append(time.perf_counter() - start)
            # plain into a database without keys; sealed into the office that opens it
            targets = {"plain": folder / f"bare-{run}.db", "sealed": office_db}
            for kind, target in ((k, targets[k]) for k in kinds):
                with Store.open(target) as store:
                    start = time.perf_counter()
                    reports = import_files(
                        store,
                        [folder / f"{kind}-{run}.json"],
                        quarantine=folder / "q",
                        backups=None,
                    )
                    times[f"im-{kind}"].append(time.perf_counter() - start)
                    assert reports[0].result == "imported", reports[0].message
        median = {k: statistics.median(v) for k, v in times.items()}
        print(f"{versions} field versions, median of {args.runs} runs")
        for key, value in median.items():
            print(f"  {key}: {value:.3f} s")
        print(f"  export overhead: {median['ex-sealed'] / median['ex-plain'] - 1:+.1%}")
        print(f"  import overhead: {median['im-sealed'] / median['im-plain'] - 1:+.1%}")


if __name__ == "__main__":
    main()
