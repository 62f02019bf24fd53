"""The Duplikat tab looks for suggestions on a thread of its own (most of a second at 100,000
people): the window keeps answering, only the newest search is shown, a decision moves to the
next pair at once, and a failed search says so in the tab."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from petugaspembina.gui import duplicate_review
from petugaspembina.gui.duplicate_review import DuplicateReview
from petugaspembina.store.store import Store


@pytest.fixture
def office(tmp_path: Path) -> Store:
    """Two pairs a clerk would be asked about: a typo in each of two names."""
    store = Store.open(tmp_path / "kantor.sqlite3")
    people = (
        ("Siti Aminah", "P"),
        ("Siti Aminha", "P"),
        ("Budi Santoso", "L"),
        ("Budi Santosa", "L"),
    )
    for name, sex in people:
        store.write(
            "people",
            {"full_name": name, "sex": sex, "birth_year": 1990, "region_code": "17.71.01.1001"},
        )
    return store


def review_of(qtbot: QtBot, store: Store) -> DuplicateReview:
    review = DuplicateReview(store)
    qtbot.addWidget(review)
    review.resize(1366, 700)
    review.show()
    return review


def test_the_window_answers_while_suggestions_are_searched(
    qtbot: QtBot, office: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = duplicate_review._suggestions
    searching = threading.Event()

    def slow(store: Store) -> list[object]:
        searching.set()
        time.sleep(1.0)  # a large office
        return real(store)  # type: ignore[return-value]

    monkeypatch.setattr(duplicate_review, "_suggestions", slow)
    beats: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    timer.start(10)
    review = review_of(qtbot, office)
    assert "Mencari saran duplikat" in review.heading.text()
    qtbot.waitUntil(lambda: len(review.pairs) == 2, timeout=10_000)
    timer.stop()
    assert searching.is_set()
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    assert len(beats) > 30 and max(gaps) < 0.2, max(gaps)  # no frozen window meanwhile
    assert "Kemiripan" in review.heading.text()


def test_only_the_newest_search_is_shown(
    qtbot: QtBot, office: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    review = review_of(qtbot, office)
    qtbot.waitUntil(lambda: len(review.pairs) == 2, timeout=10_000)
    counts: list[int] = []
    review.count_changed.connect(counts.append)
    review._on_found(review._generation - 1, [])  # an older search ends late
    assert len(review.pairs) == 2 and counts == []


def test_a_decision_shows_the_next_pair_at_once(qtbot: QtBot, office: Store) -> None:
    review = review_of(qtbot, office)
    qtbot.waitUntil(lambda: len(review.pairs) == 2, timeout=10_000)
    second = review.pairs[1]
    review.queue.setCurrentRow(0)
    qtbot.keyClick(review.queue, Qt.Key.Key_B)  # Berbeda
    assert [(p.first.id, p.second.id) for p in review.pairs] == [
        (second.first.id, second.second.id)
    ]
    assert second.first.full_name in review.compare.item(0, 0).text()
    qtbot.keyClick(review.queue, Qt.Key.Key_N)  # lewati: the only pair stays, still shown
    assert len(review.pairs) == 1 and review.queue.currentRow() == 0


def test_a_failed_search_says_so_in_the_tab(
    qtbot: QtBot, office: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(store: Store) -> list[object]:
        raise OSError("disk error")

    monkeypatch.setattr(duplicate_review, "_suggestions", broken)
    review = review_of(qtbot, office)
    qtbot.waitUntil(lambda: "tidak dapat dimuat" in review.heading.text(), timeout=10_000)
    assert "Segarkan" in review.heading.text()
    assert not review.same_button.isEnabled()


def test_the_count_is_every_pair_found_and_the_queue_says_it_holds_the_likeliest(
    qtbot: QtBot, office: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.sync import duplicates

    real = duplicates.suggest_duplicates
    monkeypatch.setattr(  # a queue of one, as 500 of 10,469 are at a large office
        duplicate_review, "suggest_duplicates", lambda store: real(store, limit=1)
    )
    counts: list[int] = []
    review = DuplicateReview(office)
    review.count_changed.connect(counts.append)
    qtbot.addWidget(review)
    review.resize(1366, 700)
    review.show()
    qtbot.waitUntil(lambda: counts == [2], timeout=10_000)
    assert len(review.pairs) == 1 and review.queue_note.isVisible()
    assert review.queue_note.text() == (
        "1 pasangan paling mirip dari 2; sisanya muncul sesudah diputuskan."
    )
    qtbot.keyClick(review.queue, Qt.Key.Key_B)  # decided: one pair left in all, looked for
    assert counts[-1] == 1 and not review.queue_note.isVisible()
    qtbot.waitUntil(lambda: len(review.pairs) == 1, timeout=10_000)
    assert "Kemiripan" in review.heading.text() and not review.queue_note.isVisible()


@pytest.mark.parametrize("key", [Qt.Key.Key_B, Qt.Key.Key_S], ids=["berbeda", "sama"])
def test_undo_shows_the_pair_it_brought_back(qtbot: QtBot, office: Store, key: Qt.Key) -> None:
    """Ctrl+Z after Berbeda or Sama: once the search that follows returns the pair, it is the
    one selected and compared, not the pair shown after the decision."""
    review = review_of(qtbot, office)
    review.changed.connect(review.reload)  # as the window's refresh does
    qtbot.waitUntil(lambda: len(review.pairs) == 2, timeout=10_000)
    review.queue.setCurrentRow(1)
    undone = review.pairs[1]
    qtbot.keyClick(review.queue, key)
    qtbot.waitUntil(lambda: len(review.pairs) == 1, timeout=10_000)
    assert review._current() is not undone
    qtbot.keyClick(review.queue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "dibatalkan" in review.status.text()
    qtbot.waitUntil(lambda: len(review.pairs) == 2, timeout=10_000)
    current = review._current()
    assert current is not None
    assert {current.first.id, current.second.id} == {undone.first.id, undone.second.id}
    assert review.compare.item(0, 0).text() == current.first.full_name
    assert review.wanted is None  # shown once: later searches keep the clerk's place


def test_choosing_a_pair_before_the_undone_one_returns_keeps_the_choice(
    qtbot: QtBot, office: Store
) -> None:
    review = review_of(qtbot, office)
    qtbot.waitUntil(lambda: len(review.pairs) == 2, timeout=10_000)
    undone = review.pairs[0]
    review.queue.setCurrentRow(0)
    qtbot.keyClick(review.queue, Qt.Key.Key_B)
    qtbot.keyClick(review.queue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.wanted == frozenset((undone.first.id, undone.second.id))
    review.queue.setCurrentRow(-1)
    review.queue.setCurrentRow(0)  # the clerk clicks the pair that is there
    chosen = review.pairs[0]
    assert review.wanted is None
    review.reload()
    qtbot.waitUntil(lambda: len(review.pairs) == 2, timeout=10_000)
    current = review._current()
    assert current is not None and current.first.id == chosen.first.id


def test_identical_names_are_compared_by_category_and_session_dates(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """ "Rudi ↔ Rudi": the heading says the names are the same, and the table adds what tells
    them apart: the category and the dates of the sessions each came to."""
    store = Store.open(tmp_path / "rudi.sqlite3")
    place = {"sex": "L", "birth_year": 1985, "region_code": "17.71.01.1001"}
    teacher = store.write("people", {"full_name": "Rudi", "category": "guru", **place})
    store.write("people", {"full_name": "Rudi", **place})
    for day in ("2026-03-02", "2026-08-22"):
        session = store.write("sessions", {"title": "Sosialisasi", "date": day})
        store.write("attendance", {"session_id": session, "person_id": teacher})
    review = review_of(qtbot, store)
    qtbot.waitUntil(lambda: len(review.pairs) == 1, timeout=10_000)
    assert "nama sama" in review.heading.text() and "nama mirip" not in review.heading.text()
    labels = [review.compare.verticalHeaderItem(r).text() for r in range(review.compare.rowCount())]
    column = 0 if review.pairs[0].first.id == teacher else 1
    cells = {
        label: (review.compare.item(r, column).text(), review.compare.item(r, 1 - column).text())
        for r, label in enumerate(labels)
    }
    assert cells["Kategori"] == ("Guru", "(tidak diisi)")
    assert cells["Kehadiran"] == ("2 kegiatan", "0 kegiatan")
    assert cells["Tanggal kegiatan"] == ("2 Mar 2026 s.d. 22 Agu 2026", "—")
    # every line is visible without scrolling
    assert review.compare.verticalScrollBar().maximum() == 0
    store.close()
