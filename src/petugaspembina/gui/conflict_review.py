"""Konflik: one conflict at a time in human terms — the record, the field's label, each officer's
value with device and local time — pick one or type the right value; records edited after
deletion are restored or kept deleted. Keyboard: ↑/↓ or PgUp/PgDn to move, Alt+1… to pick,
Enter to accept."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core.records import SCHEMA
from ..store.errors import StoreError
from ..store.store import Store
from ..sync.conflict_words import ConflictWords, describe_conflicts, parse_typed
from ..sync.conflicts import Conflict, list_conflicts, resolve
from .empty_hint import EmptyHint


class ConflictReview(QWidget):
    """Signals: changed() after a resolution; count_changed(int) with the open conflicts."""

    changed = Signal()
    count_changed = Signal(int)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.conflicts: list[Conflict] = []
        self.words: list[ConflictWords] = []
        splitter = QSplitter()
        self.queue = QListWidget()
        self.queue.setMinimumWidth(330)
        splitter.addWidget(self.queue)
        panel = QWidget()
        right = QVBoxLayout(panel)
        self.record = QLabel()
        self.record.setWordWrap(True)
        self.record.setTextFormat(Qt.TextFormat.RichText)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        right.addWidget(self.record)
        right.addWidget(self.explanation)
        self.choices_box = QGroupBox(self.tr("Nilai yang tercatat"))
        self.choices_layout = QVBoxLayout(self.choices_box)
        self.group = QButtonGroup(self)
        right.addWidget(self.choices_box)
        typed_row = QHBoxLayout()
        self.typed_label = QLabel(self.tr("Atau &ketik nilai yang benar:"))
        self.typed = QLineEdit()
        self.typed_label.setBuddy(self.typed)
        typed_row.addWidget(self.typed_label)
        typed_row.addWidget(self.typed, 1)
        right.addLayout(typed_row)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        right.addWidget(self.error)
        self.settled = QLabel()  # what the last decision kept, in words
        self.settled.setWordWrap(True)
        buttons = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("‹ Sebelumnya (PgUp)"))
        self.next_button = QPushButton(self.tr("Berikutnya › (PgDn)"))
        self.accept_button = QPushButton(self.tr("&Gunakan (Enter)"))
        self.accept_button.setDefault(True)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        right.addLayout(buttons)
        right.addWidget(self.settled)
        right.addStretch(1)
        self.empty = EmptyHint(
            self.queue,
            self.tr("Tidak ada konflik. Semua data dari para petugas sudah selaras."),
        )
        splitter.addWidget(panel)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.queue.currentRowChanged.connect(self._show)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.accept_button.clicked.connect(self.on_accept_clicked)
        self.typed.returnPressed.connect(self.on_accept_clicked)
        self.typed.textEdited.connect(lambda _: self.error.clear())
        for keys, slot in (
            (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.step(-1)),
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.step(1)),
            (QKeySequence(Qt.Key.Key_Return), self.on_accept_clicked),
            (QKeySequence(Qt.Key.Key_Enter), self.on_accept_clicked),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.reload()

    def reload(self) -> None:
        """Reload the open conflicts, keeping the position in the queue."""
        keep = max(self.queue.currentRow(), 0)
        self.conflicts = list_conflicts(self.store)
        self.words = describe_conflicts(self.store, self.conflicts)
        self.queue.blockSignals(True)
        self.queue.clear()
        for words in self.words:
            item = QListWidgetItem(f"{words.record_kind}: {words.record}\n{words.field_label}")
            self.queue.addItem(item)
        self.queue.blockSignals(False)
        has_any = bool(self.words)
        for widget in (
            self.choices_box,
            self.typed,
            self.typed_label,
            self.accept_button,
            self.previous_button,
            self.next_button,
            self.record,
            self.explanation,
        ):
            widget.setVisible(has_any)
        self.empty.show_for(not has_any)
        if has_any:
            self.queue.setCurrentRow(min(keep, len(self.words) - 1))
            self._show(self.queue.currentRow())
        self.count_changed.emit(len(self.words))

    def _show(self, row: int) -> None:
        self.error.clear()
        self.typed.clear()
        for button in self.group.buttons():
            self.group.removeButton(button)
            self.choices_layout.removeWidget(button)
            button.setParent(None)
            button.deleteLater()
        if not 0 <= row < len(self.words):
            return
        words = self.words[row]
        self.record.setText(
            f"<b>{words.record_kind}: {_html(words.record)}</b><br>"
            + self.tr("Isian: <b>{0}</b>").format(_html(words.field_label))
        )
        self.explanation.setText(words.explanation)
        deletion = words.kind == "edited-after-deletion"
        for index, candidate in enumerate(words.candidates):
            if deletion:
                text = (
                    self.tr("Tetap dihapus")
                    if candidate.value is True
                    else self.tr("Pulihkan (pakai perubahan terakhir)")
                )
            else:
                text = candidate.text
            source = self.tr("{0}, perangkat {1}, {2}").format(
                candidate.officer, candidate.device, candidate.local_time
            )
            note = self.tr(" — sementara dipakai") if candidate.provisional else ""
            label = f"{text}    ({source}){note}".replace("&", "&&")
            button = QRadioButton(f"&{index + 1}  {label}")
            self.group.addButton(button, index)
            self.choices_layout.addWidget(button)
            if candidate.provisional:
                button.setChecked(True)
        self.typed.setVisible(not deletion)
        self.typed_label.setVisible(not deletion)

    def step(self, delta: int) -> None:
        """Move to the previous (-1) or next (+1) conflict."""
        if self.words:
            self.queue.setCurrentRow((self.queue.currentRow() + delta) % len(self.words))

    def on_accept_clicked(self) -> None:
        row = self.queue.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        conflict, words = self.conflicts[row], self.words[row]
        try:
            if conflict.kind == "edited-after-deletion":
                chosen = max(self.group.checkedId(), 0)
                value: object = words.candidates[chosen].value is True
                kept = self.tr("tetap dihapus") if value else self.tr("dipulihkan")
            elif self.typed.text().strip():
                kind = SCHEMA[conflict.table][conflict.field]
                value = parse_typed(kind, self.typed.text())
                kept = self.typed.text().strip()
            else:
                chosen = self.group.checkedId()
                if chosen < 0:
                    self.error.setText(self.tr("Pilih salah satu nilai atau ketik nilainya."))
                    return
                value = conflict.candidates[chosen].value
                kept = words.candidates[chosen].text
            resolve(self.store, conflict.conflict_id, value)
        except StoreError as exc:
            self.error.setText(str(exc))
            return
        if conflict.kind == "edited-after-deletion":
            settled = self.tr("Diselesaikan: {0} {1}.").format(words.record, kept)
        else:
            settled = self.tr("Diselesaikan: {0}, {1} — dipakai “{2}”.").format(
                words.record, words.field_label, kept
            )
        self.settled.setText(settled)
        self.reload()
        self.changed.emit()


def _html(text: str) -> str:
    from html import escape

    return escape(text)
