"""Which office a plain bundle comes from, before it is merged (docs/clerk.md "Bundles from
another office").

A clerk who drops a stick from a neighbouring office would otherwise merge its officers' records
into this office's figures without a word. A bundle counts as from another office when the office
named in its ``source`` differs from this one (case, spaces and punctuation aside) and its device
is neither enrolled here nor already imported here (the clerk decided about it once), nor relayed
by an office enrolled here. Sealed bundles are never asked about: only a device enrolled at this
office can seal to it, and anything else is refused by the import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..store.store import Store
from .bundle import FORMAT, SIGNATURE_KEY
from .inputs import PHOTO_PART_PREFIX, UnreadableInput, regular_file_size

# Reading a whole bundle only to name its office would double an import's work: the header, which
# the exporter writes before the changes, is enough.
_HEAD_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class ForeignBundle:
    """A plain bundle made by an officer of another office."""

    path: Path
    office: str  # as the bundle names it
    officer: str | None


def office_key(name: str | None) -> str:
    """An office name compared loosely: case, spaces and punctuation ignored."""
    return re.sub(r"[\W_]+", " ", (name or "").casefold()).strip()


def own_office_names(store: Store) -> set[str]:
    """This database's office, as typed at first run (``init --office``)."""
    name = office_key(store.meta("office"))
    return {name} if name else set()


def _header(path: Path) -> dict[str, Any] | None:
    """The bundle's header (without its changes), or None when it is not a readable plain bundle
    (sealed, damaged, a photo part: the import has its own words for those)."""
    try:
        regular_file_size(path)  # a FIFO or a device is never opened
        with path.open("rb") as file:
            head = file.read(_HEAD_BYTES)
    except (UnreadableInput, OSError):
        return None
    cut = head.find(b',"changes":')
    if cut <= 0:
        return None
    try:
        doc = json.loads(head[:cut] + b"}")
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        return None
    return doc


def foreign_bundles(store: Store, files: Sequence[Path]) -> list[ForeignBundle]:
    """The plain bundles among ``files`` that come from another office (see the module's text)."""
    own = own_office_names(store)
    if not own:
        return []
    enrolled = {r[0] for r in store.conn.execute("SELECT device_id FROM enrolled_devices")}
    known = {r[0] for r in store.conn.execute("SELECT DISTINCT device_id FROM imported_bundles")}
    relays = {r[0] for r in store.conn.execute("SELECT kid FROM relay_offices")}
    found = []
    for path in files:
        if path.name.startswith(PHOTO_PART_PREFIX):
            continue
        doc = _header(path)
        source = doc.get("source") if doc is not None else None
        if doc is None or not isinstance(source, dict):
            continue
        office = source.get("office")
        device = source.get("device_id")
        if not isinstance(office, str) or not office_key(office) or office_key(office) in own:
            continue
        if device in enrolled or device in known or device == store.device_id:
            continue
        signature = doc.get(SIGNATURE_KEY)
        if isinstance(signature, dict) and signature.get("kid") in relays:
            continue
        officer = source.get("officer")
        name = officer.get("name") if isinstance(officer, dict) else None
        found.append(
            ForeignBundle(path, office[:120], name[:120] if isinstance(name, str) else None)
        )
    return found
