"""Erase one person everywhere (UU PDP): the person, linked duplicates, sign-ins, referrals with
their follow-ups, certificates with their log. Erasure travels in bundles like any change."""

from __future__ import annotations

from .errors import NotFound
from .store import Store


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


def erase_person(store: Store, person_id: str) -> int:
    """Erase the person and everything about them in one transaction; returns records erased."""
    if not store.rows("SELECT 1 FROM people WHERE id = ? AND erased = 0", (person_id,)):
        raise NotFound("Peserta tidak ditemukan.")
    targets = erasure_targets(store, person_id)
    store.erase(targets)
    return len(targets)
