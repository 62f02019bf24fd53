"""The Dokumen tab reaches every session, however old: the drop-down holds the newest matches of
a search typed above it (filtered in SQL), and opening the tab chooses the Kegiatan tab's one."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from petugaspembina.gui.documents_view import SESSION_CHOICES, DocumentsView
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.store.store import Edit, Store

MANY = SESSION_CHOICES * 3 + 5  # 605: more than the drop-down holds, more than the old 500 too


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """605 sessions, one a day from 2024-03-01; the oldest is the only one in Lubuk Pakam."""
    store = Store.open(tmp_path / "banyak.db")
    first = date(2024, 3, 1)
    edits = [
        Edit(
            "sessions",
            {
                "title": "Sosialisasi Tahun Lalu Khusus" if n == 0 else f"Sosialisasi ke-{n}",
                "village_name": "Lubuk Pakam" if n == 0 else f"Desa {n % 40}",
                "date": (first + timedelta(days=n)).isoformat(),
            },
        )
        for n in range(MANY)
    ]
    store.write_many(edits)
    return store


def _oldest(store: Store) -> str:
    return str(store.rows("SELECT id FROM sessions WHERE date = '2024-03-01'")[0]["id"])


def test_the_oldest_session_is_found_by_typing_its_title(qtbot: QtBot, store: Store) -> None:
    view = DocumentsView(store, open_after=False)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    assert view.session_combo.count() == SESSION_CHOICES
    assert view.session_combo.findData(_oldest(store)) < 0  # not among the newest
    assert view.session_note.isVisible() and str(MANY) in view.session_note.text()
    qtbot.keyClicks(view.session_search, "tahun lalu")
    assert view.session_combo.count() == 1
    assert view.session_combo.currentData() == _oldest(store)
    assert "Lubuk Pakam" in view.session_combo.currentText()
    assert not view.session_note.isVisible()
    assert view.person_combo.count() == 0  # the people of the chosen session (none)


def test_the_oldest_session_is_found_by_typing_its_village(qtbot: QtBot, store: Store) -> None:
    view = DocumentsView(store, open_after=False)
    qtbot.addWidget(view)
    view.show()
    view.session_search.setText("lubuk")
    assert [view.session_combo.itemData(i) for i in range(view.session_combo.count())] == [
        _oldest(store)
    ]


def test_a_search_matching_nothing_says_so(qtbot: QtBot, store: Store) -> None:
    view = DocumentsView(store, open_after=False)
    qtbot.addWidget(view)
    view.show()
    view.session_search.setText("tidak ada yang begini")
    assert view.session_combo.count() == 0 and view.session_combo.currentData() is None
    assert view.session_note.text() == "Tidak ada kegiatan yang cocok"


def test_clearing_the_search_keeps_the_chosen_session(qtbot: QtBot, store: Store) -> None:
    view = DocumentsView(store, open_after=False)
    qtbot.addWidget(view)
    view.show()
    view.session_search.setText("Khusus")
    view.session_search.clear()
    assert view.session_combo.currentData() == _oldest(store)
    assert view.session_combo.count() == SESSION_CHOICES + 1  # the newest, and the chosen one


def test_opening_dokumen_chooses_the_kegiatan_tab_selection(qtbot: QtBot, store: Store) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentWidget(window.sessions)
    window.sessions.search.setText("Lubuk")  # the Kegiatan tab's own search, then select it
    assert window.sessions.select_id(_oldest(store))
    window.tabs.setCurrentWidget(window.documents_view)
    assert window.documents_view.session_combo.currentData() == _oldest(store)
    window.tabs.setCurrentWidget(window.sessions)
    window.sessions.search.clear()
    newest = window.sessions.model.id_at(0)
    assert newest is not None and window.sessions.select_id(newest)
    window.tabs.setCurrentWidget(window.documents_view)
    assert window.documents_view.session_combo.currentData() == newest


def test_typing_in_the_search_does_not_change_the_kegiatan_tab(qtbot: QtBot, store: Store) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.documents_view)
    qtbot.keyClicks(window.documents_view.session_search, "ke-599")
    assert window.documents_view.session_combo.currentText().endswith("ke-599 (Desa 39)")
    assert window.sessions.search.text() == "" and window.sessions.model.rowCount() > 1
