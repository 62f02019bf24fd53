"""What the clerk compares of a suggested pair beyond the name: the category and the dates of the
sessions each attended; identical names are called "sama", not "mirip"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.store.store import Store
from petugaspembina.sync.duplicates import describe_pair, find_duplicates

VILLAGE = {"birth_year": 1985, "region_code": "17.71.01.1001", "village_name": "Sumur Dewa"}


@pytest.fixture
def two_rudis(tmp_path: Path) -> tuple[Store, str, str]:
    """Two "Rudi" of the same year and village: one a teacher who came twice, one who came once
    and whose category is only on his sign-in."""
    store = Store.open(tmp_path / "kantor.sqlite3")
    teacher = store.write(
        "people", {"full_name": "Rudi", "sex": "L", "category": "guru", **VILLAGE}
    )
    other = store.write("people", {"full_name": "RUDI.", "sex": "L", **VILLAGE})
    days = {}
    for day in ("2026-03-02", "2026-08-22", "2026-05-10"):
        days[day] = store.write("sessions", {"title": "Sosialisasi", "date": day})
    for day in ("2026-08-22", "2026-03-02"):
        store.write("attendance", {"session_id": days[day], "person_id": teacher})
    store.write(
        "attendance",
        {"session_id": days["2026-05-10"], "person_id": other, "category": "tokoh_agama"},
    )
    yield store, teacher, other
    store.close()


def test_sides_carry_category_and_first_and_last_session_dates(
    two_rudis: tuple[Store, str, str],
) -> None:
    store, teacher, other = two_rudis
    (pair,) = find_duplicates(store)
    described = describe_pair(store, pair)
    sides = {described.first.id: described.first, described.second.id: described.second}
    assert sides[teacher].category_label == "Guru"
    assert (sides[teacher].first_session, sides[teacher].last_session) == (
        "2026-03-02",
        "2026-08-22",
    )
    assert sides[teacher].sessions == 2
    assert sides[other].category == "tokoh_agama"  # from the sign-in: the person has none
    assert sides[other].first_session == sides[other].last_session == "2026-05-10"


def test_identical_names_are_called_the_same_not_similar(
    two_rudis: tuple[Store, str, str],
) -> None:
    store, _, _ = two_rudis
    (pair,) = find_duplicates(store)
    described = describe_pair(store, pair)
    assert described.same_name
    assert described.reason_text == "nama sama, tahun lahir dan desa sama"
    assert pair.reason_label == "Nama sama, tahun lahir dan desa sama"


def test_a_side_with_no_sessions_and_no_category_has_empty_values(tmp_path: Path) -> None:
    with Store.open(tmp_path / "k.sqlite3") as store:
        store.write("people", {"full_name": "Siti Aminah", "sex": "P", **VILLAGE})
        store.write("people", {"full_name": "Siti Aminha", "sex": "P", **VILLAGE})
        (pair,) = find_duplicates(store)
        described = describe_pair(store, pair)
    assert not described.same_name
    assert described.reason_text == "nama mirip, tahun lahir dan desa sama"
    for side in (described.first, described.second):
        assert (side.category, side.category_label) == ("", "")
        assert side.first_session is None and side.last_session is None


def test_duplicates_json_keeps_its_keys_and_says_nama_sama(
    two_rudis: tuple[Store, str, str],
) -> None:
    store, _, _ = two_rudis
    path = store.path
    result = CliRunner().invoke(main, ["--db", str(path), "duplicates", "--json"])
    assert result.exit_code == 0, result.output
    (pair,) = json.loads(result.stdout)
    assert {"first_id", "second_id", "reason", "score", "reason_label"} <= set(pair)
    assert set(pair["first"]) == {
        "id",
        "name",
        "sex",
        "sex_label",
        "birth_year",
        "village",
        "nik_masked",
    }
    assert pair["reason"] == "name+birth_year+village"
    assert pair["reason_label"] == "Nama sama, tahun lahir dan desa sama"
    description = describe_pair(store, find_duplicates(store)[0]).to_json()
    side = description["first"]
    assert isinstance(side, dict)
    old = {"id", "full_name", "sex", "birth_year", "village_name", "nik_masked", "sessions"}
    assert old | {"category", "first_session", "last_session"} == set(side)
