"""A thin read-only table model over a store listing query (dataclass rows)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..store.store import Store

Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1


class ListingModel(QAbstractTableModel):
    """Rows from ``fetch(store)``; columns are (attribute, header, formatter) triples."""

    def __init__(
        self,
        store: Store,
        fetch: Callable[[Store], Sequence[Any]],
        columns: Sequence[tuple[str, str, Callable[[Any], str] | None]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._fetch = fetch
        self._columns = list(columns)
        self._rows: list[Any] = []
        self.reload()

    def reload(self) -> None:
        """Fetch the rows again from the database."""
        self.beginResetModel()
        self._rows = list(self._fetch(self._store))
        self.endResetModel()

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
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][1]
        return None

    def row_dict(self, row: int) -> dict[str, Any]:
        """The dataclass of one row as a dict."""
        return dataclasses.asdict(self._rows[row])
