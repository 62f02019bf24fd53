"""Rekapitulasi: an office's figures for a period and a region, by SQL aggregation.

Definitions (docs/clerk.md repeats them for the people who read the figures):

- A **session** counts when it is visible, its date lies in the period (both ends included) and
  its region code is the chosen region or lies under it (``61.12`` covers ``61.12.03.2010``).
- A **sign-in** counts when it is visible and its session counts. Its person's sex, birth year and
  category (the sign-in's own category first) come from the visible person record; age is the
  session's year minus the birth year. Village and month are the session's. A sign-in (and a
  session) counts once for every officer named on its session, so the per-officer rows overlap:
  their tables carry the total counted once and a note that says so (``Breakdown.counted_once``).
- **Unique participants**: the people of the counted sign-ins, linked duplicates counted once
  (``merged_into`` followed through visible people).
- A **referral** counts when it is visible, its referral date lies in the period (undated drafts
  count only when no period is set) and its person's region lies in the region.
- A **certificate** counts when it is visible, its issue date lies in the period and its session
  lies in the region.
"""

from __future__ import annotations

import calendar
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from babel.dates import format_date

from ..core.enums import (
    CertificateStatus,
    Labelled,
    ParticipantCategory,
    ReferralStatus,
    RiskType,
    SessionType,
    Sex,
    Urgency,
)
from .store import Store

if TYPE_CHECKING:
    from .desa_activity import ProgramFigures

UNKNOWN = "Tidak diisi"
TWO_OFFICERS = (
    "Satu kegiatan dengan dua petugas dihitung pada keduanya, sehingga jumlah baris dapat "
    "melebihi jumlah di bawahnya, yang menghitung setiap kegiatan atau tanda hadir sekali."
)
AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("<18", 0, 17),
    ("18–25", 18, 25),
    ("26–40", 26, 40),
    ("41–60", 41, 60),
    (">60", 61, 200),
)


@dataclass(frozen=True, slots=True)
class RecapFilter:
    """A period (ISO dates, both ends included; None = open) and a region code prefix."""

    date_from: str | None = None
    date_to: str | None = None
    region: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a breakdown: a code (stable for machines), its label, the count."""

    code: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A table of the recap: ``key`` names it for files and JSON, ``title`` for people."""

    key: str
    title: str
    rows: list[Row]
    # Rows that overlap (a session with two officers counts on both) carry the true total,
    # each thing counted once, and a note that says so: their sum would overstate it.
    counted_once: int | None = None
    note: str = ""

    @property
    def total(self) -> int:
        """The number of things counted: the sum of the rows, or ``counted_once``."""
        return sum(r.count for r in self.rows) if self.counted_once is None else self.counted_once

    @property
    def total_label(self) -> str:
        """The caption of the total line ("Jumlah", or that it counts each thing once)."""
        return "Jumlah" if self.counted_once is None else "Jumlah (tanpa hitung ganda)"


@dataclass(frozen=True, slots=True)
class Recap:
    """The figures of one period and region."""

    filter: RecapFilter
    region_name: str
    sessions: int
    sign_ins: int
    participants: int
    referrals: int
    certificates: int
    breakdowns: list[Breakdown] = field(default_factory=list)
    desa_binaan: ProgramFigures | None = None  # the register's figures for the region

    def breakdown(self, key: str) -> Breakdown:
        """The breakdown called ``key``."""
        return next(b for b in self.breakdowns if b.key == key)

    def to_json(self) -> dict[str, Any]:
        """For ``recap --json``."""
        data = asdict(self)
        data["breakdowns"] = {
            b.key: {
                "title": b.title,
                "rows": [asdict(r) for r in b.rows],
                **({"total": b.total, "note": b.note} if b.counted_once is not None else {}),
            }
            for b in self.breakdowns
        }
        return data


def region_clause(column: str, region: str | None) -> tuple[str, list[str]]:
    """SQL that keeps rows whose region code is ``region`` or lies under it."""
    if not region:
        return "1", []
    return f"({column} = ? OR {column} LIKE ?)", [region, region + ".%"]


