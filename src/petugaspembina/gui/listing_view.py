"""A list tab: a search field (filtering in SQL as you type), a sortable table, action buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .listmodel import ListingModel


class ListingView(QWidget):
    """Signals: activated(record_id) on double-click or Enter."""

    activated = Signal(str)

    def __init__(
        self,
        model: ListingModel,
        placeholder: str,
        sort_column: int = 0,
        sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
    ) -> None:
        super().__init__()
        self.model = model
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(model)
        # Qt's header starts with a descending indicator; say the intended order before sorting.
        self.table.horizontalHeader().setSortIndicator(sort_column, sort_order)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.layout_restored = False  # set when a saved column layout was applied
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.table.activated.connect(lambda index: self._activate(index.row()))
        self.table.doubleClicked.connect(lambda index: self._activate(index.row()))
        # Size columns from the first rows only: measuring every loaded row is slow at start.
        self.table.horizontalHeader().setResizeContentsPrecision(30)
        self.table.resizeColumnsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        if not self.model._loaded:  # a tab's list is queried when first shown, not at start
            self.model.ensure_loaded()
            if not self.layout_restored:  # size columns to the rows, not to the headers alone
                self.table.resizeColumnsToContents()
        super().showEvent(event)

    def add_button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        """An action button under the table."""
        button = QPushButton(text)
        button.clicked.connect(slot)
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    def on_search_text_changed(self, text: str) -> None:
        self.model.set_filter(text)

    def _activate(self, row: int) -> None:
        record_id = self.model.id_at(row)
        if record_id:
            self.activated.emit(record_id)

    def selected_id(self) -> str | None:
        """The id of the selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def reload(self) -> None:
        """Re-query, keeping the filter and sort (a list not yet shown waits until it is)."""
        if self.isVisible() or self.model._loaded:
            self.model.reload()
