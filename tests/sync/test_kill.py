"""I9 / bad-inputs row 21: an import killed (SIGKILL) at random points leaves the database before or
after, ``integrity_check`` ok, and the retry succeeds. 50 trials."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from petugaspembina.core.changes import canonical_json
from petugaspembina.demo import generate
from petugaspembina.store.db import connect
from petugaspembina.store.queries import dump
from petugaspembina.store.store import Store
from petugaspembina.store.vault import key_file
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.importer import import_files

TRIALS = 50
IMPORTER = """
import sys
from pathlib import Path
from petugaspembina.store.store import Store
from petugaspembina.sync.importer import import_files
store = Store.open(Path(sys.argv[1]))
print("READY", flush=True)
reports = import_files(store, [Path(sys.argv[2])], quarantine=Path(sys.argv[3]), backups=None)
print(reports[0].result, flush=True)
"""


def copy_database(source: Path, target: Path) -> None:
    """The file and its key file (same key, same password)."""
    shutil.copyfile(source, target)
    shutil.copyfile(key_file(source), key_file(target))


def state(db: Path) -> str:
    with Store.open(db) as store:
        return canonical_json(dump(store)) + str(store.version_count())


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_import_killed_at_random_points(tmp_path: Path) -> None:
    base = tmp_path / "base.db"
    with Store.open(base) as store:
        generate(store, seed=4, sessions=3)
    with Store.open(tmp_path / "officer.db") as officer:
        generate(officer, seed=5, sessions=60, participants=3000)
        bundle = export_bundle(officer, tmp_path / "bundle.json").path
    assert bundle is not None
    before = state(base)
    after_db = tmp_path / "after.db"
    copy_database(base, after_db)
    with Store.open(after_db) as store:
        import_files(store, [bundle], quarantine=tmp_path / "q", backups=None)
    after = state(after_db)
    assert after != before

    def run(db: Path) -> tuple[subprocess.Popen[str], float]:
        proc = subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(db), str(bundle), str(tmp_path / "q")],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
        return proc, time.perf_counter()

    timing_db = tmp_path / "timing.db"
    copy_database(base, timing_db)
    proc, started = run(timing_db)
    proc.wait(timeout=120)
    duration = time.perf_counter() - started
    rng = random.Random(9)
    outcomes = {"before": 0, "after": 0}
    for trial in range(TRIALS):
        db = tmp_path / f"trial-{trial}.db"
        copy_database(base, db)
        proc, _ = run(db)
        time.sleep(rng.uniform(0, duration * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        conn = connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        now = state(db)
        assert now in (before, after), f"trial {trial}: neither before nor after"
        outcomes["before" if now == before else "after"] += 1
        with Store.open(db) as store:  # the retry succeeds and lands on "after"
            report = import_files(store, [bundle], quarantine=tmp_path / "q", backups=None)[0]
            assert report.result in ("imported", "already-imported")
        assert state(db) == after
        db.unlink()
    # The kills must land inside the import for the test to mean something.
    assert outcomes["before"] >= 10, outcomes
