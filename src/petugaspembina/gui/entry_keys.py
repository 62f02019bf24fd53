"""Keys of the sign-in forms (the officer's and the kiosk's).

``EnterSaves``: Enter saves from anywhere in a form — also on a consent checkbox, a combo or a
choice button, which do nothing with Enter themselves — as it does in a text field.

``NikEdit``: the NIK shows its digits while it is typed (a person checks them), and dots once the
field is left (the NIK is masked on screen; see docs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterSaves(QObject):
    """Call ``save`` when Enter is pressed in one of ``widgets`` of ``form`` (no list open)."""

    def __init__(
        self, form: QWidget, widgets: Iterable[QWidget], save: Callable[[], object]
    ) -> None:
        super().__init__(form)  # lives as long as the form
        self._save = save
        for widget in widgets:
            widget.installEventFilter(self)  # an editable combo has the keys of its line edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and QApplication.activePopupWidget() is None  # Enter picks from an open list
        ):
            self._save()
            return True
        return False


class NikEdit(QLineEdit):
    """A NIK field: digits while it has the keyboard, dots once it is left with a NIK in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setEchoMode(QLineEdit.EchoMode.Password)
