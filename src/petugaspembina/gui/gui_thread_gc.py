"""Garbage collection on the GUI thread only.

Python collects in whichever thread allocates past the threshold. When that is a worker (an
import, a PDF, the duplicate search) and a cycle it collects holds a Qt widget, the widget is
destroyed off the GUI thread, which Qt forbids: the app can crash. So the window turns automatic
collection off and collects from a timer on its own thread, as Python's thresholds would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """While it lives, automatic collection is off and due collections run on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(INTERVAL_MS)
        self.destroyed.connect(gc.enable)

    @staticmethod
    def collect_due() -> int | None:
        """Collect the oldest generation whose count passed its threshold; which one (None: none
        was due)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [g for g in range(3) if thresholds[g] and counts[g] > thresholds[g]]
        if not due:
            return None
        gc.collect(due[-1])
        return due[-1]
