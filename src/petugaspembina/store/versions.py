"""The merge engine: add changes, flag leaves and winners, rebuild current rows.

Local edits and imported bundles both come through ``apply_changes``; state depends only on the set
of field versions, which is what makes imports idempotent and order-independent (sync.md "Merge").

Storage (docs/benchmarks.md, P4): the log keeps one row per *change* — the fields one record got at
one HLC — in ``fc``, its values as one canonical JSON object (``body``), as a bundle carries them.
Most fields have a single version, which is its field's winner; only the versions of fields with
more than one version get a row in ``fh`` with their merge flag. The ``fv`` view shows the log one
row per field version, as readers and the bundle format think of it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..core.changes import Change, canonical_json
from ..core.records import DELETED, ERASED, SCHEMA
from .errors import IntegrityConflict
from .sqlite import sqlite3

Row = tuple[str, str, str, str, str, int]  # table, id, hlc, body JSON, base JSON, field count
_KEEP_ON_ERASE = (DELETED, ERASED)
EMPTY_BASE = "{}"


@dataclass(slots=True)
class ApplyResult:
    """What one batch of changes did to the database."""

    new_versions: int = 0
    already_present: int = 0
    new_records: dict[str, int] = field(default_factory=dict)
    changed_records: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    max_hlc: str | None = None
    erased: int = 0


# ``fh.head``; a version without a row in ``fh`` is its field's only version: a winner.
SUPERSEDED, LEAF, WINNER, WINNER_IN_CONFLICT = 0, 1, 2, 3

_TEMP_TABLES = (
    """CREATE TEMP TABLE IF NOT EXISTS new_erased (tbl TEXT, rid TEXT,
        PRIMARY KEY (tbl, rid)) WITHOUT ROWID""",
    # Fields with more than one version among the records probed: their flags are worked out.
    """CREATE TEMP TABLE IF NOT EXISTS multi (tbl TEXT, rid TEXT, field TEXT, win TEXT,
        conflict INTEGER, PRIMARY KEY (tbl, rid, field)) WITHOUT ROWID""",
    # ``probe``: the record may hold a field with more than one version (it had changes before
    # the batch, or the batch brings it at more than one HLC).
    """CREATE TEMP TABLE IF NOT EXISTS touched_records (tbl TEXT, rid TEXT, probe INTEGER,
        PRIMARY KEY (tbl, rid)) WITHOUT ROWID""",
)


def _prepare(conn: sqlite3.Connection) -> None:
    # Statement by statement: executescript() would commit the caller's transaction.
    for sql in _TEMP_TABLES:
        conn.execute(sql)
    for name in ("new_erased", "multi", "touched_records"):
        conn.execute(f"DELETE FROM temp.{name}")


# A change already here is handed to ``_known`` (which notes it and answers false: nothing is
# updated in SQL); every other change is a new row.
_INSERT = """INSERT INTO fc (tbl, rid, hlc, body, base, n) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (tbl, rid, hlc) DO UPDATE SET n = fc.n
    WHERE _known(fc.seq, fc.tbl, fc.rid, fc.hlc, excluded.body, excluded.base, fc.body, fc.base)"""

Known = tuple[int, str, str, str, str, str, str, str]


def change_row(change: Change, blank: bool = False) -> Row:
    """The ``fc`` row of a change (``blank``: an erased record's, its values all null)."""
    values = change.values
    if change.made_texts is not None and not blank:
        body, base_json = change.made_texts
        return (change.table, change.id, change.hlc, body, base_json, len(values))
    if blank:
        values = {k: (v if k in _KEEP_ON_ERASE else None) for k, v in values.items()}
    base = change.base
    base_json = (
        canonical_json({name: sorted(hlcs) for name, hlcs in base.items() if hlcs})
        if base and any(base.values())
        else EMPTY_BASE
    )
    return (change.table, change.id, change.hlc, canonical_json(values), base_json, len(values))


def apply_changes(
    conn: sqlite3.Connection,
    changes: Iterable[Change],
    several: Collection[tuple[str, str]] | None = None,
) -> ApplyResult:
    """Merge changes into the database. Call inside a transaction.

    ``changes`` must not repeat a (table, id, HLC): the bundle reader refuses that.
    ``several``: the (table, id) of every record that ``changes`` bring at more than one HLC, when
    the caller knows them (it spares a probe per record); None when not known.

    Raises:
        IntegrityConflict: a version already here (same table, id, field and HLC) arrived with
            another value or base.
    """
    _prepare(conn)
    changes = list(changes)
    result = ApplyResult()
    result.erased = _register_erasures(conn, changes)
    # Erasure blanks a record's values whenever they arrive (few records: a set lookup each).
    erased = {(t, r) for t, r in conn.execute("SELECT tbl, rid FROM erased")}
    rows = [change_row(c, (c.table, c.id) in erased) for c in changes]
    mark = conn.execute("SELECT coalesce(max(seq), 0) FROM fc").fetchone()[0]
    known: list[Known] = []

    def note(*change: Any) -> bool:
        known.append(change)
        return False

    conn.create_function("_known", 8, note)
    conn.executemany(_INSERT, rows)
    # All new (a first import): nothing to compare.
    fresh = _merge_known(conn, rows, known, mark, erased) if known else rows
    result.new_versions = sum(row[5] for row in fresh)
    result.max_hlc = max((row[2] for row in fresh), default=None)
    result.already_present = sum(row[5] for row in rows) - result.new_versions
    if result.new_versions == 0 and result.erased == 0:
        result.max_hlc = None
        return result
    conn.executemany(
        "INSERT OR IGNORE INTO fv_superseded (tbl, rid, field, hlc) VALUES (?, ?, ?, ?)",
        [
            (c.table, c.id, name, hlc)
            for c in changes
            if c.base
            for name, hlcs in c.base.items()
            for hlc in hlcs
        ],
    )
    _touched(conn, mark, several)
    conn.execute(
        """INSERT OR IGNORE INTO multi (tbl, rid, field)
           SELECT f.tbl, f.rid, f.field FROM touched_records t
           CROSS JOIN fv f ON f.tbl = t.tbl AND f.rid = t.rid
           WHERE t.probe GROUP BY f.tbl, f.rid, f.field HAVING count(*) > 1"""
    )
    conn.execute(
        """INSERT OR IGNORE INTO multi (tbl, rid, field)
           SELECT DISTINCT f.tbl, f.rid, f.field FROM new_erased e
           CROSS JOIN fh f ON f.tbl = e.tbl AND f.rid = e.rid"""
    )
    _recompute_heads(conn)
    conn.execute(
        "INSERT OR IGNORE INTO touched_records (tbl, rid, probe) SELECT tbl, rid, 1 FROM new_erased"
    )
    _rebuild_current(conn, result)
    result.conflicts = conn.execute(
        f"SELECT count(*) FROM multi WHERE conflict = {WINNER_IN_CONFLICT - WINNER}"
    ).fetchone()[0]
    return result


def _merge_known(
    conn: sqlite3.Connection,
    rows: list[Row],
    known: list[Known],
    mark: int,
    erased: Collection[tuple[str, str]],
) -> list[Row]:
    """Changes whose (table, id, HLC) was here already (``known``): the same fields again change
    nothing, new fields join the stored change (which then counts as arrived now), another value
    or base for a stored field is refused (erased records: values are all null, nothing to
    compare).

    Returns what is new: the rows that were not here, and for a stored change that gained fields,
    a row of what it gained (for the counts)."""
    here = {(t, r, h) for _, t, r, h, *_ in known}
    fresh = [row for row in rows if row[:3] not in here]
    for seq, table, rid, hlc, body, base, old_body, old_base in known:
        if body == old_body and base == old_base:
            continue
        values, old_values = json.loads(body), json.loads(old_body)
        bases, old_bases = json.loads(base), json.loads(old_base)
        if (table, rid) not in erased:
            for name in values.keys() & old_values.keys():
                if canonical_json(values[name]) != canonical_json(old_values[name]) or bases.get(
                    name, []
                ) != old_bases.get(name, []):
                    raise IntegrityConflict(
                        f"Versi data yang sama (tabel {table}, kolom {name}, HLC {hlc}) datang "
                        "dengan isi berbeda: berkas rusak atau diubah."
                    )
        added = values.keys() - old_values.keys()
        if not added:
            continue
        merged = {**old_values, **{name: values[name] for name in added}}
        merged_base = {**old_bases, **{name: bases[name] for name in added if name in bases}}
        conn.execute("DELETE FROM fc WHERE seq = ?", (seq,))
        # A fresh arrival number, above every one given out (exports remember them).
        top = conn.execute("SELECT coalesce(max(seq), 0) FROM fc").fetchone()[0]
        conn.execute(
            "INSERT INTO fc (seq, tbl, rid, hlc, body, base, n) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                max(top, mark) + 1,
                table,
                rid,
                hlc,
                canonical_json(merged),
                canonical_json(merged_base) if merged_base else EMPTY_BASE,
                len(merged),
            ),
        )
        fresh.append((table, rid, hlc, "", "", len(added)))
    return fresh


