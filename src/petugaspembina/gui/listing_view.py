"""A list tab: a search field (filtering in SQL as you type), a sortable table, action buttons.

Columns are sized to their content whenever rows arrive in a list that had none; the layout of a
list that never showed rows is not worth remembering (``saved_layout`` is None then). An empty
list shows a hint saying what to do.

Widths go to the text people read: the ``stretch`` column (Nama, Judul) takes the width the others
leave, ``fit`` columns (numbers, dates, codes) always fit their content, and the other text columns
(Desa, Jenis) widen, up to ``WIDEST``, when a search or sort brings longer text — never narrower
than the officer made them. Text is cut with "…", never wrapped into a half-shown second line.
These modes are set again after a remembered layout is restored (one saved by an older version
stretched the last column, whatever it held).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .empty_hint import EmptyHint
from .listmodel import ListingModel

WIDEST = 320  # a text column widened to its content on a search or sort stops here (pixels)


class ListingView(QWidget):
    """Signals: activated(record_id) on double-click or Enter."""

    activated = Signal(str)

    def __init__(
        self,
        model: ListingModel,
        placeholder: str,
        sort_column: int = 0,
        sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
        empty_hint: str = "",
        stretch: str | None = None,
        fit: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.model = model
        keys = model.column_keys()
        self._stretch = keys.index(stretch) if stretch in keys else None
        self._fit = [keys.index(key) for key in fit if key in keys]
        self.empty_text = empty_hint
        self.select_single = False  # a list of exactly one row has it selected (Kegiatan)
        self._kept: str | None = None
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
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.layout_restored = False  # set when a saved column layout was applied
        self._sized = False  # columns fit rows (sized or restored), not only the headers
        self.empty_hint = EmptyHint(self.table)
        model.modelAboutToBeReset.connect(self._keep_selection)
        model.modelReset.connect(self._rows_changed)
        model.rowsInserted.connect(self._rows_changed)
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
        self._apply_column_modes()
        self.table.resizeColumnsToContents()

    def _apply_column_modes(self) -> None:
        """The stretched column takes the spare width, the fitted ones their content's; the
        rest are the officer's to drag. Without a stretched column the last one stretches."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(self._stretch is None)
        for column in range(self.model.columnCount()):
            if column == self._stretch:
                mode = QHeaderView.ResizeMode.Stretch
            elif column in self._fit:
                mode = QHeaderView.ResizeMode.ResizeToContents
            else:
                mode = QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)

    def _widen_text_columns(self) -> None:
        """Let the dragged text columns show the longer text a search or sort brought, up to
        ``WIDEST``; a column the officer made wider stays so."""
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
                continue
            wanted = min(WIDEST, self.table.sizeHintForColumn(column))
            if wanted > header.sectionSize(column):
                header.resizeSection(column, wanted)

    def showEvent(self, event: QShowEvent) -> None:
        # A tab's list is queried when first shown, not at start; rows arriving size the columns.
        self.model.ensure_loaded()
        super().showEvent(event)

    def _rows_changed(self) -> None:
        """Rows arrived or the list was re-queried: size the columns the first time there are
        rows (again after the list was empty), and show the hint while it is empty."""
        rows = self.model.rowCount()
        if rows and not self._sized:
            self.table.resizeColumnsToContents()
            self._sized = True
        elif rows:
            self._widen_text_columns()
        elif not rows and not self.model._text and not self.layout_restored:
            self._sized = False  # an empty list's widths fit the headers only
        self._update_hint()
        kept, self._kept = self._kept, None
        self._reselect(kept)

    def select_when_single(self) -> None:
        """From now on a list of exactly one row has that row selected."""
        self.select_single = True
        self._reselect(None)

    def _reselect(self, kept: str | None) -> None:
        rows = self.model.rowCount()
        if self.table.selectionModel().hasSelection():
            return
        if kept is not None:  # the list was re-queried: the chosen row stays chosen
            for row in range(rows):
                if self.model.id_at(row) == kept:
                    self.table.selectRow(row)
                    return
        if self.select_single and rows == 1 and not self.model.canFetchMore():
            self.table.selectRow(0)

    def _keep_selection(self) -> None:
        self._kept = self.selected_id()

    def _update_hint(self) -> None:
        empty = self.model._loaded and self.model.rowCount() == 0
        if empty and self.model._text:
            text = self.tr('Tidak ada yang cocok dengan "{0}".').format(self.model._text)
        else:
            text = self.empty_text
        self.empty_hint.show_for(empty, text)

    def saved_layout(self) -> QByteArray | None:
        """The column layout worth remembering, or None while the columns fit no rows."""
        return self.table.horizontalHeader().saveState() if self._sized else None

    def columns_signature(self) -> str:
        """Which columns the list has, saved with its layout: a layout of other columns (an
        older version of the app) is not applied."""
        return ",".join(self.model.column_keys())

    def restore_layout(self, state: object, signature: object) -> bool:
        """Apply a remembered column layout when it is valid for this list (same columns, every
        column wider than nothing); otherwise keep sizing to the rows. True when applied."""
        header = self.table.horizontalHeader()
        if not isinstance(state, QByteArray) or state.isEmpty():
            return False
        if signature != self.columns_signature():
            return False
        before = header.saveState()
        valid = (
            header.restoreState(state)
            and header.count() == self.model.columnCount()
            and all(
                header.sectionSize(i) >= header.minimumSectionSize() or header.isSectionHidden(i)
                for i in range(header.count())
            )
        )
        if not valid:
            header.restoreState(before)
            return False
        self._apply_column_modes()
        self.layout_restored = self._sized = True
        return True

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

    def select_id(self, record_id: str) -> bool:
        """Select (and show) the row of ``record_id``, fetching further pages as needed; False
        when it is not in the list (e.g. filtered out)."""
        self.model.ensure_loaded()
        row = 0
        while True:
            while row < self.model.rowCount():
                if self.model.id_at(row) == record_id:
                    self.table.selectRow(row)
                    self.table.scrollTo(self.model.index(row, 0))
                    return True
                row += 1
            if not self.model.canFetchMore():
                return False
            self.model.fetchMore()

    def reload(self) -> None:
        """Re-query, keeping the filter and sort (a list not yet shown waits until it is)."""
        if self.isVisible() or self.model._loaded:
            self.model.reload()
