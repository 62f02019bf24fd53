"""A Desa Binaan register for demos, screenshots and document renders: the villages where the demo
data has sessions become desa binaan (plus one never visited), with officers, focal points and a
partner program. Deterministic for the same database."""

from __future__ import annotations

from .store.desa_binaan import (
    EntryValues,
    FocalPoint,
    add_entry,
    appointment_for,
    find_entry,
)
from .store.store import Store

FOCAL_POINTS = (
    ("Mulyadi Nasution", "Kepala Desa", "0812-5620-1147"),
    ("Sri Wahyuni", "Sekretaris Desa", "0813-4478-2290"),
    ("Hendra Saputra", "Kasi Pemerintahan", "0852-1190-3386"),
    ("Yuliana Siregar", "Kepala Desa", "0821-7735-6604"),
)


def seed_register(
    store: Store,
    villages: int = 3,
    quiet: str | None = None,
    officers: list[str] | None = None,
) -> list[str]:
    """Register the ``villages`` villages with most sessions, and ``quiet`` (a village code with
    no session, if given) — each with one or two of ``officers`` (default: every officer known);
    returns the entry ids."""
    if officers is None:
        officers = [
            r["id"] for r in store.rows("SELECT id FROM officers WHERE deleted = 0 ORDER BY name")
        ]
    codes = [
        r["region_code"]
        for r in store.rows(
            """SELECT region_code, count(*) AS n FROM sessions
               WHERE deleted = 0 AND region_code LIKE '__.__.__.____'
               GROUP BY region_code ORDER BY n DESC, region_code LIMIT ?""",
            (villages,),
        )
    ]
    if quiet:
        codes.append(quiet)
    formed = {
        r["region_code"]: r["id"]
        for r in store.rows(
            "SELECT region_code, id FROM sessions WHERE deleted = 0 "
            "AND session_type = 'pembentukan' ORDER BY date"
        )
    }
    ids = []
    for index, code in enumerate(codes):
        if find_entry(store, code) is not None:
            continue
        assigned = [officers[index % len(officers)]] if officers else []
        if index == 0 and len(officers) > 1:
            assigned.append(officers[1])
        name, position, phone = FOCAL_POINTS[index % len(FOCAL_POINTS)]
        values = EntryValues(
            f"W.16-UM.01.01-{45 + index:03d}/2026",
            "2026-01-05",
            [
                appointment_for(
                    store,
                    officer,
                    letter_number=f"ST-{12 + index}/KANIM/I/2026",
                    start="2026-01-05",
                )
                for officer in assigned
            ],
            [FocalPoint(name, position, phone)],
            ["Desa Emas (BP3MI)"] if index == 0 else [],
            "Balai desa dapat dipakai untuk sosialisasi bulanan." if index == 0 else None,
            formed.get(code),
        )
        ids.append(add_entry(store, code, values))
    return ids
