"""What each desa binaan received: counts equal counts taken straight from the sessions and sign-ins
(property), the inactivity warning at its edge, unassigned officers' sessions count too."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petugaspembina.profile import create_profile
from petugaspembina.store.desa_activity import (
    activity_of,
    program_figures,
    village_activities,
)
from petugaspembina.store.desa_binaan import (
    EntryValues,
    add_entry,
    appointment_for,
    get_entry,
    set_inactive_days,
    with_village_link,
)
from petugaspembina.store.store import Store

TODAY = date(2026, 5, 20)
QUARTER_START = "2026-04-01"
YEAR_START = "2026-01-01"
CODES = ("61.12.08.2013", "61.12.08.2001", "61.71.03.1002")  # two desa binaan, one other village
CATEGORIES = (None, "guru", "pelajar", "calon_pmi")

session_st = st.tuples(
    st.integers(0, 2),  # village
    st.integers(-200, 20),  # days from today
    st.booleans(),  # deleted
)
person_st = st.tuples(
    st.sampled_from((None, "L", "P")),
    st.sampled_from(CATEGORIES),
    st.booleans(),  # deleted
    st.integers(-1, 5),  # merged into an earlier person (index), -1 none
)
sign_in_st = st.tuples(
    st.integers(0, 11), st.integers(0, 7), st.sampled_from(CATEGORIES), st.booleans()
)


def _store() -> Store:
    store = Store.open(":memory:")
    for code in CODES[:2]:
        add_entry(store, code, EntryValues("SK-1", "2025-12-01"))
    return store


def _expected(
    sessions: list[tuple[int, int, bool]],
    people: list[tuple[Any, ...]],
    sign_ins: list[tuple[int, int, Any, bool]],
    village: int,
) -> dict[str, Any]:
    """The figures computed directly from the generated rows (no SQL)."""
    visible = [not p[2] for p in people]

    def root(index: int) -> int:
        seen = {index}
        current = index
        while visible[current] and people[current][3] >= 0 and people[current][3] < current:
            target = people[current][3]
            if target in seen or not visible[target]:
                break
            seen.add(target)
            current = target
        return current

    def days(offset: int) -> str:
        return (TODAY + timedelta(days=offset)).isoformat()

    mine = [i for i, (v, _, deleted) in enumerate(sessions) if v == village and not deleted]
    past = [i for i in mine if days(sessions[i][1]) <= TODAY.isoformat()]
    last = max((days(sessions[i][1]) for i in past), default=None)

    def reach(start: str) -> dict[str, Any]:
        chosen = {i for i in past if days(sessions[i][1]) >= start}
        rows = [(n, s) for n, s in enumerate(sign_ins) if s[0] in chosen and not s[3]]
        latest: dict[int, tuple[tuple[str, int], str]] = {}
        for n, (session, person, category, _) in rows:
            own = people[person][1] if visible[person] else None
            key = (days(sessions[session][1]), n)
            r = root(person)
            if r not in latest or key >= latest[r][0]:
                latest[r] = (key, category or own or "")
        sexes = Counter((people[r][0] or "") if visible[r] else "" for r in latest)
        return {
            "sessions": len(chosen),
            "sign_ins": len(rows),
            "participants": len(latest),
            "by_sex": dict(sexes),
            "by_category": dict(Counter(c for _, c in latest.values())),
        }

    return {"last": last, "quarter": reach(QUARTER_START), "year": reach(YEAR_START)}


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(session_st, min_size=1, max_size=12),
    st.lists(person_st, min_size=1, max_size=8),
    st.lists(sign_in_st, max_size=25),
)
def test_counts_equal_counts_taken_from_sessions_and_sign_ins(
    sessions: list[tuple[int, int, bool]],
    people: list[tuple[Any, ...]],
    sign_ins: list[tuple[int, int, Any, bool]],
) -> None:
    sign_ins = [s for s in sign_ins if s[0] < len(sessions) and s[1] < len(people)]
    store = _store()
    session_ids = []
    for village, offset, _ in sessions:
        values = {
            "title": "Sosialisasi",
            "date": (TODAY + timedelta(days=offset)).isoformat(),
            "region_code": CODES[village],
        }
        session_ids.append(store.write("sessions", with_village_link(store, values)))
    person_ids = []
    for sex, category, _, _ in people:
        person_ids.append(
            store.write("people", {"full_name": "Peserta", "sex": sex, "category": category})
        )
    for index, (_, _, _, merged) in enumerate(people):
        if 0 <= merged < index:
            store.write("people", {"merged_into": person_ids[merged]}, person_ids[index])
    for n, (session, person, category, _) in enumerate(sign_ins):
        attendance = store.write(
            "attendance",
            {
                "session_id": session_ids[session],
                "person_id": person_ids[person],
                "category": category,
                "signed_at": f"2026-01-01T00:{n // 60:02d}:{n % 60:02d}Z",
            },
        )
        if sign_ins[n][3]:
            store.delete("attendance", attendance)
    for index, (_, _, deleted) in enumerate(sessions):
        if deleted:
            store.delete("sessions", session_ids[index])
    for index, person in enumerate(people):
        if person[2]:
            store.delete("people", person_ids[index])

    activities = village_activities(store, today=TODAY)
    assert [a.entry.region_code for a in activities] == list(CODES[:2])
    for village, activity in enumerate(activities):
        expected = _expected(sessions, people, sign_ins, village)
        assert activity.last_visit == expected["last"]
        for name in ("quarter", "year"):
            reach = getattr(activity, name)
            got = {
                "sessions": reach.sessions,
                "sign_ins": reach.sign_ins,
                "participants": reach.participants,
                "by_sex": reach.by_sex,
                "by_category": reach.by_category,
            }
            assert got == expected[name], name
    store.close()


@pytest.fixture
def store() -> Store:
    s = _store()
    set_inactive_days(s, 90)
    return s


@pytest.mark.parametrize(("days_ago", "overdue"), [(89, False), (90, True), (91, True)])
def test_inactivity_warning_at_its_edge(store: Store, days_ago: int, overdue: bool) -> None:
    visit = (TODAY - timedelta(days=days_ago)).isoformat()
    store.write("sessions", {"title": "Kunjungan", "date": visit, "region_code": CODES[0]})
    activity = village_activities(store, today=TODAY)[0]
    assert (activity.days_since, activity.overdue) == (days_ago, overdue)


def test_inactivity_threshold_is_a_setting(store: Store) -> None:
    visit = (TODAY - timedelta(days=40)).isoformat()
    store.write("sessions", {"title": "Kunjungan", "date": visit, "region_code": CODES[0]})
    assert not village_activities(store, today=TODAY)[0].overdue
    set_inactive_days(store, 30)
    assert village_activities(store, today=TODAY)[0].overdue


def test_never_visited_counts_from_the_sk_date(store: Store) -> None:
    # SK 2025-12-01 is 170 days before TODAY
    activity = village_activities(store, today=TODAY)[0]
    assert (activity.last_visit, activity.days_since, activity.overdue) == (None, 170, True)


def test_a_planned_session_is_not_a_visit(store: Store) -> None:
    store.write("sessions", {"title": "Rencana", "date": "2026-06-01", "region_code": CODES[0]})
    activity = village_activities(store, today=TODAY)[0]
    assert activity.last_visit is None and activity.quarter.sessions == 0


def test_an_officer_not_assigned_still_records_sessions_there(tmp_path: Any) -> None:
    store = Store.open(":memory:")
    assigned = create_profile(store, "Rahmat Hidayat", "198609262015051001", "Kanim", None)
    other = store.write("officers", {"name": "Dewi Kartika Sari", "nip": "199103122017122002"})
    rid = add_entry(
        store,
        CODES[0],
        EntryValues("SK-1", "2026-01-05", officers=[appointment_for(store, assigned)]),
    )
    values = {
        "title": "Sosialisasi",
        "date": "2026-05-02",
        "region_code": CODES[0],
        "officer_ids": [other],
    }
    session = store.write("sessions", with_village_link(store, values))
    person = store.write("people", {"full_name": "Siti", "sex": "P"})
    store.write("attendance", {"session_id": session, "person_id": person})
    activity = activity_of(store, get_entry(store, rid), today=TODAY)
    assert activity.last_visit == "2026-05-02"
    assert (activity.quarter.sessions, activity.quarter.participants) == (1, 1)
    assert store.rows("SELECT village_id FROM sessions")[0]["village_id"] == rid


def test_open_referrals_from_the_village(store: Store) -> None:
    session = store.write("sessions", {"title": "S", "date": "2026-05-01", "region_code": CODES[0]})
    resident = store.write("people", {"full_name": "A", "region_code": CODES[0]})
    visitor = store.write("people", {"full_name": "B", "region_code": CODES[2]})
    for person, session_id, status in (
        (visitor, session, "dirujuk"),  # made at the village's session
        (resident, None, "draf"),  # a resident, no session
        (resident, None, "selesai"),  # closed
        (visitor, None, "dirujuk"),  # elsewhere
    ):
        store.write(
            "referrals",
            {"person_id": person, "session_id": session_id, "risk_type": "calo", "status": status},
        )
    activity = village_activities(store, today=TODAY)[0]
    assert activity.referrals == {"dirujuk": 1, "draf": 1, "selesai": 1}
    assert activity.open_referrals == 2


def test_program_figures_per_office_and_kabupaten(store: Store) -> None:
    officer = store.write(
        "officers", {"name": "Dewi", "nip": "199103122017122002", "office": "Kanim Pontianak"}
    )
    from petugaspembina.store.desa_binaan import edit_entry, list_entries

    for entry in list_entries(store):
        edit_entry(
            store,
            entry.id,
            EntryValues("SK-1", "2025-12-01", officers=[appointment_for(store, officer)]),
        )
    figures = program_figures(store, village_activities(store, today=TODAY))
    assert (figures.active, figures.officers) == (2, 1)
    assert [(g.label, g.villages, g.officers) for g in figures.by_office] == [
        ("Kanim Pontianak", 2, 1)
    ]
    assert [(g.code, g.villages) for g in figures.by_kabupaten] == [("61.12", 2)]
    assert sorted(figures.without_activity) == ["Arus Deras", "Teluk Pakedai Hulu"]
