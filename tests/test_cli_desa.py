"""``desa-binaan add | list | end | profile | xlsx``: the contract of the issue, and one named test
per bad input (each a clear Indonesian message, exit 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from pypdf import PdfReader

from petugaspembina.cli import main
from petugaspembina.store.store import Store
from petugaspembina.store.vault import key_file

RAHMAT = "198609262015051001"
DEWI = "199103122017122002"
BUSY = "61.12.01.2016"  # the demo's village with most sessions (seed 1, 20 sessions)
QUIET = "61.12.08.2013"


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("desa") / "kantor.db"
    assert run(db, "demo-data", "--sessions", "20")[0] == 0
    return db


@pytest.fixture
def db(demo: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "kantor.db"
    copy.write_bytes(demo.read_bytes())
    key_file(copy).write_bytes(key_file(demo).read_bytes())  # the database's wrapped key
    return copy


def add(db: Path, region: str, *extra: str) -> tuple[int, str, str]:
    return run(
        db,
        "desa-binaan",
        "add",
        "--region",
        region,
        "--sk",
        "W.16-UM.01.01-045/2026",
        "--date",
        "2026-02-03",
        *extra,
    )


def test_add_and_list_json_carry_officers_and_activity(db: Path) -> None:
    code, out, err = add(db, BUSY, "--officer", RAHMAT, "--officer", DEWI)
    assert code == 0, err
    assert "Sungai Raya Dalam" in out and "Rahmat Hidayat, Dewi Kartika Sari" in out
    assert add(db, QUIET)[0] == 0
    code, out, _ = run(db, "desa-binaan", "list", "--json")
    assert code == 0
    items = {item["region_code"]: item for item in json.loads(out)}
    busy = items[BUSY]
    assert busy["sk_number"] == "W.16-UM.01.01-045/2026"
    assert [o["nip"] for o in busy["officers"]] == [RAHMAT, DEWI]
    assert busy["officers"][0]["start"] == "2026-02-03"
    with Store.open(db) as store:
        sessions = store.rows(
            "SELECT count(*) AS n FROM sessions WHERE deleted = 0 AND region_code = ?"
            " AND date >= '2026-01-01' AND date <= date('now')",
            (BUSY,),
        )[0]["n"]
    assert busy["sessions"] == sessions > 0
    assert busy["participants"] > 0 and not busy["inactive"]
    assert items[QUIET]["sessions"] == 0 and items[QUIET]["inactive"] is True


def test_list_text_shows_labels_and_the_inactivity_mark(db: Path) -> None:
    add(db, QUIET)
    code, out, _ = run(db, "desa-binaan", "list")
    assert code == 0
    assert "Arus Deras" in out and "Aktif" in out and "TANPA KEGIATAN" in out


def test_list_of_an_empty_register_says_what_to_do(db: Path) -> None:
    code, out, _ = run(db, "desa-binaan", "list")
    assert code == 0 and "Belum ada desa binaan" in out


def test_end_keeps_the_entry_with_its_reason(db: Path) -> None:
    add(db, QUIET)
    code, out, _ = run(
        db, "desa-binaan", "end", QUIET, "--date", "2026-10-01", "--reason", "Pemekaran desa"
    )
    assert code == 0 and "berakhir per 2026-10-01" in out
    item = json.loads(run(db, "desa-binaan", "list", "--json")[1])[0]
    assert (item["status"], item["status_label"], item["end_reason"]) == (
        "berakhir",
        "Berakhir",
        "Pemekaran desa",
    )


def test_profile_is_one_page_without_personal_details(db: Path, tmp_path: Path) -> None:
    add(db, BUSY, "--officer", RAHMAT)
    target = tmp_path / "profil.pdf"
    code, _, err = run(db, "desa-binaan", "profile", BUSY, "--out", str(target))
    assert code == 0, err
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "PROFIL DESA BINAAN" in text and "Sungai Raya Dalam" in text
    assert "Rahmat Hidayat" in text and "W.16-UM.01.01-045/2026" in text
    with Store.open(db) as store:
        people = [r["full_name"] for r in store.rows("SELECT full_name FROM people")]
    full_names = [n for n in people if n and " " in n and n != "Rahmat Hidayat"]
    assert full_names and not [name for name in full_names if name in text]


def test_register_xlsx_has_a_row_per_village(db: Path, tmp_path: Path) -> None:
    add(db, BUSY, "--officer", RAHMAT)
    add(db, QUIET)
    target = tmp_path / "register.xlsx"
    assert run(db, "desa-binaan", "xlsx", "--out", str(target))[0] == 0
    rows = list(load_workbook(target)["Desa Binaan"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Kode wilayah", "Desa/Kelurahan")
    assert sorted(r[0] for r in rows[1:]) == [BUSY, QUIET]


def test_row_unknown_region_code(db: Path) -> None:
    code, _, err = add(db, "99.99.99.9999")
    assert code == 1
    assert "Kode wilayah '99.99.99.9999' bukan kode desa/kelurahan Kemendagri" in err


def test_row_bad_date(db: Path) -> None:
    code, _, err = run(
        db, "desa-binaan", "add", "--region", QUIET, "--sk", "X", "--date", "03-02-2026"
    )
    assert code == 1 and "Tanggal SK (--date) harus tanggal YYYY-MM-DD" in err


def test_row_unknown_nip(db: Path) -> None:
    code, _, err = add(db, QUIET, "--officer", "199001012015052001")
    assert code == 1 and "NIP 199001012015052001 belum dikenal" in err
    assert json.loads(run(db, "desa-binaan", "list", "--json")[1]) == []  # nothing written


def test_row_malformed_nip(db: Path) -> None:
    code, _, err = add(db, QUIET, "--officer", "12345")
    assert code == 1 and "NIP '12345' tidak sah" in err


def test_row_duplicate_entry(db: Path) -> None:
    assert add(db, QUIET)[0] == 0
    code, _, err = add(db, QUIET)
    assert code == 1 and "sudah terdaftar sebagai desa binaan" in err


def test_row_end_of_an_unknown_village(db: Path) -> None:
    code, _, err = run(db, "desa-binaan", "end", QUIET, "--date", "2026-10-01", "--reason", "x")
    assert code == 1 and "Desa 61.12.08.2013 tidak ada di register desa binaan" in err


def test_row_end_with_a_bad_date(db: Path) -> None:
    add(db, QUIET)
    code, _, err = run(db, "desa-binaan", "end", QUIET, "--date", "kemarin", "--reason", "x")
    assert code == 1 and "Tanggal berakhir harus tanggal YYYY-MM-DD" in err


def test_row_profile_of_an_unknown_village(db: Path, tmp_path: Path) -> None:
    code, _, err = run(db, "desa-binaan", "profile", QUIET, "--out", str(tmp_path / "p.pdf"))
    assert code == 1 and "tidak ada di register desa binaan" in err


def test_row_profile_into_a_missing_folder(db: Path, tmp_path: Path) -> None:
    add(db, QUIET)
    target = tmp_path / "tidak-ada" / "p.pdf"
    code, _, err = run(db, "desa-binaan", "profile", QUIET, "--out", str(target))
    assert code == 1 and "Galat:" in err and "Traceback" not in err


def test_recap_names_the_desa_binaan_figures(db: Path) -> None:
    add(db, BUSY, "--officer", RAHMAT)
    code, out, _ = run(db, "recap")
    assert code == 0 and "1 desa binaan aktif, 1 petugas PIMPASA, 0 tanpa kegiatan" in out
    figures = json.loads(run(db, "recap", "--json")[1])["desa_binaan"]
    assert (figures["active"], figures["officers"]) == (1, 1)
