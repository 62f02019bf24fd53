"""Duplicate people: the same person registered by two officers; the clerk links them."""

from __future__ import annotations

import dataclasses
import difflib
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from ..core.enums import ParticipantCategory, Sex
from ..core.labels import label_of
from ..core.records import KeptApart, Person
from ..core.text import name_key
from ..core.validation import mask_nik
from ..store.errors import InvalidInput, NotFound
from ..store.store import Store

SIMILAR = 0.85
# Linking people further apart than this in birth year needs --force (a typo is a year or two).
MAX_BIRTH_YEAR_GAP = 2
REASON_LABELS = {
    "nik": "NIK sama",
    "name+birth_year+village": "Nama mirip, tahun lahir dan desa sama",
}
# A name-paired pair whose names are the same once folded (case, punctuation): "mirip" would
# mislead, so the reason says "sama".
SAME_NAME_REASON = "name+birth_year+village"
SAME_NAME_LABEL = "Nama sama, tahun lahir dan desa sama"


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
        """Why the pair was suggested, in Indonesian ("Nama sama" when the names are)."""
        names = [brief.name for brief in (self.first, self.second) if brief is not None]
        if self.reason == SAME_NAME_REASON and len(names) == 2 and same_name(*names):
            return SAME_NAME_LABEL
        return REASON_LABELS.get(self.reason, self.reason)


@dataclass(frozen=True, slots=True)
class Suggestions:
    """The most likely pairs (at most the limit asked for) and how many were found in all."""

    pairs: list[DuplicatePair]
    total: int


def same_name(first: str | None, second: str | None) -> bool:
    """The two names are one once case, punctuation and spacing are set aside."""
    return name_key(first) == name_key(second)


def find_duplicates(store: Store, limit: int = 500) -> list[DuplicatePair]:
    """Candidate pairs: same NIK; or similar name with the same birth year and village."""
    return suggest_duplicates(store, limit).pairs


def suggest_duplicates(store: Store, limit: int = 500) -> Suggestions:
    """``find_duplicates`` with the number of pairs found before the limit."""
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
        names = [name for _, name in members]
        for i, j, score in similar_names(names):
            first, second = members[i][0], members[j][0]
            if (first, second) not in pairs:
                pairs[(first, second)] = DuplicatePair(
                    first, second, "name+birth_year+village", round(score, 3)
                )
    apart = kept_apart_pairs(store)
    kept = [p for p in pairs.values() if (p.first_id, p.second_id) not in apart]
    found = sorted(kept, key=lambda p: (-p.score, p.first_id, p.second_id))[:limit]
    people = person_briefs(store, {i for p in found for i in (p.first_id, p.second_id)})
    described = [
        dataclasses.replace(p, first=people.get(p.first_id), second=people.get(p.second_id))
        for p in found
    ]
    return Suggestions(described, len(kept))


