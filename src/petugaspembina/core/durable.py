"""Making a rename durable: after ``os.replace`` the folder entry itself must reach the disk."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def fsync_folder(folder: Path) -> None:
    """fsync ``folder`` where the platform allows it (POSIX; some file systems, such as a USB
    stick's FAT, refuse it and are left as they are). Windows has no folder fsync."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
