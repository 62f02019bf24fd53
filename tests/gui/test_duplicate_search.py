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
