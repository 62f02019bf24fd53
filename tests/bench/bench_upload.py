"""Upload overhead against a copy to a folder (docs/benchmarks.md "N2"), by bundle size.

    uv run python -m tests.bench.bench_upload [--sizes 300,3000,10000] [--runs 7]

For each size one officer's device (enrolled at the office, its own key) makes ``--runs`` sealed
bundles of that many field versions (each a new bundle: an upload of a bundle the office already
holds would be cheaper). A real ``serve`` process on 127.0.0.1 answers with 202 as soon as the
bundle is held (``--wait 0``: streamed to the spool, fsynced, seal opened and signature checked).
Interleaved, for every bundle:

- **copy**: the file written into a folder as an export to a stick does (temporary file, fsync,
  rename, folder fsync: a copy not flushed is not delivered);
- **upload, first of a run**: a new connection (TCP + TLS handshake) and the upload, i.e. a send
  run of one bundle;
- **upload, kept connection**: the upload on a connection already open (every further bundle of a
  run, and the receipt questions).

Between timings the bench waits for the office to merge the bundle (not timed), so each upload runs
alone. Medians of wall time; CPU per upload beside them as means (the server's from /proc, in
clock ticks of 10 ms, so only a mean over many uploads means anything; the client's from
``time.process_time``).
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
from pathlib import Path

from petugaspembina.store import vault
from petugaspembina.store.store import Edit, Store
from petugaspembina.sync import sender
from petugaspembina.sync.bundle import write_atomically
from petugaspembina.sync.exporter import prepare_export, record_export
from petugaspembina.sync.inputs import read_whole
from petugaspembina.sync.sealed import seal
from petugaspembina.sync.trust import enrolled_office

from ..sync.netlab import Office

DEADLINE_SECONDS = 900
FIELDS_PER_PERSON = 10


def _bundles(folder: Path, office: Office, versions: int, runs: int) -> tuple[Path, list[Path]]:
    """One device, ``runs`` sealed bundles of ``versions`` field versions each."""
    db = folder / f"officer-{versions}.db"
    with Store.open(db):
        pass
    office.enrol_db(db)
    files = []
    with Store.open(db) as store:
        target = enrolled_office(store)
        assert target is not None
        for run in range(runs):
            store.write_many(
                [
                    Edit(
                        "people",
                        {
                            "full_name": f"Peserta {run}-{i}",
                            "sex": "P" if i % 2 else "L",
                            "birth_year": 1960 + i % 50,
                            "birth_date": f"{1960 + i % 50}-01-0{1 + i % 9}",
                            "phone": f"0812{run:03d}{i:05d}",
                            "village_name": "Sukamaju",
                            "address": f"RT {i % 20} RW {i % 7}",
                            "category": "tokoh_masyarakat",
                            "agency": "Desa Sukamaju",
                            "position": "Warga",
                        },
                    )
                    for i in range(versions // FIELDS_PER_PERSON)
                ]
            )
            prepared = prepare_export(store)
            assert prepared is not None
            data = seal(store, target, prepared.data, prepared.bundle_id, prepared.seq)
            record_export(store, prepared, "kantor")
            path = folder / f"bundle-{versions}-{run}.json"
            path.write_bytes(data)
            files.append(path)
    return db, files


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_merged(link: sender.Link, bundle_id: str) -> None:
    status = 202
    while status != 200:
        time.sleep(0.05)
        status, doc = link.exchange("GET", f"{sender.UPLOAD_PATH}/{bundle_id}")
        assert status in (200, 202), (status, doc)


def _timed_upload(link: sender.Link, file: Path, pid: int) -> tuple[float, float, float, str]:
    """(wall, server CPU, client CPU) seconds of one upload, and the bundle id."""
    cpu = _cpu_seconds(pid)
    own = time.process_time()
    start = time.perf_counter()
    status, doc = link.exchange("POST", sender.UPLOAD_PATH, file)
    wall = time.perf_counter() - start
    assert status in (200, 202), (status, doc)
    return wall, _cpu_seconds(pid) - cpu, time.process_time() - own, str(doc["bundle_id"])


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f}"


def _mean_ms(values: list[float]) -> str:
    return f"{statistics.mean(values) * 1000:.1f}"


def main() -> int:
    # Encrypted databases as everywhere; a cheap Argon2id for the many made here (each key file
    # records its parameters; opening is outside every timing).
    vault.KDF = vault.Kdf(time_cost=1, memory_kib=64, parallelism=1)
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="300,3000,10000")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="bench-upload-"))
    try:
        office = Office(folder)
        made = {v: _bundles(folder, office, v, args.runs * 2) for v in sizes}
        extra = ("--wait", "0", "--rate", "6000")
        server = office.server(*extra).start()
        assert server.proc is not None
        pid = server.proc.pid
        stick = folder / "stick"
        stick.mkdir()
        ok = True
        try:
            print(
                f"{'versions':>8} {'KB':>6} {'copy ms':>8} {'new conn ms':>11} "
                f"{'kept ms':>8} {'server CPU':>10} {'client CPU':>10} {'ratio new':>9} "
                f"{'ratio kept':>10}"
            )
            for versions in sizes:
                db, files = made[versions]
                with Store.open(db) as store:
                    store.set_setting("inbox_url", server.url)
                    where = sender.target(store)
                copies, fresh, kept, cpu, own = [], [], [], [], []
                with sender.Link(where, 60) as link:
                    for number, file in enumerate(files):
                        start = time.perf_counter()
                        write_atomically(stick / file.name, read_whole(file))
                        copies.append(time.perf_counter() - start)
                        if number % 2 == 0:  # a send run of one bundle: a new connection
                            with sender.Link(where, 60) as once:
                                wall, used, mine, bundle_id = _timed_upload(once, file, pid)
                            fresh.append(wall)
                        else:  # a further bundle of a run: the connection is open
                            wall, used, mine, bundle_id = _timed_upload(link, file, pid)
                            kept.append(wall)
                            cpu.append(used)
                            own.append(mine)
                        _wait_merged(link, bundle_id)
                copy = statistics.median(copies)
                ratio_new = statistics.median(fresh) / copy
                ratio_kept = statistics.median(kept) / copy
                print(
                    f"{versions:>8} {files[0].stat().st_size / 1024:>6.0f} {_ms(copies):>8} "
                    f"{_ms(fresh):>11} {_ms(kept):>8} {_mean_ms(cpu):>10} {_mean_ms(own):>10} "
                    f"{ratio_new:>8.2f}x {ratio_kept:>9.2f}x"
                )
                ok = ok and ratio_kept <= 2
        finally:
            server.stop()
        print("PASS (kept connection)" if ok else "OVER BUDGET")
        return 0 if ok else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    timer = threading.Timer(DEADLINE_SECONDS, lambda: os._exit(3))
    timer.daemon = True
    timer.start()
    sys.exit(main())
