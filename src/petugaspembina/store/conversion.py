"""Converting a plain database of an older version into an encrypted one, in place and safely.

``encrypt_plain_database(database, backups=…, progress=…)``, with the key already made
(``vault.set_up``):

1. the plain file is checked (``quick_check``); a damaged one is left as it is;
2. hard links keep its WAL and shared-memory files reachable (``.polos-wal``/``.polos-shm``) so
   that they can be overwritten later, then the WAL is checkpointed into the file;
3. ``sqlcipher_export`` writes an encrypted copy (``<database>.enkripsi``), which is checked
   (``integrity_check``, the row count of every table, the schema version) and fsynced;
4. a backup of the encrypted copy goes to the backups folder;
5. a hard link ``<database>.polos`` keeps the plain file reachable, and the encrypted copy
   replaces the database in one ``os.replace`` (atomic);
6. the plain file, WAL and shm are overwritten with zeros, fsynced and removed.

A kill at any point leaves a database that opens (plain before step 5, encrypted after) with
nothing lost; ``finish_leftovers`` (run first on every conversion and on every open) removes a
half-made copy and completes step 6. On SSDs and journaling or copy-on-write file systems an
overwrite does not reach every copy the drive keeps (docs/security.md).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from ..core.durable import fsync_folder
from . import vault
from .db import open_file
from .errors import CorruptDatabase, StoreError
from .sqlite import sqlite3

Progress = Callable[[float, str], None]
COPY = ".enkripsi"
OLD = ".polos"


def _side(database: Path, suffix: str) -> Path:
    return database.with_name(database.name + suffix)


def shred(path: Path) -> None:
    """Overwrite ``path`` with zeros, fsync, remove (best effort on SSDs, see the module text)."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            block = bytes(1 << 20)
            written = 0
            while written < size:
                written += handle.write(block[: min(len(block), size - written)])
            handle.flush()
            os.fsync(handle.fileno())
    except FileNotFoundError:
        return
    path.unlink(missing_ok=True)


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def finish_leftovers(database: Path) -> None:
    """Tidy what an interrupted conversion left: a half-made copy is removed; a link to the old
    plain file (or its WAL) is overwritten and removed unless it is still the live file."""
    for extra in ("", "-wal", "-shm", "-journal"):
        _side(database, COPY + extra).unlink(missing_ok=True)
    for extra in ("", "-wal", "-shm"):
        link = _side(database, OLD + extra)
        if not link.exists():
            continue
        if _same(link, _side(database, extra)):
            link.unlink()  # still the live file: only the extra name goes
        else:
            shred(link)


def _link(source: Path, name: Path) -> None:
    name.unlink(missing_ok=True)
    if source.exists():
        # No hard links (FAT, some network shares): the old file is then only unlinked.
        with contextlib.suppress(OSError):
            os.link(source, name)


def _counts(conn: sqlite3.Connection, schema: str) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        name: conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]
        for name in names
    }


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
    fsync_folder(path.parent)


def export_encrypted(
    plain: sqlite3.Connection,
    target: Path,
    key: bytes,
    size: int,
    progress: Progress,
    start: float,
    end: float,
) -> None:
    """Write an encrypted copy of the open plain database ``plain`` to ``target`` and verify it:
    integrity, every table's row count and the schema version equal the source's."""
    for extra in ("", "-wal", "-shm", "-journal"):
        _side(target, extra).unlink(missing_ok=True)
    version = plain.execute("PRAGMA main.user_version").fetchone()[0]
    plain.execute(f"ATTACH DATABASE ? AS enc KEY {vault.sqlcipher_key(key)}", (str(target),))
    try:

        def tick() -> int:
            try:
                done = target.stat().st_size / max(size, 1)
            except OSError:
                done = 0.0
            progress(start + (end - start) * min(done, 1.0) * 0.9, "Mengenkripsi data…")
            return 0

        plain.set_progress_handler(tick, 200_000)
        try:
            plain.execute("SELECT sqlcipher_export('enc')")
        finally:
            plain.set_progress_handler(None, 0)
        plain.execute(f"PRAGMA enc.user_version = {int(version)}")
        progress(start + (end - start) * 0.92, "Memeriksa salinan terenkripsi…")
        before = _counts(plain, "main")
    finally:
        plain.execute("DETACH DATABASE enc")
    copy = open_file(target, key)
    try:
        result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        after = _counts(copy, "main")
        copied_version = copy.execute("PRAGMA user_version").fetchone()[0]
    finally:
        copy.close()
    if result != "ok" or after != before or copied_version != version:
        target.unlink(missing_ok=True)
        raise StoreError(
            "Salinan terenkripsi tidak sama dengan basis data lama; basis data lama tidak diubah."
        )
    _fsync(target)
    progress(end, "Salinan terenkripsi diperiksa.")


def encrypt_plain_database(
    database: Path, *, backups: Path | None = None, progress: Progress | None = None
) -> bool:
    """Convert ``database`` in place if it is plain; True when it did. Needs the key unlocked."""
    report = progress or (lambda fraction, step: None)
    finish_leftovers(database)
    if not vault.is_plain(database):
        return False
    key = vault.key_for(database)
    if key is None:
        raise vault.PasswordNeeded("Kata sandi diperlukan untuk mengenkripsi basis data lama.")
    report(0.0, "Memeriksa basis data lama…")
    for extra in ("-wal", "-shm"):  # keep the plain WAL reachable for overwriting (step 6)
        _link(_side(database, extra), _side(database, OLD + extra))
    plain = open_file(database, None, autocommit=True)
    try:
        checked = plain.execute("PRAGMA quick_check").fetchone()[0]
        if checked != "ok":
            raise CorruptDatabase(f"Basis data lama {database.name} rusak: {checked}.")
        plain.execute("PRAGMA wal_checkpoint(FULL)")
        report(0.05, "Mengenkripsi data…")
        copy = _side(database, COPY)
        export_encrypted(plain, copy, key, database.stat().st_size, report, 0.05, 0.85)
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabase(
            f"Basis data lama {database.name} tidak dapat dibaca ({exc})."
        ) from exc
    finally:
        plain.close()  # the last connection: SQLite checkpoints and removes the plain WAL
    if backups is not None:
        report(0.88, "Membuat cadangan…")
        from .backup import backup

        vault.remember(copy, key)
        conn = open_file(copy, key)
        try:
            backup(conn, backups, "sebelum-enkripsi")
        finally:
            conn.close()
            vault.forget(copy)
    report(0.95, "Mengganti berkas…")
    _link(database, _side(database, OLD))
    os.replace(copy, database)
    _fsync(database)
    report(0.97, "Menghapus berkas lama…")
    finish_leftovers(database)
    report(1.0, "Selesai.")
    return True


def encrypt_old_copies(backups: Path, quarantine: Path, key: bytes) -> int:
    """Encrypt the plain backups and quarantined bundles an older version left (each: a verified
    encrypted copy, a swap, the plain file overwritten); returns how many files."""
    from .quarantine import encrypt_quarantined

    count = 0
    for path in sorted(backups.glob("*.sqlite3")) if backups.is_dir() else []:
        if not vault.is_plain(path):
            continue
        copy = _side(path, COPY)
        plain = open_file(path, None, autocommit=True)
        try:
            export_encrypted(plain, copy, key, path.stat().st_size, lambda f, s: None, 0.0, 1.0)
        finally:
            plain.close()
        _link(path, _side(path, OLD))
        os.replace(copy, path)
        _fsync(path)
        finish_leftovers(path)
        count += 1
    return count + encrypt_quarantined(quarantine, key)
