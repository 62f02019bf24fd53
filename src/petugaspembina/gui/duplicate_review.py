"""Duplikat: a queue of suggested pairs shown side by side (name, sex, birth year, village, masked
NIK, category, sessions attended and their first and last date, similarity). "Sama" links them, "Berbeda" records that they are different
people (the decision travels in bundles and the pair is not suggested again); both can be undone.
Keyboard: S = Sama, B = Berbeda, N = lewati, Ctrl+Z = batalkan keputusan terakhir."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.display import count_text, short_date
from ..store.errors import StoreError
from ..store.store import Store
from ..sync.duplicates import (
    PairDescription,
    describe_pair,
    keep_apart,
    link_duplicate,
    suggest_duplicates,
    undo_keep_apart,
    unlink_duplicate,
)


@dataclass(frozen=True, slots=True)
class Decision:
    """What the clerk decided, to undo it."""

    kind: str  # "same" | "different"
    first_id: str
    second_id: str
    duplicate_id: str = ""


def _suggestions(store: Store) -> tuple[list[PairDescription], int]:
    """The queue's pairs, described, and how many pairs were found in all."""
    found = suggest_duplicates(store)
    return [describe_pair(store, p) for p in found.pairs], found.total


class DuplicateReview(QWidget):
    """Signals: changed() after a decision or an undo; count_changed(int) with the queue length."""

    changed = Signal()
    count_changed = Signal(int)
    _found = Signal(int, object)  # a background search's generation and its pairs (or error)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.pairs: list[PairDescription] = []
        self.decisions: list[Decision] = []
        self.skipped: set[tuple[str, str]] = set()
        # The pair an undo brings back: selected when the search that follows returns it.
        self.wanted: frozenset[str] | None = None
        self._generation = 0
        self.total = 0  # pairs found in all; the queue holds the most likely of them
        self._found.connect(self._on_found)
        splitter = QSplitter()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.queue_note = QLabel()  # when the queue holds only the most likely pairs
        self.queue_note.setWordWrap(True)
        self.queue_note.hide()
        column.addWidget(self.queue_note)
        self.queue = QListWidget()
        self.queue.setMinimumWidth(300)
        column.addWidget(self.queue)
        splitter.addWidget(left)
        panel = QWidget()
        right = QVBoxLayout(panel)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        right.addWidget(self.heading)
        lines = [
            self.tr("Nama"),
            self.tr("L/P"),
            self.tr("Tahun lahir"),
            self.tr("Desa/Kelurahan"),
            self.tr("NIK"),
            self.tr("Kategori"),
            self.tr("Kehadiran"),
            self.tr("Tanggal kegiatan"),
        ]
        self.compare = QTableWidget(len(lines), 2)
        self.compare.setHorizontalHeaderLabels([self.tr("Peserta A"), self.tr("Peserta B")])
        self.compare.setVerticalHeaderLabels(lines)
        self.compare.horizontalHeader().setStretchLastSection(True)
        self.compare.horizontalHeader().setDefaultSectionSize(260)
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare.setFixedHeight(len(lines) * 30 + 30)
        right.addWidget(self.compare)
        buttons = QHBoxLayout()
        self.same_button = QPushButton(self.tr("Sama — &gabungkan (S)"))
        self.different_button = QPushButton(self.tr("Berbeda — jangan sara&nkan lagi (B)"))
        self.skip_button = QPushButton(self.tr("&Lewati (N)"))
        self.undo_button = QPushButton(self.tr("Batalkan keputusan terakhir (Ctrl+Z)"))
        for button in (self.same_button, self.different_button, self.skip_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        right.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        right.addWidget(self.status)
        right.addStretch(1)
        splitter.addWidget(panel)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.queue.currentRowChanged.connect(self._on_row_chosen)
        self.same_button.clicked.connect(self.on_same_clicked)
        self.different_button.clicked.connect(self.on_different_clicked)
        self.skip_button.clicked.connect(self.on_skip_clicked)
        self.undo_button.clicked.connect(self.on_undo_clicked)
        # Single keys act wherever the focus is in this tab (nothing here takes typed text); an
        # event filter rather than shortcuts, so the list's type-ahead search never eats them.
        self.keys = {
            Qt.Key.Key_S: self.on_same_clicked,
            Qt.Key.Key_B: self.on_different_clicked,
            Qt.Key.Key_N: self.on_skip_clicked,
        }
        for widget in (self, self.queue, self.compare):
            widget.installEventFilter(self)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo):
                self.on_undo_clicked()
                return True
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            action = self.keys.get(Qt.Key(event.key()))
            if action is not None and modifiers == Qt.KeyboardModifier.NoModifier:
                action()
                return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        """Look for suggestions again (after imports, decisions elsewhere, Segarkan).

        At 100,000 people the search takes most of a second, so a database file is searched on
        a thread of its own with its own connection and the window stays responsive; the result
        of the newest search only is shown, keeping the pair the clerk is looking at."""
        self._generation += 1
        path = self.store.path
        if path is None:  # an in-memory database has no second connection
            self._show_pairs(*_suggestions(self.store))
            return
        if not self.pairs:
            self._show_row(0)
            self.heading.setText(self.tr("Mencari saran duplikat…"))
        generation = self._generation

        def search() -> None:
            try:
                with Store.open(path, full_check=False) as store:
                    found: object = _suggestions(store)
            except Exception as exc:  # shown in the tab, never lost in a thread
                found = exc
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._found.emit(generation, found)

        threading.Thread(target=search, name="saran-duplikat", daemon=True).start()

    def _on_found(self, generation: int, found: object) -> None:
        if generation != self._generation:  # a newer search is under way
            return
        if isinstance(found, Exception):
            self.heading.setText(
                self.tr("Saran duplikat tidak dapat dimuat ({0}). Coba Berkas → Segarkan.").format(
                    type(found).__name__
                )
            )
            return
        assert isinstance(found, tuple)
        self._show_pairs(*found)

    def _show_pairs(self, pairs: list[PairDescription], total: int) -> None:
        """Fill the queue (skipped pairs last), showing the pair an undo brought back once it is
        there, else keeping the current pair when it is still there; ``total``: how many pairs
        were found, of which the queue holds the most likely."""
        self.total = total
        current = self._current()
        pairs.sort(key=lambda p: (p.first.id, p.second.id) in self.skipped)
        self.pairs = pairs
        self.queue.blockSignals(True)
        self.queue.clear()
        for pair in pairs:
            self.queue.addItem(
                f"{pair.first.full_name} ↔ {pair.second.full_name}  ({round(pair.score * 100)}%)"
            )
        self.queue.blockSignals(False)
        ids = [frozenset((p.first.id, p.second.id)) for p in pairs]
        key = frozenset((current.first.id, current.second.id)) if current else None
        if self.wanted in ids:
            key, self.wanted = self.wanted, None
        self._show_row(ids.index(key) if key in ids else 0)
        self.count_changed.emit(self.total)

    def _show_row(self, row: int) -> None:
        """Select and show pair ``row`` (or say there is none), and enable what applies."""
        cut = 0 < len(self.pairs) < self.total
        self.queue_note.setVisible(cut)
        if cut:
            self.queue_note.setText(
                self.tr(
                    "{0} pasangan paling mirip dari {1}; sisanya muncul sesudah diputuskan."
                ).format(count_text(len(self.pairs)), count_text(self.total))
            )
        self.undo_button.setEnabled(bool(self.decisions))
        for button in (self.same_button, self.different_button, self.skip_button):
            button.setEnabled(bool(self.pairs))
        if self.pairs:
            row = min(row, len(self.pairs) - 1)
            self.queue.blockSignals(True)
            self.queue.setCurrentRow(row)
            self.queue.blockSignals(False)
            self._show(row)
        else:
            self.heading.setText(self.tr("Tidak ada saran duplikat."))
            self.compare.clearContents()

    def _on_row_chosen(self, row: int) -> None:
        """The clerk picked a pair: it stays shown, whatever an undo asked for before."""
        self.wanted = None
        self._show(row)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.pairs):
            return
        pair = self.pairs[row]
        self.heading.setText(
            self.tr("<b>Kemiripan {0}%</b> — {1}. Apakah keduanya orang yang sama?").format(
                round(pair.score * 100), self._reason(pair)
            )
        )
        for column, side in enumerate((pair.first, pair.second)):
            first, last = short_date(side.first_session), short_date(side.last_session)
            values = (
                side.full_name,
                side.sex,
                str(side.birth_year or ""),
                side.village_name,
                side.nik_masked or self.tr("(tidak diisi)"),
                side.category_label or self.tr("(tidak diisi)"),
                self.tr("{0} kegiatan").format(side.sessions),
                self.tr("{0} s.d. {1}").format(first, last) if first != last else first or "—",
            )
            for line, value in enumerate(values):
                self.compare.setItem(line, column, QTableWidgetItem(value))

    def _reason(self, pair: PairDescription) -> str:
        """Why the pair is suggested; "nama sama" when the names are the same, not similar."""
        if pair.reason == "nik":
            return self.tr("NIK sama")
        if pair.same_name:
            return self.tr("nama sama, tahun lahir dan desa sama")
        if pair.reason == "name+birth_year+village":
            return self.tr("nama mirip, tahun lahir dan desa sama")
        return pair.reason_text

    def _current(self) -> PairDescription | None:
        row = self.queue.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def on_same_clicked(self) -> None:
        pair = self._current()
        if pair is None:
            return
        # The one who came to more sessions stands for both; the other is linked to it.
        keep, other = (
            (pair.first, pair.second)
            if pair.first.sessions >= pair.second.sessions
            else (pair.second, pair.first)
        )
        try:
            link_duplicate(self.store, other.id, keep.id)
        except StoreError as exc:
            self.status.setText(str(exc))
            return
        self.decisions.append(Decision("same", pair.first.id, pair.second.id, other.id))
        self.status.setText(
            self.tr("Digabungkan: {0} dihitung sebagai satu orang.").format(keep.full_name)
        )
        # The linked person is no longer suggested with anyone.
        self._decided(lambda p: p is pair or other.id in (p.first.id, p.second.id))

    def on_different_clicked(self) -> None:
        pair = self._current()
        if pair is None:
            return
        try:
            keep_apart(self.store, pair.first.id, pair.second.id)
        except StoreError as exc:
            self.status.setText(str(exc))
            return
        self.decisions.append(Decision("different", pair.first.id, pair.second.id))
        self.status.setText(
            self.tr("Dicatat sebagai dua orang berbeda; pasangan ini tidak disarankan lagi.")
        )
        self._decided(lambda p: p is pair)

    def on_skip_clicked(self) -> None:
        pair = self._current()
        self.wanted = None
        if pair is not None:
            self.skipped.add((pair.first.id, pair.second.id))
            row = self.queue.currentRow()
            self.pairs.append(self.pairs.pop(row))
            self.queue.addItem(self.queue.takeItem(row))
            self._show_row(row)

    def on_undo_clicked(self) -> None:
        if not self.decisions:
            return
        decision = self.decisions.pop()
        try:
            if decision.kind == "same":
                unlink_duplicate(self.store, decision.duplicate_id)
            else:
                undo_keep_apart(self.store, decision.first_id, decision.second_id)
        except StoreError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("Keputusan terakhir dibatalkan."))
        # The pair comes back with the search that follows, and is shown then.
        self.wanted = frozenset((decision.first_id, decision.second_id))
        self._decided(lambda p: False, keep_wanted=True)

    def _decided(
        self, settled: Callable[[PairDescription], bool], *, keep_wanted: bool = False
    ) -> None:
        """Take the pairs a decision settled out of the queue at once and show the next; the
        window's refresh (``changed``) then searches again in the background. A decision
        forgets the pair an earlier undo asked to show; an undo (``keep_wanted``) does not."""
        if not keep_wanted:
            self.wanted = None
        row = self.queue.currentRow()
        for index in reversed(range(len(self.pairs))):
            if settled(self.pairs[index]):
                del self.pairs[index]
                self.queue.takeItem(index)
                self.total -= 1
        self._show_row(max(row, 0))
        self.count_changed.emit(self.total)
        self.changed.emit()
        if not self.pairs and self.total:  # the queue was cut: the next pairs are looked for
            self.reload()
