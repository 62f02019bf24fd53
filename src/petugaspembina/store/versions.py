"""The merge engine: add field versions, recompute leaves and winners, rebuild current rows.

Local edits and imported bundles both come through ``apply_rows``; state depends only on the set of
field versions, which is what makes imports idempotent and order-independent (sync.md "Merge").
All the work is set-based SQL so a bundle of a million versions merges in seconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ..core.records import DELETED, ERASED, SCHEMA
from .errors import IntegrityConflict

Row = tuple[str, str, str, str, str, str]  # table, id, field, hlc, value JSON, base JSON
_KEEP_ON_ERASE = f"('{DELETED}', '{ERASED}')"


@dataclass(slots=True)
class ApplyResult:
    """What one batch of field versions did to the database."""

    new_versions: int = 0
    already_present: int = 0
    new_records: dict[str, int] = field(default_factory=dict)
    changed_records: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    max_hlc: str | None = None
    erased: int = 0


_TEMP_TABLES = (
    """CREATE TEMP TABLE IF NOT EXISTS incoming (
        tbl TEXT, rid TEXT, field TEXT, hlc TEXT, value TEXT, base TEXT)""",
    """CREATE TEMP TABLE IF NOT EXISTS new_erased (tbl TEXT, rid TEXT,
        PRIMARY KEY (tbl, rid)) WITHOUT ROWID""",
    """CREATE TEMP TABLE IF NOT EXISTS touched (tbl TEXT, rid TEXT, field TEXT,
        PRIMARY KEY (tbl, rid, field)) WITHOUT ROWID""",
    """CREATE TEMP TABLE IF NOT EXISTS touched_records (tbl TEXT, rid TEXT, existed INTEGER,
        PRIMARY KEY (tbl, rid)) WITHOUT ROWID""",
)


def _prepare(conn: sqlite3.Connection) -> None:
    # Statement by statement: executescript() would commit the caller's transaction.
    for sql in _TEMP_TABLES:
        conn.execute(sql)
    for name in ("incoming", "new_erased", "touched", "touched_records"):
        conn.execute(f"DELETE FROM temp.{name}")


def apply_rows(conn: sqlite3.Connection, rows: Iterable[Row]) -> ApplyResult:
    """Merge field versions into the database. Call inside a transaction.

    ``rows`` must not repeat an op_id (table, id, field, hlc): the bundle reader refuses that.

    Raises:
        IntegrityConflict: a version already here (same op_id) arrived with another value or base.
    """
    _prepare(conn)
    conn.executemany(
        "INSERT INTO incoming (tbl, rid, field, hlc, value, base) VALUES (?, ?, ?, ?, ?, ?)", rows
    )
    _register_erasures(conn)
    _check_integrity(conn)
    result = ApplyResult()
    mark = conn.execute("SELECT coalesce(max(seq), 0) FROM fv").fetchone()[0]
    total = conn.execute("SELECT count(*) FROM incoming").fetchone()[0]
    conn.execute(
        """INSERT OR IGNORE INTO fv (tbl, rid, field, hlc, value, base)
           SELECT tbl, rid, field, hlc, value, base FROM incoming"""
    )
    result.new_versions = conn.execute("SELECT count(*) FROM fv WHERE seq > ?", (mark,)).fetchone()[
        0
    ]
    result.already_present = total - result.new_versions
    result.erased = conn.execute("SELECT count(*) FROM new_erased").fetchone()[0]
    if result.new_versions == 0 and result.erased == 0:
        return result
    conn.execute(
        """INSERT OR IGNORE INTO fv_superseded (tbl, rid, field, hlc)
           SELECT f.tbl, f.rid, f.field, j.value FROM fv f, json_each(f.base) j
           WHERE f.seq > ? AND f.base <> '[]'""",
        (mark,),
    )
    conn.execute(
        """INSERT OR IGNORE INTO touched SELECT tbl, rid, field FROM fv WHERE seq > ?
           UNION SELECT f.tbl, f.rid, f.field FROM new_erased e
                 CROSS JOIN fv f ON f.tbl = e.tbl AND f.rid = e.rid""",
        (mark,),
    )
    result.max_hlc = conn.execute("SELECT max(hlc) FROM fv WHERE seq > ?", (mark,)).fetchone()[0]
    _recompute_heads(conn)
    _rebuild_current(conn, result)
    result.conflicts = conn.execute(
        """SELECT count(*) FROM touched t CROSS JOIN heads h
           ON h.tbl = t.tbl AND h.rid = t.rid AND h.field = t.field WHERE h.conflict = 1"""
    ).fetchone()[0]
    return result


def _register_erasures(conn: sqlite3.Connection) -> None:
    """Note records erased by this batch and blank what erasure covers, now and in history."""
    conn.execute(
        """INSERT INTO new_erased SELECT DISTINCT tbl, rid FROM incoming i
           WHERE field = ? AND value = 'true'
           AND NOT EXISTS (SELECT 1 FROM erased e WHERE e.tbl = i.tbl AND e.rid = i.rid)""",
        (ERASED,),
    )
    conn.execute("INSERT INTO erased SELECT tbl, rid FROM new_erased")
    conn.execute(
        f"""UPDATE incoming SET value = 'null' WHERE field NOT IN {_KEEP_ON_ERASE}
            AND (tbl, rid) IN (SELECT tbl, rid FROM erased)"""
    )
    conn.execute(
        f"""UPDATE fv SET value = 'null' WHERE field NOT IN {_KEEP_ON_ERASE}
            AND seq IN (SELECT f.seq FROM new_erased e CROSS JOIN fv f
                        ON f.tbl = e.tbl AND f.rid = e.rid)"""
    )


def _check_integrity(conn: sqlite3.Connection) -> None:
    """Refuse the batch when a known op_id comes with another value or base (erased: op_id only)."""
    clash = conn.execute(
        """SELECT i.tbl, i.rid, i.field, i.hlc FROM incoming i
           LEFT JOIN fv f ON f.tbl = i.tbl AND f.rid = i.rid AND f.field = i.field AND f.hlc = i.hlc
           WHERE f.seq IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM erased e WHERE e.tbl = i.tbl AND e.rid = i.rid)
                 AND (f.value IS NOT i.value OR f.base IS NOT i.base)
           LIMIT 1"""
    ).fetchone()
    if clash:
        raise IntegrityConflict(
            f"Versi data yang sama (tabel {clash[0]}, kolom {clash[2]}, HLC {clash[3]}) datang dengan isi berbeda: "
            "berkas rusak atau diubah."
        )


# The temp tables have no statistics, so joins name them first with CROSS JOIN (which fixes
# SQLite's loop order); otherwise the planner may scan all of fv for a one-record edit.


def _recompute_heads(conn: sqlite3.Connection) -> None:
    """Winner = the leaf with the greatest HLC; conflict = leaves hold different values."""
    conn.execute(
        """INSERT OR REPLACE INTO heads (tbl, rid, field, hlc, value, leaves, conflict)
           SELECT f.tbl, f.rid, f.field, max(f.hlc), f.value, count(*),
                  count(DISTINCT coalesce(f.value, 'null')) > 1
           FROM touched t CROSS JOIN fv f
                ON f.tbl = t.tbl AND f.rid = t.rid AND f.field = t.field
           WHERE NOT EXISTS (SELECT 1 FROM fv_superseded s WHERE s.tbl = f.tbl AND s.rid = f.rid
                             AND s.field = f.field AND s.hlc = f.hlc)
           GROUP BY f.tbl, f.rid, f.field"""
    )


@cache
def _rebuild_sql(table: str) -> str:
    names = [name for name in SCHEMA[table] if name not in (DELETED, ERASED)]
    pivots = ", ".join(
        f"max(CASE WHEN h.field = '{name}' THEN json_extract(h.value, '$') END)" for name in names
    )
    columns = ", ".join(f'"{name}"' for name in names)
    updates = ", ".join(
        f'"{name}" = excluded."{name}"' for name in [*names, "deleted", "erased", "updated_hlc"]
    )
    flag = "coalesce(max(CASE WHEN h.field = '{}' THEN json_extract(h.value, '$') END), 0)"
    return f"""
        INSERT INTO "{table}" (id, {columns}, deleted, erased, updated_hlc)
        SELECT h.rid, {pivots}, max({flag.format(DELETED)}, {flag.format(ERASED)}),
               {flag.format(ERASED)}, max(h.hlc)
        FROM touched_records t CROSS JOIN heads h ON h.tbl = t.tbl AND h.rid = t.rid
        WHERE t.tbl = '{table}'
        GROUP BY h.rid
        ON CONFLICT (id) DO UPDATE SET {updates}"""


def _rebuild_current(conn: sqlite3.Connection, result: ApplyResult) -> None:
    """Rewrite the current-state rows of every record the batch touched."""
    conn.execute("INSERT INTO touched_records (tbl, rid) SELECT DISTINCT tbl, rid FROM touched")
    for table in SCHEMA:
        counts = conn.execute(
            f"""SELECT count(*), sum(NOT EXISTS (SELECT 1 FROM "{table}" c WHERE c.id = t.rid))
                FROM touched_records t WHERE t.tbl = ?""",
            (table,),
        ).fetchone()
        if not counts[0]:
            continue
        result.changed_records[table] = counts[0] - (counts[1] or 0)
        result.new_records[table] = counts[1] or 0
        conn.execute(_rebuild_sql(table))


def current_leaves(conn: sqlite3.Connection, table: str, rid: str) -> dict[str, list[str]]:
    """The leaf HLCs of every field of one record: the base of the next local edit."""
    leaves: dict[str, list[str]] = {}
    for row in conn.execute(
        """SELECT f.field, f.hlc FROM fv f WHERE f.tbl = ? AND f.rid = ?
           AND NOT EXISTS (SELECT 1 FROM fv_superseded s WHERE s.tbl = f.tbl AND s.rid = f.rid
                           AND s.field = f.field AND s.hlc = f.hlc)""",
        (table, rid),
    ):
        leaves.setdefault(row[0], []).append(row[1])
    return leaves


def rebuild_all(conn: sqlite3.Connection) -> None:
    """Recompute every head and current row from the field versions (repair, migrations)."""
    _prepare(conn)
    conn.execute("INSERT INTO touched SELECT DISTINCT tbl, rid, field FROM fv")
    _recompute_heads(conn)
    _rebuild_current(conn, ApplyResult())
