"""IDs typed on the command line: a full ID, or a unique beginning of one (at least
``MIN_PREFIX`` characters), as the lists show them. Record IDs are UUIDv7: their first characters
are a timestamp, so records made within the same minute share a beginning; an ambiguous one is
refused with the matching IDs, never guessed."""

from __future__ import annotations

import re

from ..core.records import BY_TABLE
from .errors import InvalidInput, NotFound
from .store import Store

MIN_PREFIX = 8
FULL_ID = 36  # characters of a whole UUID
SHOWN = 5
_ID_CHARS = re.compile(r"^[0-9a-f-]+$")
# The command listing each kind, named in the message of an ID not found.
LISTED_BY = {"sessions": "sessions", "people": "people"}


def resolve_id(store: Store, table: str, given: str) -> str:
    """The full ID of the ``table`` record ``given`` names: itself when a record has exactly that
    ID (deleted ones too: the command says what it makes of them), else the one live record whose
    ID begins with it. NotFound (with a hint) or InvalidInput (ambiguous) otherwise."""
    label = BY_TABLE[table].LABEL
    typed = given.strip().lower()
    if store.rows(f"SELECT 1 FROM {table} WHERE id = ?", (typed,)):
        return typed
    listed = LISTED_BY.get(table)
    hint = f" Lihat ID-nya dengan perintah {listed}." if listed else ""
    if len(typed) < MIN_PREFIX or not _ID_CHARS.match(typed):
        raise NotFound(
            f"{label} dengan ID '{given}' tidak ditemukan. Ketik ID lengkap atau sekurang-kurangnya "
            f"{MIN_PREFIX} karakter awalnya.{hint}"
        )
    found = [
        row["id"]
        for row in store.rows(
            f"SELECT id FROM {table} WHERE substr(id, 1, ?) = ? AND deleted = 0 "
            "ORDER BY id LIMIT ?",
            (len(typed), typed, SHOWN + 1),
        )
    ]
    if len(found) == 1:
        return str(found[0])
    if not found:
        which = "ID" if len(typed) >= FULL_ID else "ID berawalan"
        raise NotFound(f"{label} dengan {which} '{given}' tidak ditemukan.{hint}")
    more = " dan lainnya" if len(found) > SHOWN else ""
    raise InvalidInput(
        f"Awalan ID '{given}' cocok dengan lebih dari satu {label.lower()}: "
        + ", ".join(found[:SHOWN])
        + more
        + ". Ketik lebih banyak karakter ID."
    )
