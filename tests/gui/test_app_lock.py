"""The app lock on a 1366×768 laptop: Ctrl+L and idle minutes lock every window, nothing of a
participant stays in sight, the right password unlocks, wrong ones wait longer, and the kiosk
keeps taking sign-ins while the officer's window behind it is locked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from screen_checks import show_on_screen

from petugaspembina.demo import generate
from petugaspembina.gui import kiosk, lock_screen
from petugaspembina.gui.kiosk import KioskWindow
from petugaspembina.gui.kiosk_pin import PinDialog
from petugaspembina.gui.lock_screen import LockScreen
from petugaspembina.gui.lock_settings import LockSettingsDialog
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.gui.referral_dialog import ReferralDialog
from petugaspembina.gui.signin_window import SignInWindow
from petugaspembina.profile import create_profile
from petugaspembina.store.lock import failed_unlocks, idle_minutes
from petugaspembina.store.pin import has_pin, set_pin
from petugaspembina.store.signin import session_sign_ins
from petugaspembina.store.store import Store

PASSWORD = "kata-sandi-kantor-2026"


def check_password(text: str) -> bool:
    return text == PASSWORD


@pytest.fixture
def demo(store: Store) -> Store:
    create_profile(store, "Rahmat Hidayat", "198609262015051001", "Kanim Bengkulu", None)
    generate(store, seed=5, sessions=3)
    return store


@pytest.fixture
def main(qtbot: QtBot, demo: Store) -> MainWindow:
    window = MainWindow(demo, check_password=check_password)
    qtbot.addWidget(window)
    show_on_screen(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def secrets_of(store: Store) -> list[str]:
    """What must never be in sight while locked: every participant's name and every session
    title (a record of who was where)."""
    names = [r["full_name"] for r in store.rows("SELECT full_name FROM people")]
    titles = [r["title"] for r in store.rows("SELECT title FROM sessions")]
    return [text for text in names + titles if text]


def visible_texts() -> list[str]:
    """Every text a person can read on the screen now: window titles, labels, buttons, fields,
    tab captions and every cell of every visible list."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    texts.append(str(model.index(row, column).data() or ""))
    return texts


def personal_in_sight(store: Store) -> list[str]:
    shown = "\n".join(visible_texts())
    return [secret for secret in secrets_of(store) if secret in shown]


def lock_screen_of(main: MainWindow) -> LockScreen:
    screen = main.app_lock.screen
    assert screen is not None
    return screen


def type_password(qtbot: QtBot, screen: LockScreen, text: str) -> None:
    screen.password.clear()
    qtbot.keyClicks(screen.password, text)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)


