"""What the start does while the officer types the password, and the start-time marks of P1.

The password prompt is shown before the main window's modules are loaded (docs/benchmarks.md P1):
a ``Preloader`` then imports them one at a time from the event loop (``QTimer``), so keys typed
into the prompt are answered between two imports. After Enter only the key is derived, the
database opened and the window built and filled. Without a prompt (the password given in
``PETUGASPEMBINA_PASSWORD``, a demo) ``finish()`` loads what is left at once, while the key is
derived on a thread.

For the start-time benchmark only: with ``PETUGASPEMBINA_START_TIMES`` naming a file, the app
notes when the prompt is interactive, when the password is submitted and when the main window is
interactive (wall-clock and CPU seconds of the process) and writes them there as JSON; with
``PETUGASPEMBINA_PASSWORD`` set as well, it shows the prompt and submits that password once the
prompt is up and the modules are loaded, as an officer typing it would (``typed_password``).
"""

from __future__ import annotations

import importlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from ..store import vault

if TYPE_CHECKING:
    from .password_dialogs import PasswordDialog

TIMES_ENV = "PETUGASPEMBINA_START_TIMES"

# In the order they are needed; each is imported in its own turn of the event loop (what an
# earlier one imported is not imported again). tests/gui/test_start_up.py checks that the main
# window loads no module of the app beyond these.
ERRORS = "petugaspembina.gui.errors"
MODULES = (
    ERRORS,
    # What store/vault.py imports on first use: the password's Argon2id and the key's AES-GCM.
    "argon2.low_level",
    "cryptography.hazmat.primitives.ciphers.aead",
    "petugaspembina.store.store",
    "petugaspembina.store.conversion",
    "petugaspembina.core.records",
    "petugaspembina.core.display",
    "petugaspembina.store.queries",
    "petugaspembina.gui.listmodel",
    "petugaspembina.gui.listing_view",
    "petugaspembina.gui.clerk_tabs",
    "petugaspembina.gui.main_window",
    "petugaspembina.store.recap",
    "petugaspembina.store.desa_activity",
    "petugaspembina.gui.desa_saya",
    "petugaspembina.gui.outbox_panel",
    "petugaspembina.sync.conflict_words",
    "petugaspembina.gui.sync_view",
    "petugaspembina.gui.documents_view",
    "petugaspembina.gui.app_lock",
    "petugaspembina.gui.integrity",
    "petugaspembina.profile",
)


class Preloader(QObject):
    """Imports ``MODULES`` one per turn of the event loop once ``start()`` was called; the first
    step installs the handler of unexpected errors (gui/errors.py), logging to ``logs``."""

    def __init__(self, logs: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.logs = logs
        self.left = list(MODULES)
        self.longest = 0.0  # seconds: the longest the event loop waited for one import
        self._then: list[Callable[[], None]] = []

    def start(self) -> None:
        QTimer.singleShot(0, self, self._step)

    def done(self) -> bool:
        return not self.left

    def _step(self) -> None:
        if not self.left:
            return
        began = time.perf_counter()
        self._load(self.left.pop(0))
        self.longest = max(self.longest, time.perf_counter() - began)
        _figures["longest_import_step"] = self.longest
        if self.left:
            QTimer.singleShot(0, self, self._step)
        else:
            self._finished()

    def finish(self) -> None:
        """Import what is left now (the window is about to be built)."""
        while self.left:
            self._load(self.left.pop(0))
        self._finished()

    def _load(self, name: str) -> None:
        module = importlib.import_module(name)
        if name == ERRORS:
            module.install(self.logs)  # one handler for unexpected errors from here on

    def when_done(self, then: Callable[[], None]) -> None:
        """Call ``then`` once every module is loaded (at once when they are)."""
        if self.done():
            then()
        else:
            self._then.append(then)

    def _finished(self) -> None:
        if "preloaded" not in _marks:
            mark("preloaded")
        waiting, self._then = self._then, []
        for then in waiting:
            then()


# -- the start-time benchmark ------------------------------------------------------------------

_marks: dict[str, tuple[float, float]] = {}
_figures: dict[str, float] = {"longest_import_step": 0.0}


def timing() -> bool:
    """Whether this start is measured (``PETUGASPEMBINA_START_TIMES``)."""
    return bool(os.environ.get(TIMES_ENV))


def mark(name: str) -> None:
    """Note the wall-clock time (epoch seconds) and the process's CPU time of ``name``."""
    if timing():
        _marks[name] = (time.time(), time.process_time())


def write_marks() -> None:
    """Write the marks, and the longest import step while the prompt was up (seconds), to the
    file named by ``PETUGASPEMBINA_START_TIMES``."""
    target = os.environ.get(TIMES_ENV)
    if target:
        data = {name: {"wall": wall, "cpu": cpu} for name, (wall, cpu) in _marks.items()}
        Path(target).write_text(json.dumps({**data, **_figures}), encoding="utf-8")


def typed_password() -> str | None:
    """The benchmark's password to submit at the prompt (None: an ordinary start)."""
    return vault.password_from_env() if timing() else None


def submit_when_ready(loader: Preloader, password: str) -> Callable[[PasswordDialog], None]:
    """For the benchmark: once the prompt is interactive, note it; once the modules are loaded,
    type ``password`` and press Enter (the prompt's own slot)."""

    def shown(dialog: PasswordDialog) -> None:
        mark("prompt")

        def submit() -> None:
            mark("submit")
            dialog.password.setText(password)
            dialog.on_open_clicked()

        loader.when_done(submit)

    return shown
