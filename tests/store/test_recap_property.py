"""Property: the recap's figures equal the same figures computed independently, in plain Python,
from ``dump --json`` — for random data sets (sex, age band, village, status, period edges, region,
deleted records, linked duplicates)."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petugaspembina.cli import main
from petugaspembina.store.recap import AGE_BANDS, RecapFilter, compute_recap
from petugaspembina.store.store import Edit, Store

VILLAGES = [
    ("61.12.03.2010", "Korek"),
    ("61.12.03.2011", "Sungai Ambawang Kuala"),
    ("61.71.01.1005", "Kotabaru"),
    ("17.71.02.1003", "Pasar Melintang"),
]
REGIONS = [None, "61", "61.12", "61.12.03", "61.12.03.2010", "61.71", "17.71.02.1003", "15"]
DATES = [f"2026-{m:02d}-{d:02d}" for m in (1, 3, 4, 6, 7, 12) for d in (1, 15, 30)]
STATUSES = ["draf", "dirujuk", "diterima", "selesai", "ditolak"]


@st.composite
def data_sets(draw: st.DrawFn) -> dict[str, Any]:
    n_people = draw(st.integers(1, 14))
    people = [
        {
            "sex": draw(st.sampled_from(["L", "P", None])),
            "birth_year": draw(st.one_of(st.none(), st.integers(1940, 2016))),
            "village": draw(st.sampled_from(VILLAGES)),
            "category": draw(st.sampled_from([None, "guru", "pelajar", "masyarakat"])),
            "deleted": draw(st.booleans()) and draw(st.booleans()),
            "merge_into": draw(st.one_of(st.none(), st.integers(0, n_people - 1))),
        }
        for _ in range(n_people)
    ]
    sessions = [
        {
            "date": draw(st.sampled_from(DATES)),
            "village": draw(st.sampled_from(VILLAGES)),
            "type": draw(st.sampled_from(["sosialisasi", "kunjungan", "rapat_timpora"])),
            "deleted": draw(st.booleans()) and draw(st.booleans()),
        }
        for _ in range(draw(st.integers(1, 6)))
    ]
    pairs = draw(
        st.sets(st.tuples(st.integers(0, len(sessions) - 1), st.integers(0, n_people - 1)))
    )
    attendance = [
        {
            "session": s,
            "person": p,
            "category": draw(st.sampled_from([None, "bpd"])),
            "deleted": draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans()),
        }
        for s, p in sorted(pairs)
    ]
    referrals = [
        {
            "person": draw(st.integers(0, n_people - 1)),
            "date": draw(st.one_of(st.none(), st.sampled_from(DATES))),
            "status": draw(st.sampled_from(STATUSES)),
        }
        for _ in range(draw(st.integers(0, 5)))
    ]
    edges = sorted(draw(st.lists(st.sampled_from([None, *DATES]), min_size=2, max_size=2)), key=str)
    return {
        "people": people,
        "sessions": sessions,
        "attendance": attendance,
        "referrals": referrals,
        "filter": RecapFilter(
            draw(st.sampled_from([None, *DATES])),
            draw(st.sampled_from([None, *DATES])),
            draw(st.sampled_from(REGIONS)),
        ),
        "edges": edges,
    }


def _load(store: Store, data: dict[str, Any]) -> None:
    people_ids = store.write_many(
        [
            Edit(
                "people",
                {
                    "full_name": f"Orang {i}",
                    "sex": p["sex"],
                    "birth_year": p["birth_year"],
                    "region_code": p["village"][0],
                    "village_name": p["village"][1],
                    "category": p["category"],
                },
            )
            for i, p in enumerate(data["people"])
        ]
    )
    session_ids = store.write_many(
        [
            Edit(
                "sessions",
                {
                    "title": f"Kegiatan {i}",
                    "date": s["date"],
                    "session_type": s["type"],
                    "region_code": s["village"][0],
                    "village_name": s["village"][1],
                },
            )
            for i, s in enumerate(data["sessions"])
        ]
    )
    attendance_ids = store.write_many(
        [
            Edit(
                "attendance",
                {
                    "session_id": session_ids[a["session"]],
                    "person_id": people_ids[a["person"]],
                    "category": a["category"],
                },
            )
            for a in data["attendance"]
        ]
    )
    if data["referrals"]:
        store.write_many(
            [
                Edit(
                    "referrals",
                    {
                        "person_id": people_ids[r["person"]],
                        "risk_type": "korban_tppo",
                        "referred_on": r["date"],
                        "status": r["status"],
                    },
                )
                for r in data["referrals"]
            ]
        )
    for i, p in enumerate(data["people"]):
        if p["merge_into"] is not None and p["merge_into"] != i:
            store.write("people", {"merged_into": people_ids[p["merge_into"]]}, people_ids[i])
    for ids, rows in (
        (people_ids, data["people"]),
        (session_ids, data["sessions"]),
        (attendance_ids, data["attendance"]),
    ):
        for rid, row in zip(ids, rows, strict=True):
            if row["deleted"]:
                store.delete(
                    "people"
                    if ids is people_ids
                    else "sessions"
                    if ids is session_ids
                    else "attendance",
                    rid,
                )


def _in_region(code: str | None, region: str | None) -> bool:
    return not region or (code is not None and (code == region or code.startswith(region + ".")))


def _in_period(day: str | None, flt: RecapFilter) -> bool:
    if day is None:
        return not flt.date_from and not flt.date_to
    return (not flt.date_from or day >= flt.date_from) and (not flt.date_to or day <= flt.date_to)


def _band(session_date: str, birth_year: int | None) -> str:
    if birth_year is None:
        return ""
    age = int(session_date[:4]) - birth_year
    return next((code for code, low, high in AGE_BANDS if low <= age <= high), "")


def expected_from_dump(dump: dict[str, list[dict[str, Any]]], flt: RecapFilter) -> dict[str, Any]:
    """The figures, computed without SQL from the visible records of the dump."""
    sessions = {
        s["id"]: s
        for s in dump["sessions"]
        if _in_period(s.get("date"), flt) and _in_region(s.get("region_code"), flt.region)
    }
    people = {p["id"]: p for p in dump["people"]}
    signs = [a for a in dump["attendance"] if a.get("session_id") in sessions]
    sex: Counter[str] = Counter()
    band: Counter[str] = Counter()
    village: Counter[str] = Counter()
    category: Counter[str] = Counter()
    roots = set()
    for a in signs:
        person = people.get(a["person_id"], {})
        session = sessions[a["session_id"]]
        sex[person.get("sex") or ""] += 1
        band[_band(session["date"], person.get("birth_year"))] += 1
        village[session.get("village_name") or ""] += 1
        category[a.get("category") or person.get("category") or ""] += 1
        current, seen = a["person_id"], {a["person_id"]}
        while current in people and people[current].get("merged_into") in people:
            target = people[current]["merged_into"]
            if target in seen:
                break
            seen.add(target)
            current = target
        roots.add(current)
    status: Counter[str] = Counter()
    for r in dump["referrals"]:
        person = people.get(r["person_id"])
        if not _in_period(r.get("referred_on"), flt):
            continue
        if flt.region and (person is None or not _in_region(person.get("region_code"), flt.region)):
            continue
        status[r["status"]] += 1
    return {
        "sessions": len(sessions),
        "sign_ins": len(signs),
        "participants": len(roots),
        "referrals": sum(status.values()),
        "sex": +sex,
        "band": +band,
        "village": +village,
        "category": +category,
        "status": +status,
        "types": +Counter(s["session_type"] for s in sessions.values()),
    }


def _codes(recap: Any, key: str) -> Counter[str]:
    return +Counter({row.code: row.count for row in recap.breakdown(key).rows})


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=data_sets())
def test_recap_equals_figures_computed_from_dump_json(data: dict[str, Any], tmp_path: Any) -> None:
    db = tmp_path / f"{uuid.uuid4().hex}.sqlite3"  # tmp_path is shared by the examples
    with Store.open(db) as store:
        _load(store, data)
    result = CliRunner().invoke(main, ["--db", str(db), "dump", "--json"], catch_exceptions=False)
    dump = json.loads(result.stdout)
    edge_from, edge_to = data["edges"]
    # The drawn filter, and one whose ends are exactly session dates (both ends included).
    for flt in (data["filter"], RecapFilter(edge_from, edge_to, data["filter"].region)):
        with Store.open(db) as store:
            recap = compute_recap(store, flt)
        want = expected_from_dump(dump, flt)
        assert recap.sessions == want["sessions"]
        assert recap.sign_ins == want["sign_ins"]
        assert recap.participants == want["participants"]
        assert recap.referrals == want["referrals"]
        assert _codes(recap, "hadir_per_jenis_kelamin") == want["sex"]
        assert _codes(recap, "hadir_per_usia") == want["band"]
        assert _codes(recap, "hadir_per_desa") == want["village"]
        assert _codes(recap, "hadir_per_kategori") == want["category"]
        assert _codes(recap, "rujukan_per_status") == want["status"]
        assert _codes(recap, "kegiatan_per_jenis") == want["types"]
