"""A change: the field versions one record got at one HLC (sync.md "Export")."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

# One encoder for all calls: json.dumps() with options builds a new encoder every time.
_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)
EMPTY_BASE = "[]"


def canonical_json(value: Any) -> str:
    """The canonical JSON text of sync.md: sorted keys, no spaces, UTF-8 characters kept."""
    return _ENCODER.encode(value)


@dataclass(slots=True)
class Change:
    """Fields written to one record at one HLC; ``base`` names the leaves each field's writer had seen."""

    table: str
    id: str
    hlc: str
    values: dict[str, Any]
    base: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The bundle form: ``base`` lists only fields with a non-empty base, each sorted."""
        out: dict[str, Any] = {
            "table": self.table,
            "id": self.id,
            "hlc": self.hlc,
            "values": self.values,
        }
        base = {name: sorted(hlcs) for name, hlcs in self.base.items() if hlcs}
        if base:
            out["base"] = base
        return out

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """One row per field version: (table, id, field, hlc, value JSON, base JSON)."""
        encode = _ENCODER.encode
        base = self.base
        return [
            (
                self.table,
                self.id,
                name,
                self.hlc,
                encode(value),
                encode(sorted(base[name])) if base.get(name) else EMPTY_BASE,
            )
            for name, value in self.values.items()
        ]
