"""Files only their owner may read: 0600 files and 0700 folders on POSIX (docs/security.md).

Windows has no such modes: there the data lives in the per-user AppData folder, whose access list
already admits only the user (with SYSTEM and Administrators); these functions change nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
POSIX = os.name == "posix"


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) readable by its owner only; tighten it if it exists.

    Parents that already exist are left as they are (they may be the user's own folders).
    """
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if POSIX:
        os.chmod(folder, FOLDER_MODE)
    return folder


def make_private(path: Path) -> None:
    """Tighten an existing file (0600) or folder (0700); a missing path or a symlink is left."""
    if not POSIX or path.is_symlink() or not path.exists():
        return
    os.chmod(path, FOLDER_MODE if path.is_dir() else FILE_MODE)


def create_private_file(path: Path) -> Path:
    """Make ``path`` exist as a 0600 file before anything writes to it (SQLite then gives its
    -wal and -shm the same mode); an existing file is tightened, its content kept."""
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(descriptor)
    make_private(path)
    return path


def write_private_text(path: Path, text: str) -> None:
    """Write a small text file that is 0600 from the start."""
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(text)
    make_private(path)


def tighten_tree(folder: Path) -> int:
    """Tighten ``folder`` and everything below it (files 0600, folders 0700); returns how many
    modes changed. Symlinks are not followed. Fixes what older versions left at 0644/0755."""
    if not POSIX or not folder.is_dir() or folder.is_symlink():
        return 0
    changed = 0
    for root, dirs, names in os.walk(folder):
        base = Path(root)
        for name, mode in [(d, FOLDER_MODE) for d in dirs] + [(n, FILE_MODE) for n in names]:
            path = base / name
            try:
                if path.is_symlink():
                    continue
                if path.stat().st_mode & 0o777 != mode:
                    os.chmod(path, mode)
                    changed += 1
            except OSError:
                continue  # vanished meanwhile, or not ours: nothing to tighten
    if folder.stat().st_mode & 0o777 != FOLDER_MODE:
        os.chmod(folder, FOLDER_MODE)
        changed += 1
    return changed
