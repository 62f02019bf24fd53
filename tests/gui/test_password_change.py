"""The password in the open window, on a 1366×768 laptop: "Lupa kata sandi?" at the lock screen
opens with the office's recovery key and sets a new password; Berkas → "Ganti kata sandi…"
re-wraps the key under a new password (the data untouched). Wrong recovery keys and wrong
current passwords open and change nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from screen_checks import show_on_screen, walk

from petugaspembina.gui.change_password import ChangePasswordDialog
from petugaspembina.gui.lock_screen import LockScreen
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.gui.password_dialogs import RecoveryDialog
from petugaspembina.store import vault
from petugaspembina.store.lock import failed_unlocks
from petugaspembina.store.store import Store

OLD = "sandi-lama-kantor"
NEW = "sandi-baru-kantor"
NAME = "Siti Aminah Rahayu"


@pytest.fixture
def vaulted(tmp_path: Path) -> Iterator[tuple[Store, str]]:
    """A database with a password of its own and its recovery key (shown once at set-up)."""
    db = tmp_path / "kantor.sqlite3"
    code = vault.set_up(db, OLD)
    store = Store.open(db)
    store.write("people", {"full_name": NAME, "sex": "P", "birth_year": 1995})
    yield store, code
    store.close()
    vault.forget()


@pytest.fixture
def window(qtbot: QtBot, vaulted: tuple[Store, str]) -> MainWindow:
    store, _ = vaulted
    assert store.path is not None
    database = store.path
    main = MainWindow(store, check_password=lambda text: vault.verify_password(database, text))
    qtbot.addWidget(main)
    show_on_screen(qtbot, main)
    return main


def when_open(kind: type[QDialog], act: Callable[[Any], None], failed: list[BaseException]) -> None:
    """Once a ``kind`` dialog waits for an answer, ``act`` on it; a failed check closes it (the
    test then fails instead of waiting) and is raised by ``raise_first``."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, look)
            return
        try:
            act(dialog)
        except BaseException as exc:  # re-raised in the test
            failed.append(exc)
            dialog.reject()

    QTimer.singleShot(0, look)


def raise_first(failed: list[BaseException]) -> None:
    if failed:
        raise failed[0]


def key_file_bytes(store: Store) -> bytes:
    assert store.path is not None
    return vault.key_file(store.path).read_bytes()


def answer_recovery(
    qtbot: QtBot, code: str, new: str, seen: list[str], failed: list[BaseException]
) -> None:
    """When the recovery dialog opens: first a wrong key, then ``code`` and ``new`` twice."""

    def fill(dialog: RecoveryDialog) -> None:
        assert walk(qtbot, dialog) == []
        seen.append(dialog.windowTitle())
        dialog.code.setText(vault.format_recovery(bytes(20)))  # not this laptop's key
        dialog.fields.first.setText(new)
        dialog.fields.second.setText(new)
        dialog.on_save_clicked()
        seen.append(dialog.error.text())
        dialog.code.setText(code)
        dialog.on_save_clicked()

    when_open(RecoveryDialog, fill, failed)


def test_lock_screen_opens_with_the_recovery_key_and_sets_a_new_password(
    qtbot: QtBot, window: MainWindow, vaulted: tuple[Store, str]
) -> None:
    store, code = vaulted
    window.app_lock.lock()
    screen = window.app_lock.screen
    assert isinstance(screen, LockScreen) and screen.isVisible()
    assert screen.forgot.isVisible()
    assert screen.forgot.text() == "Lupa kata sandi? Pakai kunci pemulihan…"
    assert screen.geometry().contains(screen.forgot.mapTo(screen, screen.forgot.rect().center()))
    seen: list[str] = []
    failed: list[BaseException] = []
    answer_recovery(qtbot, code, NEW, seen, failed)
    screen.forgot.click()
    raise_first(failed)
    assert seen == ["Kunci pemulihan", "Kunci pemulihan salah."]
    assert not window.app_lock.locked and not screen.isVisible()
    assert window.windowTitle() == "Petugas Pembina"
    assert vault.verify_password(window.store.path, NEW)  # type: ignore[arg-type]
    assert not vault.verify_password(window.store.path, OLD)  # type: ignore[arg-type]
    actions = [(e["action"], e["detail"]) for e in store.audit_entries(2)]
    assert ("app_unlocked", "kunci pemulihan") in actions
    assert ("password_changed", "kunci pemulihan") in actions
    # The next lock takes the new password.
    window.app_lock.lock()
    screen.password.setText(NEW)
    screen.on_unlock_clicked()
    assert not window.app_lock.locked


def test_a_wrong_recovery_key_at_the_lock_screen_unlocks_nothing(
    qtbot: QtBot, window: MainWindow, vaulted: tuple[Store, str]
) -> None:
    store, _ = vaulted
    before = key_file_bytes(store)
    window.app_lock.lock()
    screen = window.app_lock.screen
    assert screen is not None

    def wrong_keys_then_cancel(dialog: RecoveryDialog) -> None:
        dialog.code.setText("ABCD-EFGH")  # too short
        dialog.fields.first.setText(NEW)
        dialog.fields.second.setText(NEW)
        dialog.on_save_clicked()
        assert (
            dialog.error.text() == "Kunci pemulihan terdiri atas 32 huruf dan angka (8 kelompok)."
        )
        dialog.code.setText(vault.format_recovery(b"\x01" * 20))
        dialog.on_save_clicked()
        assert dialog.error.text() == "Kunci pemulihan salah."
        dialog.reject()  # Batal

    failed: list[BaseException] = []
    when_open(RecoveryDialog, wrong_keys_then_cancel, failed)
    screen.forgot.click()
    raise_first(failed)
    assert window.app_lock.locked and screen.isVisible()
    assert key_file_bytes(store) == before and failed_unlocks(store) == 0
    assert vault.verify_password(store.path, OLD)  # type: ignore[arg-type]


