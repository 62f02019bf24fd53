"""The command-line contract: exit codes, init, demo-data, dump and listings."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from petugaspembina import __version__
from petugaspembina.cli import main
from petugaspembina.core.enums import ReferralStatus

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
    for referral in json.loads(out):
        assert set(referral) == {
            "id",
            "status",
            "risk_type",
            "urgency",
            "agency",
            "referred_on",
            "events",
        }
    code, out, _ = run("--db", db, "people")
    assert code == 0 and out.splitlines()[0].startswith("Nama")


def test_corrupt_database_exits_1_with_reason(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"not sqlite" * 500)
    code, _, err = run("--db", str(db), "people")
    assert code == 1 and "bad.db" in err


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
