"""A horizontal bar chart painted with QPainter: label, bar, count per row.

PySide6-Essentials has no QtCharts. A chart library would add to the frozen app and its start
(matplotlib with numpy: tens of MB and about half a second to import; pyqtgraph also needs numpy),
while the recap needs only labelled bars — about a hundred lines of painting, nothing to load.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#2f6f9f")
ROW_HEIGHT = 22
MAX_ROWS = 17


class BarChart(QWidget):
    """Rows of (label, count); longer lists show their top rows and "Lainnya"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[tuple[str, int]]) -> None:
        """Show these rows (in the given order)."""
        if len(rows) > MAX_ROWS:
            rest = sum(count for _, count in rows[MAX_ROWS - 1 :])
            rows = [*rows[: MAX_ROWS - 1], (self.tr("Lainnya"), rest)]
        self.rows = rows
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, max(len(self.rows), 1) * ROW_HEIGHT + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        width = self.width()
        if not self.rows:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("(tidak ada data)"))
            return
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _ in self.rows) + 16, width // 2
        )
        count_width = metrics.horizontalAdvance("000.000") + 6
        room = max(width - label_width - count_width, 10)
        top = max(count for _, count in self.rows) or 1
        for index, (label, count) in enumerate(self.rows):
            y = index * ROW_HEIGHT + 2
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRectF(0, y, label_width - 6, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            length = room * count / top
            painter.fillRect(QRectF(label_width, y + 4, length, ROW_HEIGHT - 8), BAR_COLOUR)
            painter.drawText(
                QRectF(label_width + length + 4, y, count_width, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{count:,}".replace(",", "."),
            )