def records_at_several_hlcs(changes: Iterable[Change]) -> set[tuple[str, str]]:
    """(table, id) of each record that ``changes`` bring at more than one HLC: ``apply_changes``'s
    ``several``."""
    counts = Counter([(change.table, change.id) for change in changes])
    return {key for key, count in counts.items() if count > 1}


def _touched(
    conn: sqlite3.Connection, mark: int, several: Collection[tuple[str, str]] | None
) -> None:
    """The records with new versions, each with ``probe`` set when it may hold a field with
    more than one version: it had changes before the batch, or the batch brings it at more
    than one HLC (``several``; None: every record is probed). The others — in a first import
    nearly all — get their current row straight from their one change (benchmarks.md, P4)."""
    conn.execute(
        "INSERT OR IGNORE INTO touched_records (tbl, rid, probe) SELECT tbl, rid, ? "
        "FROM fc WHERE seq > ?",
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
                   SELECT 1 FROM fc g WHERE g.tbl = touched_records.tbl
                   AND g.rid = touched_records.rid AND g.seq <= ?)""",
            (mark,),
        )


def _blank(body: str) -> str:
    """An erased record's change: every value null but the deleted and erased flags."""
    values = json.loads(body)
    return canonical_json({k: (v if k in _KEEP_ON_ERASE else None) for k, v in values.items()})


