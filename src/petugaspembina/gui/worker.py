"""The one background helper: run a function off the GUI thread with a cancellable progress dialog.

The function gets a ``progress(done, total)`` callback (plain Python, no Qt) that raises
``Cancelled`` once the user pressed Batal; its result or error comes back on the GUI thread.
Workers get a database *path* and open their own connection; each runs on a Python thread.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from . import errors

Progress = Callable[[int, int], None]
PROGRESS_INTERVAL = 0.05
# While a task runs, Python threads trade the GIL every 0.2 ms instead of 5 ms. Painting a list
# calls the Python model thousands of times, and each call waited up to 5 ms for a busy worker:
# a second of frozen window per repaint during 1,000 certificates (docs/benchmarks.md, P9).
TASK_SWITCH_INTERVAL = 0.0002
_running = 0
_lock = threading.Lock()
_default_interval = sys.getswitchinterval()


def _task_started() -> None:
    global _running
    with _lock:
        _running += 1
        sys.setswitchinterval(TASK_SWITCH_INTERVAL)


def _task_finished() -> None:
    global _running
    with _lock:
        _running -= 1
        if _running == 0:
            sys.setswitchinterval(_default_interval)


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class _Signals(QObject):
    """Signals: progressed(done, total), succeeded(result), failed(exception), cancelled()."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task:
    """A function run on its own Python thread; talk to it only through ``signals``.

    A plain ``threading.Thread``, not Qt's thread pool: run on a QThreadPool thread, the same
    PDF job froze the window for about a second at a time (docs/benchmarks.md, P9), while a Python
    thread hands the GIL back every few milliseconds.
    """

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        self.work = work
        self.signals = _Signals()
        self.cancel_requested = threading.Event()
        self._last_progress = 0.0

    def _progress(self, done: int, total: int) -> None:
        if self.cancel_requested.is_set():
            raise Cancelled
        # At most ~20 updates a second: a modal progress dialog processes events on every
        # setValue, and 1,000 queued updates nested into seconds of frozen window (P9).
        now = time.monotonic()
        if done >= total or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.signals.progressed.emit(done, total)

    def run(self) -> None:
        _task_started()
        try:
            result = self.work(self._progress)
        except Cancelled:
            self._emit(self.signals.cancelled)
        except Exception as exc:  # every failure reaches the user as a message, never a crash
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.succeeded, result)
        finally:
            _task_finished()

    def _emit(self, signal: Any, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed: nobody is left to tell
            signal.emit(*args)


def run_task(
    parent: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
    *,
    quiet: bool = False,
    on_unexpected: Callable[[], None] | None = None,
) -> Task:
    """Start ``work`` in the background behind a modal, cancellable progress dialog
    (``quiet``: no dialog, for checks the user did not ask for).

    An expected error (``errors.expected_message``) reaches ``on_failure`` as its Indonesian
    message; any other goes to the window's one handler for unexpected errors, then
    ``on_unexpected`` runs (to re-enable a button, say)."""
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

    def failed(exc: BaseException) -> None:
        finish()
        message = errors.expected_message(exc)
        if message is not None:
            on_failure(message)
            return
        errors.report_unexpected(parent, exc)
        if on_unexpected is not None:
            on_unexpected()

    task.signals.succeeded.connect(succeeded)
    task.signals.failed.connect(failed)
    task.signals.cancelled.connect(finish)
    dialog.canceled.connect(task.cancel_requested.set)
    tasks = parent.__dict__.setdefault("_running_tasks", [])  # keep them alive until done
    tasks.append(task)
    threading.Thread(target=task.run, name="petugaspembina-task", daemon=True).start()
    return task
