"""P10: the frozen one-folder app against a bare Qt one-folder build (docs/benchmarks.md).

Builds both with PyInstaller in this run: the floor is a QMainWindow with a QTableView that
quits as soon as it is shown; the app starts on a new, encrypted database, shows its password
prompt and then its main window, and quits (PETUGASPEMBINA_EXIT_AFTER_START). Size = the whole
folder; start = the two waits of P1 (bench_gui): process start to the prompt interactive, and
Enter to the main window interactive, each against the bare build's start to its window
interactive, offscreen, medians of 11 alternating rounds after a warm-up; and, for scripts, start
to exit with the password in the environment.

Run: ``PYTHONPATH=. uv run python -m tests.bench.bench_frozen`` (after build/build.sh)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
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
    from petugaspembina.store import vault
    from petugaspembina.store.store import Store

    from .bench_gui import BARE_TIMED, TIMES_ENV, start_rounds

    env.pop(TIMES_ENV, None)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "bare.py").write_text(BARE_TIMED)
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
        env["PETUGASPEMBINA_HOME"] = str(work / "home")
        app_size = folder_size(APP.parent)
        db = work / "p10.sqlite3"
        vault.set_up(db, env["PETUGASPEMBINA_PASSWORD"])
        Store.open(db).close()
        starts = start_rounds([str(APP), "--db", str(db)], [str(bare / "bare")], env, db)
    print(
        f"P10 size: app {app_size / 1e6:.0f} MB, bare Qt {bare_size / 1e6:.0f} MB, "
        f"ratio {app_size / bare_size:.2f} (budget 1.3)"
    )
    for line in starts.lines():
        print(line.replace("P1", "P10", 1).replace(" at 100k people", ""))


if __name__ == "__main__":
    main()
