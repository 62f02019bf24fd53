"""The line an empty list shows: what to do next, at the top of the list's area, left-aligned
with the rows it stands in for, the same in every tab."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

# Where the line starts inside the list: as far from the top and the left as a row's text.
MARGIN = 12


class EmptyHint(QLabel):
    """A grey line inside ``area``'s viewport, kept at its top-left when the list is resized;
    shown by ``show_for`` only while the list is empty."""

    def __init__(self, area: QAbstractScrollArea, text: str = "") -> None:
        super().__init__(text, area.viewport())
        self.setObjectName("empty_hint")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # shows typed text as typed
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setStyleSheet("color: #555; font-size: 11pt")
        self.hide()
        self._viewport = area.viewport()
        self._viewport.installEventFilter(self)

    def show_for(self, empty: bool, text: str | None = None) -> None:
        """Show the line (with ``text`` when given) while the list is ``empty``; hide it else."""
        if text is not None:
            self.setText(text)
        self.place()
        self.setVisible(empty and bool(self.text()))

    def place(self) -> None:
        """Lay the line along the top of the viewport, as tall as its wrapped text."""
        width = max(0, self._viewport.width() - 2 * MARGIN)
        self.setGeometry(MARGIN, MARGIN, width, self.heightForWidth(width))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.place()
        return False
