"""Garbage is collected on the GUI thread only while the window runs: a worker that allocates
never destroys a widget's cycle (Qt forbids it: a crash)."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from petugaspembina.gui.gui_thread_gc import GuiThreadCollector


class Cycle:
    """A reference cycle that notes the thread which destroyed it."""

    def __init__(self, seen: list[str]) -> None:
        self.me = self
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def test_a_workers_allocations_leave_cycles_to_the_gui_thread(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    collector = GuiThreadCollector()
    try:
        assert not gc.isenabled()
        seen: list[str] = []
        Cycle(seen)

        made: list[list[int]] = []

        def allocate() -> None:  # far past the first generation's threshold, kept alive
            made.extend([i] for i in range(50_000))

        worker = threading.Thread(target=allocate, name="pekerja")
        worker.start()
        worker.join()
        assert seen == []  # the worker collected nothing
        assert collector.collect_due() is not None
        assert seen == [threading.current_thread().name]
    finally:
        collector.deleteLater()
        qtbot.waitUntil(gc.isenabled if was_enabled else (lambda: True))
    assert gc.isenabled() == was_enabled
