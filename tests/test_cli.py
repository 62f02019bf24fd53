"""The command-line contract: exit codes, init, demo-data, dump and listings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from petugaspembina import __version__
from petugaspembina.cli import main
from petugaspembina.core.enums import (
    ParticipantCategory,
    ReferralStatus,
    RiskType,
    SessionType,
    Urgency,
)
from petugaspembina.core.records import Person
from petugaspembina.core.text import shorten
from petugaspembina.store.store import Store

NIP = "19860926 201505 1 001"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_init_creates_identity_and_refuses_a_second_time(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    code, out, _ = run("--db", db, "init", "--officer", "Rahmat", "--nip", NIP, "--office", "Kanim")
    assert code == 0 and "Perangkat:" in out
    code, _, err = run("--db", db, "init", "--officer", "Rahmat", "--nip", NIP, "--office", "Kanim")
    assert code == 1 and "sudah memiliki profil" in err


def test_init_refuses_a_bad_nip(tmp_path: Path) -> None:
    code, _, err = run(
        "--db", str(tmp_path / "x.db"), "init", "--officer", "A", "--nip", "12", "--office", "K"
    )
    assert code == 1 and "NIP harus 18 digit" in err


def test_wrong_usage_exits_2() -> None:
    assert run("no-such-command")[0] == 2
    assert run("init")[0] == 2


def test_demo_data_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    dumps = []
    for name in ("a.db", "b.db"):
        db = str(tmp_path / name)
        code, out, _ = run("--db", db, "demo-data", "--seed", "7", "--sessions", "4")
        assert code == 0 and "4 kegiatan" in out
        dumps.append(run("--db", db, "dump", "--json")[1])
    assert dumps[0] == dumps[1]
    other = tmp_path / "c.db"
    run("--db", str(other), "demo-data", "--seed", "8", "--sessions", "4")
    assert run("--db", str(other), "dump", "--json")[1] != dumps[0]
    data = json.loads(dumps[0])
    assert set(data) >= {"sessions", "people", "attendance", "referrals", "referral_events"}
    assert len(data["sessions"]) == 4
    assert all(
        20 <= sum(a["session_id"] == s["id"] for a in data["attendance"]) <= 40
        for s in data["sessions"]
    )
    sexes = {p["sex"] for p in data["people"]}
    assert sexes == {"L", "P"}
    ids = [p["id"] for p in data["people"]]
    assert ids == sorted(ids)


def test_listings_text_and_json(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    run("--db", db, "demo-data", "--seed", "3", "--sessions", "5")
    code, out, _ = run("--db", db, "sessions", "--json")
    sessions = json.loads(out)
    assert code == 0 and len(sessions) == 5
    assert sessions == sorted(sessions, key=lambda s: s["date"], reverse=True)
    code, out, _ = run("--db", db, "people", "--json")
    people = json.loads(out)
    assert code == 0 and people and all("nik" not in p for p in people)
    masked = [p["nik_masked"] for p in people if p["nik_masked"]]
    assert masked and all("********" in m for m in masked)
    code, out, _ = run("--db", db, "referrals", "--json")
    assert code == 0
    for referral in json.loads(out):  # the contract's keys, plus Indonesian labels of codes
        assert set(referral) == {
            "id",
            "status",
            "risk_type",
            "urgency",
            "agency",
            "referred_on",
            "events",
            "status_label",
            "risk_type_label",
            "urgency_label",
        }
        assert referral["status_label"] == ReferralStatus(referral["status"]).label
    code, out, _ = run("--db", db, "people")
    assert code == 0 and out.splitlines()[0].startswith("Nama")


def test_corrupt_database_exits_1_with_reason(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"not sqlite" * 500)
    code, _, err = run("--db", str(db), "people")
    assert code == 1 and "bad.db" in err


def init_db(path: Path) -> Path:
    code, _, err = run(
        "--db", str(path), "init", "--officer", "Rahmat", "--nip", NIP, "--office", "K"
    )
    assert code == 0, err
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["sessions"],
        ["people", "--json"],
        ["referrals"],
        ["dump"],
        ["conflicts"],
        ["duplicates"],
        ["export", "--out", "bundel.json"],
        ["resolve", "abc", "--value", "1"],
        ["link-duplicate", "a", "b"],
        ["erase-person", "a", "--yes"],
        ["register"],
        ["office-profile"],
    ],
)
def test_commands_refuse_a_database_that_does_not_exist(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "salah-ketik.db"
    code, out, err = run("--db", str(db), *command)
    assert code == 1 and out == ""
    assert err == f"Galat: Basis data tidak ada: {db}; buat dengan init.\n"
    assert not db.exists()


def test_the_default_database_is_refused_too_until_init(tmp_path: Path) -> None:
    code, _, err = run("--home", str(tmp_path / "rumah"), "sessions")
    assert code == 1 and "Basis data tidak ada" in err
    code, _, _ = run(
        "--home", str(tmp_path / "rumah"), "init", "--officer", "A", "--nip", NIP, "--office", "K"
    )
    assert code == 0
    assert run("--home", str(tmp_path / "rumah"), "sessions")[0] == 0


def test_demo_data_says_when_it_creates_a_database(tmp_path: Path) -> None:
    db = tmp_path / "latihan.db"
    code, out, _ = run("--db", str(db), "demo-data", "--sessions", "1")
    assert code == 0 and f"Basis data baru dibuat: {db}" in out
    code, out, _ = run("--db", str(db), "demo-data", "--sessions", "1", "--seed", "2")
    assert code == 0 and "Basis data baru dibuat" not in out


def test_dump_prints_json_without_the_flag(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    run("--db", db, "demo-data", "--sessions", "2")
    code, plain, _ = run("--db", db, "dump")
    assert code == 0 and json.loads(plain)["sessions"]
    assert run("--db", db, "dump", "--json")[1] == plain


def _commands(group: click.Group, ctx: click.Context) -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = [(ctx.command_path, group)]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        sub = click.Context(command, info_name=name, parent=ctx)
        if isinstance(command, click.Group):
            found.extend(_commands(command, sub))
        else:
            found.append((sub.command_path, command))
    return found


def test_every_option_and_argument_has_help() -> None:
    missing = []
    root = click.Context(main, info_name="petugaspembina")
    for path, command in _commands(main, root):
        if not command.help and path != "petugaspembina":
            missing.append(f"{path}: no help text")
        for param in command.params:
            if isinstance(param, click.Option) and not param.help:
                missing.append(f"{path} {param.opts[0]}: no help")
            if isinstance(param, click.Argument):
                name = (param.metavar or (param.name or "").upper()).rstrip(".")
                if name not in (command.help or ""):
                    missing.append(f"{path} {name}: the help does not say what it is")
    assert missing == []


def test_every_help_is_indonesian_with_the_option_names_unchanged() -> None:
    """Office admins read the help: click's own words and every text are Indonesian; the option
    names (the command line's contract) stay as they were."""
    import re

    english = re.compile(r"\b(the|of|and|with|for|is|are|this|when|by|from|file|show)\b", re.I)
    root = click.Context(main, info_name="petugaspembina")
    runner = CliRunner()
    found = []
    for path, command in [("petugaspembina", main), *_commands(main, root)]:
        texts = [command.help or ""] + [
            p.help or "" for p in command.params if isinstance(p, click.Option)
        ]
        found += [f"{path}: {t}" for t in texts if english.search(t.replace("--", " "))]
        args = path.split()[1:]
        shown = runner.invoke(main, [*args, "--help"], prog_name="petugaspembina").output
        assert shown.startswith(f"Pemakaian: {path} [OPSI]"), path
        assert "Opsi:" in shown and "Tampilkan bantuan ini lalu keluar." in shown, path
        for word in ("Usage", "Options", "Commands", "Show this message", "[required]"):
            assert word not in shown, (path, word)
    assert found == []
    recap = runner.invoke(main, ["recap", "--help"]).output
    for option in ("--from", "--to", "--region", "--xlsx", "--pdf", "--csv", "--personal"):
        assert option in recap
    assert "[wajib]" in runner.invoke(main, ["certificates", "--help"]).output


def test_listings_show_indonesian_labels_and_json_keeps_codes(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    run("--db", db, "demo-data", "--seed", "3", "--sessions", "6")
    referrals = json.loads(run("--db", db, "referrals", "--json")[1])
    table = run("--db", db, "referrals")[1]
    assert referrals
    for item in referrals:
        assert item["status"] in ReferralStatus.codes()  # the contract: raw codes
        assert item["risk_type_label"] == RiskType(item["risk_type"]).label
        assert item["urgency_label"] == Urgency(item["urgency"]).label
        row = next(line for line in table.splitlines() if item["id"] in line)
        assert ReferralStatus(item["status"]).label in row
        assert shorten(RiskType(item["risk_type"]).label, 28) in row
        assert f" {item['risk_type']} " not in row
    sessions = json.loads(run("--db", db, "sessions", "--json")[1])
    table = run("--db", db, "sessions")[1]
    for item in sessions:
        assert item["session_type_label"] == SessionType(item["session_type"]).label
        row = next(line for line in table.splitlines() if item["id"] in line)
        assert SessionType(item["session_type"]).label in row
    people = json.loads(run("--db", db, "people", "--json")[1])
    table = run("--db", db, "people")[1]
    labelled = [p for p in people if p["category"]]
    assert labelled
    for item in labelled[:20]:
        assert item["category_label"] == ParticipantCategory(item["category"]).label
        assert item["sex_label"] in ("Laki-laki", "Perempuan")
        row = next(line for line in table.splitlines() if item["id"] in line)
        assert ParticipantCategory(item["category"]).label in row


def test_session_titles_are_shortened_at_a_word_boundary(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    title = "Sosialisasi Desa Binaan Imigrasi di Kelurahan Sungaibangkong Kecamatan Pontianak"
    with Store.open(db) as store:
        sid = store.write("sessions", {"title": title, "date": "2026-02-03"})
    row = next(line for line in run("--db", str(db), "sessions")[1].splitlines() if sid in line)
    assert "Sosialisasi Desa Binaan Imigrasi di Kelurahan…" in row
    assert "Sungaiban" not in row
    assert json.loads(run("--db", str(db), "sessions", "--json")[1])[0]["title"] == title


@pytest.fixture
def twins(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A database with two likely duplicates and people who are clearly not the same."""
    db = tmp_path / "d.db"
    village = {"region_code": "17.71.01.1001", "village_name": "Sumur Dewa"}
    with Store.open(db) as store:
        ids = {
            "siti": store.write(
                "people",
                {
                    "full_name": "Siti Aminah",
                    "sex": "P",
                    "birth_year": 1990,
                    **village,
                    "nik": "1771015002900001",
                },
            ),
            "siti2": store.write(
                "people",
                {"full_name": "Siti Aminnah", "sex": "P", "birth_year": 1990, **village},
            ),
            "budi": store.write(
                "people", {"full_name": "Budi Santoso", "sex": "L", "birth_year": 1990, **village}
            ),
            "siti_old": store.write(
                "people", {"full_name": "Siti Aminah", "sex": "P", "birth_year": 1984, **village}
            ),
            "siti_near": store.write(
                "people", {"full_name": "Siti Amina", "sex": "P", "birth_year": 1992, **village}
            ),
        }
    return db, ids


def test_duplicates_say_on_stderr_when_only_the_likeliest_are_listed(
    twins: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.sync import duplicates

    real = duplicates.suggest_duplicates
    monkeypatch.setattr(duplicates, "suggest_duplicates", lambda store: real(store, limit=1))
    db, _ = twins
    with Store.open(db) as store:  # a third Siti of 1990 in the village: three pairs in all
        store.write(
            "people",
            {
                "full_name": "Sity Aminah",
                "sex": "P",
                "birth_year": 1990,
                "region_code": "17.71.01.1001",
            },
        )
    code, out, err = run("--db", str(db), "duplicates", "--json")
    assert code == 0 and len(json.loads(out)) == 1  # stdout stays the JSON list
    assert "1 pasangan paling mirip dari 3 ditampilkan" in err


def test_duplicates_show_name_sex_birth_year_village_masked_nik_and_score(
    twins: tuple[Path, dict[str, str]],
) -> None:
    db, ids = twins
    code, out, _ = run("--db", str(db), "duplicates")
    assert code == 0
    assert "Siti Aminah" in out and "Siti Aminnah" in out and "Sumur Dewa" in out
    assert "1771********0001" in out and "1771015002900001" not in out
    assert "1990" in out and " P " in out
    assert "Nama mirip, tahun lahir dan desa sama" in out
    assert re.search(r"^0\.\d{3}  ", out, re.MULTILINE)
    pairs = json.loads(run("--db", str(db), "duplicates", "--json")[1])
    pair = next(p for p in pairs if {p["first_id"], p["second_id"]} == {ids["siti"], ids["siti2"]})
    assert {"first_id", "second_id", "reason", "score"} <= set(pair)  # the old keys stay
    first = pair["first"] if pair["first_id"] == ids["siti"] else pair["second"]
    assert first == {
        "id": ids["siti"],
        "name": "Siti Aminah",
        "sex": "P",
        "sex_label": "Perempuan",
        "birth_year": 1990,
        "village": "Sumur Dewa",
        "nik_masked": "1771********0001",
    }
    assert pair["reason_label"] == "Nama mirip, tahun lahir dan desa sama"


def test_link_duplicate_refuses_a_different_sex_unless_forced(
    twins: tuple[Path, dict[str, str]],
) -> None:
    db, ids = twins
    code, _, err = run("--db", str(db), "link-duplicate", ids["budi"], ids["siti"])
    assert code == 1 and "jenis kelamin berbeda (Laki-laki dan Perempuan)" in err
    assert "--force" in err
    with Store.open(db) as store:
        assert store.get(Person, ids["budi"]).merged_into is None
    code, _, _ = run("--db", str(db), "link-duplicate", ids["budi"], ids["siti"], "--force")
    assert code == 0


def test_link_duplicate_refuses_birth_years_more_than_two_apart(
    twins: tuple[Path, dict[str, str]],
) -> None:
    db, ids = twins
    code, _, err = run("--db", str(db), "link-duplicate", ids["siti_old"], ids["siti"])
    assert code == 1 and "tahun lahir berselisih 6 tahun (1984 dan 1990)" in err
    code, _, _ = run("--db", str(db), "link-duplicate", ids["siti_near"], ids["siti"])
    assert code == 0  # two years apart: a likely typo, linked


BAD_INVOCATIONS: list[list[str]] = [
    ["no-such-command"],
    ["init"],
    ["init", "--officer", "A", "--nip", "12", "--office", "K"],
    ["sessions", "--bogus"],
    ["sessions", "extra"],
    ["demo-data", "--sessions", "banyak"],
    ["demo-data", "--sessions", "-3"],
    ["export"],
    ["export", "--out"],
    ["export", "--out", "{tmp}/tidak-ada/"],
    ["export", "--out", "{tmp}/tidak-ada/b.json"],
    ["import"],
    ["import", "{tmp}/hilang.json"],
    ["import", "{tmp}"],
    ["resolve", "abc"],
    ["resolve", "abc", "--value", "{bukan json"],
    ["resolve", "0000000000000000", "--value", "1"],
    ["link-duplicate", "a"],
    ["link-duplicate", "a", "b"],
    ["receipt", "{tmp}/hilang.json"],
    ["receipt", "{tmp}"],
    ["erase-person", "tidak-ada", "--yes"],
    ["verify-certificate", "bukan-kode"],
    ["certificates", "--session", "x", "--out", "{tmp}/s.txt"],
    ["void-certificate", "X/1", "--reason", "salah"],
    ["office-profile", "--set", "tanpa-sama-dengan"],
]


def test_bad_invocations_get_an_indonesian_message_and_never_a_traceback(tmp_path: Path) -> None:
    db = init_db(tmp_path / "x.db")
    for template in BAD_INVOCATIONS:
        args = [a.replace("{tmp}", str(tmp_path)) for a in template]
        result = CliRunner().invoke(main, ["--db", str(db), *args])
        text = result.stdout + result.stderr
        assert result.exit_code in (1, 2), (args, text, result.exception)
        assert isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in text, args
        assert "Galat:" in result.stderr or "Ditolak:" in result.stderr, (args, result.stderr)
        for english in ("Error:", "Usage:", "No such", "Missing", "Invalid value", "is not"):
            assert english not in result.stderr, (args, result.stderr)


def test_listings_show_labels_and_dates_not_codes(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    run("--db", db, "demo-data", "--seed", "3", "--sessions", "6")
    _, sessions, _ = run("--db", db, "sessions")
    _, referrals, _ = run("--db", db, "referrals")
    listed = sessions + referrals
    assert re.search(
        r"^\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) 2026 ", sessions, re.M
    )
    assert not re.search(r"\d{4}-\d{2}-\d{2}", listed)
    for code in ("sosialisasi ", "rapat_timpora", "laporan_wna", "calo ", "dirujuk", "darurat"):
        assert code not in listed
    _, as_json, _ = run("--db", db, "referrals", "--json")
    assert json.loads(as_json)[0]["status"] in {s.value for s in ReferralStatus}  # codes kept


def test_a_mistyped_command_is_named_in_indonesian_with_the_suggestion() -> None:
    code, _, err = run("improt")
    assert code == 2
    assert "Galat: Perintah tidak dikenal: 'improt'. Maksud Anda 'import'?" in err
    assert "No such command" not in err and "Did you mean" not in err


def _sessions_db(tmp_path: Path, titles: list[tuple[str, str, str]]) -> str:
    """A database holding sessions (title, village, date)."""
    db = init_db(tmp_path / "x.db")
    with Store.open(db) as store:
        for title, village, date in titles:
            store.write("sessions", {"title": title, "village_name": village, "date": date})
    return str(db)


def test_sessions_search_finds_by_title_or_village(tmp_path: Path) -> None:
    db = _sessions_db(
        tmp_path,
        [
            ("Sosialisasi TPPO", "Sukamaju", "2025-01-05"),
            ("Penyuluhan PMI", "Karangsari", "2026-03-01"),
            ("Rapat desa", "Sukamaju Hilir", "2026-04-01"),
        ],
    )
    code, out, err = run("--db", db, "sessions", "--search", "sukamaju", "--json")
    assert code == 0 and err == ""
    found = json.loads(out)
    assert [item["title"] for item in found] == ["Rapat desa", "Sosialisasi TPPO"]
    assert set(found[0]) >= {"id", "date", "title", "village_name", "attendees", "officers"}
    code, out, _ = run("--db", db, "sessions", "--search", "PMI")
    assert code == 0 and "Penyuluhan PMI" in out and "Rapat desa" not in out
    assert out.splitlines()[0].startswith("Tanggal")


def test_sessions_search_takes_percent_literally(tmp_path: Path) -> None:
    db = _sessions_db(tmp_path, [("Sosialisasi 100% hadir", "A", "2026-01-01"), ("B", "B", "")])
    code, out, _ = run("--db", db, "sessions", "--search", "100%", "--json")
    assert code == 0 and [item["title"] for item in json.loads(out)] == ["Sosialisasi 100% hadir"]


def test_sessions_says_on_stderr_when_the_list_was_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import petugaspembina.cli as cli

    db = _sessions_db(
        tmp_path, [(f"Kegiatan {n}", "Desa", f"2026-01-{n + 1:02d}") for n in range(5)]
    )
    monkeypatch.setattr(cli, "LISTING_LIMIT", 3)
    code, out, err = run("--db", db, "sessions", "--json")
    assert code == 0 and len(json.loads(out)) == 3
    assert err == "… ditampilkan 3 dari 5; pakai --search untuk mempersempit.\n"
    code, out, err = run("--db", db, "sessions", "--search", "Kegiatan 0")
    assert code == 0 and err == "" and "Kegiatan 0" in out


def test_sessions_says_nothing_when_the_whole_list_fits(tmp_path: Path) -> None:
    db = _sessions_db(tmp_path, [("Satu", "Desa", "2026-01-01")])
    code, _, err = run("--db", db, "sessions")
    assert code == 0 and err == ""


def test_people_and_referrals_take_search_too(tmp_path: Path) -> None:
    db = init_db(tmp_path / "x.db")
    with Store.open(db) as store:
        store.write("people", {"full_name": "Siti Aminah", "village_name": "Sukamaju"})
        store.write("people", {"full_name": "Budi Santoso", "village_name": "Karangsari"})
    code, out, err = run("--db", str(db), "people", "--search", "siti", "--json")
    assert code == 0 and err == "" and [p["full_name"] for p in json.loads(out)] == ["Siti Aminah"]
    code, out, _ = run("--db", str(db), "referrals", "--search", "tidak-ada", "--json")
    assert code == 0 and json.loads(out) == []
