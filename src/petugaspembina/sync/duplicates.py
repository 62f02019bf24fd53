"""Duplicate people: the same person registered by two officers; the clerk links them."""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass

from ..core.enums import Sex
from ..core.labels import label_of
from ..core.records import Person
from ..core.text import name_key
from ..core.validation import mask_nik
from ..store.errors import InvalidInput
from ..store.store import Store

SIMILAR = 0.85
# Linking people further apart than this in birth year needs --force (a typo is a year or two).
MAX_BIRTH_YEAR_GAP = 2
REASON_LABELS = {
    "nik": "NIK sama",
    "name+birth_year+village": "Nama mirip, tahun lahir dan desa sama",
}


@dataclass(frozen=True, slots=True)
class PersonBrief:
    """What a clerk needs to tell two people apart; the NIK masked."""

    id: str
    name: str
    sex: str | None
    birth_year: int | None
    village: str | None
    nik_masked: str

    @property
    def sex_label(self) -> str:
        """Laki-laki / Perempuan, or "" when unknown."""
        return label_of(Sex, self.sex)


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two visible people who may be one; ``reason`` says why they were paired."""

    first_id: str
    second_id: str
    reason: str  # "nik" | "name+birth_year+village"
    score: float
    first: PersonBrief | None = None
    second: PersonBrief | None = None

    @property
    def reason_label(self) -> str:
        """Why the pair was suggested, in Indonesian."""
        return REASON_LABELS.get(self.reason, self.reason)


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
    found = sorted(pairs.values(), key=lambda p: (-p.score, p.first_id, p.second_id))[:limit]
    people = person_briefs(store, {i for p in found for i in (p.first_id, p.second_id)})
    return [
        dataclasses.replace(p, first=people.get(p.first_id), second=people.get(p.second_id))
        for p in found
    ]


def person_briefs(store: Store, ids: set[str]) -> dict[str, PersonBrief]:
    """Name, sex, birth year, village and masked NIK of these people, by id."""
    briefs: dict[str, PersonBrief] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for row in store.rows(
            f"""SELECT id, full_name, sex, birth_year, village_name, nik FROM people
                WHERE id IN ({",".join("?" * len(chunk))})""",
            tuple(chunk),
        ):
            briefs[row["id"]] = PersonBrief(
                row["id"],
                row["full_name"] or "",
                row["sex"],
                row["birth_year"],
                row["village_name"],
                mask_nik(row["nik"]),
            )
    return briefs


def link_refusal(first: PersonBrief, second: PersonBrief) -> str | None:
    """Why two people are unlikely to be one (different sex, birth years far apart), or None."""
    reasons = []
    if first.sex and second.sex and first.sex != second.sex:
        reasons.append(f"jenis kelamin berbeda ({first.sex_label} dan {second.sex_label})")
    if first.birth_year and second.birth_year:
        gap = abs(first.birth_year - second.birth_year)
        if gap > MAX_BIRTH_YEAR_GAP:
            reasons.append(
                f"tahun lahir berselisih {gap} tahun ({first.birth_year} dan {second.birth_year})"
            )
    if not reasons:
        return None
    return (
        "Kedua peserta tampaknya bukan orang yang sama: "
        + "; ".join(reasons)
        + ". Periksa lagi, atau gunakan --force bila yakin."
    )


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


def link_duplicate(
    store: Store, duplicate_id: str, survivor_id: str, *, force: bool = False
) -> str:
    """Write ``merged_into`` on the duplicate (an ordinary field, so it merges like any other).

    A pair of different sex or birth years more than two apart is refused unless ``force``.
    """
    store.get(Person, duplicate_id)
    root = survivor_of(store, survivor_id)
    store.get(Person, root)
    if root == duplicate_id:
        raise InvalidInput("Peserta tidak dapat digabungkan dengan dirinya sendiri.")
    if not force:
        briefs = person_briefs(store, {duplicate_id, root})
        refusal = link_refusal(briefs[duplicate_id], briefs[root])
        if refusal:
            raise InvalidInput(refusal)
    store.write(Person.TABLE, {"merged_into": root}, duplicate_id)
    return root
