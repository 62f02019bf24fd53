"""The merge engine: add field versions, flag leaves and winners, rebuild current rows.

Local edits and imported bundles both come through ``apply_rows``; state depends only on the set of
field versions, which is what makes imports idempotent and order-independent (sync.md "Merge").
All the work is set-based SQL so a bundle of a million versions merges in seconds.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import cache

from ..core.changes import Change
from ..core.records import DELETED, ERASED, SCHEMA
from .errors import IntegrityConflict
from .sqlite import sqlite3

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


# Merge state lives on the log itself, in ``fv.head``: one B-tree is written per version instead
# of a log plus a separate heads table (benchmarks.md). The ``heads`` view keeps the old shape.
SUPERSEDED, LEAF, WINNER, WINNER_IN_CONFLICT = 0, 1, 2, 3

_TEMP_TABLES = (
    """CREATE TEMP TABLE IF NOT EXISTS new_erased (tbl TEXT, rid TEXT,
        PRIMARY KEY (tbl, rid)) WITHOUT ROWID""",
    # Fields with more than one version: only these need leaves and winners worked out.
    """CREATE TEMP TABLE IF NOT EXISTS multi (tbl TEXT, rid TEXT, field TEXT, win TEXT,
        conflict INTEGER, PRIMARY KEY (tbl, rid, field)) WITHOUT ROWID""",
    # ``probe``: the record may hold a field with more than one version (it had versions before
    # the batch, or the batch brings it at more than one HLC); NULL when not worked out.
    """CREATE TEMP TABLE IF NOT EXISTS touched_records (tbl TEXT, rid TEXT, probe INTEGER,
        PRIMARY KEY (tbl, rid)) WITHOUT ROWID""",
)


def _prepare(conn: sqlite3.Connection) -> None:
    # Statement by statement: executescript() would commit the caller's transaction.
    for sql in _TEMP_TABLES:
        conn.execute(sql)
    for name in ("new_erased", "multi", "touched_records"):
        conn.execute(f"DELETE FROM temp.{name}")


# A version arrives as a winner that is its field's only version; a known op_id is skipped, or
# refused through ``_clash`` when its value or base differ (erased records: op_id only).
_INSERT = f"""
    INSERT INTO fv (tbl, rid, field, hlc, value, base, head) VALUES (?, ?, ?, ?, ?, ?, {WINNER})
    ON CONFLICT (tbl, rid, field, hlc) DO UPDATE SET head = _clash(fv.tbl, fv.field, fv.hlc)
    WHERE (fv.value IS NOT excluded.value OR fv.base IS NOT excluded.base)
          AND NOT EXISTS (SELECT 1 FROM erased e WHERE e.tbl = fv.tbl AND e.rid = fv.rid)"""


class _Clash(Exception):
    """Raised inside SQLite by ``_clash`` (which notes the op_id) to stop the upsert."""


def apply_rows(
    conn: sqlite3.Connection,
    rows: Iterable[Row],
    several: Collection[tuple[str, str]] | None = None,
) -> ApplyResult:
    """Merge field versions into the database. Call inside a transaction.

    ``rows`` must not repeat an op_id (table, id, field, hlc): the bundle reader refuses that.
    ``several``: the (table, id) of every record that ``rows`` bring at more than one HLC, when
    the caller knows them (it spares a probe per version); None when not known.

    Raises:
        IntegrityConflict: a version already here (same op_id) arrived with another value or base.
    """
    _prepare(conn)
    rows = list(rows)
    result = ApplyResult()
    result.erased = _register_erasures(conn, rows)
    # Erasure blanks a record's values whenever they arrive (few records: a set lookup per row).
    erased = {(t, r) for t, r in conn.execute("SELECT tbl, rid FROM erased")}
    if erased:
        rows = [
            (t, r, f, h, "null", b) if (t, r) in erased and f not in _KEEP else (t, r, f, h, v, b)
            for t, r, f, h, v, b in rows
        ]
    mark = conn.execute("SELECT coalesce(max(seq), 0) FROM fv").fetchone()[0]
    clashes: list[tuple[str, str, str]] = []

    def clash(table: str, name: str, hlc: str) -> int:
        clashes.append((table, name, hlc))
        raise _Clash

    conn.create_function("_clash", 3, clash)
    try:
        # Rows that hit a known op_id with the same content change nothing: rowcount counts the
        # new versions only.
        inserted = conn.executemany(_INSERT, rows).rowcount
    except sqlite3.OperationalError:
        if not clashes:
            raise
        table, name, hlc = clashes[0]
        raise IntegrityConflict(
            f"Versi data yang sama (tabel {table}, kolom {name}, HLC {hlc}) datang dengan isi "
            "berbeda: berkas rusak atau diubah."
        ) from None
    if inserted == len(rows):  # all new (a first import): no need to read them back
        result.new_versions = inserted
        result.max_hlc = max((row[3] for row in rows), default=None)
    else:
        result.new_versions, result.max_hlc = conn.execute(
            "SELECT count(*), max(hlc) FROM fv WHERE seq > ?", (mark,)
        ).fetchone()
    result.already_present = len(rows) - result.new_versions
    if result.new_versions == 0 and result.erased == 0:
        result.max_hlc = None
        return result
    conn.execute(
        """INSERT OR IGNORE INTO fv_superseded (tbl, rid, field, hlc)
           SELECT f.tbl, f.rid, f.field, j.value FROM fv f, json_each(f.base) j
           WHERE f.seq > ? AND f.base <> '[]'""",
        (mark,),
    )
    _touched(conn, mark, several)
    conn.execute(
        """INSERT OR IGNORE INTO multi (tbl, rid, field)
           SELECT f.tbl, f.rid, f.field FROM touched_records t
           CROSS JOIN fv f ON f.tbl = t.tbl AND f.rid = t.rid
           WHERE t.probe AND f.seq > ? AND EXISTS (
               SELECT 1 FROM fv g WHERE g.tbl = f.tbl AND g.rid = f.rid AND g.field = f.field
               AND g.hlc <> f.hlc)""",
        (mark,),
    )
    conn.execute(
        """INSERT OR IGNORE INTO multi (tbl, rid, field)
           SELECT DISTINCT f.tbl, f.rid, f.field FROM new_erased e
           CROSS JOIN fv f ON f.tbl = e.tbl AND f.rid = e.rid"""
    )
    _recompute_heads(conn)
    conn.execute("INSERT OR IGNORE INTO touched_records (tbl, rid) SELECT tbl, rid FROM new_erased")
    _rebuild_current(conn, result)
    result.conflicts = conn.execute(
        f"SELECT count(*) FROM multi WHERE conflict = {WINNER_IN_CONFLICT - WINNER}"
    ).fetchone()[0]
    return result


_KEEP = (DELETED, ERASED)


def records_at_several_hlcs(changes: Iterable[Change]) -> set[tuple[str, str]]:
    """(table, id) of each record that ``changes`` bring at more than one HLC: ``apply_rows``'s
    ``several``."""
    seen: set[tuple[str, str]] = set()
    several: set[tuple[str, str]] = set()
    for change in changes:
        key = (change.table, change.id)
        if key in seen:
            several.add(key)
        seen.add(key)
    return several


def _touched(
    conn: sqlite3.Connection, mark: int, several: Collection[tuple[str, str]] | None
) -> None:
    """The records with new versions, each with ``probe`` set when it may hold a field with
    more than one version: it had versions before the batch, or the batch brings it at more
    than one HLC (``several``; None: every record is probed). The others — in a first import
    nearly all — skip the index probe per version that finds such fields (benchmarks.md, P4)."""
    conn.execute(
        "INSERT OR IGNORE INTO touched_records (tbl, rid, probe) SELECT tbl, rid, ? "
        "FROM fv WHERE seq > ?",
        (several is None, mark),
    )
    if several is None:
        return
    conn.executemany(
        "UPDATE touched_records SET probe = 1 WHERE tbl = ? AND rid = ?", sorted(several)
    )
    if mark:
        conn.execute(
            """UPDATE touched_records SET probe = 1 WHERE NOT probe AND EXISTS (
                   SELECT 1 FROM fv g WHERE g.tbl = touched_records.tbl
                   AND g.rid = touched_records.rid AND g.seq <= ?)""",
            (mark,),
        )


def _register_erasures(conn: sqlite3.Connection, rows: list[Row]) -> int:
    """Note records erased by this batch and blank their history; return how many."""
    targets = {(t, r) for t, r, f, _, v, _ in rows if f == ERASED and v == "true"}
    if not targets:
        return 0
    conn.executemany(
        """INSERT INTO new_erased SELECT ?, ? WHERE NOT EXISTS (
               SELECT 1 FROM erased e WHERE e.tbl = ?1 AND e.rid = ?2)""",
        sorted(targets),
    )
    conn.execute("INSERT INTO erased SELECT tbl, rid FROM new_erased")
    conn.execute(
        f"""UPDATE fv SET value = 'null' WHERE field NOT IN {_KEEP_ON_ERASE}
            AND seq IN (SELECT f.seq FROM new_erased e CROSS JOIN fv f
                        ON f.tbl = e.tbl AND f.rid = e.rid)"""
    )
    return int(conn.execute("SELECT count(*) FROM new_erased").fetchone()[0])


# The temp tables have no statistics, so joins name them first with CROSS JOIN (which fixes
# SQLite's loop order); otherwise the planner may scan all of fv for a one-record edit.


def _recompute_heads(conn: sqlite3.Connection) -> None:
    """For each field in ``multi``: leaves, winner = the leaf with the greatest HLC, conflict =
    the leaves hold different values."""
    conn.execute(
        """UPDATE multi SET (win, conflict) = (
               SELECT max(f.hlc), count(DISTINCT coalesce(f.value, 'null')) > 1 FROM fv f
               WHERE f.tbl = multi.tbl AND f.rid = multi.rid AND f.field = multi.field
               AND NOT EXISTS (SELECT 1 FROM fv_superseded s WHERE s.tbl = f.tbl
                   AND s.rid = f.rid AND s.field = f.field AND s.hlc = f.hlc))"""
    )
    conn.execute(
        f"""UPDATE fv SET head = CASE
               WHEN EXISTS (SELECT 1 FROM fv_superseded s WHERE s.tbl = fv.tbl AND s.rid = fv.rid
                            AND s.field = fv.field AND s.hlc = fv.hlc) THEN {SUPERSEDED}
               ELSE (SELECT CASE WHEN fv.hlc = m.win THEN {WINNER} + m.conflict ELSE {LEAF} END
                     FROM multi m WHERE m.tbl = fv.tbl AND m.rid = fv.rid AND m.field = fv.field)
               END
            WHERE seq IN (SELECT f.seq FROM multi m CROSS JOIN fv f
                          ON f.tbl = m.tbl AND f.rid = m.rid AND f.field = m.field)"""
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
        SELECT t.rid, {pivots}, max({flag.format(DELETED)}, {flag.format(ERASED)}),
               {flag.format(ERASED)}, max(h.hlc)
        FROM touched_records t CROSS JOIN fv h ON h.tbl = t.tbl AND h.rid = t.rid
        WHERE t.tbl = '{table}' AND h.head >= {WINNER}
        GROUP BY t.rid
        ON CONFLICT (id) DO UPDATE SET {updates}"""


def _rebuild_current(conn: sqlite3.Connection, result: ApplyResult) -> None:
    """Rewrite the current-state rows of every record the batch touched."""
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
        f"SELECT field, hlc FROM fv WHERE tbl = ? AND rid = ? AND head >= {LEAF}",
        (table, rid),
    ):
        leaves.setdefault(row[0], []).append(row[1])
    return leaves


def recompute_all_heads(conn: sqlite3.Connection) -> None:
    """Work out leaves, winners and conflicts of every field from the field versions."""
    _prepare(conn)
    conn.execute("INSERT INTO multi (tbl, rid, field) SELECT DISTINCT tbl, rid, field FROM fv")
    _recompute_heads(conn)


def rebuild_all(conn: sqlite3.Connection) -> None:
    """Recompute every head and current row from the field versions (repair, migrations)."""
    recompute_all_heads(conn)
    conn.execute(
        "INSERT INTO touched_records (tbl, rid, probe) SELECT DISTINCT tbl, rid, 1 FROM fv"
    )
    _rebuild_current(conn, ApplyResult())
