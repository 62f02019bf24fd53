"""The start: the password prompt comes before the window's modules, which load while the officer
types; after Enter the window opens. The start's other paths through launch(): a wrong password
first, the demo, a damaged database; and the benchmark's marks (docs/benchmarks.md P1)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from petugaspembina.gui import launch as launcher
from petugaspembina.gui.password_dialogs import FAILURES_KEY, PasswordDialog
from petugaspembina.gui.start_up import MODULES, TIMES_ENV
from petugaspembina.paths import app_paths
from petugaspembina.store import vault
from petugaspembina.store.store import Store

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: notes which of the app's modules are loaded when the prompt shows.
AT_PROMPT = """
import json, sys
from petugaspembina.gui import password_dialogs
ask = password_dialogs.PasswordDialog.ask.__func__
target = sys.argv[1]
def noting(cls, parent, database, shown=None):
    loaded = sorted(m for m in sys.modules if m.startswith("petugaspembina"))
    with open(target, "w") as out:
        json.dump(loaded, out)
    return ask(cls, parent, database, shown)
password_dialogs.PasswordDialog.ask = classmethod(noting)
from petugaspembina.entry import run
sys.argv = ["petugaspembina", "--db", sys.argv[2]]
run()
"""

# Run in a fresh interpreter: what building and showing the window loads beyond MODULES.
BEYOND = """
import json, sys
from pathlib import Path
from petugaspembina.gui import launch, start_up
app = launch._application()
start_up.Preloader(None).finish()
before = set(sys.modules)
from petugaspembina.store.store import Store
from petugaspembina.gui.main_window import MainWindow
store = Store.open(Path(sys.argv[1]), full_check=False)
window = MainWindow(store)
window.show()
app.processEvents()
print(json.dumps(sorted(m for m in set(sys.modules) - before if m.startswith("petugaspembina"))))
window.close()
store.close()
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "PETUGASPEMBINA_HOME": str(tmp_path / "home"),
        "PETUGASPEMBINA_EXIT_AFTER_START": "1",
        "PETUGASPEMBINA_NO_FIRST_RUN": "1",
    }
    env.pop(TIMES_ENV, None)
    return env


def _database(tmp_path: Path) -> Path:
    db = tmp_path / "data.sqlite3"
    with Store.open(db) as store:
        store.write("people", {"full_name": "Siti Aminah", "sex": "P", "birth_year": 1995})
    return db