def session_where(flt: RecapFilter, alias: str = "s") -> tuple[str, list[Any]]:
    parts = [f"{alias}.deleted = 0"]
    params: list[Any] = []
    if flt.date_from:
        parts.append(f"{alias}.date >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        parts.append(f"{alias}.date <= ?")
        params.append(flt.date_to)
    clause, extra = region_clause(f"{alias}.region_code", flt.region)
    parts.append(clause)
    params.extend(extra)
    return " AND ".join(parts), params


def region_name(code: str | None) -> str:
    """The region's name with its kind (``Kab. Sambas``), or "Semua wilayah"."""
    if not code:
        return "Semua wilayah"
    from ..regions import lookup

    region = lookup(code)
    return region.display if region else code


def _enum_rows(enum: type[Labelled], counts: dict[Any, int]) -> list[Row]:
    rows = [Row(m.value, m.label, counts.get(m.value, 0)) for m in enum]
    rows = [r for r in rows if r.count]
    unknown = sum(v for k, v in counts.items() if k not in enum.codes())
    if unknown:
        rows.append(Row("", UNKNOWN, unknown))
    return rows


def _ranked(counts: dict[Any, int]) -> list[Row]:
    known = sorted(
        ((k, v) for k, v in counts.items() if k), key=lambda kv: (-kv[1], str(kv[0]).lower())
    )
    rows = [Row(str(k), str(k), v) for k, v in known]
    if counts.get(None) or counts.get(""):
        rows.append(Row("", UNKNOWN, counts.get(None, 0) + counts.get("", 0)))
    return rows


def month_label(code: str) -> str:
    """``2026-03`` → ``Maret 2026``."""
    try:
        return str(format_date(date(int(code[:4]), int(code[5:7]), 1), "MMMM y", locale="id"))
    except (ValueError, IndexError):
        return code


def age_band(session_date: str | None, birth_year: int | None) -> str:
    """The age band of a participant at a session (``""`` when unknown)."""
    if not session_date or birth_year is None:
        return ""
    try:
        age = int(session_date[:4]) - int(birth_year)
    except ValueError:
        return ""
    for code, low, high in AGE_BANDS:
        if low <= age <= high:
            return code
    return ""


def labels(enum: type[Labelled]) -> dict[str, str]:
    """Code → label for a whole column at a time (``label_of`` per cell is slow at 100k rows)."""
    return {m.value: m.label for m in enum}


def _grouped(store: Store, sql: str, params: list[Any] | None = None) -> dict[Any, int]:
    return {row[0]: int(row[1]) for row in store.conn.execute(sql, params or [])}


def compute_recap(store: Store, flt: RecapFilter) -> Recap:
    """Every figure of the recap (one read transaction, temporary table of the sign-ins)."""
    where, params = session_where(flt)
    conn = store.conn
    conn.execute("DROP TABLE IF EXISTS temp.recap_signins")
    bands = " ".join(
        f"WHEN CAST(substr(s.date, 1, 4) AS INTEGER) - p.birth_year BETWEEN {low} AND {high} "
        f"THEN '{code}'"
        for code, low, high in AGE_BANDS
    )
    conn.execute(
        f"""CREATE TEMP TABLE recap_signins AS
            SELECT a.person_id AS person_id, s.id AS session_id,
                   p.sex AS sex, coalesce(a.category, p.category) AS category,
                   CASE WHEN p.birth_year IS NULL THEN '' {bands} ELSE '' END AS band,
                   s.village_name AS village, substr(s.date, 1, 7) AS month
            FROM attendance a
            JOIN sessions s ON s.id = a.session_id
            LEFT JOIN people p ON p.id = a.person_id AND p.deleted = 0
            WHERE a.deleted = 0 AND {where}""",
        params,
    )
    try:
        sessions = _grouped(
            store, f"SELECT session_type, count(*) FROM sessions s WHERE {where} GROUP BY 1", params
        )
        by = {
            name: _grouped(store, f"SELECT {name}, count(*) FROM recap_signins GROUP BY 1")
            for name in ("sex", "category", "band")
        }
        # Village, month and officers are the session's: count per session once, then add up.
        per_session = _grouped(store, "SELECT session_id, count(*) FROM recap_signins GROUP BY 1")
        names = dict(conn.execute("SELECT id, name FROM officers WHERE deleted = 0").fetchall())
        by["village"], by["month"] = Counter(), Counter()
        officers: Counter[str] = Counter()  # sign-ins per officer
        officer_sessions: Counter[str] = Counter()
        session_months: Counter[str] = Counter()
        for session_id, village, month, officer_ids in conn.execute(
            f"SELECT s.id, s.village_name, substr(s.date, 1, 7), s.officer_ids "
            f"FROM sessions s WHERE {where}",
            params,
        ):
            session_months[month] += 1
            # Each officer once per session; a session without a known officer under "".
            ids = json.loads(officer_ids) if officer_ids else []
            session_officers = {names.get(officer_id) or "" for officer_id in ids} or {""}
            for name in session_officers:
                officer_sessions[name] += 1
            count = per_session.get(session_id, 0)
            if not count:
                continue
            by["village"][village] += count
            by["month"][month] += count
            for name in session_officers:
                officers[name] += count
        sign_ins = sum(by["sex"].values())
        participants = _participants(store)
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.recap_signins")
    referrals = _referral_figures(store, flt)
    certificates = _certificates(store, flt)
    months = sorted(set(by["month"]) | set(session_months))
    breakdowns = [
        Breakdown("kegiatan_per_jenis", "Kegiatan per jenis", _enum_rows(SessionType, sessions)),
        Breakdown(
            "kegiatan_per_bulan",
            "Kegiatan per bulan",
            [Row(m, month_label(m), session_months.get(m, 0)) for m in months if m],
        ),
        Breakdown(
            "hadir_per_jenis_kelamin", "Kehadiran per jenis kelamin", _enum_rows(Sex, by["sex"])
        ),
        Breakdown("hadir_per_usia", "Kehadiran per kelompok usia", _band_rows(by["band"])),
        Breakdown(
            "hadir_per_kategori",
            "Kehadiran per kategori peserta",
            _enum_rows(ParticipantCategory, by["category"]),
        ),
        Breakdown("hadir_per_desa", "Kehadiran per desa/kelurahan", _ranked(by["village"])),
        Breakdown(
            "kegiatan_per_petugas",
            "Kegiatan per petugas",
            _ranked(officer_sessions),
            counted_once=sum(sessions.values()),
            note=TWO_OFFICERS,
        ),
        Breakdown(
            "hadir_per_petugas",
            "Kehadiran per petugas",
            _ranked(officers),
            counted_once=sign_ins,
            note=TWO_OFFICERS,
        ),
        Breakdown(
            "hadir_per_bulan",
            "Kehadiran per bulan",
            [Row(m, month_label(m), by["month"].get(m, 0)) for m in months if m],
        ),
        *referrals[1],
        Breakdown(
            "sertifikat",
            "Sertifikat",
            _enum_rows(CertificateStatus, certificates),
        ),
    ]
    from .desa_activity import recap_figures

    return Recap(
        flt,
        region_name(flt.region),
        sum(sessions.values()),
        sign_ins,
        participants,
        referrals[0],
        certificates.get(CertificateStatus.ISSUED.value, 0),
        breakdowns,
        recap_figures(store, flt),
    )


def _band_rows(counts: dict[Any, int]) -> list[Row]:
    rows = [Row(code, f"{code} tahun", counts.get(code, 0)) for code, _, _ in AGE_BANDS]
    if counts.get(""):
        rows.append(Row("", UNKNOWN, counts[""]))
    return rows


def _participants(store: Store) -> int:
    """Distinct people of the counted sign-ins, linked duplicates once (the few links are
    followed in Python, the counting stays in SQL)."""
    conn = store.conn
    merged = dict(
        conn.execute(
            "SELECT id, merged_into FROM people WHERE deleted = 0 AND merged_into IS NOT NULL"
        ).fetchall()
    )
    if not merged:
        return int(
            conn.execute("SELECT count(DISTINCT person_id) FROM recap_signins").fetchone()[0]
        )
    targets = list(set(merged.values()))
    visible: set[str] = set()
    for start in range(0, len(targets), 500):
        chunk = targets[start : start + 500]
        marks = ",".join("?" * len(chunk))
        visible.update(
            row[0]
            for row in conn.execute(
                f"SELECT id FROM people WHERE deleted = 0 AND id IN ({marks})", chunk
            )
        )
    conn.execute("DROP TABLE IF EXISTS temp.recap_roots")
    conn.execute("CREATE TEMP TABLE recap_roots (id TEXT PRIMARY KEY, root TEXT NOT NULL)")
    try:
        conn.executemany(
            "INSERT INTO recap_roots VALUES (?, ?)",
            [(pid, root_of(pid, merged, visible)) for pid in merged],
        )
        return int(
            conn.execute(
                """SELECT count(DISTINCT coalesce(m.root, r.person_id)) FROM recap_signins r
                   LEFT JOIN recap_roots m ON m.id = r.person_id"""
            ).fetchone()[0]
        )
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.recap_roots")


def root_of(person_id: str, merged: dict[str, str], visible: set[str]) -> str:
    """Follow ``merged_into`` through visible people (cycles stop where they close)."""
    seen = {person_id}
    current = person_id
    while current in merged:
        target = merged[current]
        if target in seen or target not in visible:
            break
        seen.add(target)
        current = target
    return current


def referral_where(flt: RecapFilter) -> tuple[str, list[Any]]:
    parts = ["r.deleted = 0"]
    params: list[Any] = []
    if flt.date_from:
        parts.append("r.referred_on >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        parts.append("r.referred_on <= ?")
        params.append(flt.date_to)
    if flt.region:
        clause, extra = region_clause("p.region_code", flt.region)
        parts.append(f"p.deleted = 0 AND {clause}")
        params.extend(extra)
    return " AND ".join(parts), params


def _referral_figures(store: Store, flt: RecapFilter) -> tuple[int, list[Breakdown]]:
    where, params = referral_where(flt)
    base = f"FROM referrals r LEFT JOIN people p ON p.id = r.person_id WHERE {where}"
    status = _grouped(store, f"SELECT r.status, count(*) {base} GROUP BY 1", params)
    risk = _grouped(store, f"SELECT r.risk_type, count(*) {base} GROUP BY 1", params)
    urgency = _grouped(store, f"SELECT r.urgency, count(*) {base} GROUP BY 1", params)
    agency = _grouped(
        store,
        f"""SELECT g.abbreviation, count(*) FROM referrals r
            LEFT JOIN people p ON p.id = r.person_id
            LEFT JOIN agencies g ON g.id = r.agency_id AND g.deleted = 0
            WHERE {where} GROUP BY 1""",
        params,
    )
    return sum(status.values()), [
        Breakdown("rujukan_per_status", "Rujukan per status", _enum_rows(ReferralStatus, status)),
        Breakdown("rujukan_per_risiko", "Rujukan per jenis risiko", _enum_rows(RiskType, risk)),
        Breakdown("rujukan_per_urgensi", "Rujukan per urgensi", _enum_rows(Urgency, urgency)),
        Breakdown("rujukan_per_instansi", "Rujukan per instansi penerima", _ranked(agency)),
    ]


def _certificates(store: Store, flt: RecapFilter) -> dict[Any, int]:
    parts = ["c.deleted = 0"]
    params: list[Any] = []
    if flt.date_from:
        parts.append("c.issued_on >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        parts.append("c.issued_on <= ?")
        params.append(flt.date_to)
    if flt.region:
        clause, extra = region_clause("s.region_code", flt.region)
        parts.append(f"s.deleted = 0 AND {clause}")
        params.extend(extra)
    return _grouped(
        store,
        f"""SELECT c.status, count(*) FROM certificates c
            LEFT JOIN sessions s ON s.id = c.session_id WHERE {" AND ".join(parts)} GROUP BY 1""",
        params,
    )


def quarter_of(day: date) -> RecapFilter:
    """The calendar quarter containing ``day``."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    last_month = first_month + 2
    last_day = calendar.monthrange(day.year, last_month)[1]
    return RecapFilter(
        date(day.year, first_month, 1).isoformat(), date(day.year, last_month, last_day).isoformat()
    )


def recap_regions(store: Store) -> list[tuple[str, str]]:
    """Regions that have sessions, from province down to village: (code, name) for the filter."""
    codes: set[str] = set()
    for (code,) in store.conn.execute(
        "SELECT DISTINCT region_code FROM sessions WHERE deleted = 0 AND region_code IS NOT NULL"
    ):
        parts = str(code).split(".")
        for depth in range(1, len(parts) + 1):
            codes.add(".".join(parts[:depth]))
    return [(code, region_name(code)) for code in sorted(codes)]


def dumps(recap: Recap) -> str:
    """The recap as indented JSON."""
    return json.dumps(recap.to_json(), ensure_ascii=False, indent=2)
