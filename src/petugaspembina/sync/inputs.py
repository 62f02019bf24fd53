"""Paths a user gives for import: folders opened, and files read safely (bad-inputs row 44).

A folder stands for the bundle files directly inside it (``*.json``, sorted by name, receipts and
hidden files left out): a clerk points at a USB stick and expects every bundle on it imported.
Anything that is not a regular file (a FIFO, a device) is refused before it is opened, so an
import never blocks on it.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..core.oserrors import describe_os_error

BUNDLE_SUFFIX = ".json"
RECEIPT_PREFIX = "tanda-terima-"
PHOTO_PART_PREFIX = "petugaspembina-foto-"  # photo parts (photo_parts.part_file_name)


class UnreadableInput(Exception):
    """A path that was not read; ``code`` is missing, folder, not-a-file or unreadable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def is_bundle_name(name: str) -> bool:
    """Whether a file in a folder looks like a bundle (not a receipt, not a hidden temp file)."""
    return (
        name.lower().endswith(BUNDLE_SUFFIX)
        and not name.startswith(".")
        and not name.startswith(RECEIPT_PREFIX)
    )


def expand_folders(paths: Iterable[Path]) -> list[Path]:
    """Each folder replaced by the bundle files directly inside it, sorted by name.

    Everything else is kept as given (a missing path too), so the import reports each path in
    the order given; a folder with no bundle file, or one that cannot be listed, is kept so
    that its own report says why.
    """
    expanded: list[Path] = []
    for path in paths:
        try:
            entries = sorted(path.iterdir(), key=lambda p: p.name) if path.is_dir() else []
        except OSError:
            entries = []
        files = [entry for entry in entries if is_bundle_name(entry.name) and entry.is_file()]
        expanded.extend(files or [path])
    return expanded


SIDE_FILE_LIMIT = 64 * 1024  # key files and receipts are a few hundred bytes; bundles far more


def side_file_note(data: bytes) -> str | None:
    """What a file the app writes beside bundles on a stick is, when ``data`` is one (an office
    or device key file, an office receipt), recognised by its ``format`` field whatever its
    name: the import skips it with this note instead of refusing it. None for anything else."""
    from .receipts import RECEIPT_FORMAT
    from .trust import DEVICE_KEY_FORMAT, OFFICE_KEY_FORMAT

    if len(data) > SIDE_FILE_LIMIT or b'"format"' not in data:
        return None
    try:
        doc = json.loads(data)
    except ValueError:
        return None
    kind = doc.get("format") if isinstance(doc, dict) else None
    if kind == OFFICE_KEY_FORMAT:
        return (
            "Berkas kunci kantor, bukan bundel: dilewati. Untuk mendaftarkannya di laptop "
            "petugas: tab Sinkronisasi → Perangkat dan kunci…"
        )
    if kind == DEVICE_KEY_FORMAT:
        return (
            "Berkas kunci perangkat petugas, bukan bundel: dilewati. Untuk mendaftarkannya di "
            "kantor: tab Sinkronisasi → Perangkat dan kunci…"
        )
    if kind == RECEIPT_FORMAT:
        return "Tanda terima kantor, bukan bundel: dilewati."
    return None


def regular_file_size(path: Path) -> int:
    """The size of ``path`` when it is a regular file that exists; otherwise UnreadableInput."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UnreadableInput("missing", "Berkas atau folder tidak ada.") from None
    except OSError as exc:
        raise UnreadableInput(
            "unreadable", f"Berkas tidak dapat dibaca: {describe_os_error(exc)}."
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInput("folder", "Ini sebuah folder, bukan berkas.")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableInput(
            "not-a-file", "Bukan berkas biasa (FIFO, perangkat atau soket); tidak dibaca."
        )
    return info.st_size


def read_whole(path: Path) -> bytes:
    """The bytes of a regular file (check it with :func:`regular_file_size` first)."""
    try:
        with open(path, "rb", opener=_no_blocking) as handle:
            return handle.read()
    except OSError as exc:
        raise UnreadableInput(
            "unreadable", f"Berkas tidak dapat dibaca: {describe_os_error(exc)}."
        ) from exc


def _no_blocking(name: str, flags: int) -> int:
    """Open without waiting on a FIFO swapped in after the check (O_NONBLOCK where it exists)."""
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))
