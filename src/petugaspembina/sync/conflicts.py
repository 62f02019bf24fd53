"""Conflicts the clerk sees: fields whose leaves disagree, and records edited after deletion."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any

from ..core.records import DELETED, ERASED, SCHEMA
from ..store.errors import InvalidInput, NotFound
from ..store.store import Store
from ..store.versions import current_leaves


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value a conflict could settle on, and where it came from."""

    value: Any
    hlc: str
    device_id: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """A conflict in the JSON shape of the command-line contract."""

    conflict_id: str
    kind: str  # "values" | "edited-after-deletion"
    table: str
    record_id: str
    field: str
    candidates: list[Candidate]
    winner: Candidate

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object."""
        return asdict(self)


def _conflict_id(kind: str, table: str, rid: str, field: str, hlcs: list[str]) -> str:
    text = "|".join([kind, table, rid, field, *sorted(hlcs)])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _candidate(hlc: str, value: str | None) -> Candidate:
    return Candidate(json.loads(value) if value is not None else None, hlc, hlc[-32:])


def list_conflicts(store: Store) -> list[Conflict]:
    """Every open conflict, value conflicts first, sorted for stable output."""
    found: list[Conflict] = []
    # Only a field with more than one version can be in conflict: its flags are in ``fh``.
    heads = store.rows(
        """SELECT h.tbl, h.rid, h.field, h.hlc, c.body -> ('$.' || h.field) AS value
           FROM fh h JOIN fc c ON c.tbl = h.tbl AND c.rid = h.rid AND c.hlc = h.hlc
           WHERE h.head = 3 ORDER BY h.tbl, h.rid, h.field"""
    )
    for head in heads:
        leaves = [
            _candidate(row["hlc"], row["value"])
            for row in store.rows(
                """SELECT hlc, value FROM fv WHERE tbl = ? AND rid = ? AND field = ?
                   AND head >= 1 ORDER BY hlc""",
                (head["tbl"], head["rid"], head["field"]),
            )
        ]
        found.append(
            Conflict(
                _conflict_id(
                    "values", head["tbl"], head["rid"], head["field"], [c.hlc for c in leaves]
                ),
                "values",
                head["tbl"],
                head["rid"],
                head["field"],
                leaves,
                _candidate(head["hlc"], head["value"]),
            )
        )
    found.extend(_edited_after_deletion(store))
    return found


def _edited_after_deletion(store: Store) -> list[Conflict]:
    """Deleted (not erased) records with an edit newer than the winning delete."""
    # Only records with a deleting change (few, in the partial index ``fc_deleted``).
    rows = store.rows(
        f"""SELECT * FROM (
                SELECT d.tbl, d.rid, d.hlc AS deleted_hlc, d.value AS deleted_value,
                       (SELECT max(h.hlc) FROM fv h WHERE h.tbl = d.tbl AND h.rid = d.rid
                        AND h.head >= 2 AND h.field NOT IN ('{DELETED}', '{ERASED}')) AS edit_hlc
                FROM (SELECT DISTINCT tbl, rid FROM fc
                      WHERE instr(body, '"{DELETED}":true') > 0) c
                CROSS JOIN fv d ON d.tbl = c.tbl AND d.rid = c.rid
                WHERE d.head >= 2 AND d.field = '{DELETED}' AND d.value = 'true'
                  AND NOT EXISTS (SELECT 1 FROM erased e WHERE e.tbl = d.tbl AND e.rid = d.rid))
            WHERE edit_hlc > deleted_hlc ORDER BY tbl, rid"""
    )
    out = []
    for row in rows:
        delete = _candidate(row["deleted_hlc"], row["deleted_value"])
        edit = Candidate(False, row["edit_hlc"], row["edit_hlc"][-32:])
        out.append(
            Conflict(
                _conflict_id(
                    "edited-after-deletion", row["tbl"], row["rid"], DELETED, [delete.hlc, edit.hlc]
                ),
                "edited-after-deletion",
                row["tbl"],
                row["rid"],
                DELETED,
                [delete, edit],
                delete,
            )
        )
    return out


def resolve(store: Store, conflict_id: str, value: Any) -> Conflict:
    """Settle a conflict on ``value``: a new version whose base is all current leaves.

    For edited-after-deletion, ``true`` confirms the delete and ``false`` restores the record.
    """
    conflict = next((c for c in list_conflicts(store) if c.conflict_id == conflict_id), None)
    if conflict is None:
        raise NotFound(f"Konflik {conflict_id} tidak ditemukan (mungkin sudah diselesaikan).")
    if conflict.kind == "edited-after-deletion":
        if not isinstance(value, bool):
            raise InvalidInput(
                "Untuk rekaman yang diubah setelah dihapus, pilih true (tetap "
                "hapus) atau false (pulihkan)."
            )
        _write_over_leaves(store, conflict.table, conflict.record_id, DELETED, value)
        return conflict
    kind = SCHEMA[conflict.table][conflict.field]
    problem = kind.problem(value)
    if problem:
        raise InvalidInput(f"Nilai tidak sah untuk {conflict.field}: {problem}.", conflict.field)
    _write_over_leaves(store, conflict.table, conflict.record_id, conflict.field, value)
    return conflict


def _write_over_leaves(store: Store, table: str, rid: str, field: str, value: Any) -> None:
    """A local version of one field whose base is every current leaf of that field."""
    from ..core.changes import Change
    from ..store.audit import record_audit
    from ..store.versions import apply_changes

    with store.transaction() as conn:
        base = current_leaves(conn, table, rid).get(field, [])
        change = Change(table, rid, store.next_hlc(), {field: value}, {field: base})
        apply_changes(conn, [change])
        record_audit(conn, "resolve", hlc=change.hlc, table=table, record_id=rid, detail=field)
