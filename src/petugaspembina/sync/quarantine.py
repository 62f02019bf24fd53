"""Files after an erasure: every quarantined bundle that mentions the erased person is removed
with its reason note, and the backups made before are replaced (docs/security.md "Erasure").

A file is searched as text (a bundle is JSON: its strings are read with escapes undone), for the
person's record ids, names, NIKs and phone numbers, each as a whole word and without regard to
case. A sealed bundle addressed to this office is opened first; one that cannot be opened here is
counted as not checked and left.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..store.backup import BackupPurge, replace_backups
from ..store.erasure import PersonTraces
from ..store.store import Store
from .importer import read_quarantined
from .inputs import UnreadableInput
from .sealed import is_sealed, peek_sealed

BUNDLE_GLOB = "*.bundle"
NOTE_SUFFIX = ".alasan.txt"


@dataclass(frozen=True, slots=True)
class QuarantinePurge:
    """Counts only: files removed, files that could not be searched, files that failed to go."""

    removed: int = 0
    unchecked: int = 0
    left: int = 0


def clean_after_erasure(
    store: Store, backups: Path | None, quarantine: Path | None, traces: PersonTraces
) -> tuple[BackupPurge | None, QuarantinePurge | None]:
    """Replace the backups (one fresh, the older ones removed) and purge the quarantine."""
    purge = replace_backups(store.conn, backups) if backups is not None else None
    cleared = purge_person(store, quarantine, traces) if quarantine is not None else None
    return purge, cleared


def purge_person(store: Store, folder: Path, traces: PersonTraces) -> QuarantinePurge:
    """Remove every quarantined bundle (and its reason note) that holds the person."""
    if not folder.is_dir() or not (traces.ids or traces.texts):
        return QuarantinePurge()
    ids = {i.lower() for i in traces.ids}
    pattern = _pattern(traces)
    removed = unchecked = left = 0
    for path in sorted(folder.glob(BUNDLE_GLOB)):
        try:
            text = _searchable(store, read_quarantined(path))
        except UnreadableInput:
            unchecked += 1
            continue
        if text is None:
            unchecked += 1
            continue
        if not (ids & set(_UUID.findall(text.lower())) or (pattern and pattern.search(text))):
            continue
        try:
            path.unlink()
            removed += 1
        except OSError:
            left += 1
            continue
        path.with_name(path.name[: -len(".bundle")] + NOTE_SUFFIX).unlink(missing_ok=True)
    return QuarantinePurge(removed, unchecked, left)


# Record ids are found by collecting every UUID in a file (a set lookup, however many ids an
# office has erased); names, NIKs and phones, a handful, by one pattern.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _pattern(traces: PersonTraces) -> re.Pattern[str] | None:
    words = set(traces.texts)
    for text in traces.texts:  # a phone stored +628…, also found as 628… and 08…
        if text.startswith("+62") and text[3:].isdigit():
            words |= {text[1:], "0" + text[3:]}
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _searchable(store: Store, data: bytes) -> str | None:
    """The file's text: JSON strings with escapes undone; a sealed bundle's inside; None when
    sealed and not openable here."""
    text = data.decode("utf-8", errors="replace")
    try:
        doc = json.loads(text)
        if is_sealed(doc):
            plain = peek_sealed(store, doc)
            return None if plain is None else _searchable(store, plain)
        return text + "\n" + "\n".join(_strings(doc))
    except (ValueError, RecursionError):
        return text  # not JSON (junk, damaged, nested too deep): searched as it is


def _strings(value: Any) -> Iterator[str]:
    """Every string in a parsed JSON document, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
