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


def test_cli_shows_the_profile_in_indonesian_words(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _init(db)
    code, out, _ = cli(db, "office-profile", "--set", "signatory_prefix=Plh.")
    assert code == 0
    lines = out.splitlines()
    for label in ("Kop surat:", "Alamat:", "Telepon:", "Nama penanda tangan:", "Pola nomor"):
        assert any(line.startswith(label) for line in lines), label
    assert any(line.startswith("Awalan penanda tangan:") and "Plh." in line for line in lines)
    shown = [line for line in lines if not line.startswith(("Ubah dengan", "Kolom pola"))]
    for code_name in ("letterhead", "signatory_name", "numbering_pattern", "address"):
        assert not any(line.startswith(code_name) for line in shown), code_name
    # The field names are still offered for --set, and --json keeps them as keys.
    assert "signatory_name (Nama penanda tangan)" in out
    keys = json.loads(cli(db, "office-profile", "--json")[1])
    assert keys["signatory_prefix"] == "Plh." and "letterhead" in keys


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
        pattern_preview("SERT/{year}", "249d50aa")
    with pytest.raises(InvalidInput, match="device"):
        pattern_preview("{seq:04d}/SERT/{year}", "249d50aa")


def test_cli_shows_a_preview_of_the_numbering_pattern(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _init(db)
    code, out, _ = cli(
        db, "office-profile", "--set", "numbering_pattern={seq:03d}/KANIM-BTL/{device}/{year}"
    )
    with Store.open(db) as store:
        code_of_this_laptop = store.device_id[:6].upper()
    assert code == 0 and f"Contoh nomor: 001/KANIM-BTL/{code_of_this_laptop}/" in out
    assert f"{{device}} = kode perangkat ({code_of_this_laptop})" in out
    assert "{month_roman} = bulan (angka Romawi)" in out and "{year} = tahun" in out


def test_the_preview_uses_the_device_it_is_given_not_a_fixed_code() -> None:
    from datetime import date

    number = pattern_preview(
        "{seq:04d}/SERT-PIMPASA/{device}/{month_roman}/{year}", "249d50f1", date(2026, 11, 20)
    )
    assert number == "0001/SERT-PIMPASA/249D50/XI/2026"


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


def test_draft_certificates_are_previews_that_use_up_no_number(tmp_path: Path) -> None:
    """CLI: a draft print leaves the register empty; the first print after the profile is
    complete is numbered, signed and not a reprint."""
    db = tmp_path / "d.db"
    _init(db)
    with Store.open(db) as store:
        session_id = new_session(store)
        sign_in(store, session_id, "Siti Aminah", "P")
        sign_in(store, session_id, "Rudi Hartono")
    draft = tmp_path / "draft.pdf"
    code, out, err = cli(db, "certificates", "--session", session_id, "--out", str(draft))
    assert code == 0, err
    assert "pratinjau" in out and "cetak ulang" not in out
    assert json.loads(cli(db, "register", "--json")[1]) == []
    pages = pdf_pages(draft)
    assert len(pages) == 2
    assert all("Nomor: DRAF" in page and "Pratinjau" in page for page in pages)
    assert not any("Pindai untuk verifikasi" in page for page in pages)  # no signed QR code
    with Store.open(db) as store:
        assert store.meta("certificate_seq") is None
        assert store.rows("SELECT count(*) AS n FROM certificate_events")[0]["n"] == 0
        save_office_profile(store, COMPLETE_PROFILE)
    final = tmp_path / "final.pdf"
    code, out, err = cli(db, "certificates", "--session", session_id, "--out", str(final))
    assert code == 0, err
    assert "2 sertifikat (0 cetak ulang)" in out
    entries = json.loads(cli(db, "register", "--json")[1])
    assert len(entries) == 2 and all(e["reprints"] == 0 for e in entries)
    assert {e["number"][:4] for e in entries} == {"0001", "0002"}
    for page in pdf_pages(final):
        assert "Cetak ulang" not in page and "Nomor: DRAF" not in page
        assert "Pindai untuk verifikasi" in page and DRAFT_MARK not in page


def test_draft_berita_acara_takes_no_number(tmp_path: Path) -> None:
    from petugaspembina.documents.produce import make_berita_acara

    with Store.open(tmp_path / "d.db") as store:
        session_id = new_session(store)
        sign_in(store, session_id, "Siti Aminah", "P")
        make_berita_acara(store, session_id, tmp_path / "ba.pdf")
        assert "Nomor: DRAF" in pdf_pages(tmp_path / "ba.pdf")[0]
        assert store.meta("berita_acara_seq") is None
        assert store.meta(f"berita_acara:{session_id}") is None
        save_office_profile(store, COMPLETE_PROFILE)
        make_berita_acara(store, session_id, tmp_path / "ba2.pdf")
        text = pdf_pages(tmp_path / "ba2.pdf")[0]
        assert "Nomor: 0001/BA-PIMPASA/" in text and "DRAF" not in text


def test_draft_prints_no_invented_signatory_or_address(tmp_path: Path) -> None:
    from petugaspembina.documents.produce import make_berita_acara

    db = tmp_path / "d.db"
    _init(db)
    with Store.open(db) as store:
        session_id = new_session(store)
        sign_in(store, session_id, "Siti Aminah", "P")
        make_certificates(store, session_id, tmp_path / "c.pdf")
        make_berita_acara(store, session_id, tmp_path / "ba.pdf")
    for path in (tmp_path / "c.pdf", tmp_path / "ba.pdf"):
        text = " ".join(pdf_pages(path))
        assert "Nama Kepala Kantor" not in text and "19700101" not in text
        assert "Jl. Contoh" not in text
        assert "(nama kepala kantor)" in text and "NIP (belum diisi)" in text


def test_register_cli_shows_short_dates_and_json_keeps_iso(tmp_path: Path) -> None:
    from datetime import date

    from petugaspembina.core.display import short_date

    db = tmp_path / "d.db"
    with Store.open(db) as store:
        save_office_profile(store, COMPLETE_PROFILE)
        session_id = new_session(store)
        sign_in(store, session_id, "Siti Aminah", "P")
        make_certificates(store, session_id, tmp_path / "c.pdf")
    today = date.today()
    out = cli(db, "register")[1]
    assert short_date(today) in out and today.isoformat() not in out
    assert json.loads(cli(db, "register", "--json")[1])[0]["issued_on"] == today.isoformat()
