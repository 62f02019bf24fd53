"""Opening the SQLite file: start-up checks, pragmas of sync.md "Storage rules", transactions.

Every connection of the app to a database file is made here (``open_file``), with the database
key unlocked in ``vault``: a file cannot be opened, even read-only, without it. In-memory
databases have no key.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import vault
from .errors import CorruptDatabase, DatabaseBusy, NewerDatabase, StoreError
from .sqlite import sqlite3

BUSY_TIMEOUT_MS = 5000


def open_file(
    path: Path | str,
    key: bytes | None,
    *,
    readonly: bool = False,
    autocommit: bool = False,
) -> sqlite3.Connection:
    """A connection to ``path`` keyed with ``key`` (None: a plain, unencrypted file — only the
    conversion of an old database reads one). The key is applied before anything is read."""
    target = f"file:{Path(path).as_posix()}?mode=ro" if readonly else str(path)
    conn = sqlite3.connect(
        target,
        uri=readonly,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None if autocommit else "DEFERRED",
    )
    if key is not None:
        conn.execute(f"PRAGMA key = {vault.sqlcipher_key(key)}")
    return conn


def _key(path: Path) -> bytes:
    """The unlocked key of ``path`` (or one from ``PETUGASPEMBINA_PASSWORD``; else PasswordNeeded)."""
    return vault.key_for(path) or vault.ensure_unlocked(path)


def check_file(path: Path, known_version: int, *, full: bool = True) -> None:
    """Refuse a damaged file or one from a newer app, before anything writes to it.

    Opens read-only so that a failed check leaves every byte as it was (bad-inputs rows 35-36).
    ``full=False`` reads only the header and schema (milliseconds); the window then runs the
    full ``quick_check`` in the background, because on a large database it reads every page
    (0.9 s at 100,000 people).
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        conn = open_file(path, _key(path), readonly=True)
    except sqlite3.Error as exc:
        raise CorruptDatabase(
            f"Berkas basis data tidak dapat dibuka: {path.name} ({exc})."
        ) from exc
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        result = conn.execute("PRAGMA quick_check").fetchone()[0] if full else "ok"
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseBusy("Basis data sedang dipakai program lain. Coba lagi.") from exc
        raise CorruptDatabase(
            f"Berkas {path.name} rusak atau bukan basis data Petugas Pembina ({exc})."
        ) from exc
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) and not vault.is_plain(path):
            raise CorruptDatabase(
                f"Berkas {path.name} tidak dapat dibaca dengan kunci ini: rusak, atau berkas "
                f"kunci {vault.key_file(path).name} milik basis data lain."
            ) from exc
        raise CorruptDatabase(
            f"Berkas {path.name} rusak atau bukan basis data Petugas Pembina ({exc})."
        ) from exc
    finally:
        conn.close()
    if result != "ok":
        raise CorruptDatabase(f"Pemeriksaan basis data {path.name} gagal: {result}.")
    if version > known_version:
        raise NewerDatabase(
            f"Basis data {path.name} dibuat oleh versi aplikasi yang lebih baru "
            f"(skema {version}, aplikasi ini mengenal sampai {known_version}). "
            "Perbarui aplikasi ini; berkas tidak diubah."
        )


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) with the storage pragmas set."""
    memory = str(path) == ":memory:"
    conn = open_file(path, None if memory else _key(Path(path)), autocommit=True)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not memory:
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: NORMAL can lose the last commit on power loss, and officers' laptops do lose power.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = OFF")
    # Freed space is overwritten with zeros: an erased person's values do not linger in free
    # pages. Upstream SQLite's default is off; some builds turn it on, so it is never left to them.
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    # 64 MiB of page cache: a large import then writes its pages once instead of spilling.
    conn.execute("PRAGMA cache_size = -65536")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One user action = one ``BEGIN IMMEDIATE`` transaction; nested calls become savepoints."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT nested")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO SAVEPOINT nested")
            conn.execute("RELEASE SAVEPOINT nested")
            raise
        conn.execute("RELEASE SAVEPOINT nested")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise DatabaseBusy("Basis data sedang dipakai program lain. Coba lagi.") from exc
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"Penyimpanan gagal dan dibatalkan: {exc}.") from exc


def quick_check(path: Path) -> str:
    """``PRAGMA quick_check`` through a read-only connection: "ok", or what is damaged."""
    try:
        conn = open_file(path, _key(path), readonly=True)
        try:
            return str(conn.execute("PRAGMA quick_check").fetchone()[0])
        finally:
            conn.close()
    except (sqlite3.DatabaseError, vault.VaultError) as exc:
        return str(exc)


def checkpoint_truncate(conn: sqlite3.Connection) -> bool:
    """Copy the WAL into the database file and empty it (``wal_checkpoint(TRUNCATE)``).

    True when it completed; False when another connection's open read kept it from finishing
    (the rest is copied at that connection's next checkpoint or when the last one closes).
    """
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        return True
    busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return bool(busy == 0)
