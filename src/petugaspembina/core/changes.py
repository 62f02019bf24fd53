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
# What ``_ENCODER`` itself calls for a bare string (ensure_ascii=False): the C escaper.
encode_text = json.encoder.encode_basestring
_LITERALS = {True: "true", False: "false", None: "null"}
# One field version as the store keeps it: table, id, field, hlc, value JSON, base JSON.
Row = tuple[str, str, str, str, str, str]


def encode_value(value: Any) -> str:
    """``canonical_json`` of one field value, skipping the encoder's set-up for plain scalars.

    The same text by construction: the encoder writes a string with ``encode_basestring``, an int
    with ``int.__repr__`` and true/false/null as literals (a property test compares the two).
    """
    kind = type(value)
    if kind is str:
        return encode_text(value)
    if kind is int:
        return int.__repr__(value)
    if kind is bool or value is None:
        return _LITERALS[value]
    return _ENCODER.encode(value)


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
    # The canonical texts of the values and the base objects as the bundle reader made them
    # while checking the change (it encodes every value anyway), for the change log; None: they
    # are made when needed. Not an argument: a copy made with other values
    # (``dataclasses.replace``) starts without them. A change read from a bundle is never edited.
    made_texts: tuple[str, str] | None = field(default=None, init=False, repr=False, compare=False)

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

    def rows(self) -> list[Row]:
        """One row per field version: (table, id, field, hlc, value JSON, base JSON)."""
        encode = encode_value
        base = self.base
        if not base:  # most changes: new records
            table, rid, hlc = self.table, self.id, self.hlc
            return [
                (table, rid, name, hlc, encode(value), EMPTY_BASE)
                for name, value in self.values.items()
            ]
        return [
            (
                self.table,
                self.id,
                name,
                self.hlc,
                encode(value),
                _ENCODER.encode(sorted(base[name])) if base.get(name) else EMPTY_BASE,
            )
            for name, value in self.values.items()
        ]