def similar_names(names: Sequence[str]) -> Iterator[tuple[int, int, float]]:
    """(i, j, score) for each i < j whose names score at least SIMILAR by ``difflib``'s ratio.

    Comparing every pair with difflib took minutes for one import of 100,000 people (about 600
    people share a birth year and a village there). rapidfuzz's ratio, 2·LCS / total length, is
    never below difflib's, 2·matches / total length, because difflib's matches are one common
    subsequence: so rapidfuzz drops the pairs that cannot reach SIMILAR, in compiled code, and
    difflib scores the few left exactly as before."""
    cutoff = SIMILAR * 100 - 1e-6  # float rounding must not drop a pair at exactly SIMILAR
    for i, name in enumerate(names[:-1]):
        for _, _, offset in process.extract(
            name, names[i + 1 :], scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            j = i + 1 + offset
            score = difflib.SequenceMatcher(None, name, names[j]).ratio()
            if score >= SIMILAR:
                yield i, j, score


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


# -- the clerk's review: what a person sees of a pair, and the "Berbeda" decision ---------------

_PAIR_NAMESPACE = uuid.UUID("6f1c2a57-3f0e-4d8e-9a51-2b7c1d0e5a90")


@dataclass(frozen=True, slots=True)
class PersonSide:
    """One person of a suggested pair, as the clerk compares them (NIK masked)."""

    id: str
    full_name: str
    sex: str
    birth_year: int | None
    village_name: str
    nik_masked: str
    sessions: int
    # Added for telling apart people of the same name: the category (the person's, else that of
    # their latest sign-in) and the first and last dates of the sessions they signed in at.
    category: str = ""
    first_session: str | None = None
    last_session: str | None = None

    @property
    def category_label(self) -> str:
        """Kepala Desa / Lurah, Guru, …; "" when unknown."""
        return label_of(ParticipantCategory, self.category)


@dataclass(frozen=True, slots=True)
class PairDescription:
    """A suggested pair in human terms: both people side by side, why, and how similar."""

    first: PersonSide
    second: PersonSide
    reason: str
    reason_text: str
    score: float

    @property
    def same_name(self) -> bool:
        """Paired by name, and the names are the same (not just similar)."""
        return self.reason == SAME_NAME_REASON and same_name(
            self.first.full_name, self.second.full_name
        )

    def to_json(self) -> dict[str, object]:
        """Extra keys for ``duplicates --json`` (the pair's own keys stay as they are)."""
        from dataclasses import asdict

        return {
            "first": asdict(self.first),
            "second": asdict(self.second),
            "reason_text": self.reason_text,
            "score_percent": round(self.score * 100),
        }


REASON_TEXT = {
    "nik": "NIK sama",
    "name+birth_year+village": "nama mirip, tahun lahir dan desa sama",
}
SAME_NAME_TEXT = "nama sama, tahun lahir dan desa sama"


def _side(store: Store, person_id: str) -> PersonSide:
    rows = store.rows(
        """SELECT p.id, p.full_name, p.sex, p.birth_year, p.village_name, p.nik,
                  (SELECT count(*) FROM attendance a WHERE a.person_id = p.id AND a.deleted = 0)
                  AS sessions,
                  (SELECT min(s.date) FROM attendance a JOIN sessions s ON s.id = a.session_id
                   WHERE a.person_id = p.id AND a.deleted = 0) AS first_session,
                  (SELECT max(s.date) FROM attendance a JOIN sessions s ON s.id = a.session_id
                   WHERE a.person_id = p.id AND a.deleted = 0) AS last_session,
                  coalesce(p.category,
                           (SELECT a.category FROM attendance a
                            LEFT JOIN sessions s ON s.id = a.session_id
                            WHERE a.person_id = p.id AND a.deleted = 0 AND a.category IS NOT NULL
                            ORDER BY s.date DESC, a.signed_at DESC LIMIT 1)) AS category
           FROM people p WHERE p.id = ?""",
        (person_id,),
    )
    if not rows:
        raise NotFound("Peserta tidak ditemukan.")
    row = rows[0]
    return PersonSide(
        row["id"],
        row["full_name"] or "",
        row["sex"] or "",
        row["birth_year"],
        row["village_name"] or "",
        mask_nik(row["nik"]),
        int(row["sessions"]),
        row["category"] or "",
        row["first_session"],
        row["last_session"],
    )


def describe_pair(store: Store, pair: DuplicatePair) -> PairDescription:
    """Name, sex, birth year, village, masked NIK, category and sessions attended (how many,
    first and last date) of both people."""
    first, second = _side(store, pair.first_id), _side(store, pair.second_id)
    text = REASON_TEXT.get(pair.reason, pair.reason)
    if pair.reason == SAME_NAME_REASON and same_name(first.full_name, second.full_name):
        text = SAME_NAME_TEXT
    return PairDescription(first, second, pair.reason, text, pair.score)


def _ordered(first_id: str, second_id: str) -> tuple[str, str]:
    return (first_id, second_id) if first_id < second_id else (second_id, first_id)


def kept_apart_id(first_id: str, second_id: str) -> str:
    """The record id of a pair's decision: the same on every device (a UUID of the pair)."""
    a, b = _ordered(first_id, second_id)
    return str(uuid.uuid5(_PAIR_NAMESPACE, f"{a}|{b}"))


def kept_apart_pairs(store: Store) -> set[tuple[str, str]]:
    """Pairs the clerk (here or at another office) decided are different people."""
    return {
        _ordered(row["first_id"], row["second_id"])
        for row in store.rows(
            "SELECT first_id, second_id FROM kept_apart WHERE deleted = 0 "
            "AND first_id IS NOT NULL AND second_id IS NOT NULL"
        )
    }


def keep_apart(store: Store, first_id: str, second_id: str, today: date | None = None) -> str:
    """Record "Berbeda": these two are different people; travels in bundles. Returns the id."""
    if first_id == second_id:
        raise InvalidInput("Pilih dua peserta yang berbeda.")
    store.get(Person, first_id)
    store.get(Person, second_id)
    a, b = _ordered(first_id, second_id)
    rid = kept_apart_id(a, b)
    values = {"first_id": a, "second_id": b, "decided_on": (today or date.today()).isoformat()}
    row = store.rows("SELECT deleted FROM kept_apart WHERE id = ?", (rid,))
    if not row:
        from ..store.store import Edit

        store.write_many([Edit(KeptApart.TABLE, values, rid, new=True)])
    elif row[0]["deleted"]:
        store.undelete(KeptApart.TABLE, rid)
        store.write(KeptApart.TABLE, values, rid)
    return rid


def undo_keep_apart(store: Store, first_id: str, second_id: str) -> None:
    """Take back "Berbeda": the pair may be suggested again."""
    rid = kept_apart_id(first_id, second_id)
    if not store.rows("SELECT 1 FROM kept_apart WHERE id = ? AND deleted = 0", (rid,)):
        raise NotFound("Keputusan 'Berbeda' untuk pasangan ini tidak ditemukan.")
    store.delete(KeptApart.TABLE, rid)


def unlink_duplicate(store: Store, duplicate_id: str) -> None:
    """Take back "Sama": the duplicate stands on its own again (``merged_into`` cleared)."""
    person = store.get(Person, duplicate_id)
    if not person.merged_into:
        raise InvalidInput("Peserta ini tidak sedang digabungkan.")
    store.write(Person.TABLE, {"merged_into": None}, duplicate_id)
