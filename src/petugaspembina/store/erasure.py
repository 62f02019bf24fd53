"""Erase one person everywhere (UU PDP): the person, linked duplicates, sign-ins, referrals with
their follow-ups, certificates with their log. Erasure travels in bundles like any change.

In the database nothing is left behind: every stored value is blanked (history too), the search
index is merged so no old entry keeps a piece of the name, freed pages are zeroed
(``secure_delete``, set on every connection) and the WAL is checkpointed into the file and
emptied. Backups and quarantined bundles are the business of ``petugaspembina.erase``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from .db import checkpoint_truncate, transaction
from .errors import NotFound
from .store import Store

# The fields by which a person can be found in a file (docs/security.md "Erasure").
TRACE_FIELDS = ("full_name", "nik", "phone")


@dataclass(frozen=True, slots=True)
class PersonTraces:
    """What identifies a person in files outside the database: their record ids and every name,
    NIK and phone number they ever had here. Held in memory only, never written or logged."""

    ids: tuple[str, ...]
    texts: tuple[str, ...]


@dataclass(slots=True)
class DatabaseErasure:
    """What the erasure did in the database: counts only, never values."""

    records: dict[str, int] = field(default_factory=dict)  # table -> records erased
    versions_blanked: int = 0
    file_clean: bool = True  # False: another program's open read kept the WAL from emptying
    bundles_sent: int = 0  # exports that may have carried this person before
    certificates: int = 0
    sessions: int = 0  # sessions whose attendance sheet listed them

    @property
    def total(self) -> int:
        """Records erased in all."""
        return sum(self.records.values())


def erasure_targets(store: Store, person_id: str) -> list[tuple[str, str]]:
    """Every (table, id) that holds this person's data."""
    people = [person_id] + [
        r["id"] for r in store.rows("SELECT id FROM people WHERE merged_into = ?", (person_id,))
    ]
    marks = ",".join("?" * len(people))
    targets = [("people", p) for p in people]
    for table, column in (
        ("attendance", "person_id"),
        ("referrals", "person_id"),
        ("certificates", "person_id"),
    ):
        targets += [
            (table, r["id"])
            for r in store.rows(f'SELECT id FROM "{table}" WHERE {column} IN ({marks})', people)
        ]
    referrals = [rid for table, rid in targets if table == "referrals"]
    certificates = [cid for table, cid in targets if table == "certificates"]
    for table, column, parents in (
        ("referral_events", "referral_id", referrals),
        ("certificate_events", "certificate_id", certificates),
    ):
        if parents:
            targets += [
                (table, r["id"])
                for r in store.rows(
                    f'SELECT id FROM "{table}" WHERE {column} IN ({",".join("?" * len(parents))})',
                    parents,
                )
            ]
    return targets


def person_traces(store: Store, person_id: str) -> PersonTraces:
    """The ids, names, NIKs and phone numbers of the person and their linked duplicates, every
    version ever stored (read before the erasure blanks them)."""
    ids = [t[1] for t in erasure_targets(store, person_id) if t[0] == "people"]
    marks = ",".join("?" * len(ids))
    texts: set[str] = set()
    for row in store.rows(
        f"SELECT value FROM fv WHERE tbl = 'people' AND rid IN ({marks}) "
        f"AND field IN ({','.join('?' * len(TRACE_FIELDS))})",
        [*ids, *TRACE_FIELDS],
    ):
        value = json.loads(row["value"]) if row["value"] else None
        if isinstance(value, str) and value.strip():
            texts.add(value.strip())
    return PersonTraces(tuple(ids), tuple(sorted(texts)))


def erase_person_data(store: Store, person_id: str) -> DatabaseErasure:
    """Erase the person in one transaction, then leave no copy of their values in the file.

    Raises:
        NotFound: no such person, or already erased.
    """
    if not store.rows("SELECT 1 FROM people WHERE id = ? AND erased = 0", (person_id,)):
        raise NotFound("Peserta tidak ditemukan.")
    targets = erasure_targets(store, person_id)
    done = DatabaseErasure(records=dict(Counter(table for table, _ in targets)))
    done.certificates = done.records.get("certificates", 0)
    attendance = [rid for table, rid in targets if table == "attendance"]
    if attendance:
        done.sessions = int(
            store.conn.execute(
                "SELECT count(DISTINCT session_id) FROM attendance "
                f"WHERE id IN ({','.join('?' * len(attendance))})",
                attendance,
            ).fetchone()[0]
        )
    first_seq, versions = _versions_of(store, targets)
    done.versions_blanked = versions
    if first_seq is not None:
        done.bundles_sent = int(
            store.conn.execute(
                "SELECT count(*) FROM exports WHERE up_to >= ?", (first_seq,)
            ).fetchone()[0]
        )
    store.erase(targets)
    done.file_clean = scrub_file(store)
    return done


def erase_person(store: Store, person_id: str) -> int:
    """Erase the person and everything about them; returns records erased."""
    return erase_person_data(store, person_id).total


def scrub_file(store: Store) -> bool:
    """After an erasure: merge the people search index (its old segments still hold pieces of
    the erased values until merged), then checkpoint and empty the WAL. False when another
    connection's open read kept the WAL from emptying."""
    with transaction(store.conn):
        store.conn.execute("INSERT INTO people_fts (people_fts) VALUES ('optimize')")
    return checkpoint_truncate(store.conn)


def _versions_of(store: Store, targets: list[tuple[str, str]]) -> tuple[int | None, int]:
    """The first arrival number among the targets' versions, and how many versions they have."""
    first: int | None = None
    count = 0
    by_table: dict[str, list[str]] = {}
    for table, rid in targets:
        by_table.setdefault(table, []).append(rid)
    for table, ids in by_table.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            low, many = store.conn.execute(
                f"SELECT min(seq), coalesce(sum(n), 0) FROM fc WHERE tbl = ? "
                f"AND rid IN ({','.join('?' * len(chunk))})",
                [table, *chunk],
            ).fetchone()
            count += int(many)
            if low is not None and (first is None or low < first):
                first = int(low)
    return first, count