def open_sign_in(qtbot: QtBot, main: MainWindow) -> SignInWindow:
    main.tabs.setCurrentWidget(main.sessions)
    main.sessions.table.selectRow(0)
    main.on_sign_in_triggered()
    [window] = [w for w in main.windows if isinstance(w, SignInWindow)]
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def test_ctrl_l_locks_every_window_and_nothing_personal_stays_in_sight(
    qtbot: QtBot, main: MainWindow, demo: Store
) -> None:
    main.tabs.setCurrentWidget(main.people)
    sign_in = open_sign_in(qtbot, main)
    person = demo.rows("SELECT id, full_name FROM people ORDER BY full_name LIMIT 1")[0]
    referral = ReferralDialog(demo, person_id=person["id"], parent=main)
    qtbot.addWidget(referral)
    referral.show()  # (a dialog waiting in exec() is the next test)
    qtbot.waitExposed(referral)
    before = personal_in_sight(demo)
    assert person["full_name"] in before  # the check sees what it looks for
    assert len(before) > 10

    # Ctrl+L works in the sign-in window too, not only in the main window.
    sign_in.activateWindow()
    qtbot.waitUntil(sign_in.isActiveWindow)
    qtbot.keyClick(sign_in.form.name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert main.app_lock.locked
    screen = lock_screen_of(main)
    assert screen.isVisible() and screen.isFullScreen() and screen.isModal()
    assert personal_in_sight(demo) == []
    titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert set(titles) == {"Petugas Pembina — terkunci"}, titles
    assert referral.isVisible() and sign_in.isVisible()  # covered, not closed
    assert demo.audit_entries(1)[0]["action"] == "app_locked"
    assert demo.audit_entries(1)[0]["detail"] == "manual"

    type_password(qtbot, screen, PASSWORD)
    assert not main.app_lock.locked and not screen.isVisible()
    assert main.tabs.isVisible() and main.menuBar().isVisible()
    assert person["full_name"] in referral.windowTitle()
    assert sign_in.form.name.isVisible()
    assert person["full_name"] in personal_in_sight(demo)
    assert demo.audit_entries(1)[0]["action"] == "app_unlocked"


def test_a_dialog_waiting_for_an_answer_survives_the_lock_with_what_was_typed(
    qtbot: QtBot, main: MainWindow, demo: Store
) -> None:
    from petugaspembina.gui.session_editor import SessionEditor

    editor = SessionEditor(demo, parent=main)
    qtbot.addWidget(editor)
    seen: dict[str, object] = {}

    def lock_then_unlock() -> None:
        editor.title_edit.setText("Sosialisasi yang belum disimpan")
        main.app_lock.lock("otomatis")
        seen["covered"] = editor.isVisible() and not editor.title_edit.isVisible()
        seen["personal"] = personal_in_sight(demo)
        type_password(qtbot, lock_screen_of(main), PASSWORD)
        seen["back"] = editor.title_edit.isVisible() and editor.title_edit.text()
        editor.reject()

    QTimer.singleShot(50, lock_then_unlock)
    editor.exec()  # the lock must not end it: lock_then_unlock closes it at the end
    assert seen == {"covered": True, "personal": [], "back": "Sosialisasi yang belum disimpan"}


def test_idle_minutes_lock_the_window_and_typing_keeps_it_open(
    qtbot: QtBot, main: MainWindow, demo: Store
) -> None:
    main.app_lock.set_idle_seconds(3)
    main.tabs.setCurrentWidget(main.people)
    search = main.people.search
    for _ in range(40):  # 4 s of typing, more than the idle time
        qtbot.keyClick(search, Qt.Key.Key_A)
        qtbot.wait(100)
    assert not main.app_lock.locked
    qtbot.waitUntil(lambda: main.app_lock.locked, timeout=10_000)
    assert lock_screen_of(main).isVisible()
    assert personal_in_sight(demo) == []
    entry = demo.audit_entries(1)[0]
    assert (entry["action"], entry["detail"]) == ("app_locked", "otomatis")


def test_the_right_password_unlocks_and_the_idle_clock_starts_again(
    qtbot: QtBot, main: MainWindow
) -> None:
    main.app_lock.lock()
    type_password(qtbot, lock_screen_of(main), PASSWORD)
    assert not main.app_lock.locked
    assert main.app_lock.idle_for() < 5  # the next idle spell counts from now


def test_a_laptop_that_slept_through_the_idle_minutes_locks_when_it_wakes(
    main: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.gui import app_lock

    main.app_lock.touch()
    wall = app_lock._wall()
    monkeypatch.setattr(app_lock, "_wall", lambda: wall + 11 * 60)  # lid closed 11 minutes
    main.app_lock._check_idle()  # the next look of the timer after waking
    assert main.app_lock.locked


def test_a_wrong_password_is_refused_and_the_next_try_waits(
    qtbot: QtBot, main: MainWindow, demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1000.0]
    monkeypatch.setattr(lock_screen, "_clock", lambda: now[0])
    main.app_lock.lock()
    screen = lock_screen_of(main)
    type_password(qtbot, screen, "tebakan-pertama")
    assert main.app_lock.locked and screen.isVisible()
    assert "salah" in screen.message.text() and "2 detik" in screen.message.text()
    assert screen.password.text() == ""
    type_password(qtbot, screen, PASSWORD)  # too soon: not even checked
    assert main.app_lock.locked and failed_unlocks(demo) == 1
    assert "detik" in screen.message.text()
    now[0] += 3
    type_password(qtbot, screen, "tebakan-kedua")
    assert "4 detik" in screen.message.text() and failed_unlocks(demo) == 2
    now[0] += 5
    type_password(qtbot, screen, PASSWORD)
    assert not main.app_lock.locked and failed_unlocks(demo) == 0
    audit = [e for e in demo.audit_entries() if e["action"] == "app_unlock_wrong"]
    assert [e["detail"] for e in audit] == ["percobaan ke-2", "percobaan ke-1"]
    assert "tebakan" not in " ".join(str(e) for e in demo.audit_entries())


def test_an_empty_password_is_not_counted_as_a_try(
    qtbot: QtBot, main: MainWindow, demo: Store
) -> None:
    main.app_lock.lock()
    screen = lock_screen_of(main)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert "Ketik kata sandi" in screen.message.text() and failed_unlocks(demo) == 0


def test_the_lock_screen_cannot_be_closed_without_the_password(
    qtbot: QtBot, main: MainWindow
) -> None:
    main.app_lock.lock()
    screen = lock_screen_of(main)
    screen.close()
    qtbot.keyClick(screen.password, Qt.Key.Key_Escape)
    assert screen.isVisible() and main.app_lock.locked


def test_a_window_that_opens_while_locked_is_covered_before_it_is_seen(
    qtbot: QtBot, main: MainWindow, demo: Store
) -> None:
    main.app_lock.lock()
    sign_in = SignInWindow(demo, demo.rows("SELECT id FROM sessions LIMIT 1")[0]["id"])
    qtbot.addWidget(sign_in)
    sign_in.show()  # e.g. the lists when the kiosk is left
    assert sign_in.windowTitle() == "Petugas Pembina — terkunci"
    assert personal_in_sight(demo) == []


def test_a_message_that_waits_for_an_answer_while_locked_does_not_take_the_keys(
    qtbot: QtBot, main: MainWindow, demo: Store
) -> None:
    from PySide6.QtWidgets import QMessageBox

    main.app_lock.lock()
    screen = lock_screen_of(main)
    assert QApplication.activeModalWidget() is screen
    name = demo.rows("SELECT full_name FROM people LIMIT 1")[0]["full_name"]
    box = QMessageBox(QMessageBox.Icon.Information, "Dokumen tersimpan", name, parent=main)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)  # as exec() does
    qtbot.addWidget(box)
    box.show()  # e.g. at the end of a background job
    assert box.windowTitle() == "Petugas Pembina — terkunci" and name not in visible_texts()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is screen)
    type_password(qtbot, screen, PASSWORD)  # the keys reach the lock screen
    assert not main.app_lock.locked
    assert box.isVisible() and box.text() == name and box.windowTitle() == "Dokumen tersimpan"


