"""The record tables' secondary indexes, set aside during a bulk import and built after it.

Those indexes (people by name and NIK, sign-ins by person, the trigram search…) are keyed by
values that arrive in no order. Importing a million people into them a part at a time touches a
random page for nearly every row, so the cost per version grows with the database; building each
index once at the end is a sort instead (docs/benchmarks.md, P6).

What is set aside is noted in ``meta`` in the transaction that drops it, and each index is built
again in the transaction that clears its note: after a crash mid-import ``Store.open`` finds the
notes and finishes the work, so no index is ever lost. Meanwhile queries stay correct, only slower.
"""

from __future__ import annotations

import sqlite3

from ..core.records import BY_TABLE
from .db import transaction

_NOTE = "deferred-index:"
# The import's own check for sign-ins waiting for their session reads this one each part.
_KEPT = frozenset({"attendance_session"})
# Full-text indexes kept by triggers on a record table: rebuilt from that table in one pass.
_SEARCH_INDEXES = frozenset({"people_fts"})
# Below this, building the indexes again costs more than it saves.
_SMALLEST_BULK = 4 * 1024 * 1024
# Building an index sorts its rows in memory (``temp_store = MEMORY``: nothing personal in
# temporary files), about 0.15 byte per byte of bundle: past this, the import keeps its indexes.
_LARGEST_BULK = 3 * 1024**3


def worth_setting_aside(conn: sqlite3.Connection, incoming_bytes: int) -> bool:
    """True when an import of ``incoming_bytes`` of bundles is large beside the database: its
    rows then cost more to insert one by one than all rows cost to index once afterwards (a
    database holds about three times the bytes of the bundles it was made from)."""
    pages, size = (
        int(conn.execute(f"PRAGMA {p}").fetchone()[0]) for p in ("page_count", "page_size")
    )
    database = pages * size
    return (
        max(_SMALLEST_BULK, database // 2) <= incoming_bytes
        and incoming_bytes + database // 3 <= _LARGEST_BULK
    )


def set_aside(conn: sqlite3.Connection) -> int:
    """Drop the record tables' secondary indexes and search triggers, noting each; how many."""
    with transaction(conn):
        tables = ", ".join("?" * len(BY_TABLE))
        rows = conn.execute(
            f"""SELECT type, name, sql FROM sqlite_master
                WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
                AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({tables})""",
            list(BY_TABLE),
        ).fetchall()
        rows = [row for row in rows if row[1] not in _KEPT]
        for kind, name, sql in rows:
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_NOTE + name, sql)
            )
            conn.execute(f'DROP {kind.upper()} "{name}"')
    return len(rows)


def pending(conn: sqlite3.Connection) -> list[str]:
    """Names of the indexes and triggers set aside and not built yet."""
    rows = conn.execute(
        "SELECT substr(key, ?) FROM meta WHERE key >= ? AND key < ? ORDER BY key",
        (len(_NOTE) + 1, _NOTE, _NOTE[:-1] + chr(ord(_NOTE[-1]) + 1)),
    )
    return [row[0] for row in rows]


def build_again(conn: sqlite3.Connection) -> int:
    """Build every index set aside, each in its own transaction (a crash keeps the rest noted),
    then the search triggers with their full-text index refilled from its table in one pass.
    How many indexes and triggers were built."""
    names = pending(conn)
    for name in sorted(names, key=lambda n: _search_index_of(n) is not None):
        with transaction(conn):
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (_NOTE + name,)).fetchone()
            if row is None:  # another process built it meanwhile
                continue
            if (
                conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
                is None
            ):
                conn.execute(row[0])
            conn.execute("DELETE FROM meta WHERE key = ?", (_NOTE + name,))
            fts = _search_index_of(name)
            if fts is not None and not any(_search_index_of(n) == fts for n in pending(conn)):
                conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
    return len(names)


def _search_index_of(name: str) -> str | None:
    """The full-text index that trigger ``name`` keeps (None: an ordinary index)."""
    return next((fts for fts in _SEARCH_INDEXES if name.startswith(f"{fts}_")), None)
