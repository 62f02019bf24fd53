"""Find people as you type (name, NIK or its last digits, village, phone), in SQL: never a
Python-side filter over all rows (docs/benchmarks.md, P2)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.validation import mask_nik
from .store import Store

_WORD = re.compile(r"[^\W_]+|\d+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PersonHit:
    """A person found by search: what the officer needs to recognise them, NIK masked."""

    id: str
    full_name: str | None
    sex: str | None
    birth_year: int | None
    village_name: str | None
    nik_masked: str
    category: str | None


def _fts_query(text: str) -> str | None:
    """Every word of three or more characters must occur (trigram index); None if none has."""
    words = [w for w in _WORD.findall(text.lower()) if len(w) >= 3]
    if not words:
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)


def fts_filter(text: str) -> tuple[str, str, list[str]]:
    """(join, extra WHERE, parameters) restricting ``people p`` to matches of ``text``."""
    text = text.strip()
    if not text:
        return "", "", []
    query = _fts_query(text)
    short = [w for w in _WORD.findall(text.lower()) if len(w) < 3]
    where = "".join(" AND p.full_name LIKE ? COLLATE NOCASE" for _ in short)
    params = [f"%{w}%" for w in short]
    if query is None:
        return "", where, params
    return (
        "JOIN people_fts f ON f.rowid = p.rowid",
        " AND people_fts MATCH ?" + where,
        [query, *params],
    )


def search_people(store: Store, text: str, limit: int = 20) -> list[PersonHit]:
    """Visible people (not merged away) matching ``text``; short input matches name starts."""
    text = text.strip()
    if not text:
        return []
    query = _fts_query(text)
    if query is not None:
        # Words under three letters cannot use the trigram index: they narrow by name instead.
        short = [w for w in _WORD.findall(text.lower()) if len(w) < 3]
        extra = "".join(" AND p.full_name LIKE ? COLLATE NOCASE" for _ in short)
        rows = store.rows(
            f"""SELECT p.id, p.full_name, p.sex, p.birth_year, p.village_name, p.nik, p.category
               FROM people_fts f JOIN people p ON p.rowid = f.rowid
               WHERE people_fts MATCH ? AND p.deleted = 0 AND p.merged_into IS NULL{extra}
               ORDER BY f.rank LIMIT ?""",
            (query, *[f"%{w}%" for w in short], limit),
        )
    else:
        pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = store.rows(
            """SELECT id, full_name, sex, birth_year, village_name, nik, category FROM people
               WHERE full_name LIKE ? ESCAPE '\\' COLLATE NOCASE AND deleted = 0
                 AND merged_into IS NULL
               ORDER BY full_name COLLATE NOCASE LIMIT ?""",
            (pattern, limit),
        )
    return [
        PersonHit(
            r["id"],
            r["full_name"],
            r["sex"],
            r["birth_year"],
            r["village_name"],
            mask_nik(r["nik"]),
            r["category"],
        )
        for r in rows
    ]
