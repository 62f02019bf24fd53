"""IDs on the command line: a unique beginning of at least 8 characters stands for the ID (one
helper for every command that takes a session or a person); an ambiguous or too short one is
refused in words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.store.id_prefix import resolve_id
from petugaspembina.store.store import Store

NIP = "19860926 201505 1 001"


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("ids") / "x.db"
    code, _, err = cli(db, "init", "--officer", "Rahmat", "--nip", NIP, "--office", "Kanim")
    assert code == 0, err
    assert cli(db, "demo-data", "--seed", "2", "--sessions", "4")[0] == 0
    return db


def _shortest_unique_prefix(ids: list[str], target: str) -> str:
    for size in range(8, len(target) + 1):
        if sum(i.startswith(target[:size]) for i in ids) == 1:
            return target[:size]
    return target


def test_a_unique_beginning_of_a_session_id_makes_the_document(demo: Path, tmp_path: Path) -> None:
    ids = [s["id"] for s in json.loads(cli(demo, "sessions", "--json")[1])]
    prefix = _shortest_unique_prefix(ids, ids[0])
    assert len(prefix) < len(ids[0])
    out = tmp_path / "laporan.pdf"
    code, stdout, err = cli(demo, "report", "--session", prefix.upper(), "--out", str(out))
    assert code == 0, err
    assert out.exists() and str(out) in stdout


def test_an_ambiguous_beginning_names_the_matches_and_asks_for_more(demo: Path) -> None:
    ids = [s["id"] for s in json.loads(cli(demo, "sessions", "--json")[1])]
    shared = ids[0][:8]  # UUIDv7: sessions made within a minute share their first 8 characters
    matching = [i for i in ids if i.startswith(shared)]
    assert len(matching) > 1
    code, _, err = cli(demo, "photos", "list", "--session", shared)
    assert code == 1
    assert f"Awalan ID '{shared}' cocok dengan lebih dari satu kegiatan" in err
    assert all(i in err for i in matching) and "Ketik lebih banyak karakter ID." in err


def test_a_too_short_beginning_says_how_long_it_must_be(demo: Path, tmp_path: Path) -> None:
    code, _, err = cli(demo, "report", "--session", "019b", "--out", str(tmp_path / "r.pdf"))
    assert code == 1
    assert "sekurang-kurangnya 8 karakter" in err and "perintah sessions" in err


def test_an_id_that_matches_nothing_points_to_the_listing(demo: Path) -> None:
    code, _, err = cli(demo, "erase-person", "01a2066e", "--yes")
    assert code == 1
    assert err == (
        "Galat: Peserta dengan ID berawalan '01a2066e' tidak ditemukan. Lihat ID-nya dengan "
        "perintah people.\n"
    )


def test_the_helper_takes_a_full_id_as_it_is_and_a_prefix_of_a_person(demo: Path) -> None:
    with Store.open(demo) as store:
        people = [r["id"] for r in store.rows("SELECT id FROM people WHERE deleted = 0")]
        target = people[0]
        assert resolve_id(store, "people", target) == target
        prefix = _shortest_unique_prefix(people, target)
        assert resolve_id(store, "people", prefix) == target