@pytest.mark.slow
def test_prompt_shows_before_the_window_modules_and_the_window_follows_enter(
    tmp_path: Path,
) -> None:
    db = _database(tmp_path)
    loaded, marks = tmp_path / "loaded.json", tmp_path / "marks.json"
    env = {**_env(tmp_path), TIMES_ENV: str(marks)}
    done = subprocess.run(
        [sys.executable, "-c", AT_PROMPT, str(loaded), str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    at_prompt = set(json.loads(loaded.read_text()))
    assert "petugaspembina.gui.password_dialogs" in at_prompt
    for heavy in ("petugaspembina.gui.main_window", "petugaspembina.store.store"):
        assert heavy not in at_prompt, f"{heavy} loaded before the password prompt"
    times = json.loads(marks.read_text())
    order = [times[name]["wall"] for name in ("prompt", "preloaded", "submit", "unlocked")]
    assert order == sorted(order) and times["window"]["wall"] > times["unlocked"]["wall"]
    assert 0 < times["longest_import_step"] < times["preloaded"]["wall"] - times["prompt"]["wall"]


@pytest.mark.slow
def test_the_window_loads_no_module_of_the_app_beyond_the_preloaded(tmp_path: Path) -> None:
    """MODULES lists everything the window needs at start: none is left for after Enter."""
    db = _database(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", BEYOND, str(db)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
    assert len(MODULES) == len(set(MODULES))


@pytest.fixture(autouse=True)
def no_garbage_of_earlier_tests() -> None:
    """Windows earlier tests left to the garbage collector are collected now, not while Qt hands
    them an event in the middle of launch() (a crash of the test process, not of the app)."""
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _close_windows_instead_of_waiting(shown: list[str]) -> object:
    def run_and_close(*args: object) -> int:
        QApplication.processEvents()
        visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        shown.extend(w.windowTitle() for w in visible)
        for window in visible:  # gone before launch() closes its database
            window.close()
            window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return 0

    return run_and_close


def test_a_wrong_password_at_start_opens_nothing_then_the_right_one_opens_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, password: str
) -> None:
    db = _database(tmp_path)
    vault.forget()
    QSettings().setValue(FAILURES_KEY, 0)
    monkeypatch.delenv(vault.PASSWORD_ENV)
    monkeypatch.setenv("PETUGASPEMBINA_NO_FIRST_RUN", "1")
    typed: list[str] = []

    def officer_types(dialog: PasswordDialog) -> int:
        dialog.password.setText("bukan-kata-sandinya")
        dialog.on_open_clicked()
        typed.append(dialog.error.text())
        assert vault.key_for(db) is None and not dialog.unlocked
        dialog.remaining = 0  # the wait of a wrong password has passed
        dialog._tick()
        dialog.password.setText(password)
        dialog.on_open_clicked()
        return 1

    monkeypatch.setattr(PasswordDialog, "exec", officer_types)
    shown: list[str] = []
    monkeypatch.setattr(QApplication, "exec", _close_windows_instead_of_waiting(shown))
    paths = app_paths(tmp_path / "home")
    assert launcher.launch(db, paths, explicit_db=True) == 0
    assert typed == ["Kata sandi salah. Coba lagi dalam 2 detik."]
    assert "Petugas Pembina" in shown and vault.key_for(db) is not None


def test_the_prompt_given_up_ends_the_start_without_a_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path)
    vault.forget()
    monkeypatch.delenv(vault.PASSWORD_ENV)
    monkeypatch.setattr(PasswordDialog, "exec", lambda dialog: 0)  # Keluar
    shown: list[str] = []
    monkeypatch.setattr(QApplication, "exec", _close_windows_instead_of_waiting(shown))
    assert launcher.launch(db, app_paths(tmp_path / "home"), explicit_db=True) == 0
    assert shown == [] and vault.key_for(db) is None


def test_demo_starts_without_a_prompt(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(vault.PASSWORD_ENV)
    monkeypatch.setattr(PasswordDialog, "exec", lambda dialog: pytest.fail("asked a password"))
    shown: list[str] = []
    monkeypatch.setattr(QApplication, "exec", _close_windows_instead_of_waiting(shown))
    paths = app_paths(tmp_path / "home")
    assert launcher.launch(paths.database, paths, demo=True) == 0
    assert "Petugas Pembina — DEMO" in shown


def test_a_damaged_database_offers_a_backup_and_ends_when_refused(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.gui import integrity

    db = tmp_path / "rusak.sqlite3"
    db.write_bytes(b"bukan basis data " * 500)
    offered: list[str] = []
    monkeypatch.setattr(
        integrity, "offer_backup", lambda parent, path, backups, why: offered.append(why) or False
    )
    shown: list[str] = []
    monkeypatch.setattr(QApplication, "exec", _close_windows_instead_of_waiting(shown))
    assert launcher.launch(db, app_paths(tmp_path / "home"), explicit_db=True) == 1
    assert offered and "rusak" in offered[0] and shown == []
    assert db.read_bytes() == b"bukan basis data " * 500


def _wait_for_window_lock(db: Path, window: subprocess.Popen[str]) -> None:
    from petugaspembina.gui.single_instance import lock_path

    deadline = time.monotonic() + 90
    while not lock_path(db).exists():
        assert window.poll() is None, window.communicate()[1]
        assert time.monotonic() < deadline, "the first window never took its lock"
        time.sleep(0.1)


@pytest.mark.slow
def test_a_second_start_on_an_open_database_says_so_and_a_crashed_window_does_not_block(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.gui import messages

    db = _database(tmp_path)
    env = {**_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PETUGASPEMBINA_EXIT_AFTER_START")
    first = subprocess.Popen(
        [sys.executable, "-m", "petugaspembina", "--db", str(db)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_window_lock(db, first)
        vault.forget()
        monkeypatch.delenv(vault.PASSWORD_ENV)
        told: list[str] = []
        monkeypatch.setattr(messages, "inform", lambda parent, title, text: told.append(text))
        monkeypatch.setattr(PasswordDialog, "exec", lambda d: pytest.fail("asked a password"))
        paths = app_paths(tmp_path / "home2")
        assert launcher.launch(db, paths, explicit_db=True) == 1
        assert told == [
            "Petugas Pembina sudah terbuka pada basis data ini (data.sqlite3). Gunakan jendela "
            "yang sudah terbuka (lihat bilah tugas)."
        ]
    finally:
        first.kill()  # a crash: the lock file stays behind
        first.communicate(timeout=30)
    from petugaspembina.gui.single_instance import lock_path

    assert lock_path(db).exists()
    asked: list[str] = []
    monkeypatch.setattr(PasswordDialog, "exec", lambda d: asked.append("sandi") or 0)
    assert launcher.launch(db, paths, explicit_db=True) == 0
    assert asked == ["sandi"]  # the stale lock did not block the next start
