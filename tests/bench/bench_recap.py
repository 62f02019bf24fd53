"""R1-R3: the clerk's recap at 100,000 people — the figures (≤ 1 s), the XLSX of every sign-in
(≤ 10 s, ≤ 300 MB peak), the recap PDF with charts (≤ 2 s).

Usage: PYTHONPATH=. uv run python -m tests.bench.bench_recap
Each XLSX run is a fresh process, so its peak memory (``ru_maxrss``) is its own.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from petugaspembina.store.recap import RecapFilter, compute_recap
from petugaspembina.store.store import Store

from .common import median_seconds, office_database

CACHE = Path(tempfile.gettempdir()) / "petugaspembina-bench-clerk"


def _xlsx_child(db: str, out: str) -> None:
    """Run in a child process: one XLSX with personal data (the widest sheet), timed."""
    from petugaspembina.documents.spreadsheet import write_xlsx

    start, cpu = time.perf_counter(), time.process_time()
    with Store.open(db, full_check=False) as store:
        recap = compute_recap(store, RecapFilter())
        write_xlsx(store, recap, Path(out), personal=True)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps({"seconds": seconds, "cpu": cpu, "peak_mib": peak, "sign_ins": recap.sign_ins})
    )


def _floor_seconds(store: Store) -> float:
    """One GROUP BY over the same join, the least any recap must do."""
    sql = """SELECT p.sex, count(*) FROM attendance a JOIN sessions s ON s.id = a.session_id
             LEFT JOIN people p ON p.id = a.person_id WHERE a.deleted = 0 GROUP BY 1"""
    return median_seconds(lambda: store.conn.execute(sql).fetchall())


def main() -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    db = office_database(CACHE, 100_000, 3030)
    with Store.open(db, full_check=False) as store:
        people = store.conn.execute("SELECT count(*) FROM people").fetchone()[0]
        versions = store.version_count()
        full = RecapFilter()
        quarter = RecapFilter("2026-04-01", "2026-06-30")
        cpu_start = time.process_time()
        wall = median_seconds(lambda: compute_recap(store, full))
        cpu = (time.process_time() - cpu_start) / 6
        wall_quarter = median_seconds(lambda: compute_recap(store, quarter))
        floor = _floor_seconds(store)
        recap = compute_recap(store, full)
        from petugaspembina.documents.recap_pdf import render_recap_pdf

        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "rekap.pdf"
            pdf_seconds = median_seconds(lambda: render_recap_pdf(store, recap, pdf))
    print(f"R1 recap, {people} people, {versions} field versions, {recap.sign_ins} sign-ins:")
    print(f"   whole period {wall:.3f} s wall (median), {cpu:.3f} s CPU per run")
    print(f"   one quarter {wall_quarter:.3f} s; floor (one GROUP BY over the join) {floor:.3f} s")
    print(f"R3 recap PDF with charts: {pdf_seconds:.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        runs = []
        for _ in range(3):
            out = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "tests.bench.bench_recap",
                    "--xlsx-child",
                    str(db),
                    str(Path(tmp) / "rekap.xlsx"),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        size = (Path(tmp) / "rekap.xlsx").stat().st_size / 1048576
    runs.sort(key=lambda r: r["seconds"])
    middle = runs[1]
    print(
        f"R2 XLSX of {middle['sign_ins']} sign-ins with names: {middle['seconds']:.2f} s wall, "
        f"{middle['cpu']:.2f} s CPU (median of 3), peak {max(r['peak_mib'] for r in runs):.0f} MiB, file {size:.1f} MiB"
    )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--xlsx-child":
        _xlsx_child(sys.argv[2], sys.argv[3])
    else:
        main()
