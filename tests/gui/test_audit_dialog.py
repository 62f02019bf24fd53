"""Catatan audit in the window: on a 1366×768 screen, opened from the Berkas menu (Ctrl+Shift+A),
filtered, exported to CSV; names, NIKs and phones never show."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot
from screen_checks import walk

from petugaspembina.demo import generate
from petugaspembina.erase import erase_everywhere
from petugaspembina.gui import messages
from petugaspembina.gui.audit_dialog import AuditDialog
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.profile import create_profile
from petugaspembina.store.audit_view import CSV_HEADERS
from petugaspembina.store.signin import PersonEntry, sign_in
from petugaspembina.store.store import Store

NAME, NIK, PHONE = "Siti Rahasiawati", "3201015302900001", "081298765432"


@pytest.fixture
def demo(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "demo.sqlite3")
    create_profile(store, "Rahmat Hidayat", "198609262015051001", "Kanim Bengkulu", None)
    generate(store, seed=5, sessions=3)
    session = store.rows("SELECT id FROM sessions LIMIT 1")[0]["id"]
    person = sign_in(
        store, session, entry=PersonEntry(full_name=NAME, sex="P", nik=NIK, phone=PHONE)
    ).person_id
    store.write("people", {"phone": "081311112222"}, person)
    erase_everywhere(store, person, None)
    return store


def test_audit_dialog_fits_the_screen_and_shows_no_personal_value(
    qtbot: QtBot, demo: Store
) -> None:
    dialog = AuditDialog(demo)
    qtbot.addWidget(dialog)
    assert walk(qtbot, dialog) == []
    shown = [
        dialog.table.item(r, c).text()
        for r in range(dialog.table.rowCount())
        for c in range(dialog.table.columnCount())
    ]
    assert dialog.table.rowCount() > 50 and "Hapus permanen (UU PDP)" in shown
    assert "Rahmat Hidayat" in shown
    text = "\n".join(shown)
    for value in (NAME, NIK, PHONE[1:], "81311112222"):  # phones are stored +62…
        assert value not in text


def test_filters_narrow_the_list(qtbot: QtBot, demo: Store) -> None:
    dialog = AuditDialog(demo)
    qtbot.addWidget(dialog)
    everything = dialog.table.rowCount()
    dialog.action.setCurrentIndex(dialog.action.findData("erase"))
    kinds = {dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())}
    assert 0 < dialog.table.rowCount() < everything and "Peserta" in kinds
    dialog.kind.setCurrentIndex(dialog.kind.findData("people"))
    assert dialog.table.rowCount() == 1 and dialog.count.text() == "1 catatan"
    dialog.since.setDate(QDate.currentDate().addDays(1))
    dialog.until.setDate(QDate.currentDate().addDays(2))
    assert dialog.table.rowCount() == 0 and not dialog.csv_button.isEnabled()


def test_csv_export_writes_what_the_filters_select(
    qtbot: QtBot, demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = AuditDialog(demo)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("people"))
    target = tmp_path / "inspeksi.csv"
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: target)
    dialog.csv_button.click()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == CSV_HEADERS and len(rows) - 1 == dialog.table.rowCount()
    assert {r[6] for r in rows[1:]} == {"Peserta"}
    assert "disimpan ke inspeksi.csv" in dialog.message.text()
    text = target.read_text(encoding="utf-8-sig")
    for value in (NAME, NIK, PHONE[1:]):
        assert value not in text


def test_csv_to_a_folder_that_does_not_exist_says_why(
    qtbot: QtBot, demo: Store, tmp_path: Path
) -> None:
    dialog = AuditDialog(demo)
    qtbot.addWidget(dialog)
    dialog.write_csv(tmp_path / "tidak-ada" / "audit.csv")
    assert "CSV tidak dapat disimpan" in dialog.message.text()


def test_the_berkas_menu_opens_it_with_ctrl_shift_a(
    qtbot: QtBot, demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    opened: list[Store] = []
    monkeypatch.setattr(
        AuditDialog, "ask", classmethod(lambda cls, parent, store: opened.append(store))
    )
    [action] = [a for a in window.findChildren(QAction) if a.text() == "Catatan audit…"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+A")
    others = [a.shortcut() for a in window.findChildren(QAction) if a is not action]
    assert action.shortcut() not in others
    action.trigger()
    assert opened == [demo]
