"""GUI tests collect garbage as the window does (gui/gui_thread_gc.py): on the GUI thread only,
so a worker thread started by a test never frees an earlier test's widget."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from petugaspembina.gui.gui_thread_gc import GuiThreadCollector


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    was_enabled = gc.isenabled()
    collector = GuiThreadCollector()
    yield
    collector.collect_due()
    shiboken6.delete(collector)
    if was_enabled:
        gc.enable()
