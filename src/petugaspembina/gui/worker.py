"""The one background helper: run a function off the GUI thread with a cancellable progress dialog.

The function gets a ``progress(done, total)`` callback (plain Python, no Qt) that raises
``Cancelled`` once the user pressed Batal; its result or error comes back on the GUI thread.
Workers get a database *path* and open their own connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class _Signals(QObject):
    """Signals: progressed(done, total), succeeded(result), failed(message), cancelled()."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Task(QRunnable):
    """A function run on the thread pool; talk to it only through ``signals``."""

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.cancel_requested = threading.Event()

    def _progress(self, done: int, total: int) -> None:
        if self.cancel_requested.is_set():
            raise Cancelled
        self.signals.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except Cancelled:
            self._emit(self.signals.cancelled)
        except Exception as exc:  # every failure reaches the user as a message, never a crash
            self._emit(self.signals.failed, str(exc) or exc.__class__.__name__)
        else:
            self._emit(self.signals.succeeded, result)

    def _emit(self, signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window closed while this ran: nobody is left to tell
            pass


def run_task(
    parent: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
    *,
    quiet: bool = False,
) -> Task:
    """Start ``work`` in the background behind a modal, cancellable progress dialog
    (``quiet``: no dialog, for checks the user did not ask for)."""
    dialog = QProgressDialog(label, parent.tr("Batal"), 0, 0, parent)
    if quiet:
        dialog.setMinimumDuration(2**31 - 1)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.setWindowTitle(parent.tr("Mohon tunggu"))
    if not quiet:
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
    task = Task(work)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def finish() -> None:
        dialog.reset()
        dialog.deleteLater()

    task.signals.progressed.connect(progressed)

    def succeeded(result: object) -> None:
        finish()
        on_success(result)

    def failed(message: str) -> None:
        finish()
        on_failure(message)

    task.signals.succeeded.connect(succeeded)
    task.signals.failed.connect(failed)
    task.signals.cancelled.connect(finish)
    dialog.canceled.connect(task.cancel_requested.set)
    task.setAutoDelete(False)
    tasks = parent.__dict__.setdefault("_running_tasks", [])  # keep them alive until done
    tasks.append(task)
    QThreadPool.globalInstance().start(task)
    return task
