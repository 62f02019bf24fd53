"""The office profile is the office's: filled by init, validated, and a DRAF mark while incomplete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petugaspembina.documents.office import (
    DRAFT_MARK,
    missing_fields,
    office_profile,
    pattern_preview,
    profile_for_office,
    save_office_profile,
)
from petugaspembina.documents.produce import make_certificates, make_report
from petugaspembina.store.errors import InvalidInput
from petugaspembina.store.queries import list_sessions
from petugaspembina.store.store import Store

from .helpers import COMPLETE_PROFILE, NIP, cli, new_session, pdf_pages, sign_in

BATULICIN = "Kantor Imigrasi Kelas II TPI Batulicin"


def _init(db: Path, office: str = BATULICIN) -> None:
    code, _, err = cli(db, "init", "--officer", "Rahmat Hidayat", "--nip", NIP, "--office", office)
    assert code == 0, err


def test_init_fills_letterhead_position_and_city_from_the_office(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _init(db)
    with Store.open(db) as store:
        profile = office_profile(store)
        assert profile.letterhead[-1] == "KANTOR IMIGRASI KELAS II TPI BATULICIN"
        assert not any("BENGKULU" in line for line in profile.letterhead)
        assert profile.signatory_position == "Kepala Kantor Imigrasi Kelas II TPI Batulicin"
        assert profile.city == "Batulicin"
        # What init could not know is still a placeholder, and is named.
        assert set(missing_fields(store)) == {"Alamat", "Nama penanda tangan", "NIP penanda tangan"}


@pytest.mark.parametrize(
    ("office", "city"),
    [
        ("Kantor Imigrasi Kelas II Non TPI Kerinci", "Kerinci"),
        ("Kantor Imigrasi Kelas I Khusus TPI Jakarta Selatan", "Jakarta Selatan"),
        ("kanim pontianak", "Pontianak"),
        ("Kelas I TPI Pontianak", "Pontianak"),
    ],
)
def test_city_follows_from_the_office_name(office: str, city: str) -> None:
    assert profile_for_office(office).get("city") == city


def test_documents_carry_draft_mark_while_placeholders_remain(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as store:
        session_id = new_session(store)
        sign_in(store, session_id, "Siti Aminah", "P")
        out = make_report(store, session_id, tmp_path / "r.pdf")
        assert DRAFT_MARK in pdf_pages(out)[0]
        save_office_profile(store, COMPLETE_PROFILE)
        assert missing_fields(store) == []
        out = make_report(store, session_id, tmp_path / "r2.pdf")
        assert DRAFT_MARK not in pdf_pages(out)[0]
        certificates = tmp_path / "c.pdf"
        make_certificates(store, session_id, certificates)
        assert DRAFT_MARK not in pdf_pages(certificates)[0]


def test_certificates_carry_the_draft_mark(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as store:
        session_id = new_session(store)
        sign_in(store, session_id, "Siti Aminah", "P")
        make_certificates(store, session_id, tmp_path / "c.pdf")
        assert DRAFT_MARK in pdf_pages(tmp_path / "c.pdf")[0]


def test_cli_names_the_fields_to_fill(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _init(db)
    code, out, _ = cli(db, "office-profile")
    assert code == 0 and "Belum diisi" in out and "NIP penanda tangan" in out
    with Store.open(db) as store:
        session_id = new_session(store)
        sign_in(store, session_id, "Siti")
    code, _, err = cli(db, "report", "--session", session_id, "--out", str(tmp_path / "r.pdf"))
    assert code == 0 and DRAFT_MARK in err and "Alamat" in err


def test_cli_set_without_equals_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = cli(tmp_path / "k.db", "office-profile", "--set", "city")
    assert code == 2 and "KOLOM=NILAI" in err


def test_cli_refuses_a_short_nip(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _init(db)
    code, _, err = cli(db, "office-profile", "--set", "signatory_nip=123")
    assert code == 1 and "18 digit" in err
    assert json.loads(cli(db, "office-profile", "--json")[1])["signatory_nip"] != "123"


def test_cli_refuses_a_nip_with_an_impossible_birth_date(tmp_path: Path) -> None:
    _init(tmp_path / "k.db")
    code, _, err = cli(
        tmp_path / "k.db", "office-profile", "--set", "signatory_nip=197013401995031001"
    )
    assert code == 1 and "Tanggal lahir" in err


def test_cli_refuses_a_broken_numbering_pattern_and_keeps_the_old_one(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _init(db)
    before = json.loads(cli(db, "office-profile", "--json")[1])["numbering_pattern"]
    code, _, err = cli(
        db, "office-profile", "--set", "numbering_pattern={seq:04d}/{device}/{bulan}"
    )
    assert code == 1 and "Pola nomor" in err
    code, _, err = cli(db, "office-profile", "--set", "numbering_pattern={seq:04d/{device}")
    assert code == 1 and "Pola nomor" in err
    assert json.loads(cli(db, "office-profile", "--json")[1])["numbering_pattern"] == before


def test_pattern_without_seq_or_device_is_refused() -> None:
    with pytest.raises(InvalidInput, match="seq"):
        pattern_preview("SERT/{year}")
    with pytest.raises(InvalidInput, match="device"):
        pattern_preview("{seq:04d}/SERT/{year}")


def test_cli_shows_a_preview_of_the_numbering_pattern(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _init(db)
    code, out, _ = cli(
        db, "office-profile", "--set", "numbering_pattern={seq:03d}/KANIM-BTL/{device}/{year}"
    )
    assert code == 0 and "Contoh nomor: 001/KANIM-BTL/98E84D/" in out


def test_cli_refuses_a_certificate_template_with_unknown_fields(tmp_path: Path) -> None:
    _init(tmp_path / "k.db")
    code, _, err = cli(
        tmp_path / "k.db", "office-profile", "--set", "certificate_body=Hadir {nama}"
    )
    assert code == 1 and "Kalimat sertifikat" in err


def test_readme_example_documents_name_the_init_office_and_one_officer(tmp_path: Path) -> None:
    db = tmp_path / "readme.db"
    _init(db)
    code, _, err = cli(db, "demo-data")
    assert code == 0, err
    with Store.open(db) as store:
        officers = store.rows("SELECT name FROM officers WHERE deleted = 0")
        assert [o["name"] for o in officers] == ["Rahmat Hidayat"]
        session_id = list_sessions(store)[0].id
    for args in (["certificates"], ["report"], ["report", "--berita-acara"], ["attendance-sheet"]):
        out = tmp_path / f"{'-'.join(args)}.pdf"
        code, _, err = cli(db, *args, "--session", session_id, "--out", str(out))
        assert code == 0, err
        text = pdf_pages(out)[0]
        assert "BENGKULU" not in text.upper()
        assert "Batulicin" in text or "BATULICIN" in text
    assert "Rahmat Hidayat" in pdf_pages(tmp_path / "report---berita-acara.pdf")[0] + "".join(
        pdf_pages(tmp_path / "report---berita-acara.pdf")
    )
