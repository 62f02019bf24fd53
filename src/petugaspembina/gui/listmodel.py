"""A thin, lazily fetched table model over a store listing query (dataclass rows).

Sorting and filtering happen in SQL (``fetch(store, limit, offset, text=, sort=, descending=)``);
rows arrive 200 at a time as the view scrolls (``canFetchMore``/``fetchMore``), after a first
page of 60 — more than a 1366×768 or 1920×1080 screen shows, and a third of the pages to read and
decrypt when the window opens or a search is typed (docs/benchmarks.md P1).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..store.store import Store

Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
PAGE = 200
FIRST_PAGE = 60
Column = tuple[str, str, Callable[[Any], str] | None]


class ListingModel(QAbstractTableModel):
    """Rows of ``fetch``; columns are (attribute, header, formatter) triples."""

    def __init__(
        self,
        store: Store,
        fetch: Callable[..., Sequence[Any]],
        columns: Sequence[Column],
        parent: Any = None,
        sortable: Sequence[str] = (),
        lazy: bool = False,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._fetch = fetch
        self._columns = list(columns)
        self._sortable = set(sortable)
        self._rows: list[Any] = []
        self._more = True
        self._text = ""
        self._sort: str | None = None
        self._descending = False
        self._loaded = False
        if not lazy:
            self.reload()

    # -- loading ---------------------------------------------------------------------------
    def _page(self, offset: int, size: int = PAGE) -> list[Any]:
        kwargs: dict[str, Any] = {"text": self._text}
        if self._sort is not None:
            kwargs.update(sort=self._sort, descending=self._descending)
        return list(self._fetch(self._store, size, offset, **kwargs))

    def ensure_loaded(self) -> None:
        """Load the first page if nothing was loaded yet (lazy models of unseen tabs)."""
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Fetch the first page again (after an edit, import or a new filter)."""
        self._loaded = True
        self.beginResetModel()
        self._rows = self._page(0, FIRST_PAGE)
        self._more = len(self._rows) == FIRST_PAGE
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only rows matching ``text`` (the query decides how)."""
        if text != self._text:
            self._text = text
            self.reload()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # A lazy list not shown yet has nothing to extend: Qt asks hidden views too.
        return not parent.isValid() and self._loaded and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        rows = self._page(len(self._rows))
        self._more = len(rows) == PAGE
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column][0]
        if key not in self._sortable:
            return
        self._sort, self._descending = key, order == Qt.SortOrder.DescendingOrder
        if self._loaded:  # a lazy list not shown yet just remembers the order
            self.reload()

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == IdRole:
            return row.id
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            name, _, formatter = self._columns[index.column()]
            value = getattr(row, name)
            if formatter is not None:
                return formatter(value)
            return "" if value is None else str(value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section][1]
        return None

    def column_keys(self) -> list[str]:
        """The attribute shown in each column, in order."""
        return [name for name, _, _ in self._columns]

    def row_dict(self, row: int) -> dict[str, Any]:
        """The dataclass of one row as a dict."""
        return dataclasses.asdict(self._rows[row])

    def id_at(self, row: int) -> str | None:
        """The record id of a row, or None."""
        return self._rows[row].id if 0 <= row < len(self._rows) else None
