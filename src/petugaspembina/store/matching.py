"""One person, once: the people a new entry probably is, found the same way by the sign-in form,
the kiosk and the list import before any of them creates a person.

A likely match is either
- the same NIK (``nik``: the same person when the names are alike, ``nik_lain`` when the NIK is
  held by someone whose name differs — a typing error or a borrowed NIK, never a new person), or
- the same name once case, punctuation and runs of spaces are folded, the same sex, birth years
  at most one apart, and the same place: the same kecamatan when both have a Kemendagri code,
  else the same village name (``nama``). A different NIK on both sides means two people.
- a similar name (``mirip``): the same sex, birth years and place, and a name nearly the same
  once common shortenings are spelled out ("Abd" → "abdul", "Moh" → "muhammad") and double
  spaces folded. Only ever offered to the officer; the kiosk and list imports never take it as
  the person (store.signin.choose_match).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..core.text import name_key
from ..core.validation import mask_nik
from .search import PersonHit, fts_filter
from .store import Store

SIMILAR_NAME = 0.85  # same NIK: names this alike (after folding) are one person's spellings
BULK = 200  # more entries than this: one pass over everyone instead of a query per entry
_COLUMNS = (
    "p.id, p.full_name, p.sex, p.birth_year, p.village_name, p.nik, p.category, p.region_code"
)


_SHORTENINGS = {
    "abd": "abdul",
    "abd.": "abdul",
    "moh": "muhammad",
    "muh": "muhammad",
    "mhd": "muhammad",
    "moch": "muhammad",
    "mochammad": "muhammad",
    "mohammad": "muhammad",
    "mohamad": "muhammad",
    "muhamad": "muhammad",
    "m": "muhammad",
    "bt": "binti",
    "bin.": "bin",
}


def _spelled_out(key: str) -> str:
    return " ".join(_SHORTENINGS.get(word, word) for word in key.split())


def similar_names(first: str | None, second: str | None) -> bool:
    """Names probably one person's spellings: equal folded, or nearly so once shortenings are
    spelled out (difflib ratio at least SIMILAR_NAME)."""
    a, b = _spelled_out(name_key(first)), _spelled_out(name_key(second))
    return bool(a) and (a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR_NAME)


@dataclass(frozen=True, slots=True)
class Match:
    """A person an entry probably is; ``reason`` is ``nik``, ``nik_lain``, ``nama`` or ``mirip``
    (a similar name: offered, never used without the officer)."""

    hit: PersonHit
    reason: str

    @property
    def same_person(self) -> bool:
        """True unless the NIK belongs to someone with another name."""
        return self.reason != "nik_lain"


def _kecamatan(code: str | None) -> str | None:
    parts = (code or "").split(".")
    return ".".join(parts[:3]) if len(parts) >= 3 else None


def _same_place(entry: Mapping[str, Any], row: Mapping[str, Any]) -> bool:
    mine, theirs = _kecamatan(entry.get("region_code")), _kecamatan(row.get("region_code"))
    if mine and theirs:
        return mine == theirs
    village = name_key(entry.get("village_name"))
    return bool(village) and village == name_key(row.get("village_name"))


def _alike(first: str | None, second: str | None) -> bool:
    """Spellings of one name: nearly the same letters, or one a shortening of the other
    ("Budi S" / "Budi Santoso", "Siti" / "Siti Aminah")."""
    a, b = name_key(first), name_key(second)
    if a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR_NAME:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    rest = iter(long)
    return bool(short) and all(any(w.startswith(s) for w in rest) for s in short)


def _name_match(
    entry: Mapping[str, Any],
    row: Mapping[str, Any],
    alike: Callable[[str | None, str | None], bool] | None = None,
) -> bool:
    """Same sex, birth year ±1, place, no differing NIKs, and equal folded names (or names
    ``alike`` says are alike)."""
    year, other_year = entry.get("birth_year"), row.get("birth_year")
    return (  # cheapest tests first: a list import asks this many times
        entry.get("sex") is not None
        and entry.get("sex") == row.get("sex")
        and year is not None
        and other_year is not None
        and abs(int(year) - int(other_year)) <= 1
        and bool(name_key(entry.get("full_name")))
        and (
            name_key(entry.get("full_name")) == name_key(row.get("full_name"))
            if alike is None
            else alike(entry.get("full_name"), row.get("full_name"))
        )
        and _same_place(entry, row)
        and not (entry.get("nik") and row.get("nik") and entry["nik"] != row["nik"])
    )


def same_person(first: Mapping[str, Any], second: Mapping[str, Any]) -> bool:
    """Whether two entries (e.g. two rows of one list) are one person by the rules above."""
    if first.get("nik") and first.get("nik") == second.get("nik"):
        return True
    return _name_match(first, second)


def _hit(row: Mapping[str, Any]) -> PersonHit:
    return PersonHit(
        row["id"],
        row["full_name"],
        row["sex"],
        row["birth_year"],
        row["village_name"],
        mask_nik(row["nik"]),
        row["category"],
    )


def _judge(
    entry: Mapping[str, Any], by_nik: list[dict[str, Any]], by_name: list[dict[str, Any]]
) -> list[Match]:
    found: dict[str, Match] = {}
    for row in by_nik:
        reason = "nik" if _alike(entry.get("full_name"), row["full_name"]) else "nik_lain"
        found.setdefault(row["id"], Match(_hit(row), reason))
    for row in by_name:
        if _name_match(entry, row):
            found.setdefault(row["id"], Match(_hit(row), "nama"))
        elif _name_match(entry, row, similar_names):
            found.setdefault(row["id"], Match(_hit(row), "mirip"))
    order = {"nik": 0, "nama": 1, "mirip": 2, "nik_lain": 3}
    return sorted(found.values(), key=lambda m: (order[m.reason], m.hit.id))


def _nik_rows(store: Store, nik: str) -> list[dict[str, Any]]:
    """Visible holders of a NIK; a linked duplicate stands for the record it was linked to."""
    return store.rows(
        f"""SELECT {_COLUMNS} FROM people p
            WHERE p.deleted = 0 AND p.merged_into IS NULL AND (p.nik = ? OR p.id IN (
                SELECT merged_into FROM people WHERE nik = ? AND deleted = 0))""",
        (nik, nik),
    )


def _name_rows(store: Store, entry: Mapping[str, Any]) -> list[dict[str, Any]]:
    key, year, sex = name_key(entry.get("full_name")), entry.get("birth_year"), entry.get("sex")
    if not key or year is None or sex is None:
        return []
    # Same sex, birth year ±1 and place: a handful of people, so similar names are cheap to judge.
    kecamatan = _kecamatan(entry.get("region_code"))
    place, place_params = "p.village_name = ? COLLATE NOCASE", [entry.get("village_name") or ""]
    if kecamatan:
        place = f"({place} OR p.region_code LIKE ?)"
        place_params.append(kecamatan + ".%")
    join, where, params = fts_filter(key)
    return store.rows(
        f"""SELECT {_COLUMNS} FROM people p
            WHERE p.deleted = 0 AND p.merged_into IS NULL AND p.sex = ?
              AND p.birth_year BETWEEN ? AND ? AND ({place} OR p.id IN (
                SELECT p.id FROM people p {join} WHERE 1 = 1{where}))""",
        (sex, int(year) - 1, int(year) + 1, *place_params, *params),
    )


def find_matches(store: Store, entries: Sequence[Mapping[str, Any]]) -> list[list[Match]]:
    """For each entry (checked person values: full_name, sex, birth_year, nik, region_code,
    village_name), the people it probably is, best first: NIK, then name; a NIK held by someone
    else last. Few entries ask the indexes; many (a list import) read everyone once."""
    holders_of, named_like = (
        (partial(_nik_rows, store), partial(_name_rows, store))
        if len(entries) <= BULK
        else _everyone(store)
    )
    out = []
    for entry in entries:
        holders = holders_of(entry["nik"]) if entry.get("nik") else []
        ids = {r["id"] for r in holders}
        named = [r for r in named_like(entry) if r["id"] not in ids]
        out.append(_judge(entry, holders, named))
    return out


def _everyone(
    store: Store,
) -> tuple[
    Callable[[str], list[dict[str, Any]]], Callable[[Mapping[str, Any]], list[dict[str, Any]]]
]:
    """Look-ups over one read of every person who can match (has a NIK, or sex and birth year)."""
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = {}
    by_nik: dict[str, list[dict[str, Any]]] = {}
    merged: list[dict[str, Any]] = []
    visible: dict[str, dict[str, Any]] = {}
    for row in store.rows(
        f"SELECT {_COLUMNS}, p.merged_into FROM people p WHERE p.deleted = 0"
        " AND (p.nik IS NOT NULL OR (p.birth_year IS NOT NULL AND p.sex IS NOT NULL))"
    ):
        if row["merged_into"]:
            merged.append(row)
            continue
        visible[row["id"]] = row
        if row["nik"]:
            by_nik.setdefault(row["nik"], []).append(row)
        if row["sex"] and row["birth_year"] is not None:
            by_key.setdefault((name_key(row["full_name"]), row["sex"]), []).append(row)
    for row in merged:  # a linked duplicate's NIK leads to the record it was linked to
        survivor = visible.get(row["merged_into"]) or _survivor_row(store, row["merged_into"])
        if row["nik"] and survivor is not None and survivor not in by_nik.get(row["nik"], []):
            by_nik.setdefault(row["nik"], []).append(survivor)

    def holders_of(nik: str) -> list[dict[str, Any]]:
        return by_nik.get(nik, [])

    def named_like(entry: Mapping[str, Any]) -> list[dict[str, Any]]:
        return by_key.get((name_key(entry.get("full_name")), entry.get("sex") or ""), [])

    return holders_of, named_like


def _survivor_row(store: Store, person_id: str) -> dict[str, Any] | None:
    rows = store.rows(
        f"SELECT {_COLUMNS} FROM people p WHERE p.id = ? AND p.deleted = 0 AND p.merged_into IS NULL",
        (person_id,),
    )
    return rows[0] if rows else None
