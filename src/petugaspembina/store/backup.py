"""Backups through SQLite's backup API, checked and rotated; restore that never overwrites a damaged file."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..core.private_files import create_private_file, private_folder
from . import vault
from .db import open_file, transaction
from .errors import StoreError
from .sqlite import sqlite3

KEEP = 10
_PREFIX = "cadangan-"
_SUFFIX = ".sqlite3"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file and when it was taken."""

    path: Path
    taken_at: datetime
    reason: str


def backup(conn: sqlite3.Connection, folder: Path, reason: str, keep: int = KEEP) -> Path:
    """Copy the open database to ``folder``, verify the copy, keep the newest ``keep`` backups.

    The name holds only a timestamp and the reason (no personal data in file names).
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    safe_reason = "".join(ch for ch in reason if ch.isalnum() or ch == "-")[:30] or "manual"
    final = folder / f"{_PREFIX}{stamp}-{safe_reason}{_SUFFIX}"
    partial = final.with_suffix(".partial")
    try:
        private_folder(folder)
        create_private_file(partial)  # a backup holds everything the database holds: 0600
        target = open_file(partial, _key_of(conn))
        try:
            conn.backup(target)
            result = target.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            target.close()
        if result != "ok":
            raise StoreError(f"Cadangan gagal diperiksa: {result}.")
        _fsync(partial)
        os.replace(partial, final)
    except (sqlite3.Error, OSError) as exc:
        # Disk full, folder not writable…: no half-written copy is left behind.
        partial.unlink(missing_ok=True)
        raise StoreError(f"Cadangan tidak dapat dibuat ({_why(exc)}).") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    # Rotation within one reason only: a burst of imports can never push out the daily or a
    # manual backup (and the other way round).
    same_reason = [b for b in list_backups(folder) if b.reason == safe_reason]
    for old in same_reason[keep:]:
        old.path.unlink(missing_ok=True)
    return final


def _key_of(conn: sqlite3.Connection) -> bytes | None:
    """The key of the database ``conn`` has open (a backup is encrypted with the same key)."""
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return vault.key_for(Path(file)) if file else None
    return None


AFTER_ERASURE = "setelah-hapus"


@dataclass(frozen=True, slots=True)
class BackupPurge:
    """What ``replace_backups`` did: older backups removed, the fresh one, what went wrong."""

    removed: int
    fresh: Path | None
    left: int = 0  # older backups that could not be removed
    error: str | None = None


def replace_backups(conn: sqlite3.Connection, folder: Path) -> BackupPurge:
    """After an erasure: remove every older backup of this database (each still holds the erased
    person) and keep one fresh backup of the erased database, verified like any other.

    Only backups of this database (the same device id inside) are removed: the folder may also
    hold backups of another database opened on this laptop. Backups are encrypted with their
    database's key: one this key cannot open belongs to another database (or is damaged beyond
    reading) and is left as it is. The fresh backup is made first; when
    that fails for lack of space, it is tried again once the older ones are gone. Older backups
    are removed even when no fresh one can be made: the law asks for the erasure, and the error
    says that a backup is due.
    """
    device = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
    key = _key_of(conn)
    older: list[Path] = []
    if folder.is_dir():
        older = [
            b.path for b in list_backups(folder) if _device_of(b.path, key) == device[0]
        ] + sorted(folder.glob("*.partial"))
    fresh: Path | None = None
    error: str | None = None
    try:
        fresh = backup(conn, folder, AFTER_ERASURE)
    except StoreError as exc:
        error = str(exc)
    removed = left = 0
    for path in older:
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            continue
        except OSError:
            left += 1
    if fresh is None:
        try:
            fresh = backup(conn, folder, AFTER_ERASURE)
            error = None
        except StoreError as exc:
            error = str(exc)
    return BackupPurge(removed, fresh, left, error)


def _device_of(path: Path, key: bytes | None) -> str | None:
    """The device id stored in a backup, or None when it cannot be read with ``key``."""
    try:
        conn = open_file(path, key, readonly=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


_STATE_KEY = "backup_state:sebelum-impor"


def _state(conn: sqlite3.Connection) -> str:
    """What changes with every stored edit or import: newest field version and audit entry."""
    row = conn.execute(
        "SELECT (SELECT coalesce(max(seq), 0) FROM fc), (SELECT coalesce(max(id), 0) FROM audit)"
    ).fetchone()
    return f"{row[0]}:{row[1]}"


def backup_before_import(conn: sqlite3.Connection, folder: Path) -> Path | None:
    """The backup taken before an import, or None when the newest one already holds this state.

    Refused (junk or forged) imports change nothing, so they take no new backup: eleven of them in
    a row no longer rotate out every earlier copy.
    """
    state = _state(conn)
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_STATE_KEY,)).fetchone()
    newest = next((b for b in list_backups(folder) if b.reason == "sebelum-impor"), None)
    if row is not None and row[0] == state and newest is not None:
        return None
    path = backup(conn, folder, "sebelum-impor")
    with transaction(conn):
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (_STATE_KEY, state),
        )
    return path


def _why(exc: BaseException) -> str:
    text = str(exc).lower()
    if getattr(exc, "errno", None) == 28 or "full" in text:
        return "disk penuh"
    if isinstance(exc, PermissionError) or "readonly" in text or "permission" in text:
        return "folder cadangan tidak dapat ditulis"
    return str(exc)


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first."""
    found = []
    for path in folder.glob(f"{_PREFIX}*{_SUFFIX}"):
        stem = path.name[len(_PREFIX) : -len(_SUFFIX)]
        stamp, _, reason = stem.partition("-")
        try:
            taken = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(BackupInfo(path, taken, reason))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def is_good(path: Path) -> bool:
    """True when the file opens read-only with a key unlocked in this process and passes
    ``quick_check`` (a plain backup of an older version is not good: it is to be converted)."""
    for key in vault.known_keys():
        try:
            conn = open_file(path, key, readonly=True)
            try:
                return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
            finally:
                conn.close()
        except sqlite3.Error:
            continue
    return False


def newest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup that passes its check, or None."""
    return next((b for b in list_backups(folder) if is_good(b.path)), None)


def restore(source: Path, database: Path) -> Path | None:
    """Put a backup in place of ``database``; the file it replaces is kept aside, never overwritten.

    Returns the path the replaced file was moved to (None if there was none).
    """
    if not is_good(source):
        raise StoreError(f"Cadangan {source.name} rusak; pilih cadangan lain.")
    kept = None
    if database.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = database.with_name(f"{database.name}.rusak-{stamp}")
        os.replace(database, kept)
        for extra in ("-wal", "-shm"):
            side = database.with_name(database.name + extra)
            if side.exists():
                os.replace(side, kept.with_name(kept.name + extra))
    partial = database.with_name(database.name + ".restoring")
    shutil.copyfile(source, create_private_file(partial))
    _fsync(partial)
    os.replace(partial, database)
    return kept
