"""Opening the SQLite file: start-up checks, pragmas of sync.md "Storage rules", transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import CorruptDatabase, DatabaseBusy, NewerDatabase, StoreError

BUSY_TIMEOUT_MS = 5000


def check_file(path: Path, known_version: int, *, full: bool = True) -> None:
    """Refuse a damaged file or one from a newer app, before anything writes to it.

    Opens read-only so that a failed check leaves every byte as it was (bad-inputs rows 35-36).
    ``full=False`` reads only the header and schema (milliseconds); the window then runs the
    full ``quick_check`` in the background, because on a large database it reads every page
    (0.9 s at 100,000 people).
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    uri = f"file:{path.as_posix()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
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
    conn = sqlite3.connect(
        str(path),
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=True,
    )
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if str(path) != ":memory:":
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
        conn = sqlite3.connect(
            f"file:{path.as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            return str(conn.execute("PRAGMA quick_check").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
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
