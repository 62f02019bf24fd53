"""What each desa binaan received: visits, sessions, people reached, referrals (docs/clerk.md).

Definitions:

- A village's **sessions** are the visible sessions linked to its entry (``village_id``) or held
  in its village code, whoever recorded them: an officer not assigned to the village counts too.
- **Last visit**: the latest such session dated on or before today.
- **This quarter / this year**: from the first day of the calendar quarter (year) to today,
  both included; sessions planned after today are not activity yet.
- **People reached**: the people who signed in at those sessions, each counted once (linked
  duplicates follow ``merged_into`` to the survivor, as in the recap). Sex is the person's; the
  category is that of the person's latest sign-in in the period (the sign-in's own category
  first, then the person's).
- **Referrals from the village**: visible referrals made at one of its sessions, or without a
  session for a person living in the village. **Open** while the workflow allows a next step
  (not Selesai or Dibatalkan).
- **Without activity**: an active village whose last visit (or, never visited, its SK date) is
  at least the threshold of days ago (default 90; ``desa_binaan.inactive_days``), or one with
  neither.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..core.enums import REFERRAL_TRANSITIONS
from .desa_binaan import Entry, inactive_days, list_entries
from .recap import RecapFilter, quarter_of, root_of
from .store import Store

OPEN_STATUSES = frozenset(s.value for s, nexts in REFERRAL_TRANSITIONS.items() if nexts)


@dataclass(frozen=True, slots=True)
class Reach:
    """Sessions and people of one period."""

    sessions: int = 0
    sign_ins: int = 0
    participants: int = 0
    by_sex: dict[str, int] = field(default_factory=dict)  # "L", "P", "" (unknown)
    by_category: dict[str, int] = field(default_factory=dict)  # category code, "" (unknown)


@dataclass(frozen=True, slots=True)
class VillageActivity:
    """A register entry with what it received."""

    entry: Entry
    last_visit: str | None
    days_since: int | None  # since the last visit (or the SK date); None when neither is known
    overdue: bool
    quarter: Reach
    year: Reach
    referrals: dict[str, int]  # by status code
    open_referrals: int

    @property
    def sessions_total(self) -> int:
        """Sessions this year (the figure lists lead with)."""
        return self.year.sessions


def _village_sessions(store: Store, entry: Entry) -> list[dict[str, Any]]:
    return store.rows(
        """SELECT id, date FROM sessions
           WHERE deleted = 0 AND (village_id = ? OR region_code = ?)""",
        (entry.id, entry.region_code),
    )


def _merged(store: Store) -> tuple[dict[str, str], set[str]]:
    merged = {
        str(r["id"]): str(r["merged_into"])
        for r in store.rows(
            "SELECT id, merged_into FROM people WHERE deleted = 0 AND merged_into IS NOT NULL"
        )
    }
    targets = list(set(merged.values()))
    visible: set[str] = set()
    for start in range(0, len(targets), 500):
        chunk = targets[start : start + 500]
        marks = ",".join("?" * len(chunk))
        visible.update(
            r["id"]
            for r in store.rows(
                f"SELECT id FROM people WHERE deleted = 0 AND id IN ({marks})", chunk
            )
        )
    return merged, visible


def _reach(
    store: Store,
    session_ids: list[str],
    merged: tuple[dict[str, str], set[str]],
) -> Reach:
    if not session_ids:
        return Reach()
    latest: dict[str, tuple[str, str]] = {}  # root → (order key, category)
    sign_ins = 0
    for start in range(0, len(session_ids), 500):
        chunk = session_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.rows(
            f"""SELECT a.person_id, s.date, coalesce(a.signed_at, '') AS signed_at,
                       coalesce(a.category, p.category, '') AS category
                FROM attendance a JOIN sessions s ON s.id = a.session_id
                LEFT JOIN people p ON p.id = a.person_id AND p.deleted = 0
                WHERE a.deleted = 0 AND a.session_id IN ({marks})""",
            chunk,
        ):
            sign_ins += 1
            root = root_of(str(row["person_id"]), *merged)
            key = f"{row['date']}|{row['signed_at']}"
            if root not in latest or key >= latest[root][0]:
                latest[root] = (key, str(row["category"]))
    sexes: dict[str, str] = {}
    roots = list(latest)
    for start in range(0, len(roots), 500):
        chunk = roots[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.rows(
            f"SELECT id, sex FROM people WHERE deleted = 0 AND id IN ({marks})", chunk
        ):
            sexes[str(row["id"])] = str(row["sex"] or "")
    return Reach(
        sessions=len(session_ids),
        sign_ins=sign_ins,
        participants=len(latest),
        by_sex=dict(Counter(sexes.get(root, "") for root in roots)),
        by_category=dict(Counter(category for _, category in latest.values())),
    )


def _referrals(store: Store, entry: Entry, session_ids: list[str]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for start in range(0, max(len(session_ids), 1), 500):
        chunk = session_ids[start : start + 500]
        if not chunk:
            break
        marks = ",".join("?" * len(chunk))
        for row in store.rows(
            f"""SELECT status, count(*) AS n FROM referrals
                WHERE deleted = 0 AND session_id IN ({marks}) GROUP BY status""",
            chunk,
        ):
            counts[str(row["status"])] += int(row["n"])
    for row in store.rows(
        """SELECT r.status, count(*) AS n FROM referrals r JOIN people p ON p.id = r.person_id
           WHERE r.deleted = 0 AND r.session_id IS NULL AND p.region_code = ?
           GROUP BY r.status""",
        (entry.region_code,),
    ):
        counts[str(row["status"])] += int(row["n"])
    return dict(counts)


def activity_of(
    store: Store,
    entry: Entry,
    today: date | None = None,
    threshold: int | None = None,
    merged: tuple[dict[str, str], set[str]] | None = None,
) -> VillageActivity:
    """What one village received (see the module text for the definitions)."""
    today = today or date.today()
    threshold = threshold if threshold is not None else inactive_days(store)
    merged = merged if merged is not None else _merged(store)
    sessions = _village_sessions(store, entry)
    day = today.isoformat()
    quarter_start = quarter_of(today).date_from or day
    year_start = date(today.year, 1, 1).isoformat()
    past = [s for s in sessions if s["date"] and s["date"] <= day]
    last_visit = max((s["date"] for s in past), default=None)
    since = last_visit or entry.sk_date
    days_since = (today - date.fromisoformat(since)).days if since else None
    overdue = entry.active and (days_since is None or days_since >= threshold)
    referrals = _referrals(store, entry, [s["id"] for s in sessions])
    return VillageActivity(
        entry=entry,
        last_visit=last_visit,
        days_since=days_since,
        overdue=overdue,
        quarter=_reach(store, [s["id"] for s in past if s["date"] >= quarter_start], merged),
        year=_reach(store, [s["id"] for s in past if s["date"] >= year_start], merged),
        referrals=referrals,
        open_referrals=sum(n for status, n in referrals.items() if status in OPEN_STATUSES),
    )


def village_activities(
    store: Store,
    entries: list[Entry] | None = None,
    today: date | None = None,
    threshold: int | None = None,
) -> list[VillageActivity]:
    """Activity of every register entry (or of ``entries``), in register order."""
    entries = list_entries(store) if entries is None else entries
    merged = _merged(store)
    threshold = threshold if threshold is not None else inactive_days(store)
    return [activity_of(store, e, today, threshold, merged) for e in entries]


@dataclass(frozen=True, slots=True)
class GroupFigure:
    """Active desa binaan and PIMPASA officers of one office or kabupaten."""

    code: str
    label: str
    villages: int
    officers: int


@dataclass(frozen=True, slots=True)
class ProgramFigures:
    """The published figures: active desa binaan and PIMPASA, per office and per kabupaten."""

    active: int
    ended: int
    officers: int
    by_office: list[GroupFigure]
    by_kabupaten: list[GroupFigure]
    without_activity: list[str]  # village names, overdue first by days
    referrals: dict[str, int] = field(default_factory=dict)


def program_figures(store: Store, activities: list[VillageActivity]) -> ProgramFigures:
    """Figures for the Desa Binaan view and the recap from the villages' activity."""
    from ..regions import lookup

    offices = {
        str(r["id"]): str(r["office"] or "")
        for r in store.rows("SELECT id, office FROM officers WHERE deleted = 0")
    }
    active = [a for a in activities if a.entry.active]
    office_villages: dict[str, set[str]] = {}
    office_officers: dict[str, set[str]] = {}
    kab_villages: dict[str, set[str]] = {}
    kab_officers: dict[str, set[str]] = {}
    every_officer: set[str] = set()
    for item in active:
        entry = item.entry
        current = [a.officer_id for a in entry.officers if a.current]
        every_officer.update(current)
        kab_villages.setdefault(entry.kabupaten_code, set()).add(entry.id)
        kab_officers.setdefault(entry.kabupaten_code, set()).update(current)
        for office in {offices.get(o, "") for o in current} or {""}:
            office_villages.setdefault(office, set()).add(entry.id)
            office_officers.setdefault(office, set()).update(
                o for o in current if offices.get(o, "") == office
            )
    referrals: Counter[str] = Counter()
    for item in activities:
        referrals.update(item.referrals)
    overdue = sorted((a for a in active if a.overdue), key=lambda a: -(a.days_since or 10**6))
    return ProgramFigures(
        active=len(active),
        ended=len(activities) - len(active),
        officers=len(every_officer),
        by_office=[
            GroupFigure(
                name,
                name or "(tanpa petugas)",
                len(office_villages[name]),
                len(office_officers[name]),
            )
            for name in sorted(office_villages)
        ],
        by_kabupaten=[
            GroupFigure(
                code,
                getattr(lookup(code), "name", code),
                len(kab_villages[code]),
                len(kab_officers[code]),
            )
            for code in sorted(kab_villages)
        ],
        without_activity=[a.entry.name for a in overdue],
        referrals=dict(referrals),
    )


