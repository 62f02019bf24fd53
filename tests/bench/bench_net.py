"""Inbox server benchmark (docs/benchmarks.md "N1"): run separately, bounded in time.

    uv run python -m tests.bench.bench_net [--officers 100] [--versions 10000]

N simulated officers' devices (each a real database with its own key, enrolled at the office with
its upload token) upload one sealed bundle of V field versions each, all at once, to a real
``serve`` process on 127.0.0.1. Reports upload latency (p50/p99 until the office holds the bundle,
HTTP 202), the time until every bundle is merged and its signed receipt verified, throughput, and
the server's peak RSS (VmHWM). The overhead of an upload against a copy to a folder (N2) is
``bench_upload.py``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from petugaspembina.store import vault
from petugaspembina.store.store import Store
from petugaspembina.sync import sender
from petugaspembina.sync.receipts import accept_receipt

from ..sync.netlab import Office
from .common import officer_people, sealed_export

DEADLINE_SECONDS = 900


def _officer(folder: Path, office: Office, n: int, versions: int) -> tuple[Path, Path]:
    """A device with ``versions`` field versions of its own, enrolled; (database, sealed file)."""
    db = folder / f"officer-{n:03d}.db"
    with Store.open(db) as store:
        store.write_many(officer_people(n, versions // 10))
    office.enrol_db(db)
    with Store.open(db) as store:
        data = sealed_export(store)
    sealed = folder / f"officer-{n:03d}.sealed.json"
    sealed.write_bytes(data)
    return db, sealed


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _upload(db: Path, sealed: Path, url: str) -> tuple[float, float]:
    """(seconds until the office holds it, seconds until its receipt is verified)."""
    with Store.open(db) as store:
        store.set_setting("inbox_url", url)
        where = sender.target(store)
        start = time.perf_counter()
        status, doc = sender._exchange(where, "POST", sender.UPLOAD_PATH, sealed, 120)
        held = time.perf_counter() - start
        assert status in (200, 202), (status, doc)
        bundle_id = doc["bundle_id"]
        while status != 200:
            time.sleep(1.0)
            status, doc = sender._exchange(
                where, "GET", f"{sender.UPLOAD_PATH}/{bundle_id}", None, 60
            )
            assert status in (200, 202), (status, doc)
        accept_receipt(store, doc["receipt"])
        return held, time.perf_counter() - start


def main() -> int:
    # Encrypted databases as everywhere; a cheap Argon2id for the many made here (each key file
    # records its parameters; opening is outside every timing).
    vault.KDF = vault.Kdf(time_cost=1, memory_kib=64, parallelism=1)
    parser = argparse.ArgumentParser()
    parser.add_argument("--officers", type=int, default=100)
    parser.add_argument("--versions", type=int, default=10_000)
    args = parser.parse_args()
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="bench-net-"))
    try:
        office = Office(folder)
        officers = [_officer(folder, office, n, args.versions) for n in range(args.officers)]
        size = officers[0][1].stat().st_size
        print(
            f"setup: {args.officers} officers, {args.versions} versions, "
            f"{size / 1e6:.2f} MB per sealed bundle, {time.monotonic() - started:.0f} s"
        )
        server = office.server("--wait", "0", "--rate", "600").start()
        assert server.proc is not None
        try:
            t0 = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.officers) as pool:
                results = list(pool.map(lambda o: _upload(o[0], o[1], server.url), officers))
            wall = time.perf_counter() - t0
            peak = _peak_rss_mib(server.proc.pid)
            held = sorted(r[0] for r in results)
            done = sorted(r[1] for r in results)
            imported = len(office.imported())
            print(f"all delivered: {imported}/{args.officers} imported, receipts verified")
            print(
                f"upload (held at the office) p50 {statistics.median(held):.2f} s, "
                f"p99 {held[max(0, int(len(held) * 0.99) - 1)]:.2f} s, max {held[-1]:.2f} s"
            )
            print(
                f"until receipt p50 {statistics.median(done):.2f} s, p99 "
                f"{done[max(0, int(len(done) * 0.99) - 1)]:.2f} s; wall {wall:.1f} s"
            )
            total_mb = size * args.officers / 1e6
            print(
                f"throughput: uploads {total_mb / held[-1]:.1f} MB/s, merged "
                f"{args.versions * args.officers / wall:,.0f} versions/s end to end"
            )
            print(f"server peak RSS {peak:.0f} MiB (budget 300)")
            ok = imported == args.officers and peak <= 300
        finally:
            server.stop()
        print(f"total {time.monotonic() - started:.0f} s; {'PASS' if ok else 'OVER BUDGET'}")
        return 0 if ok else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    timer = threading.Timer(DEADLINE_SECONDS, lambda: os._exit(3))
    timer.daemon = True
    timer.start()
    sys.exit(main())
