"""The Store: one open database with its device identity and clock; every write is field versions."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from ..core.changes import Change
from ..core.hlc import Hlc, HybridClock, clock_behind
from ..core.ids import new_device_id, new_record_id
from ..core.private_files import create_private_file, make_private, private_folder
from ..core.records import DELETED, ERASED, SCHEMA, Record, record_from_row
from ..core.text import clean_text
from . import deferred_indexes, vault
from .audit import record_audit
from .db import check_file, connect, transaction
from .errors import InvalidInput, NotFound, StoreError
from .photo_blobs import PHOTOS, forget_erased, photo_hashes
from .schema_version import SCHEMA_VERSION
from .sqlite import sqlite3
from .versions import ApplyResult, apply_changes, current_leaves, records_at_several_hlcs

R = TypeVar("R", bound=Record)
OFFICE_DESTINATION = "kantor"  # where bundles go unless told otherwise (the office)


@dataclass(frozen=True, slots=True)
class Edit:
    """One record's new values, for ``Store.write_many``.

    ``id`` None creates a record with a fresh id; ``new=True`` creates one with the given id.
    """

    table: str
    values: dict[str, Any]
    id: str | None = None
    new: bool = False

    @property
    def creates(self) -> bool:
        """True when this edit makes a new record."""
        return self.id is None or self.new


_MIGRATED: sqlite3.Connection | None = None
_MIGRATED_LOCK = threading.Lock()


def _copy_migrated(conn: sqlite3.Connection) -> None:
    """Give a new in-memory database its schema by copying one migrated once per process: the
    property tests open thousands of them, and running every migration cost ~50 ms each."""
    global _MIGRATED
    with _MIGRATED_LOCK:
        if _MIGRATED is None:
            from .migrations import migrate

            template = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            migrate(template)
            _MIGRATED = template
        _MIGRATED.backup(conn)


def _keep_private(file: Path, *, create: bool = True) -> None:
    """The database file 0600 from its creation on (docs/security.md); a file this user may not
    change (another owner, read-only media) is left as it is and opens as before."""
    try:
        if create and not file.exists():
            create_private_file(file)
        else:
            make_private(file)
    except OSError:
        pass


def utc_now_iso() -> str:
    """Now in UTC, ISO 8601 with seconds."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """An open database. Not thread-safe: each thread (worker) opens its own Store on the path."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self.wall_millis: Callable[[], int] = lambda: int(time.time() * 1000)
        self.device_id = self._meta("device_id") or ""
        last = self._meta("hlc")
        self.clock = HybridClock(self.device_id, Hlc.parse(last) if last else None)

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, full_check: bool = True) -> Store:
        """Open (creating if needed) a database file: check it, migrate it, load its identity.

        ``full_check=False`` skips the page-by-page ``quick_check`` (the window runs it in the
        background); the header, schema and version checks always run.

        The database key must be unlocked (``vault.unlock``) or come from
        ``PETUGASPEMBINA_PASSWORD``; a plain database of an older version is encrypted first.

        Raises:
            PasswordNeeded, WrongPassword: no key, or the password in the environment is wrong.
            CorruptDatabase: the file failed ``quick_check`` (it is left untouched).
            NewerDatabase: a newer app made it.
        """
        file = Path(path)
        if str(path) != ":memory:":
            if not file.parent.exists():
                private_folder(file.parent)  # a folder made for the database: 0700
            vault.ensure_unlocked(file)
            from .conversion import encrypt_plain_database, finish_leftovers

            if vault.is_plain(file):
                encrypt_plain_database(file)
            else:
                finish_leftovers(file)
            _keep_private(file)
            check_file(file, SCHEMA_VERSION, full=full_check)
        conn = connect(file if str(path) != ":memory:" else ":memory:")
        if str(path) != ":memory:":
            for side in ("-wal", "-shm"):  # SQLite gives new ones the database's mode
                _keep_private(file.with_name(file.name + side), create=False)
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            if str(path) == ":memory:":
                _copy_migrated(conn)
            else:
                from .migrations import migrate

                migrate(conn)
        if deferred_indexes.pending(conn):  # an import ended before building them (a crash)
            # Busy (another program importing) or out of memory: open anyway, correct but
            # slower, and try again at the next start.
            with suppress(sqlite3.Error, StoreError):
                deferred_indexes.build_again(conn)
        store = cls(conn, None if str(path) == ":memory:" else file)
        if not store.device_id:
            store._create_identity()
        return store

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _create_identity(self) -> None:
        with transaction(self.conn):
            self.device_id = new_device_id()
            self._set_meta("device_id", self.device_id)
            self._set_meta("created_at", utc_now_iso())
            self.clock = HybridClock(self.device_id)
            record_audit(self.conn, "device-created", source="local")

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """A local (non-synced) setting stored in the database."""
        value = self._meta(f"setting:{key}")
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        """Store a local setting."""
        with transaction(self.conn):
            self._set_meta(f"setting:{key}", value)

    # -- clock ---------------------------------------------------------------------------------
    def next_hlc(self) -> str:
        """A new HLC, persisted with the transaction that uses it.

        The stored clock is read inside the write transaction first: another process on the same
        database (the window and a CLI import) may have advanced it since this Store last wrote.
        """
        self._catch_up_clock()
        issued = str(self.clock.tick(self.wall_millis()))
        self._set_meta("hlc", issued)
        return issued

    def clock_behind(self) -> timedelta | None:
        """How far the laptop's clock is behind the newest time this database has seen, when
        it is more than a few minutes (the clock was set back); None otherwise."""
        return clock_behind(self.clock.last, self.wall_millis())

    def observe_hlc(self, hlc: str) -> None:
        """Advance the clock past an imported HLC (inside the import's transaction)."""
        self._catch_up_clock()
        self.clock.observe(Hlc.parse(hlc))
        if self.clock.last is not None:
            self._set_meta("hlc", str(self.clock.last))

    def _catch_up_clock(self) -> None:
        stored = self._meta("hlc")
        if stored and (self.clock.last is None or stored > str(self.clock.last)):
            self.clock.observe(Hlc.parse(stored))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action = one transaction (``BEGIN IMMEDIATE``)."""
        with transaction(self.conn) as conn:
            yield conn

    # -- writing -------------------------------------------------------------------------------
    def write(self, table: str, values: dict[str, Any], record_id: str | None = None) -> str:
        """Create (no id) or edit one record; returns its id. One transaction."""
        return self.write_many([Edit(table, values, record_id)])[0]

    def write_many(self, edits: Sequence[Edit]) -> list[str]:
        """Write several records as one user action: all or nothing, one HLC each."""
        ids = []
        with transaction(self.conn):
            changes = []
            for edit in edits:
                rid = edit.id or new_record_id()
                values = self._validated(edit.table, edit.values)
                if edit.creates:
                    # A new record has no history: absent fields need no "cleared" version.
                    values = {name: v for name, v in values.items() if v is not None}
                    if edit.new and self._exists(edit.table, rid):
                        raise InvalidInput(f"Rekaman {rid} sudah ada.")
                elif not self._exists(edit.table, rid, visible=True):
                    raise NotFound(f"Rekaman {rid} tidak ditemukan atau sudah dihapus.")
                changes.append(self._local_change(edit.table, rid, values))
                ids.append(rid)
            self._apply_local(changes, edits)
        return ids

    def delete(self, table: str, record_id: str) -> None:
        """Hide a record everywhere: a ``_deleted = true`` version based on the current leaves."""
        self._write_pseudo(table, record_id, {DELETED: True}, "delete")

    def undelete(self, table: str, record_id: str) -> None:
        """Bring a deleted record back: ``_deleted = false`` whose base covers the delete."""
        self._write_pseudo(table, record_id, {DELETED: False}, "undelete")

    def erase(self, targets: Iterable[tuple[str, str]]) -> None:
        """Erase records (UU PDP): delete + ``_erased``; every stored value is blanked, history too."""
        targets = list(targets)
        with transaction(self.conn):
            hashes = photo_hashes(self.conn, [rid for table, rid in targets if table == PHOTOS])
            changes = [
                self._local_change(table, rid, {DELETED: True, ERASED: True})
                for table, rid in targets
            ]
            self._apply_local(changes, "erase")
            forget_erased(self.conn, hashes)

    def _write_pseudo(
        self, table: str, record_id: str, values: dict[str, Any], action: str
    ) -> None:
        with transaction(self.conn):
            erased = self.conn.execute(
                "SELECT 1 FROM erased WHERE tbl = ? AND rid = ?", (table, record_id)
            ).fetchone()
            if erased or not self._exists(table, record_id):
                raise NotFound(f"Rekaman {record_id} tidak ditemukan.")
            self._apply_local([self._local_change(table, record_id, values)], action)

    def _local_change(self, table: str, rid: str, values: dict[str, Any]) -> Change:
        leaves = current_leaves(self.conn, table, rid)
        base = {name: leaves[name] for name in values if name in leaves}
        return Change(table, rid, self.next_hlc(), values, base)

    def _apply_local(self, changes: list[Change], action: str | Sequence[Edit]) -> ApplyResult:
        result = apply_changes(self.conn, changes)
        for index, change in enumerate(changes):
            if isinstance(action, str):
                name = action
            else:
                name = "create" if action[index].creates else "update"
            record_audit(
                self.conn,
                name,
                hlc=change.hlc,
                table=change.table,
                record_id=change.id,
                detail=",".join(sorted(change.values)),
                source="local",
            )
        return result

    def apply_changes(self, changes: Iterable[Change]) -> ApplyResult:
        """The import path: merge changes made elsewhere (call inside ``transaction``)."""
        changes = list(changes)
        erased_photos = [
            c.id for c in changes if c.table == PHOTOS and c.values.get(ERASED) is True
        ]
        hashes: set[str] = set()
        if erased_photos:  # the hashes, from here and from this batch, before they are blanked
            hashes = photo_hashes(self.conn, erased_photos)
            gone = set(erased_photos)
            hashes.update(
                c.values["sha256"]
                for c in changes
                if c.table == PHOTOS and c.id in gone and isinstance(c.values.get("sha256"), str)
            )
        result = apply_changes(self.conn, changes, records_at_several_hlcs(changes))
        if hashes:
            forget_erased(self.conn, hashes)
        if result.max_hlc:
            self.observe_hlc(result.max_hlc)
        return result

    def _validated(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        kinds = SCHEMA.get(table)
        if kinds is None:
            raise InvalidInput(f"Tabel {table} tidak dikenal.")
        out: dict[str, Any] = {}
        for name, value in values.items():
            kind = kinds.get(name)
            if kind is None or name in (DELETED, ERASED):
                raise InvalidInput(f"Kolom {name} tidak dikenal.", name)
            if isinstance(value, str):
                value = clean_text(value, multiline=kind.multiline) or None
            problem = kind.problem(value)
            if problem:
                raise InvalidInput(f"{name}: {problem}.", name)
            out[name] = value
        return out

    def _exists(self, table: str, rid: str, *, visible: bool = False) -> bool:
        """Whether the record has a current row (``visible``: and is neither deleted nor erased)."""
        condition = " AND deleted = 0" if visible else ""
        sql = f'SELECT 1 FROM "{table}" WHERE id = ?{condition}'
        return self.conn.execute(sql, (rid,)).fetchone() is not None

    # -- reading -------------------------------------------------------------------------------
    def get(self, record_type: type[R], record_id: str, *, include_deleted: bool = False) -> R:
        """One record as its dataclass.

        Raises:
            NotFound: no such record, or it is deleted (unless ``include_deleted``).
        """
        row = self.conn.execute(
            f'SELECT * FROM "{record_type.TABLE}" WHERE id = ?', (record_id,)
        ).fetchone()
        if row is None or (row["deleted"] and not include_deleted):
            raise NotFound(f"{record_type.LABEL} tidak ditemukan.")
        record = record_from_row(record_type, dict(row))
        assert isinstance(record, record_type)
        return record

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query and return plain dicts (for store query modules)."""
        return [dict(row) for row in self.conn.execute(sql, params)]

    def unsent_records(self, destination: str = OFFICE_DESTINATION) -> int:
        """Records (not field versions) changed or received since the last export to
        ``destination`` (the office by default): what the next bundle would carry."""
        since = self.conn.execute(
            "SELECT coalesce(max(up_to), 0) FROM exports WHERE destination = ? "
            "AND withdrawn_at IS NULL",
            (destination,),
        ).fetchone()[0]
        if not since:  # never sent: every record, one current-state row each (8 ms at 100k)
            return sum(
                int(self.conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
                for table in SCHEMA
            )
        # Only the versions after the last export, by arrival counter (the rowid), not a walk
        # of the whole (tbl, rid, …) index: the cost follows what is unsent.
        return int(
            self.conn.execute(
                "SELECT count(*) FROM (SELECT DISTINCT tbl, rid FROM fc NOT INDEXED WHERE seq > ?)",
                (since,),
            ).fetchone()[0]
        )

    def version_count(self) -> int:
        """Number of stored field versions."""
        return int(self.conn.execute("SELECT coalesce(sum(n), 0) FROM fc").fetchone()[0])

    def meta(self, key: str) -> str | None:
        """A value of the device's metadata (device_id, created_at, officer_id, …)."""
        return self._meta(key)

    def set_meta(self, key: str, value: str) -> None:
        """Set a metadata value in its own transaction."""
        with transaction(self.conn):
            self._set_meta(key, value)

    def audit_entries(self, limit: int = 100) -> list[dict[str, Any]]:
        """Newest audit entries first."""
        return self.rows("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))

    def json_field(self, value: str | None) -> Any:
        """Decode a JSON column value (lists in current-state tables)."""
        return json.loads(value) if value else None