def _register_erasures(conn: sqlite3.Connection, changes: list[Change]) -> int:
    """Note records erased by this batch and blank their history; return how many."""
    targets = {(c.table, c.id) for c in changes if c.values.get(ERASED) is True}
    if not targets:
        return 0
    conn.executemany(
        """INSERT INTO new_erased SELECT ?, ? WHERE NOT EXISTS (
               SELECT 1 FROM erased e WHERE e.tbl = ?1 AND e.rid = ?2)""",
        sorted(targets),
    )
    conn.execute("INSERT INTO erased SELECT tbl, rid FROM new_erased")
    conn.create_function("_blank", 1, _blank, deterministic=True)
    conn.execute(
        """UPDATE fc SET body = _blank(body)
           WHERE seq IN (SELECT c.seq FROM new_erased e CROSS JOIN fc c
                         ON c.tbl = e.tbl AND c.rid = e.rid)"""
    )
    return int(conn.execute("SELECT count(*) FROM new_erased").fetchone()[0])


# The temp tables have no statistics, so joins name them first with CROSS JOIN (which fixes
# SQLite's loop order); otherwise the planner may scan the whole log for a one-record edit.


def _recompute_heads(conn: sqlite3.Connection) -> None:
    """For each field in ``multi``: leaves, winner = the leaf with the greatest HLC, conflict =
    the leaves hold different values; the flags of its versions go to ``fh``."""
    conn.execute(
        """UPDATE multi SET (win, conflict) = (
               SELECT max(f.hlc), count(DISTINCT f.value) > 1 FROM fv f
               WHERE f.tbl = multi.tbl AND f.rid = multi.rid AND f.field = multi.field
               AND NOT EXISTS (SELECT 1 FROM fv_superseded s WHERE s.tbl = f.tbl
                   AND s.rid = f.rid AND s.field = f.field AND s.hlc = f.hlc))"""
    )
    conn.execute(
        """DELETE FROM fh WHERE EXISTS (SELECT 1 FROM multi m
               WHERE m.tbl = fh.tbl AND m.rid = fh.rid AND m.field = fh.field)"""
    )
    conn.execute(
        f"""INSERT INTO fh (tbl, rid, field, hlc, head)
            SELECT f.tbl, f.rid, f.field, f.hlc, CASE
                WHEN EXISTS (SELECT 1 FROM fv_superseded s WHERE s.tbl = f.tbl AND s.rid = f.rid
                             AND s.field = f.field AND s.hlc = f.hlc) THEN {SUPERSEDED}
                WHEN f.hlc = m.win THEN {WINNER} + m.conflict ELSE {LEAF} END
            FROM multi m CROSS JOIN fv f
            ON f.tbl = m.tbl AND f.rid = m.rid AND f.field = m.field"""
    )


