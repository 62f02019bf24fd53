"""Date editors in the one date style of the window (``22 Nov 2026``, Indonesian month names),
alone or in the cells of a table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QWidget,
)

from ..core.display import QT_DATE_FORMAT, short_date

ISO = "yyyy-MM-dd"  # how dates are stored

INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def style_date_edit(edit: QDateEdit) -> QDateEdit:
    """Show ``edit`` as ``22 Nov 2026`` with a calendar to pick from; returns it."""
    edit.setLocale(INDONESIAN)
    edit.setDisplayFormat(QT_DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


class DateCellDelegate(QStyledItemDelegate):
    """Table cells that hold an ISO date (``2026-11-22``, as the store takes it) but show it as
    ``22 Nov 2026`` and are edited with a date editor and its calendar. An empty cell stays
    empty until edited (it starts at ``default()`` then); Delete in the table empties it
    (``clear_on_delete``)."""

    def __init__(self, parent: QObject | None = None, default: Callable[[], QDate] | None = None):
        super().__init__(parent)
        self.default = default or QDate.currentDate

    def displayText(self, value: object, locale: QLocale | QLocale.Language) -> str:
        return short_date(str(value)) if value else ""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        return style_date_edit(QDateEdit(parent))

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QDateEdit)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        day = QDate.fromString(text, ISO) if text else QDate()
        editor.setDate(day if day.isValid() else self.default())

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QDateEdit)
        model.setData(index, editor.date().toString(ISO), Qt.ItemDataRole.EditRole)


def clear_on_delete(table: QTableWidget, columns: set[int]) -> None:
    """Delete or Backspace on a cell of ``columns`` empties it (a date that is not set)."""

    class Eraser(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and table.currentColumn() in columns
                and table.state() != QAbstractItemView.State.EditingState
            ):
                item = table.currentItem()
                if item is not None:
                    item.setText("")
                return True
            return False

    table.installEventFilter(Eraser(table))
