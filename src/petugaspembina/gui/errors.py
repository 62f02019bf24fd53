"""The one handler for unexpected errors in the window (``sys.excepthook`` and background jobs).

A person gets an Indonesian message saying the action was not completed, with a "Salin rincian"
button that copies what a technician needs (app version, error type, where it happened). The log
gets one line with the error type and location only: an error's text can hold a name or a NIK,
so it is never logged nor copied. Store writes run in one transaction each, so an action that
failed half-way left nothing behind.

Errors the app expects (a refused value, a damaged file, a full disk) are not "unexpected": they
carry their own Indonesian message, ``expected_message`` gives it.
"""

from __future__ import annotations

import errno
import logging
import sys
import traceback
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import __version__
from ..core.private_files import create_private_file, private_folder
from ..documents.pdfout import OutputError
from ..store.errors import StoreError
from ..store.sqlite import sqlite3
from ..sync.errors import BundleRejected

log = logging.getLogger("petugaspembina")
LOG_NAME = "petugaspembina.log"
_OS_ERRORS = {
    errno.ENOSPC: "Disk penuh",
    errno.EACCES: "Tidak ada izin",
    errno.EPERM: "Tidak ada izin",
    errno.ENOENT: "Berkas atau folder tidak ditemukan",
    errno.EROFS: "Media hanya dapat dibaca (flashdisk terkunci?)",
    errno.EIO: "Gagal membaca/menulis media (flashdisk rusak atau dicabut?)",
}


def expected_message(exc: BaseException) -> str | None:
    """The Indonesian message of an error the app expects, or None for an unexpected one."""
    if isinstance(exc, StoreError | BundleRejected | OutputError):
        return str(exc)
    if isinstance(exc, OSError):
        reason = _OS_ERRORS.get(exc.errno or 0)
        name = Path(str(exc.filename)).name if exc.filename else ""
        text = QCoreApplication.translate("errors", "Berkas tidak dapat dibaca atau ditulis")
        return f"{text}{f' ({name})' if name else ''}: {reason or exc.strerror or '-'}."
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.ProgrammingError):
        return QCoreApplication.translate(
            "errors",
            "Basis data tidak dapat dibaca atau ditulis. Coba lagi, atau buka ulang aplikasi.",
        )
    return None


def where(tb: TracebackType | None) -> str:
    """``gui/main_window.py:212 on_x_triggered``: the innermost frame of the app (or the
    innermost of all); file and line only, never values."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    if not frames:
        return "?"
    own = [f for f in frames if "petugaspembina" in f.filename.replace("\\", "/")]
    frame = (own or frames)[-1]
    path = frame.filename.replace("\\", "/")
    short = path.split("petugaspembina/", 1)[-1] if "petugaspembina/" in path else Path(path).name
    return f"{short}:{frame.lineno} {frame.name}"


def detail_text(exc: BaseException) -> str:
    """What "Salin rincian" copies: version, error type and the call path (no values)."""
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [
        f"Petugas Pembina {__version__}",
        f"{type(exc).__module__}.{type(exc).__qualname__}",
        *(
            f"  {f.filename.replace(chr(92), '/').split('site-packages/')[-1]}:{f.lineno} {f.name}"
            for f in frames
        ),
    ]
    return "\n".join(lines)


def log_unexpected(exc: BaseException) -> None:
    """One log line: type and location, without the error's text (it may hold personal data)."""
    log.error("Kesalahan tak terduga: %s di %s", type(exc).__name__, where(exc.__traceback__))


def report_unexpected(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Log the error and tell the person, with a button that copies the detail. Returns the box
    (already shown, non-blocking) so tests can read it."""
    log_unexpected(exc)
    box = QMessageBox(parent)
    box.setObjectName("unexpected_error")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "Terjadi kesalahan"))
    box.setText(
        QCoreApplication.translate(
            "errors",
            "Terjadi kesalahan yang tidak terduga, dan tindakan tadi tidak diselesaikan. "
            "Data yang sudah tersimpan tetap aman.\n\nCoba lagi. Bila terulang, tekan "
            "“Salin rincian” dan kirimkan ke petugas TI kantor.",
        )
    )
    detail = detail_text(exc)
    copy = box.addButton(
        QCoreApplication.translate("errors", "Salin rincian"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QCoreApplication.translate("errors", "Tutup"), QMessageBox.ButtonRole.AcceptRole)
    copy.clicked.disconnect()  # copying must not close the box
    copy.clicked.connect(lambda: QApplication.clipboard().setText(detail))
    box.setModal(True)
    box.show()
    return box


class _Hook(QObject):
    """Keeps the previous hook and the boxes alive."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[QMessageBox] = []

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if not isinstance(exc, Exception):  # KeyboardInterrupt, SystemExit: not ours to catch
            sys.__excepthook__(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        parent = QApplication.activeWindow()
        message = expected_message(exc)
        if message is not None:  # an expected error that escaped its handler still reads well
            log_unexpected(exc)
            QMessageBox.warning(
                parent, QCoreApplication.translate("errors", "Terjadi kesalahan"), message
            )
            return
        self.boxes = [b for b in self.boxes if b.isVisible()]
        self.boxes.append(report_unexpected(parent, exc))


class _PrivateLog(RotatingFileHandler):
    """The application log, 0600 like every file of the app, also after each rotation."""

    def _open(self) -> TextIOWrapper:
        create_private_file(Path(self.baseFilename))
        return super()._open()


_hook: _Hook | None = None


def install(logs: Path | None = None) -> None:
    """Route every uncaught error in the window to ``report_unexpected`` and log to ``logs``."""
    global _hook
    if logs is not None and not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        try:
            private_folder(logs)
            handler = _PrivateLog(
                logs / LOG_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:
            handler = None
        if handler is not None:
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            log.addHandler(handler)
            log.setLevel(logging.INFO)
    _hook = _Hook()
    sys.excepthook = _hook
