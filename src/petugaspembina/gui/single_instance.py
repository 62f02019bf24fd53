"""One window per database: a second start on a database that is already open in a window says
so instead of asking the password again (two windows would each keep their own view of the same
data and overwrite each other's edits).

The lock is a ``QLockFile`` beside the database (``<database>.window-lock``) held while the window
runs. Only windows take it: the command line's writers and the ``serve`` inbox open the database
alongside a window, which SQLite handles safely. A lock left by a crashed window does not block:
its process is gone, which QLockFile recognises (no age limit: an open window holds it for days).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

SUFFIX = ".window-lock"


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def claim(db_path: Path) -> QLockFile | None:
    """The lock of ``db_path``'s window, held until released (or the process ends); None when
    another running window holds it."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(db_path.resolve())))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(0):
        return lock
    return None
