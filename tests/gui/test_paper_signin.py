"""Typing a paper daftar hadir in afterwards, as an officer would at 1366×768: Alt+R turns on
"Dari kertas", five people are typed with the keyboard only, the banner says the mode is on, and
the list and the database mark them as transcribed at the session's time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from keyboard_focus import consent_box, focused
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from screen_checks import screen_problems, show_on_screen

from petugaspembina.core.records import Attendance
from petugaspembina.gui import messages
from petugaspembina.gui.signin_window import PAPER_ROW, SignInWindow
from petugaspembina.store.signin import PersonEntry, session_sign_ins, sign_in
from petugaspembina.store.store import Store

PAPER_LIST = [
    ("Sumarni", "P", "1968"),
    ("Yohanes Tanjung", "L", "1999"),
    ("Nur Aisyah Fitriani", "P", "2001"),
    ("Gusti Arsyad", "L", "1975"),
    ("Maulida Rahmah", "P", "2000"),
]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SignInWindow:
    store = Store.open(tmp_path / "db.sqlite3")
    session_id = store.write(
        "sessions",
        {
            "title": "Sosialisasi TPPO",
            "date": "2026-11-22",
            "start_time": "09:00",
            "time_zone": "WITA",
            "region_code": "63.10.01.1007",
            "village_name": "Batulicin",
        },
    )
    # One person signed on the laptop before its battery died.
    sign_in(store, session_id, entry=PersonEntry(full_name="Budi Santoso", sex="L"))
    widget = SignInWindow(store, session_id)
    qtbot.addWidget(widget)
    show_on_screen(qtbot, widget)
    widget.activateWindow()
    widget.form.name.setFocus()
    monkeypatch.setattr(messages, "ask_unsaved", lambda *a: "discard")
    return widget


def type_person(qtbot: QtBot, name: str, sex: str, year: str) -> None:
    for text in (name, sex, year):
        qtbot.keyClicks(focused(), text)
        if text == year:  # consent as written on the paper
            qtbot.mouseClick(consent_box(), Qt.MouseButton.LeftButton)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab if text != year else Qt.Key.Key_Return)


def test_paper_list_typed_by_keyboard_is_marked_at_the_session_time(
    window: SignInWindow, qtbot: QtBot
) -> None:
    assert not window.paper_banner.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.paper_mode.isChecked, timeout=1000)  # a mnemonic clicks after 100 ms
    assert window.paper_banner.isVisible()
    banner = window.paper_banner.text()
    assert "MODE DARI KERTAS" in banner and "22 Nov 2026 09:00 WITA" in banner
    assert not window.form.signature.isVisible()  # the signature is on the paper
    assert focused() is window.form.name  # straight on with typing
    assert screen_problems(window) == []

    started = time.perf_counter()
    for name, sex, year in PAPER_LIST:
        type_person(qtbot, name, sex, year)
        assert focused() is window.form.name, name  # Enter saved; back to the name
        assert "disalin dari kertas" in window.message.text()
    assert time.perf_counter() - started < 10  # keyboard only, no waiting between people

    rows = session_sign_ins(window.store, window.session.id)
    assert len(rows) == 6 and window.table.rowCount() == 6
    typed = {r.full_name: r for r in rows if r.transcribed}
    assert sorted(typed) == sorted(name for name, _, _ in PAPER_LIST)
    for row in typed.values():
        attendance = window.store.get(Attendance, row.attendance_id)
        assert attendance.signed_at == "2026-11-22T01:00:00Z"  # 09:00 WITA, not now
        assert attendance.signature_png is None
    # The list marks them: "kertas" in the Asal column, on the banner's colour.
    for index, row in enumerate(rows):
        source = window.table.item(index, 4)
        assert source is not None
        if row.transcribed:
            assert source.text() == "kertas"
            assert source.background().color().name() == PAPER_ROW
        else:
            assert row.full_name == "Budi Santoso" and source.text() == ""

    # Alt+R again: the mode is off, the banner gone, the next sign-in is live.
    qtbot.keyClick(focused(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not window.paper_mode.isChecked(), timeout=1000)
    assert not window.paper_banner.isVisible()
    assert window.form.signature.isVisible()
    type_person(qtbot, "Rina Marlina", "P", "1990")
    last = [
        r
        for r in session_sign_ins(window.store, window.session.id)
        if r.full_name == "Rina Marlina"
    ]
    assert len(last) == 1 and not last[0].transcribed


def test_paper_mode_is_off_when_the_window_opens(window: SignInWindow) -> None:
    assert not window.paper_mode.isChecked() and not window.paper_banner.isVisible()
    assert window.form.signature.isVisible()