def test_kiosk_takes_sign_ins_while_the_officers_window_locks_behind_it(
    qtbot: QtBot, main: MainWindow, demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_pin(demo, "2468")
    main.tabs.setCurrentWidget(main.sessions)
    main.sessions.table.selectRow(0)
    session_id = main.sessions.selected_id()
    assert session_id is not None
    main.on_kiosk_triggered()
    [window] = [w for w in main.windows if isinstance(w, KioskWindow)]
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "_unlocked", True))
    assert window.isVisible() and not main.isVisible()
    main.app_lock.set_idle_seconds(1.0)

    # Participants type in the kiosk: that does not keep the officer's window open.
    for _ in range(30):
        qtbot.keyClick(window.name, Qt.Key.Key_B)
        qtbot.wait(100)
        if main.app_lock.locked:
            break
    assert main.app_lock.locked
    assert window.isVisible() and not main.isVisible()
    assert main.app_lock.screen is None or not main.app_lock.screen.isVisible()

    # The kiosk still takes sign-ins.
    before = len(session_sign_ins(demo, session_id))
    window.name.setText("Rina Marlina")
    window.female.click()
    window.birth_year.setText("1999")
    window.consent_data.click()  # she agrees to her data being recorded
    window.save.click()
    assert "Terima kasih" in window.message.text()
    assert len(session_sign_ins(demo, session_id)) == before + 1

    # Leaving still needs the kiosk PIN …
    now = [1000.0]
    monkeypatch.setattr(kiosk, "_clock", lambda: now[0])
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: "0000"))
    window.close()
    assert window.isVisible() and main.app_lock.locked
    now[0] += 3
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: "2468"))
    window.close()
    assert not window.isVisible()

    # … and lands on the lock screen, not on the lists.
    qtbot.waitUntil(lambda: lock_screen_of(main).isVisible())
    assert main.isVisible() and not main.tabs.isVisible()
    assert main.windowTitle() == "Petugas Pembina — terkunci"
    assert personal_in_sight(demo) == []
    type_password(qtbot, lock_screen_of(main), PASSWORD)
    assert main.tabs.isVisible() and not main.app_lock.locked


