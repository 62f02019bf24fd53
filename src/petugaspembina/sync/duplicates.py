"""Duplicate people: the same person registered by two officers; the clerk links them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..core.records import Person
from ..core.text import name_key
from ..store.errors import InvalidInput
from ..store.store import Store

SIMILAR = 0.85


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two visible people who may be one; ``reason`` says why they were paired."""

    first_id: str
    second_id: str
    reason: str  # "nik" | "name+birth_year+village"
    score: float


def find_duplicates(store: Store, limit: int = 500) -> list[DuplicatePair]:
    """Candidate pairs: same NIK; or similar name with the same birth year and village."""
    pairs: dict[tuple[str, str], DuplicatePair] = {}
    for row in store.rows(
        """SELECT a.id AS first, b.id AS second FROM people a JOIN people b
           ON a.nik = b.nik AND a.id < b.id
           WHERE a.nik IS NOT NULL AND a.deleted = 0 AND b.deleted = 0
             AND a.merged_into IS NULL AND b.merged_into IS NULL"""
    ):
        pairs[(row["first"], row["second"])] = DuplicatePair(
            row["first"], row["second"], "nik", 1.0
        )
    blocks: dict[tuple[int, str], list[tuple[str, str]]] = {}
    for row in store.rows(
        """SELECT id, full_name, birth_year, region_code FROM people
           WHERE deleted = 0 AND merged_into IS NULL
             AND birth_year IS NOT NULL AND region_code IS NOT NULL ORDER BY id"""
    ):
        key = (row["birth_year"], row["region_code"])
        blocks.setdefault(key, []).append((row["id"], name_key(row["full_name"])))
    for members in blocks.values():
        for i, (first, name_a) in enumerate(members):
            for second, name_b in members[i + 1 :]:
                score = difflib.SequenceMatcher(None, name_a, name_b).ratio()
                if score >= SIMILAR and (first, second) not in pairs:
                    pairs[(first, second)] = DuplicatePair(
                        first, second, "name+birth_year+village", round(score, 3)
                    )
    return sorted(pairs.values(), key=lambda p: (-p.score, p.first_id, p.second_id))[:limit]


def survivor_of(store: Store, person_id: str) -> str:
    """Follow ``merged_into`` links to the record that stands for a person."""
    seen = {person_id}
    current = person_id
    while True:
        row = store.rows("SELECT merged_into FROM people WHERE id = ?", (current,))
        target = row[0]["merged_into"] if row else None
        if not target or target in seen:
            return current
        seen.add(target)
        current = target


def link_duplicate(store: Store, duplicate_id: str, survivor_id: str) -> str:
    """Write ``merged_into`` on the duplicate (an ordinary field, so it merges like any other)."""
    store.get(Person, duplicate_id)
    root = survivor_of(store, survivor_id)
    store.get(Person, root)
    if root == duplicate_id:
        raise InvalidInput("Peserta tidak dapat digabungkan dengan dirinya sendiri.")
    store.write(Person.TABLE, {"merged_into": root}, duplicate_id)
    return root
