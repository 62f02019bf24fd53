"""Read queries for listings and the canonical dump. They return dataclasses or plain JSON data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..core.enums import ReferralStatus, RiskType, Urgency
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
    officers: str | None = None  # the officers present, else the one whose device recorded it


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
    # Follow-ups (Tindak Lanjut): the case's timeline without its opening "Draf" entry, written
    # when the case is recorded (``referrals.create_referral``); a case still in Draf has none.
    events: int


SESSION_SORT = {
    "date": "s.date",
    "session_type": "s.session_type",
    "title": "s.title",
    "village_name": "s.village_name",
    "attendees": "attendees",
    "male": "male",
    "female": "female",
    "officers": "officers COLLATE NOCASE",
}
PERSON_SORT = {
    "full_name": "p.full_name COLLATE NOCASE",
    "sex": "p.sex",
    "birth_year": "p.birth_year",
    "village_name": "p.village_name COLLATE NOCASE",
    "category": "p.category",
    "nik_masked": "p.nik",
    "sessions": "sessions",
}
REFERRAL_SORT = {
    "referred_on": "coalesce(r.referred_on, '')",
    "status": "r.status",
    "risk_type": "r.risk_type",
    "urgency": "r.urgency",
    "agency": "g.abbreviation",
    "events": "events",
}


def _order(sorts: dict[str, str], key: str | None, descending: bool, default: str) -> str:
    expression = sorts.get(key or "", default)
    return f"{expression} {'DESC' if descending else 'ASC'}"


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# Officers of a listed session: those ticked as present, else the officer whose device wrote the
# session's first version (the HLC ends with the device id).
_OFFICERS = """coalesce(
    (SELECT group_concat(o.name, ', ') FROM json_each(
         CASE WHEN json_valid(s.officer_ids) THEN s.officer_ids ELSE '[]' END) j
     JOIN officers o ON o.id = j.value AND o.deleted = 0),
    (SELECT o.name FROM fc f JOIN officers o ON o.device_id = substr(f.hlc, -32)
     AND o.deleted = 0 WHERE f.tbl = 'sessions' AND f.rid = s.id ORDER BY f.hlc LIMIT 1))"""


_ATTENDEES_OF_SEX = """(SELECT count(DISTINCT coalesce(p.merged_into, p.id)) FROM attendance a
    JOIN people p INDEXED BY people_recap ON p.id = a.person_id
    LEFT JOIN people m INDEXED BY people_recap ON m.id = p.merged_into
    WHERE a.session_id = s.id AND a.deleted = 0 AND coalesce(m.sex, p.sex) = '{sex}')"""


def _session_filter(text: str) -> tuple[str, list[str]]:
    """The WHERE of visible sessions whose title, village or venue contains ``text``."""
    where, params = "s.deleted = 0", []
    if text.strip():
        where += (
            " AND (s.title LIKE ? ESCAPE '\\' OR s.village_name LIKE ? ESCAPE '\\'"
            " OR s.venue LIKE ? ESCAPE '\\')"
        )
        params += [_like(text.strip())] * 3
    return where, params


def count_sessions(store: Store, text: str = "") -> int:
    """How many visible sessions ``list_sessions`` would give for ``text`` without a limit."""
    where, params = _session_filter(text)
    return int(store.rows(f"SELECT count(*) AS n FROM sessions s WHERE {where}", params)[0]["n"])


def list_sessions(
    store: Store,
    limit: int = 1000,
    offset: int = 0,
    *,
    text: str = "",
    sort: str | None = "date",
    descending: bool = True,
) -> list[SessionSummary]:
    """Visible sessions with sign-in counts by sex, filtered by title, village or venue."""
    where, params = _session_filter(text)
    # Counts per listed row (not a GROUP BY over every session): a page costs the same at any size.
    # The sex of each attendee from people_recap, which holds it: the planner's own choice, the
    # primary key, reads every attendee's table row too — twice the pages, each decrypted on the
    # first list of the start (22 → 11 ms for a page of 200 sessions at 100k people).
    # A person who signed in twice under two records later linked counts once (as on the daftar
    # hadir), with the sex of the record that stands for them.
    rows = store.rows(
        f"""SELECT s.id, s.date, s.session_type, s.title, s.village_name,
                  (SELECT count(DISTINCT coalesce(p.merged_into, a.person_id)) FROM attendance a
                   LEFT JOIN people p INDEXED BY people_recap ON p.id = a.person_id
                   WHERE a.session_id = s.id AND a.deleted = 0) AS attendees,
                  {_ATTENDEES_OF_SEX.format(sex="L")} AS male,
                  {_ATTENDEES_OF_SEX.format(sex="P")} AS female,
                  {_OFFICERS} AS officers
           FROM sessions s
           WHERE {where}
           ORDER BY {_order(SESSION_SORT, sort, descending, "s.date")}, s.id
           LIMIT ? OFFSET ?""",
        (*params, limit, offset),
    )
    return [SessionSummary(**row) for row in rows]


@dataclass(frozen=True, slots=True)
class SessionChoice:
    """A session to pick from a list: no counts, so filling a drop-down stays cheap."""

    id: str
    date: str | None
    title: str | None
    village_name: str | None = None


def session_choices(store: Store, limit: int = 500, text: str = "") -> list[SessionChoice]:
    """The newest visible sessions for a drop-down; ``text`` keeps those whose title, village
    or venue contains it (any session, however old, can be found by typing)."""
    where, params = _session_filter(text)
    rows = store.rows(
        f"""SELECT s.id, s.date, s.title, s.village_name FROM sessions s WHERE {where}
            ORDER BY s.date DESC, s.id LIMIT ?""",
        (*params, limit),
    )
    return [SessionChoice(**row) for row in rows]


def session_choice(store: Store, session_id: str) -> SessionChoice | None:
    """One visible session as a drop-down entry, or None."""
    rows = store.rows(
        "SELECT id, date, title, village_name FROM sessions WHERE id = ? AND deleted = 0",
        (session_id,),
    )
    return SessionChoice(**rows[0]) if rows else None


def list_people(
    store: Store,
    limit: int = 1000,
    offset: int = 0,
    *,
    text: str = "",
    sort: str | None = "full_name",
    descending: bool = False,
) -> list[PersonSummary]:
    """Visible people; a linked duplicate is counted with its survivor, not listed. ``text``
    searches name, NIK, village and phone through the FTS index."""
    from .search import fts_filter

    join, where, params = fts_filter(text)
    rows = store.rows(
        f"""SELECT p.id, p.full_name, p.sex, p.birth_year, p.village_name, p.category, p.nik,
                  (SELECT count(DISTINCT a.session_id) FROM attendance a
                   WHERE a.deleted = 0 AND (a.person_id = p.id OR a.person_id IN
                         (SELECT d.id FROM people d WHERE d.merged_into = p.id))) AS sessions
           FROM people p {join}
           WHERE p.deleted = 0 AND p.merged_into IS NULL {where}
           ORDER BY {_order(PERSON_SORT, sort, descending, "p.full_name COLLATE NOCASE")}, p.id
           LIMIT ? OFFSET ?""",
        (*params, limit, offset),
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


def count_people(store: Store, text: str = "") -> int:
    """How many people ``list_people`` would give for ``text`` without a limit."""
    from .search import fts_filter

    join, where, params = fts_filter(text)
    rows = store.rows(
        f"""SELECT count(*) AS n FROM people p {join}
            WHERE p.deleted = 0 AND p.merged_into IS NULL {where}""",
        params,
    )
    return int(rows[0]["n"])


def _referral_filter(text: str) -> tuple[str, list[str]]:
    """The WHERE of visible referrals matching ``text`` (see ``list_referrals``)."""
    where, params = "r.deleted = 0", []
    if text.strip():
        typed = text.strip().lower()
        labelled = [
            code
            for enum in (ReferralStatus, RiskType, Urgency)
            for code in enum.codes()
            if typed in enum(code).label.lower()
        ]
        marks = ", ".join("?" * len(labelled)) or "NULL"
        where += (
            " AND (r.status LIKE ? ESCAPE '\\' OR r.risk_type LIKE ? ESCAPE '\\'"
            f" OR g.abbreviation LIKE ? ESCAPE '\\' OR r.status IN ({marks})"
            f" OR r.risk_type IN ({marks}) OR r.urgency IN ({marks}))"
        )
        params += [_like(text.strip())] * 3 + labelled * 3
    return where, params


def count_referrals(store: Store, text: str = "") -> int:
    """How many referrals ``list_referrals`` would give for ``text`` without a limit."""
    where, params = _referral_filter(text)
    rows = store.rows(
        f"""SELECT count(*) AS n FROM referrals r LEFT JOIN agencies g ON g.id = r.agency_id
            WHERE {where}""",
        params,
    )
    return int(rows[0]["n"])


def list_referrals(
    store: Store,
    limit: int = 1000,
    offset: int = 0,
    *,
    text: str = "",
    sort: str | None = "referred_on",
    descending: bool = True,
) -> list[ReferralSummary]:
    """Visible referrals without personal details; ``text`` matches status, risk or urgency (by
    code or by the label a person reads) or the agency. ``events`` counts follow-ups only: the
    timeline entry in status Draf is the case being recorded, not something done about it."""
    where, params = _referral_filter(text)
    rows = store.rows(
        f"""SELECT r.id, r.status, r.risk_type, r.urgency, g.abbreviation AS agency, r.referred_on,
                  (SELECT count(*) FROM referral_events e WHERE e.referral_id = r.id
                   AND e.deleted = 0 AND coalesce(e.status, '') <> '{ReferralStatus.DRAF.value}') AS events
           FROM referrals r LEFT JOIN agencies g ON g.id = r.agency_id
           WHERE {where}
           ORDER BY {_order(REFERRAL_SORT, sort, descending, "coalesce(r.referred_on, '')")}, r.id
           LIMIT ? OFFSET ?""",
        (*params, limit, offset),
    )
    return [ReferralSummary(**row) for row in rows]


def dump(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every synced table's visible records with their winning values, sorted by id.

    Built from the merge winners only, so two databases with the same field versions dump the same.
    """
    out: dict[str, list[dict[str, Any]]] = {}
    for table in SCHEMA:
        records: dict[str, dict[str, Any]] = {}
        for rid, name, value in store.conn.execute(
            f"""SELECT h.rid, h.field, h.value FROM fv h JOIN "{table}" c ON c.id = h.rid
                WHERE h.tbl = ? AND h.head >= 2 AND c.deleted = 0 AND h.field NOT IN ('{DELETED}', '{ERASED}')
                ORDER BY h.rid, h.field""",
            (table,),
        ):
            records.setdefault(rid, {"id": rid})[name] = json.loads(value)
        out[table] = list(records.values())
    return out