@cache
def _columns(table: str) -> tuple[str, ...]:
    return tuple(name for name in SCHEMA[table] if name not in (DELETED, ERASED))


def _upsert(table: str) -> str:
    names = [*_columns(table), "deleted", "erased", "updated_hlc"]
    updates = ", ".join(f'"{name}" = excluded."{name}"' for name in names)
    return (
        f'INSERT INTO "{table}" (id, {", ".join(f"{chr(34)}{n}{chr(34)}" for n in names)}) '
        f"SELECT * FROM ({{select}}) WHERE true ON CONFLICT (id) DO UPDATE SET {updates}"
    )


@cache
def _single_change_sql(table: str) -> str:
    """Current rows of records whose one change holds every version they have (not probed)."""
    values = ", ".join(f"json_extract(c.body, '$.\"{name}\"')" for name in _columns(table))
    flag = "coalesce(json_extract(c.body, '$.\"{}\"'), 0)"
    select = f"""SELECT t.rid, {values}, max({flag.format(DELETED)}, {flag.format(ERASED)}),
                        {flag.format(ERASED)}, c.hlc
                 FROM touched_records t CROSS JOIN fc c ON c.tbl = t.tbl AND c.rid = t.rid
                 WHERE t.tbl = '{table}' AND NOT t.probe"""
    return _upsert(table).format(select=select)


@cache
def _pivot_sql(table: str) -> str:
    """Current rows of probed records: each field's winner, wherever it was written."""
    pivots = ", ".join(
        f"max(CASE WHEN h.field = '{name}' THEN h.atom END)" for name in _columns(table)
    )
    flag = "coalesce(max(CASE WHEN h.field = '{}' THEN h.atom END), 0)"
    select = f"""SELECT t.rid, {pivots}, max({flag.format(DELETED)}, {flag.format(ERASED)}),
                        {flag.format(ERASED)}, max(h.hlc)
                 FROM touched_records t CROSS JOIN fv h ON h.tbl = t.tbl AND h.rid = t.rid
                 WHERE t.tbl = '{table}' AND t.probe AND h.head >= {WINNER}
                 GROUP BY t.rid"""
    return _upsert(table).format(select=select)


def _rebuild_current(conn: sqlite3.Connection, result: ApplyResult) -> None:
    """Rewrite the current-state rows of every record the batch touched."""
    for table in SCHEMA:
        counts = conn.execute(
            f"""SELECT count(*), sum(NOT EXISTS (SELECT 1 FROM "{table}" c WHERE c.id = t.rid)),
                       sum(probe) FROM touched_records t WHERE t.tbl = ?""",
            (table,),
        ).fetchone()
        if not counts[0]:
            continue
        result.changed_records[table] = counts[0] - (counts[1] or 0)
        result.new_records[table] = counts[1] or 0
        if counts[2] != counts[0]:
            conn.execute(_single_change_sql(table))
        if counts[2]:
            conn.execute(_pivot_sql(table))


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
    """Work out leaves, winners and conflicts of every field from the changes."""
    _prepare(conn)
    conn.execute(
        "INSERT INTO multi (tbl, rid, field) SELECT tbl, rid, field FROM fv "
        "GROUP BY tbl, rid, field HAVING count(*) > 1"
    )
    conn.execute("DELETE FROM fh")
    _recompute_heads(conn)


def rebuild_all(conn: sqlite3.Connection) -> None:
    """Recompute every head and current row from the changes (repair, migrations)."""
    recompute_all_heads(conn)
    conn.execute(
        "INSERT INTO touched_records (tbl, rid, probe) SELECT DISTINCT tbl, rid, 1 FROM fc"
    )
    _rebuild_current(conn, ApplyResult())