def test_the_pin_lock_screen_offers_no_recovery_key(qtbot: QtBot, store: Store) -> None:
    screen = LockScreen(store, lambda pin: pin == "1234", pin=True)
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.forgot.isVisible()


def test_change_password_from_the_menu_rewraps_the_key_not_the_data(
    qtbot: QtBot, window: MainWindow, vaulted: tuple[Store, str]
) -> None:
    store, code = vaulted
    assert store.path is not None
    [action] = [a for a in window.actions() if a.text() == "Ganti kata sandi…"]
    steps: list[str] = []
    key_in_use = vault.key_for(store.path)

    def answer(dialog: ChangePasswordDialog) -> None:
        assert walk(qtbot, dialog) == []
        dialog.on_save_clicked()
        steps.append(dialog.error.text())
        dialog.current.setText("bukan-sandi-ini")
        dialog.fields.first.setText(NEW)
        dialog.fields.second.setText(NEW)
        key_before = key_file_bytes(store)
        dialog.on_save_clicked()
        steps.append(dialog.error.text())
        assert key_file_bytes(store) == key_before and dialog.current.text() == ""
        dialog.current.setText(OLD)
        dialog.fields.first.setText("pendek")
        dialog.fields.second.setText("pendek")
        dialog.on_save_clicked()
        steps.append(dialog.error.text())
        dialog.fields.first.setText(NEW)
        dialog.fields.second.setText(NEW + "x")
        dialog.on_save_clicked()
        steps.append(dialog.error.text())
        dialog.fields.first.setText(OLD)
        dialog.fields.second.setText(OLD)
        dialog.on_save_clicked()
        steps.append(dialog.error.text())
        dialog.fields.first.setText(NEW)
        dialog.fields.second.setText(NEW)
        dialog.on_save_clicked()

    failed: list[BaseException] = []
    when_open(ChangePasswordDialog, answer, failed)
    action.trigger()
    raise_first(failed)
    assert steps == [
        "Ketik kata sandi saat ini.",
        "Kata sandi saat ini salah. Kata sandi tidak diganti.",
        "Kata sandi minimal 8 karakter.",
        "Kedua kata sandi tidak sama.",
        "Kata sandi baru sama dengan kata sandi saat ini.",
    ]
    assert window.statusBar().currentMessage() == "Kata sandi diganti. Kunci pemulihan tetap sama."
    assert vault.key_for(store.path) == key_in_use  # the same key: the data are not re-encrypted
    vault.forget()
    assert vault.verify_password(store.path, NEW) and not vault.verify_password(store.path, OLD)
    vault.unlock(store.path, NEW)
    with Store.open(store.path) as again:
        assert again.rows("SELECT full_name FROM people")[0]["full_name"] == NAME
    vault.forget()
    vault.unlock_with_recovery(store.path, code)  # the office's key still opens it
    entry = store.audit_entries(1)[0]
    assert (entry["action"], entry["detail"]) == ("password_changed", "kata sandi lama")
    assert OLD not in str(store.audit_entries()) and NEW not in str(store.audit_entries())
    # The lock screen now takes the new password only.
    window.app_lock.lock()
    screen = window.app_lock.screen
    assert screen is not None
    screen.password.setText(OLD)
    screen.on_unlock_clicked()
    assert window.app_lock.locked


def test_recovery_dialog_on_the_lock_screen_lines_up_and_stands_alone(
    qtbot: QtBot, window: MainWindow, vaulted: tuple[Store, str]
) -> None:
    """At 1366×768, "Lupa kata sandi?" on the lock screen: the password box gives way to the
    dialog, whose key and new-password fields start at one x, each label level with its field
    (the lock screen's style makes the fields taller than their text)."""
    from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

    window.app_lock.lock()
    screen = window.app_lock.screen
    assert isinstance(screen, LockScreen)
    screen.setGeometry(0, 0, 1366, 768)
    seen: dict[str, object] = {}

    def look(dialog: RecoveryDialog) -> None:
        seen["box_hidden"] = not screen.box.isVisible()
        fields: list[QWidget] = [dialog.code, dialog.fields.first, dialog.fields.second]
        seen["lefts"] = {f.mapTo(dialog, f.rect().topLeft()).x() for f in fields}
        form = dialog.findChild(QFormLayout)
        assert form is not None
        offsets = []
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or not isinstance(label.widget(), QLabel):
                continue
            label_mid = label.widget().geometry().center().y()
            offsets.append(abs(label_mid - field.widget().geometry().center().y()))
        seen["offsets"] = offsets
        seen["problems"] = walk(qtbot, dialog)
        dialog.reject()

    failed: list[BaseException] = []
    when_open(RecoveryDialog, look, failed)
    screen.forgot.click()
    raise_first(failed)
    assert seen["box_hidden"] is True and screen.box.isVisible()  # back once it closed
    assert len(seen["lefts"]) == 1, seen["lefts"]  # type: ignore[arg-type]
    offsets = seen["offsets"]
    assert isinstance(offsets, list) and len(offsets) == 3 and max(offsets) <= 1, offsets
    assert seen["problems"] == []
