"""Upload overhead against a copy to a folder (docs/benchmarks.md "N2"), by bundle size.

    uv run python -m tests.bench.bench_upload [--sizes 300,3000,10000] [--runs 9]
        [--compare OTHER_TREE/src]

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
alone, then times a health check on the kept connection (the HTTP + TLS round trip with no work:
the floor under any upload). Medians of wall time; the ratio is the median of each upload over the
copy made just before it (the disk's mood moves both). CPU per upload beside them as means: the
server's from ``/proc/<pid>/task/*/schedstat`` (all its threads; it includes the start of the merge
that follows the answer), the client's from ``time.process_time``.

``--compare``: a second office whose server runs the code of another tree (``git archive <commit>
src | tar -x -C DIR``, then ``DIR/src``), its own device and bundles, every bundle interleaved with
this tree's (the client is this tree's): before/after figures from one run on one machine state.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from petugaspembina.store import vault
from petugaspembina.store.store import Store
from petugaspembina.sync import sender
from petugaspembina.sync.bundle import write_atomically
from petugaspembina.sync.inputs import read_whole

from ..sync.netlab import Office, Server
from .common import officer_people, sealed_export

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
        for run in range(runs):
            store.write_many(officer_people(run, versions // FIELDS_PER_PERSON))
            data = sealed_export(store)
            path = folder / f"bundle-{versions}-{run}.json"
            path.write_bytes(data)
            files.append(path)
    return db, files


def _cpu_seconds(pid: int) -> float:
    """CPU seconds of every thread of ``pid`` (nanoseconds in schedstat)."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with contextlib.suppress(OSError):
            total += int(Path(f"/proc/{pid}/task/{task}/schedstat").read_text().split()[0])
    return total / 1e9


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


@dataclass
class _Side:
    """One office and its server (this tree's or ``--compare``'s), one device, its bundles."""

    label: str
    server: Server
    db: Path
    files: list[Path]
    copies: list[float] = field(default_factory=list)
    fresh: list[float] = field(default_factory=list)
    kept: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    own: list[float] = field(default_factory=list)
    health: list[float] = field(default_factory=list)


def _start(folder: Path, label: str, src: str | None, sizes: list[int], runs: int) -> list[_Side]:
    """An office with keys, a device per size and its bundles, the server running (from ``src``
    when given: ``PYTHONPATH`` for its process only)."""
    folder.mkdir()
    office = Office(folder)
    made = {v: _bundles(folder, office, v, runs * 2) for v in sizes}
    server = office.server("--wait", "0", "--rate", "6000")
    before = os.environ.get("PYTHONPATH")
    if src:
        os.environ["PYTHONPATH"] = os.pathsep.join([src, *filter(None, [before])])
    try:
        server.start()
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before
    return [_Side(label, server, *made[v]) for v in sizes]


def _round(side: _Side, number: int, link: sender.Link, where: sender.Target, stick: Path) -> None:
    """Copy, then upload (on a new connection for even numbers, else on ``link``)."""
    assert side.server.proc is not None
    pid = side.server.proc.pid
    file = side.files[number]
    start = time.perf_counter()
    write_atomically(stick / f"{side.label}-{file.name}", read_whole(file))
    copy = time.perf_counter() - start
    side.copies.append(copy)
    if number % 2 == 0:  # a send run of one bundle: a new connection
        with sender.Link(where, 60) as once:
            wall, used, mine, bundle_id = _timed_upload(once, file, pid)
        side.fresh.append(wall)
    else:  # a further bundle of a run: the connection is open
        wall, used, mine, bundle_id = _timed_upload(link, file, pid)
        side.kept.append(wall)
        side.ratios.append(wall / copy)
        side.cpu.append(used)
        side.own.append(mine)
    _wait_merged(link, bundle_id)
    start = time.perf_counter()
    status, _ = link.exchange("GET", "/v1/health")
    side.health.append(time.perf_counter() - start)
    assert status == 200


def main() -> int:
    # Encrypted databases as everywhere; a cheap Argon2id for the many made here (each key file
    # records its parameters; opening is outside every timing).
    vault.KDF = vault.Kdf(time_cost=1, memory_kib=64, parallelism=1)
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="300,3000,10000")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--compare", help="another tree's src folder: its server interleaved")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="bench-upload-"))
    sides: list[list[_Side]] = []
    try:
        sides.append(_start(folder / "this", "this", None, sizes, args.runs))
        if args.compare:
            sides.append(_start(folder / "other", "other", args.compare, sizes, args.runs))
        stick = folder / "stick"
        stick.mkdir()
        ok = True
        print(
            f"{'versions':>8} {'KB':>6} {'tree':>5} {'copy ms':>8} {'new conn ms':>11} "
            f"{'kept ms':>8} {'health ms':>9} {'server CPU':>10} {'client CPU':>10} "
            f"{'ratio kept':>10}"
        )
        for index, versions in enumerate(sizes):
            pairs = []
            for side in (group[index] for group in sides):
                with Store.open(side.db) as store:
                    store.set_setting("inbox_url", side.server.url)
                    where = sender.target(store)
                pairs.append((side, where, sender.Link(where, 60)))
            try:
                for number in range(args.runs * 2):
                    order = pairs[number % len(pairs) :] + pairs[: number % len(pairs)]
                    for side, where, link in order:
                        _round(side, number, link, where, stick)
            finally:
                for _, _, link in pairs:
                    link.close()
            for side, _, _ in pairs:
                ratio = statistics.median(side.ratios)
                print(
                    f"{versions:>8} {side.files[0].stat().st_size / 1024:>6.0f} "
                    f"{side.label:>5} {_ms(side.copies):>8} {_ms(side.fresh):>11} "
                    f"{_ms(side.kept):>8} {_ms(side.health):>9} {_mean_ms(side.cpu):>10} "
                    f"{_mean_ms(side.own):>10} {ratio:>9.2f}x"
                )
                if side.label == "this":
                    ok = ok and ratio <= 2
        print("PASS (kept connection)" if ok else "OVER BUDGET")
        return 0 if ok else 1
    finally:
        for group in sides:
            group[0].server.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    timer = threading.Timer(DEADLINE_SECONDS, lambda: os._exit(3))
    timer.daemon = True
    timer.start()
    sys.exit(main())
