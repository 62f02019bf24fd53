"""Read queries for listings and the canonical dump. They return dataclasses or plain JSON data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..core.records import DELETED, ERASED, SCHEMA
from ..core.validation import mask_nik
from .store import Store


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """A row of the Kegiatan list."""

    id: str
    date: str | None
    session_type: str | None
    title: str | None
    village_name: str | None
    attendees: int
    male: int
    female: int


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """A row of the Peserta list; the NIK is masked."""

    id: str
    full_name: str | None
    sex: str | None
    birth_year: int | None
    village_name: str | None
    category: str | None
    nik_masked: str
    sessions: int


@dataclass(frozen=True, slots=True)
class ReferralSummary:
    """A row of the Rujukan list: no person, narrative or contact until a case is opened."""

    id: str
    status: str | None
    risk_type: str | None
    urgency: str | None
    agency: str | None
    referred_on: str | None
    events: int


def list_sessions(store: Store, limit: int = 1000, offset: int = 0) -> list[SessionSummary]:
    """Visible sessions, newest first, with sign-in counts by sex (survivors of merged people)."""
    rows = store.rows(
        """SELECT s.id, s.date, s.session_type, s.title, s.village_name,
                  count(a.id) AS attendees,
                  coalesce(sum(p.sex = 'L'), 0) AS male, coalesce(sum(p.sex = 'P'), 0) AS female
           FROM sessions s
           LEFT JOIN attendance a ON a.session_id = s.id AND a.deleted = 0
           LEFT JOIN people p ON p.id = a.person_id
           WHERE s.deleted = 0
           GROUP BY s.id ORDER BY s.date DESC, s.id LIMIT ? OFFSET ?""",
        (limit, offset),
    )
    return [SessionSummary(**row) for row in rows]


def list_people(store: Store, limit: int = 1000, offset: int = 0) -> list[PersonSummary]:
    """Visible people by name; a linked duplicate is counted with its survivor, not listed."""
    rows = store.rows(
        """SELECT p.id, p.full_name, p.sex, p.birth_year, p.village_name, p.category, p.nik,
                  (SELECT count(DISTINCT a.session_id) FROM attendance a
                   WHERE a.deleted = 0 AND (a.person_id = p.id OR a.person_id IN
                         (SELECT d.id FROM people d WHERE d.merged_into = p.id))) AS sessions
           FROM people p WHERE p.deleted = 0 AND p.merged_into IS NULL
           ORDER BY p.full_name COLLATE NOCASE, p.id LIMIT ? OFFSET ?""",
        (limit, offset),
    )
    return [
        PersonSummary(
            id=row["id"],
            full_name=row["full_name"],
            sex=row["sex"],
            birth_year=row["birth_year"],
            village_name=row["village_name"],
            category=row["category"],
            nik_masked=mask_nik(row["nik"]),
            sessions=row["sessions"],
        )
        for row in rows
    ]


def list_referrals(store: Store, limit: int = 1000, offset: int = 0) -> list[ReferralSummary]:
    """Visible referrals, newest first, without personal details."""
    rows = store.rows(
        """SELECT r.id, r.status, r.risk_type, r.urgency, g.abbreviation AS agency, r.referred_on,
                  (SELECT count(*) FROM referral_events e WHERE e.referral_id = r.id
                   AND e.deleted = 0) AS events
           FROM referrals r LEFT JOIN agencies g ON g.id = r.agency_id
           WHERE r.deleted = 0
           ORDER BY coalesce(r.referred_on, '') DESC, r.id LIMIT ? OFFSET ?""",
        (limit, offset),
    )
    return [ReferralSummary(**row) for row in rows]


def dump(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every synced table's visible records with their winning values, sorted by id.

    Built from the merge heads only, so two databases with the same field versions dump the same.
    """
    out: dict[str, list[dict[str, Any]]] = {}
    for table in SCHEMA:
        records: dict[str, dict[str, Any]] = {}
        for rid, name, value in store.conn.execute(
            f"""SELECT h.rid, h.field, h.value FROM heads h JOIN "{table}" c ON c.id = h.rid
                WHERE h.tbl = ? AND c.deleted = 0 AND h.field NOT IN ('{DELETED}', '{ERASED}')
                ORDER BY h.rid, h.field""",
            (table,),
        ):
            records.setdefault(rid, {"id": rid})[name] = json.loads(value)
        out[table] = list(records.values())
    return out
