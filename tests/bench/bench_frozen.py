"""P10: the frozen one-folder app against a bare Qt one-folder build (performance.md).

Builds both with PyInstaller in this run: the floor is a QMainWindow with a QTableView that
quits as soon as it is shown; the app starts on an empty database, shows its main window and
quits (PETUGASPEMBINA_EXIT_AFTER_START). Size = the whole folder; start = process start to exit,
offscreen, median of 5 after a warm-up.

Run: ``PYTHONPATH=. uv run python -m tests.bench.bench_frozen`` (after build/build.sh)
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "build" / "dist" / "petugaspembina" / "petugaspembina"
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
window = QMainWindow()
view = QTableView()
view.setModel(QStandardItemModel(10, 13))
window.setCentralWidget(view)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def start_times(command: list[str], env: dict[str, str], runs: int = 7) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (user + system) of ``runs`` starts after a warm-up.

    CPU time is reported beside wall time: on a shared, loaded machine it moves far less.
    """
    subprocess.run(command, env=env, check=True, capture_output=True)  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def start_seconds(command: list[str], env: dict[str, str]) -> float:
    return start_times(command, env)[0]


def main() -> None:
    if not APP.exists():
        sys.exit("Build the app first: bash build/build.sh")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PETUGASPEMBINA_EXIT_AFTER_START": "1",
        "PETUGASPEMBINA_NO_FIRST_RUN": "1",
        # The database is encrypted: without a password the app would wait at its dialog.
        "PETUGASPEMBINA_PASSWORD": os.environ.get("PETUGASPEMBINA_PASSWORD", "sandi-bench"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "bare.py").write_text(BARE)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--onedir",
                "--log-level",
                "ERROR",
                "--workpath",
                str(work / "w"),
                "--distpath",
                str(work / "d"),
                "--specpath",
                str(work),
                str(work / "bare.py"),
            ],
            check=True,
        )
        bare = work / "d" / "bare"
        bare_size = folder_size(bare)
        bare_start = start_seconds([str(bare / "bare")], env)
        env["PETUGASPEMBINA_HOME"] = str(work / "home")
        app_size = folder_size(APP.parent)
        app_start = start_seconds([str(APP), "--db", str(work / "p10.sqlite3")], env)
    print(
        f"P10 size: app {app_size / 1e6:.0f} MB, bare Qt {bare_size / 1e6:.0f} MB, "
        f"ratio {app_size / bare_size:.2f} (budget 1.3)"
    )
    print(
        f"P10 start: app {app_start:.2f} s, bare Qt {bare_start:.2f} s, "
        f"ratio {app_start / bare_start:.2f} (budget 2.0)"
    )
    print(f"ratios size {app_size / bare_size:.2f} start {app_start / bare_start:.2f}")


if __name__ == "__main__":
    main()
