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

TRIALS = {"plain": 50, "bulk": 25}
IMPORTER = """
import sys
from pathlib import Path
from petugaspembina.store import deferred_indexes
from petugaspembina.store.store import Store
from petugaspembina.sync.importer import import_files
if sys.argv[4] == "bulk":  # indexes set aside for the import, whatever its size
    deferred_indexes.worth_setting_aside = lambda conn, size: True
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


def index_schema(db: Path) -> list[tuple[str, str]]:
    with Store.open(db) as store:  # builds what an import killed in bulk mode set aside
        rows = store.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name"
        )
        return [(row[0], row[1]) for row in rows]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("mode", ["plain", "bulk"])
def test_import_killed_at_random_points(tmp_path: Path, mode: str) -> None:
    """``bulk``: the import sets the indexes aside first (store/deferred_indexes.py); a kill
    anywhere leaves them noted, and the next start builds every one of them again."""
    base = tmp_path / "base.db"
    with Store.open(base) as store:
        generate(store, seed=4, sessions=3)
    with Store.open(tmp_path / "officer.db") as officer:
        generate(officer, seed=5, sessions=60, participants=3000)
        bundle = export_bundle(officer, tmp_path / "bundle.json").path
    assert bundle is not None
    before, indexes = state(base), index_schema(base)
    after_db = tmp_path / "after.db"
    copy_database(base, after_db)
    with Store.open(after_db) as store:
        import_files(store, [bundle], quarantine=tmp_path / "q", backups=None)
    after = state(after_db)
    assert after != before

    def run(db: Path) -> tuple[subprocess.Popen[str], float]:
        proc = subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(db), str(bundle), str(tmp_path / "q"), mode],
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
    outcomes = {"before": 0, "after": 0, "indexes aside": 0}
    for trial in range(TRIALS[mode]):
        db = tmp_path / f"trial-{trial}.db"
        copy_database(base, db)
        proc, _ = run(db)
        time.sleep(rng.uniform(0, duration * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        conn = connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        noted = "SELECT count(*) FROM meta WHERE key LIKE 'deferred-index:%'"
        outcomes["indexes aside"] += conn.execute(noted).fetchone()[0] > 0
        conn.close()
        now = state(db)
        assert now in (before, after), f"trial {trial}: neither before nor after"
        outcomes["before" if now == before else "after"] += 1
        assert index_schema(db) == indexes, f"trial {trial}: an index was lost"
        with Store.open(db) as store:  # the retry succeeds and lands on "after"
            report = import_files(store, [bundle], quarantine=tmp_path / "q", backups=None)[0]
            assert report.result in ("imported", "already-imported")
        assert state(db) == after
        db.unlink()
    # The kills must land inside the import for the test to mean something.
    assert outcomes["before"] >= TRIALS[mode] // 5, outcomes
    if mode == "bulk":  # and some while the indexes were aside, to be built at the next start
        assert outcomes["indexes aside"] >= TRIALS[mode] // 5, outcomes
    else:
        assert outcomes["indexes aside"] == 0, outcomes
