"""List columns at 1366×768: the name gets the width, numbers stay narrow, after a search or a
sort too, and a remembered layout (even one saved by an older version) keeps it so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from petugaspembina.gui.listing_view import ListingView
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.store.store import Edit, Store

LONG = "Rosmawati Sulistyaningsih Nugroho Putri"  # the 40-character name of a real list
LONG_VILLAGE = "Sungai Lumbah Seberang Kanan Ulu"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """120 short names ("Agus 1"…) fill the first screen; one long name sorts last."""
    store = Store.open(tmp_path / "kolom.db")
    people = [
        Edit("people", {"full_name": f"Agus {n}", "village_name": "Batu", "sex": "L"})
        for n in range(120)
    ]
    people.append(
        Edit("people", {"full_name": "Zulkifli " + LONG, "village_name": LONG_VILLAGE, "sex": "P"})
    )
    store.write_many(people)
    store.write("sessions", {"title": "Sosialisasi", "date": "2026-11-01"})
    return store


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentWidget(window.people)
    return window


def _column(view: ListingView, key: str) -> int:
    return view.model.column_keys().index(key)


def _uncut(view: ListingView, key: str, text: str) -> bool:
    """The cell holding ``text`` in column ``key`` is as wide as the text needs."""
    column = _column(view, key)
    for row in range(view.model.rowCount()):
        index = view.model.index(row, column)
        if view.model.data(index) == text:
            needed = view.table.sizeHintForIndex(index).width()
            return view.table.columnWidth(column) >= needed
    raise AssertionError(f"{text!r} not listed")


def test_a_long_name_found_by_search_is_shown_uncut(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store)
    people = window.people
    assert people.model.data(people.model.index(0, 0)) == "Agus 0"  # the first screenful
    qtbot.keyClicks(people.search, "Rosmawati")
    assert people.model.rowCount() == 1
    assert _uncut(people, "full_name", "Zulkifli " + LONG)
    assert _uncut(people, "village_name", LONG_VILLAGE)
    assert not people.table.wordWrap()


def test_a_long_name_sorted_to_the_top_is_shown_uncut(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store)
    people = window.people
    people.table.sortByColumn(_column(people, "full_name"), Qt.SortOrder.DescendingOrder)
    assert people.model.data(people.model.index(0, 0)) == "Zulkifli " + LONG
    assert _uncut(people, "full_name", "Zulkifli " + LONG)


def test_numbers_stay_narrow_and_the_name_takes_the_width(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store)
    people = window.people
    width = people.table.viewport().width()
    sessions = people.table.columnWidth(_column(people, "sessions"))
    name = people.table.columnWidth(_column(people, "full_name"))
    assert sessions < 130, sessions  # "Kehadiran" and a digit, not the spare width
    assert name > width // 3, (name, width)
    window.tabs.setCurrentWidget(window.sessions)
    sessions_view = window.sessions
    assert sessions_view.table.columnWidth(_column(sessions_view, "title")) > (
        sessions_view.table.columnWidth(_column(sessions_view, "attendees")) * 4
    )


def test_an_older_remembered_layout_no_longer_stretches_the_last_column(
    qtbot: QtBot, store: Store
) -> None:
    first = _window(qtbot, store)
    header = first.people.table.horizontalHeader()
    last = header.count() - 1
    for column in range(header.count()):  # the layout an older version saved
        header.setSectionResizeMode(column, header.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.resizeSection(0, 70)  # "Agus" wide
    first.close()
    assert header.sectionSize(last) > 300  # the old layout: Kehadiran took the spare width
    second = _window(qtbot, store)
    assert second.people.layout_restored
    qtbot.keyClicks(second.people.search, "Rosmawati")
    assert second.people.table.columnWidth(last) < 130
    assert _uncut(second.people, "full_name", "Zulkifli " + LONG)


def test_a_dragged_text_column_is_remembered(qtbot: QtBot, store: Store) -> None:
    first = _window(qtbot, store)
    village = _column(first.people, "village_name")
    first.people.table.horizontalHeader().resizeSection(village, 290)
    first.close()
    second = _window(qtbot, store)
    assert second.people.table.columnWidth(village) == 290
