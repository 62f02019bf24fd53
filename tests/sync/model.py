"""A small pure-Python reference model of the merge rules of sync.md, for the property tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

PSEUDO = ("_deleted", "_erased")


@dataclass(frozen=True)
class FV:
    """One field version as the model sees it (value as canonical JSON text)."""

    table: str
    rid: str
    field: str
    hlc: str
    value: str
    base: frozenset[str]


def erased_records(versions: set[FV]) -> set[tuple[str, str]]:
    return {(v.table, v.rid) for v in versions if v.field == "_erased" and v.value == "true"}


def blanked(versions: set[FV]) -> set[FV]:
    """What a replica stores: values of erased records blanked, pseudo-fields kept."""
    gone = erased_records(versions)
    return {
        FV(v.table, v.rid, v.field, v.hlc, "null", v.base)
        if (v.table, v.rid) in gone and v.field not in PSEUDO
        else v
        for v in versions
    }


def heads(versions: set[FV]) -> dict[tuple[str, str, str], tuple[FV, bool]]:
    """Per field: (winner, conflict) by the rules — leaves, greatest HLC, differing values."""
    stored = blanked(versions)
    by_field: dict[tuple[str, str, str], list[FV]] = {}
    for v in stored:
        by_field.setdefault((v.table, v.rid, v.field), []).append(v)
    out = {}
    for key, group in by_field.items():
        superseded = set().union(*(v.base for v in group))
        leaves = [v for v in group if v.hlc not in superseded]
        winner = max(leaves, key=lambda v: v.hlc)
        out[key] = (winner, len({v.value for v in leaves}) > 1)
    return out


def dump(versions: set[FV]) -> dict[str, list[dict[str, Any]]]:
    """The expected ``dump --json`` for a set of field versions (only tables that occur)."""
    result = heads(versions)
    gone = erased_records(versions)
    records: dict[tuple[str, str], dict[str, Any]] = {}
    for (table, rid, field), (winner, _) in result.items():
        records.setdefault((table, rid), {"id": rid})[field] = json.loads(winner.value)
    out: dict[str, list[dict[str, Any]]] = {}
    for (table, rid), record in sorted(records.items()):
        if record.pop("_deleted", False) is True or (table, rid) in gone:
            continue
        record.pop("_erased", None)
        out.setdefault(table, []).append(record)
    return out


def conflicted_fields(versions: set[FV]) -> set[tuple[str, str, str]]:
    return {key for key, (_, conflict) in heads(versions).items() if conflict}


def leaves_of(versions: set[FV], table: str, rid: str, field: str) -> set[str]:
    group = [v for v in versions if (v.table, v.rid, v.field) == (table, rid, field)]
    superseded = set().union(*(v.base for v in group)) if group else set()
    return {v.hlc for v in group if v.hlc not in superseded}


def from_bundle(data: bytes) -> set[FV]:
    """The field versions a bundle carries."""
    doc = json.loads(data)
    out = set()
    for change in doc["changes"]:
        base = change.get("base", {})
        for name, value in change["values"].items():
            out.add(
                FV(
                    change["table"],
                    change["id"],
                    name,
                    change["hlc"],
                    json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
                    frozenset(base.get(name, [])),
                )
            )
    return out


def from_store_rows(rows: list[dict[str, Any]]) -> set[FV]:
    return {
        FV(r["tbl"], r["rid"], r["field"], r["hlc"], r["value"], frozenset(json.loads(r["base"])))
        for r in rows
    }
