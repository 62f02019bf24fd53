"""The password at start (wrong ones wait longer), the first run choosing the password, the
recovery key shown once, the recovery dialog, and an old plain database converted with progress;
each dialog checked as shown on a 1366×768 screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from screen_checks import walk

from petugaspembina.gui.first_run import FirstRunDialog
from petugaspembina.gui.password_dialogs import (
    FAILURES_KEY,
    PasswordDialog,
    RecoveryDialog,
    RecoveryKeyDialog,
)
from petugaspembina.store import vault
from petugaspembina.store.store import Store


@pytest.fixture
def locked(tmp_path: Path, password: str) -> Path:
    db = tmp_path / "data.sqlite3"
    Store.open(db).close()
    vault.forget()
    QSettings().setValue(FAILURES_KEY, 0)
    return db


def test_start_password_dialog_unlocks_and_wrong_ones_wait_longer(
    qtbot: QtBot, locked: Path, password: str
) -> None:
    dialog = PasswordDialog(locked)
    assert walk(qtbot, dialog) == []
    dialog.password.setText("bukan-ini")
    dialog.on_open_clicked()
    assert vault.key_for(locked) is None and not dialog.unlocked
    assert "Kata sandi salah. Coba lagi dalam 2 detik." in dialog.error.text()
    assert not dialog.open_button.isEnabled() and not dialog.password.isEnabled()
    assert dialog.password.text() == ""
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=5000)
    dialog.password.setText("masih-salah")
    dialog.on_open_clicked()
    assert "4 detik" in dialog.error.text() and dialog.failures() == 2
    again = PasswordDialog(locked)  # a restart does not reset the wait
    qtbot.addWidget(again)
    assert not again.open_button.isEnabled() and "4 detik" in again.error.text()
    again.remaining = 0
    again._tick()
    again.password.setText(password)
    again.on_open_clicked()
    assert again.unlocked and vault.key_for(locked) is not None and again.failures() == 0


def test_empty_password_is_asked_for(qtbot: QtBot, locked: Path) -> None:
    dialog = PasswordDialog(locked)
    qtbot.addWidget(dialog)
    dialog.on_open_clicked()
    assert dialog.error.text() == "Ketik kata sandi." and dialog.failures() == 0


def test_recovery_dialog_sets_a_new_password(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "pulih.sqlite3"
    code = vault.set_up(db, "sandi-terlupa")
    Store.open(db).close()
    vault.forget()
    dialog = RecoveryDialog(db)
    assert walk(qtbot, dialog) == []
    dialog.code.setText(vault.format_recovery(bytes(20)))
    dialog.fields.first.setText("sandi-baru-99")
    dialog.fields.second.setText("sandi-baru-99")
    dialog.on_save_clicked()
    assert dialog.error.text() == "Kunci pemulihan salah." and not dialog.done_ok
    dialog.code.setText(code)
    dialog.fields.second.setText("sandi-beda-99")
    dialog.on_save_clicked()
    assert dialog.error.text() == "Kedua kata sandi tidak sama."
    dialog.fields.second.setText("sandi-baru-99")
    dialog.on_save_clicked()
    assert dialog.done_ok and vault.key_for(db) is not None
    assert vault.verify_password(db, "sandi-baru-99")


def test_first_run_sets_the_password_with_the_rule_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog(tmp_path / "a.sqlite3", ask_password=True)
    assert walk(qtbot, dialog) == []
    assert dialog.password is not None
    dialog.name.setText("Rahmat Hidayat")
    dialog.nip.setText("19860926 201505 1 001")
    dialog.office.setCurrentText("Kantor Imigrasi Kelas I TPI Bengkulu")
    dialog.password.first.setText("pendek")
    dialog.password.second.setText("pendek")
    dialog.on_start_clicked()
    assert dialog.error.text() == "Kata sandi minimal 8 karakter." and dialog.answers is None
    dialog.password.first.setText("sandi-petugas")
    dialog.password.second.setText("sandi-petugaz")
    dialog.on_start_clicked()
    assert dialog.error.text() == "Kedua kata sandi tidak sama."
    dialog.password.second.setText("sandi-petugas")
    dialog.on_start_clicked()
    assert dialog.answers is not None and dialog.answers.password == "sandi-petugas"
    labels = " ".join(w.text() for w in dialog.findChildren(type(dialog.error)))
    assert "Minimal 8 karakter" in labels


def test_recovery_key_is_shown_until_noted(qtbot: QtBot) -> None:
    dialog = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")
    assert walk(qtbot, dialog) == []
    assert dialog.code.text() == "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
    assert not dialog.next.isEnabled()
    dialog.reject()  # Esc before ticking: stays open
    assert dialog.isVisible()
    dialog.noted.setChecked(True)
    assert dialog.noted.text() == "Saya sudah mencatat kunci pemulihan"
    dialog.next.click()
    assert not dialog.isVisible() and dialog.result() == 1


def test_first_start_without_a_database_sets_the_password(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """launch() on a new laptop: first run with the password, the recovery key, then the window."""
    from petugaspembina.gui import launch as launcher
    from petugaspembina.gui.first_run import FirstRunAnswers
    from petugaspembina.paths import app_paths
    from petugaspembina.profile import current_officer

    monkeypatch.delenv(vault.PASSWORD_ENV)
    paths = app_paths(tmp_path / "home")
    answers = FirstRunAnswers(
        "Dewi", "199103122017122002", "Kanim Kerinci", None, "id", paths.database,
        password="sandi-petugas-baru",
    )  # fmt: skip
    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(lambda cls, *a, **k: answers))
    shown: list[str] = []
    monkeypatch.setattr(
        RecoveryKeyDialog, "show_once", classmethod(lambda c, p, code, **k: shown.append(code))
    )
    from petugaspembina.gui import messages

    offered: list[str] = []  # the office profile question after the first run: "Nanti"
    monkeypatch.setattr(messages, "ask_choice", lambda p, t, text, *a: offered.append(t) or "later")
    windows: list[str] = []

    def run_and_close(*args: object) -> int:  # the window opened: close it instead of waiting
        from petugaspembina.gui import worker

        qtbot.waitUntil(lambda: worker._running == 0, timeout=20_000)  # the start-up check
        QApplication.processEvents()
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        windows.extend(w.windowTitle() for w in shown)
        for window in shown:  # gone before launch() closes its database
            window.close()
            window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return 0

    monkeypatch.setattr(QApplication, "exec", run_and_close)
    assert launcher.launch(paths.database, paths, explicit_db=True) == 0
    assert len(shown) == 1 and len(shown[0]) == 39
    assert "Petugas Pembina" in windows and offered == ["Profil kantor"]
    vault.forget()
    assert vault.verify_password(paths.database, "sandi-petugas-baru")
    vault.unlock(paths.database, "sandi-petugas-baru")
    with Store.open(paths.database) as store:
        officer = current_officer(store)
        assert officer is not None and officer.name == "Dewi"


def test_old_plain_database_is_encrypted_at_start_with_progress(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plain_database: Any
) -> None:
    from conftest import PLAIN_NAME
    from petugaspembina.gui import launch as launcher
    from petugaspembina.gui.password_dialogs import NewPasswordDialog
    from petugaspembina.paths import app_paths

    db = plain_database(tmp_path)
    vault.forget()
    monkeypatch.delenv(vault.PASSWORD_ENV)
    paths = app_paths(tmp_path / "home")
    monkeypatch.setattr(NewPasswordDialog, "ask", classmethod(lambda c, p, t: "sandi-konversi"))
    monkeypatch.setattr(RecoveryKeyDialog, "show_once", classmethod(lambda c, p, code: None))
    seen: list[int] = []

    def watch() -> None:
        for widget in QApplication.topLevelWidgets():
            if not shiboken6.isValid(widget):  # left over from an earlier test
                continue
            if widget.isVisible() and widget.windowTitle() == "Mohon tunggu":
                seen.append(1)

    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(5)
    assert launcher.unlock_database(db, paths)
    timer.stop()
    assert seen, "a progress dialog is shown during the conversion"
    assert not vault.is_plain(db) and PLAIN_NAME.encode() not in db.read_bytes()
    assert list(paths.backups.glob("*sebelum-enkripsi*"))


@pytest.mark.parametrize(
    ("role", "said", "not_said"),
    [
        ("kantor", "serahkan ke kepala kantor untuk disimpan di brankas", "serahkan ke kantor"),
        ("petugas", "serahkan ke kantor untuk disimpan", "brankas"),
    ],
)
def test_recovery_key_words_fit_the_role_chosen_at_first_run(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    role: str,
    said: str,
    not_said: str,
) -> None:
    """The office keeps its own recovery key (head of office, the safe); an officer hands it to
    the office. The first-run intro fits the role too."""
    from PySide6.QtWidgets import QLabel

    from petugaspembina.gui import launch as launcher
    from petugaspembina.gui.first_run import FirstRunAnswers
    from petugaspembina.paths import app_paths

    first_run = FirstRunDialog(tmp_path / "x.sqlite3")
    qtbot.addWidget(first_run)
    first_run.role.setCurrentIndex(first_run.role.findData(role))
    intro = first_run.intro.text()
    if role == "kantor":
        assert "Bundel dari para petugas lapangan digabungkan" in intro
        assert "dikirim ke kantor" not in intro
    else:
        assert "dapat dikirim ke kantor sebagai bundel" in intro

    monkeypatch.delenv(vault.PASSWORD_ENV)
    paths = app_paths(tmp_path / "home")
    answers = FirstRunAnswers(
        "Dewi", "199103122017122002", "Kanim Kerinci", None, "id", paths.database, role,
        password="sandi-petugas-baru",
    )  # fmt: skip
    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(lambda cls, *a, **k: answers))
    texts: list[str] = []

    def read_and_close(dialog: RecoveryKeyDialog) -> int:
        dialog.resize(1366, 768)
        texts.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.noted.setChecked(True)
        dialog.next.click()
        return 1

    monkeypatch.setattr(RecoveryKeyDialog, "exec", read_and_close)
    settings = launcher.QSettings(str(tmp_path / "s.ini"), launcher.QSettings.Format.IniFormat)
    store = launcher._new_database(paths.database, settings)
    assert store is not None
    store.close()
    words = " ".join(texts)
    assert said in words and not_said not in words, words
