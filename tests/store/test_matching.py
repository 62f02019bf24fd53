"""One person, once: the matching rules, the list import's per-row plan, and a property that the
sign-in form, the kiosk and the list import never make a second person of someone who came."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petugaspembina.core.text import name_key
from petugaspembina.store.matching import find_matches
from petugaspembina.store.participant_lists import (
    NEW,
    RETURNING,
    SKIP,
    Checked,
    Table,
    check_rows,
    guess_mapping,
    import_people,
    plan_import,
)
from petugaspembina.store.signin import (
    AlreadySignedIn,
    NikTaken,
    PersonEntry,
    PossibleMatch,
    check_person,
    session_sign_ins,
    sign_in,
)
from petugaspembina.store.store import Store

NOW = datetime(2026, 11, 22, 2, 30, tzinfo=UTC)
VILLAGE = {"region_code": "17.71.01.1001", "village_name": "Pagar Dewa"}
NIK = "1771015507950002"


def person(store: Store, name: str, sex: str, year: int | None, **more: object) -> str:
    return store.write("people", {"full_name": name, "sex": sex, "birth_year": year, **more})


def values(name: str, sex: str, year: str, **more: str) -> dict[str, object]:
    return check_person(PersonEntry(full_name=name, sex=sex, birth_year=year, **more)).values


def count(store: Store, table: str = "people") -> int:
    return int(store.rows(f"SELECT count(*) AS n FROM {table} WHERE deleted = 0")[0]["n"])


def test_name_key_folds_case_spaces_and_punctuation() -> None:
    assert name_key("  SITI.  aminah ") == name_key("Siti Aminah") == "siti aminah"
    assert name_key("Ma'ruf  Amin") == "ma ruf amin" and name_key(None) == ""


def test_same_name_sex_year_within_one_and_place_is_a_match(store: Store) -> None:
    siti = person(store, "Siti Aminah", "P", 1995, **VILLAGE)
    for year in ("1994", "1995", "1996"):
        [found] = find_matches(store, [values("siti  AMINAH", "P", year, **VILLAGE)])
        assert [(m.hit.id, m.reason) for m in found] == [(siti, "nama")]


def test_other_year_sex_or_kecamatan_is_not_a_match(store: Store) -> None:
    person(store, "Siti Aminah", "P", 1995, **VILLAGE)
    assert find_matches(store, [values("Siti Aminah", "P", "1997", **VILLAGE)]) == [[]]
    assert find_matches(store, [values("Siti Aminah", "L", "1995", **VILLAGE)]) == [[]]
    other = {"region_code": "17.71.02.1001", "village_name": "Pagar Dewa"}
    assert find_matches(store, [values("Siti Aminah", "P", "1995", **other)]) == [[]]
    nearby = {"region_code": "17.71.01.1005", "village_name": "Desa Lain"}  # same kecamatan
    assert len(find_matches(store, [values("Siti Aminah", "P", "1995", **nearby)])[0]) == 1


def test_two_different_niks_are_two_people_even_with_one_name(store: Store) -> None:
    person(store, "Siti Aminah", "P", 1995, nik="1771015507950003", **VILLAGE)
    assert find_matches(store, [values("Siti Aminah", "P", "1995", nik=NIK, **VILLAGE)]) == [[]]


def test_same_nik_is_the_person_or_a_clash(store: Store) -> None:
    dewi = person(store, "Dewi Lestari", "P", 1995, nik=NIK)
    [[same]] = find_matches(store, [values("DEWI lestari", "P", "", nik=NIK)])
    assert (same.hit.id, same.reason) == (dewi, "nik") and same.hit.nik_masked != NIK
    [[short]] = find_matches(store, [values("Dewi L.", "P", "", nik=NIK)])
    assert short.reason == "nik"
    [[clash]] = find_matches(store, [values("Rina Marlina", "P", "", nik=NIK)])
    assert clash.reason == "nik_lain" and not clash.same_person


def test_a_linked_duplicates_nik_leads_to_the_survivor(store: Store) -> None:
    survivor = person(store, "Dewi Lestari", "P", 1995)
    person(store, "Dewi Lestari", "P", 1995, nik=NIK, merged_into=survivor)
    [[found]] = find_matches(store, [values("Dewi Lestari", "P", "", nik=NIK)])
    assert found.hit.id == survivor


def test_bulk_and_single_lookups_agree(store: Store) -> None:
    person(store, "Siti Aminah", "P", 1995, **VILLAGE)
    person(store, "Dewi Lestari", "P", 1990, nik=NIK)
    entries = [
        values("siti aminah", "P", "1996", **VILLAGE),
        values("Rina", "P", "1990", nik=NIK),
        values("Orang Baru", "L", "1980", **VILLAGE),
    ] * 70  # over the bulk threshold
    bulk = find_matches(store, entries)
    single = [find_matches(store, [e])[0] for e in entries[:3]]
    assert bulk[:3] == single and [len(m) for m in single] == [1, 1, 0]


def test_sign_in_form_offers_and_kiosk_uses_the_match(store: Store) -> None:
    session = store.write("sessions", {"title": "S", "date": "2026-11-22"})
    siti = person(store, "Siti Aminah", "P", 1995, **VILLAGE)
    entry = PersonEntry(full_name="Siti Aminah", sex="P", birth_year="1995", **VILLAGE)
    with pytest.raises(PossibleMatch) as offered:
        sign_in(store, session, entry=entry, now=NOW)
    assert [m.hit.id for m in offered.value.matches] == [siti]
    done = sign_in(store, session, entry=entry, matches="use", via="kiosk", now=NOW)
    assert done.person_id == siti and done.returning and count(store) == 1
    with pytest.raises(AlreadySignedIn):  # already there: said plainly rather than offered
        sign_in(store, session, entry=entry, now=NOW)


def test_nik_of_another_person_is_refused_in_every_mode(store: Store) -> None:
    session = store.write("sessions", {"title": "S", "date": "2026-11-22"})
    person(store, "Dewi Lestari", "P", 1995, nik=NIK)
    entry = PersonEntry(full_name="Rina Marlina", sex="P", birth_year="1990", nik=NIK)
    with pytest.raises(NikTaken):
        sign_in(store, session, entry=entry, matches="use", now=NOW)
    with pytest.raises(NikTaken):
        sign_in(store, session, entry=entry, matches="new", now=NOW)
    same = PersonEntry(full_name="Dewi Lestari", sex="P", nik=NIK)
    with pytest.raises(NikTaken):  # even "a new person" cannot carry a NIK already held
        sign_in(store, session, entry=same, matches="new", now=NOW)
    assert count(store) == 1 and count(store, "attendance") == 0


def table(*rows: str, header: str = "Nama;L/P;Tahun Lahir;Desa;NIK") -> tuple[Table, Checked]:
    cells = [r.split(";") for r in rows]
    made = Table(header.split(";"), [(n, c) for n, c in enumerate(cells, start=2)])
    checked = check_rows(made, guess_mapping(made.headers))
    assert not checked.errors, checked.errors
    return made, checked


def test_import_plan_reports_each_row_and_never_aborts(store: Store) -> None:
    session = store.write("sessions", {"title": "S", "date": "2026-11-22"})
    sign_in(
        store,
        session,
        entry=PersonEntry(full_name="Ahmad Fauzi", sex="L", birth_year="1990", **VILLAGE),
        now=NOW,
    )
    budi = person(store, "Budi Santoso", "L", 1980, village_name="Pagar Dewa")
    person(store, "Dewi Lestari", "P", 1995, nik=NIK)
    _, checked = table(
        "ahmad  FAUZI;L;1990;Pagar Dewa;",  # signed in already
        "Budi Santoso;L;1981;pagar dewa;",  # came before
        "Sri Rahayu;P;1985;Pagar Dewa;",  # new
        "SRI rahayu;P;1985;Pagar Dewa;",  # the row above again
        f"Rina Marlina;P;1990;Pagar Dewa;{NIK}",  # someone else's NIK
        "Eko Saputra;L;1975;Pagar Dewa;",  # new
    )
    plans = plan_import(store, checked, session)
    assert [(p.number, p.action) for p in plans] == [
        (2, SKIP),
        (3, RETURNING),
        (4, NEW),
        (5, SKIP),
        (6, SKIP),
        (7, NEW),
    ]
    assert "sudah tercatat hadir" in plans[0].reason and plans[1].person_id == budi
    assert "baris 4" in plans[3].reason and "NIK" in plans[4].reason
    done = import_people(store, checked, session)
    assert (done.new, done.returning, done.skipped) == (2, 1, 3)
    assert count(store) == 5 and len(session_sign_ins(store, session)) == 4


def test_import_without_a_session_never_makes_a_second_person_with_one_nik(
    store: Store,
) -> None:
    dewi = person(store, "Dewi Lestari", "P", 1995, nik=NIK)
    _, checked = table(f"DEWI LESTARI;P;1995;;{NIK}", f"Dewi Lestari;P;1995;;{NIK}")
    plans = plan_import(store, checked)
    assert [p.action for p in plans] == [RETURNING, SKIP] and plans[0].person_id == dewi
    done = import_people(store, checked)
    assert (done.new, done.returning, done.skipped) == (0, 1, 1)
    assert store.rows("SELECT count(*) AS n FROM people WHERE nik = ?", (NIK,))[0]["n"] == 1


def test_import_into_a_session_skips_a_minor_with_the_reason(store: Store) -> None:
    session = store.write("sessions", {"title": "S", "date": "2026-11-22"})
    _, checked = table("Anak Muda;L;2015;Pagar Dewa;")
    [plan] = plan_import(store, checked, session, NOW)
    assert plan.action == SKIP and "orang tua/wali" in plan.reason
    assert import_people(store, checked, session).skipped == 1 and count(store) == 0


# -- the property: no path duplicates a person whose data matches --------------------------------

NAMES = ["Siti Aminah", "Budi Santoso", "Ni Luh Putu Ayu", "Muhammad Rizki Pratama", "Yohanes"]
PATHS = ["form", "kiosk", "import", "import_session"]


@st.composite
def spelling(draw: st.DrawFn, name: str) -> str:
    """The same name as someone might type it: any case, extra spaces, stray punctuation."""
    words = []
    for word in name.split():
        case = draw(st.sampled_from([str.lower, str.upper, str.title, str]))
        words.append(case(word) + draw(st.sampled_from(["", "", ".", ","])))
    gaps = [draw(st.sampled_from([" ", "  ", "   "])) for _ in words]
    return (
        draw(st.sampled_from(["", " ", "  "]))
        + "".join(w + g for w, g in zip(words, gaps, strict=True))
    ).rstrip(" ") + draw(st.sampled_from(["", " "]))


def register(store: Store, path: str, session: str, name: str, sex: str, year: int) -> None:
    """Sign someone in (or list them) the way each screen does, choosing an offered match."""
    if path.startswith("import"):
        row = f"{name};{sex};{year};{VILLAGE['village_name']};"
        _, checked = table(row)
        import_people(store, checked, session if path == "import_session" else None)
        return
    entry = PersonEntry(full_name=name, sex=sex, birth_year=str(year), **VILLAGE)
    try:
        if path == "kiosk":
            sign_in(store, session, entry=entry, matches="use", via="kiosk", now=NOW)
        else:
            try:
                sign_in(store, session, entry=entry, now=NOW)
            except PossibleMatch as offered:  # the officer picks the offered person
                sign_in(store, session, person_id=offered.matches[0].hit.id, now=NOW)
    except AlreadySignedIn:
        pass


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.data(),
    name=st.sampled_from(NAMES),
    sex=st.sampled_from("LP"),
    year=st.integers(1950, 2000),
    first=st.sampled_from(PATHS),
    second=st.sampled_from(PATHS),
    delta=st.sampled_from([-1, 0, 1]),
)
def test_no_path_ever_duplicates_a_person_across_spellings(
    data: st.DataObject,
    name: str,
    sex: str,
    year: int,
    first: str,
    second: str,
    delta: int,
) -> None:
    store = Store.open(":memory:")
    try:
        earlier = store.write("sessions", {"title": "Lalu", "date": "2026-10-01", **VILLAGE})
        today = store.write("sessions", {"title": "Kini", "date": "2026-11-22", **VILLAGE})
        register(store, first, earlier, data.draw(spelling(name)), sex, year)
        register(store, second, today, data.draw(spelling(name)), sex, year + delta)
        register(store, second, today, data.draw(spelling(name)), sex, year)  # and once more
        assert count(store) == 1
        if second != "import":
            assert len(session_sign_ins(store, today)) == 1
    finally:
        store.close()


SITI_FULL = "Siti Nurhaliza binti Abdul Rahman Hakim"


def test_a_similar_name_is_offered_as_mirip(store: Store) -> None:
    siti = person(store, SITI_FULL, "P", 1995, **VILLAGE)
    entry = values("siti nurhaliza  binti abd rahman hakim", "P", "1995", **VILLAGE)
    assert [(m.hit.id, m.reason) for m in find_matches(store, [entry])[0]] == [(siti, "mirip")]


def test_a_similar_name_elsewhere_or_another_sex_is_not_offered(store: Store) -> None:
    person(store, SITI_FULL, "P", 1995, region_code="17.71.02.1001", village_name="Lain")
    person(store, SITI_FULL, "L", 1995, **VILLAGE)
    person(store, SITI_FULL, "P", 1990, **VILLAGE)
    entry = values("Siti Nurhaliza binti Abd Rahman Hakim", "P", "1995", **VILLAGE)
    assert find_matches(store, [entry])[0] == []


def test_a_different_name_is_not_similar(store: Store) -> None:
    person(store, "Siti Aminah", "P", 1995, **VILLAGE)
    entry = values("Sri Wahyuni", "P", "1995", **VILLAGE)
    assert find_matches(store, [entry])[0] == []


def test_kiosk_never_signs_in_a_similar_name_but_the_form_offers_it(store: Store) -> None:
    session = store.write("sessions", {"title": "S", "date": "2026-11-22", **VILLAGE})
    siti = person(store, SITI_FULL, "P", 1995, **VILLAGE)
    entry = PersonEntry(
        full_name="Siti Nurhaliza binti Abd Rahman Hakim", sex="P", birth_year="1995", **VILLAGE
    )
    with pytest.raises(PossibleMatch) as offered:
        sign_in(store, session, entry=entry, now=NOW)
    assert [(m.hit.id, m.reason) for m in offered.value.matches] == [(siti, "mirip")]
    done = sign_in(store, session, entry=entry, now=NOW, matches="use")
    assert done.created_person and done.person_id != siti


def test_names_are_tidied_on_save() -> None:
    assert values("  siti   nurhaliza BINTI abdul ", "P", "1995")["full_name"] == (
        "siti nurhaliza BINTI abdul"
    )
    assert values("siti  nurhaliza binti abdul", "P", "1995")["full_name"] == (
        "Siti Nurhaliza binti Abdul"
    )
    assert values("BUDI BIN SANTOSO ", "L", "1990")["full_name"] == "Budi bin Santoso"
    assert values("Ma'ruf McDonald", "L", "1990")["full_name"] == "Ma'ruf McDonald"