def test_the_idle_setting_is_saved_and_used(
    qtbot: QtBot, main: MainWindow, demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main.app_lock.idle_seconds() == 600  # ten minutes unless changed

    def answer(dialog: LockSettingsDialog) -> int:
        assert dialog.minutes.value() == 10
        dialog.minutes.setValue(3)
        dialog.on_save_clicked()
        return int(dialog.result())

    monkeypatch.setattr(LockSettingsDialog, "exec", answer)
    main.on_lock_settings_triggered()
    assert idle_minutes(demo) == 3
    assert main.app_lock.idle_seconds() == 180
    assert "3 menit" in main.statusBar().currentMessage()
    again = MainWindow(demo)
    qtbot.addWidget(again)
    assert again.app_lock.idle_seconds() == 180


def test_cancelling_the_idle_setting_changes_nothing(
    qtbot: QtBot, main: MainWindow, demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cancel(dialog: LockSettingsDialog) -> int:
        dialog.minutes.setValue(45)
        dialog.reject()
        return int(dialog.result())

    monkeypatch.setattr(LockSettingsDialog, "exec", cancel)
    main.on_lock_settings_triggered()
    assert idle_minutes(demo) == 10 and main.app_lock.idle_seconds() == 600


def test_the_idle_setting_keeps_to_one_to_120_minutes(qtbot: QtBot, demo: Store) -> None:
    dialog = LockSettingsDialog(demo)
    qtbot.addWidget(dialog)
    dialog.minutes.setValue(0)
    assert dialog.minutes.value() == 1
    dialog.minutes.setValue(500)
    assert dialog.minutes.value() == 120


# -- without a password (the database has none yet) -------------------------------------------
@pytest.fixture
def no_password(qtbot: QtBot, demo: Store) -> MainWindow:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    show_on_screen(qtbot, window)
    return window


def test_without_a_password_the_kiosk_pin_unlocks(
    qtbot: QtBot, no_password: MainWindow, demo: Store
) -> None:
    set_pin(demo, "2468")
    no_password.app_lock.lock()
    screen = lock_screen_of(no_password)
    assert "PIN petugas" in " ".join(visible_texts())
    type_password(qtbot, screen, PASSWORD)
    assert no_password.app_lock.locked
    screen._wait_until = 0.0  # the wait after a wrong try is tested above
    type_password(qtbot, screen, "2468")
    assert not no_password.app_lock.locked


def test_without_password_or_pin_ctrl_l_asks_for_a_pin_first(
    qtbot: QtBot, no_password: MainWindow, demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: None))
    no_password.on_lock_triggered()
    assert not no_password.app_lock.locked and not has_pin(demo)  # cancelled
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: "1357"))
    no_password.on_lock_triggered()
    assert no_password.app_lock.locked and has_pin(demo)
    type_password(qtbot, lock_screen_of(no_password), "1357")
    assert not no_password.app_lock.locked


def test_without_password_or_pin_the_idle_lock_says_how_to_turn_it_on(
    no_password: MainWindow, demo: Store
) -> None:
    no_password.app_lock.on_idle()
    assert not no_password.app_lock.locked
    assert "Ctrl+L" in no_password.statusBar().currentMessage()
    assert not any(e["action"] == "app_locked" for e in demo.audit_entries())


def test_lock_screen_dialog_is_not_a_dialog_to_cancel() -> None:
    """Esc or Alt+F4 on a QDialog would reject it: the lock screen is a plain window."""
    assert not issubclass(LockScreen, QDialog)
    assert issubclass(LockScreen, QWidget)