def entries_in_region(entries: list[Entry], region: str | None) -> list[Entry]:
    """The entries whose village lies in ``region`` (a code prefix, as the recap filters)."""
    if not region:
        return entries
    return [e for e in entries if e.region_code == region or e.region_code.startswith(region + ".")]


def recap_figures(store: Store, flt: RecapFilter, today: date | None = None) -> ProgramFigures:
    """The register's figures for a recap: entries in its region, activity as of the end of its
    period (or today, when the period runs on)."""
    day = today or date.today()
    if flt.date_to and flt.date_to < day.isoformat():
        day = date.fromisoformat(flt.date_to)
    entries = entries_in_region(list_entries(store), flt.region)
    return program_figures(store, village_activities(store, entries, day))


@dataclass(frozen=True, slots=True)
class VillageSession:
    """A session in a desa binaan, for its profile."""

    id: str
    date: str | None
    session_type: str | None
    title: str | None
    attendees: int


def recent_sessions(store: Store, entry: Entry, limit: int = 6) -> list[VillageSession]:
    """The village's latest sessions (any officer's), newest first, with their sign-ins."""
    return [
        VillageSession(r["id"], r["date"], r["session_type"], r["title"], int(r["hadir"]))
        for r in store.rows(
            """SELECT s.id, s.date, s.session_type, s.title,
                      (SELECT count(*) FROM attendance a
                       WHERE a.session_id = s.id AND a.deleted = 0) AS hadir
               FROM sessions s WHERE s.deleted = 0 AND (s.village_id = ? OR s.region_code = ?)
               ORDER BY s.date DESC, s.title LIMIT ?""",
            (entry.id, entry.region_code, limit),
        )
    ]
