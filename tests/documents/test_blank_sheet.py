"""The blank daftar hadir (the paper fallback) and the mark of sign-ins typed from paper."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from petugaspembina.documents.attendance_sheet import TRANSCRIBED_CELL
from petugaspembina.documents.produce import make_attendance_sheet, make_blank_attendance_sheet
from petugaspembina.profile import create_profile
from petugaspembina.store.corrections import delete_session
from petugaspembina.store.errors import InvalidInput, NotFound
from petugaspembina.store.signin import PersonEntry
from petugaspembina.store.signin import sign_in as store_sign_in
from petugaspembina.store.store import Store

from .helpers import NIP, cli, complete_office, new_session, pdf_pages, sign_in


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "d.db")
    yield opened
    opened.close()


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


def _row_numbers(pages: list[str]) -> list[int]:
    """The numbers printed in the signature column ("12."), one per row."""
    return [int(n) for n in re.findall(r"(?<![\d/])(\d{1,4})\.(?!\d)", "\n".join(pages))]


def _officer_session(store: Store, **values: object) -> str:
    officer = create_profile(store, "Rahmat Hidayat", NIP, "Kantor Imigrasi Batulicin", None)
    complete_office(store)
    return new_session(store, start_time="09:00", end_time="12:00", officer_ids=[officer], **values)


def test_blank_sheet_has_the_heading_filled(store: Store, tmp_path: Path) -> None:
    session_id = _officer_session(store)
    out = make_blank_attendance_sheet(store, session_id, tmp_path / "kosong.pdf")
    text = _flat(pdf_pages(out))
    for expected in (
        "KANTOR IMIGRASI KELAS II TPI BATULICIN",  # the letterhead
        "DAFTAR HADIR",
        "Sosialisasi Pencegahan TPPO",
        "Sabtu, 22 Agustus 2026",
        "09:00 – 12:00 WIB",
        "Balai Desa, Sungai Loban Bangkabelitung Laut",
        "Petugas : Rahmat Hidayat",
        "No Nama L/P Tahun Lahir Alamat/ Desa No. HP Orang Tua/ Wali** Setuju Difoto Tanda Tangan",
        "Mengisi daftar hadir",
        "Petugas Imigrasi Pembina Desa",
        "Batulicin, 22 Agustus 2026",
        "NIP 19860926 201505 1 001",
    ):
        assert expected in text, expected
    assert "DRAF" not in text


def test_blank_sheet_rows_fill_two_pages_by_default(store: Store, tmp_path: Path) -> None:
    session_id = _officer_session(store)
    out = make_blank_attendance_sheet(store, session_id, tmp_path / "kosong.pdf")
    pages = pdf_pages(out)
    numbers = _row_numbers(pages)
    assert len(pages) == 2
    assert numbers == list(range(1, len(numbers) + 1))  # numbered 1…N, none missing
    assert len(numbers) >= 36  # at least the default, topped up to the end of the last page
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari 2" in page
        assert "Tanda Tangan" in page  # the header row repeats


def test_blank_sheet_takes_the_rows_asked_for(store: Store, tmp_path: Path) -> None:
    session_id = _officer_session(store)
    out = make_blank_attendance_sheet(store, session_id, tmp_path / "k.pdf", rows=100)
    pages = pdf_pages(out)
    numbers = _row_numbers(pages)
    assert numbers[:100] == list(range(1, 101))
    # Topped up only within the last page: one more row would need another page.
    more = make_blank_attendance_sheet(
        store, session_id, tmp_path / "k2.pdf", rows=len(numbers) + 1
    )
    assert len(pdf_pages(more)) == len(pages) + 1


def test_blank_sheet_carries_no_participant_data(store: Store, tmp_path: Path) -> None:
    session_id = _officer_session(store, headcount_male=7)
    sign_in(store, session_id, "Siti Nurhaliza", "P", phone="+6281234567890")
    sign_in(store, session_id, "Bambang Sutrisno", village_name="Kampung Rahasia")
    out = make_blank_attendance_sheet(store, session_id, tmp_path / "kosong.pdf")
    text = _flat(pdf_pages(out))
    for secret in ("Siti", "Nurhaliza", "Bambang", "Kampung Rahasia", "7890", "0812"):
        assert secret not in text
    # The totals are empty boxes to fill in by hand: no count of anyone.
    assert re.search(r"Mengisi daftar hadir\s+Hadir tanpa", text)
    assert "Hadir tanpa mengisi daftar hadir Jumlah hadir" in text


def test_blank_sheet_uses_no_number_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    session_id = _officer_session(store)
    versions = store.version_count()
    meta = store.rows("SELECT key, value FROM meta ORDER BY key")
    make_blank_attendance_sheet(store, session_id, tmp_path / "kosong.pdf")
    assert store.version_count() == versions
    assert store.rows("SELECT key, value FROM meta ORDER BY key") == meta


def test_blank_sheet_without_officer_has_lines_to_sign(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    out = make_blank_attendance_sheet(store, session_id, tmp_path / "kosong.pdf", rows=5)
    text = _flat(pdf_pages(out))
    assert "(........" in text and "NIP ......" in text
    assert "Petugas :" not in text  # no officer ticked: no officer line in the heading


def test_blank_sheet_row_count_out_of_range_is_refused(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    for rows in (0, 1001):
        with pytest.raises(InvalidInput, match="Jumlah baris harus antara 1 dan 1000"):
            make_blank_attendance_sheet(store, session_id, tmp_path / "x.pdf", rows=rows)
    assert not (tmp_path / "x.pdf").exists()


def test_blank_sheet_of_a_deleted_session_says_so(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    delete_session(store, session_id)
    with pytest.raises(NotFound, match=r"sudah dihapus\. Pulihkan dahulu"):
        make_blank_attendance_sheet(store, session_id, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_cli_blank(store: Store, tmp_path: Path) -> None:
    session_id = _officer_session(store)
    sign_in(store, session_id, "Siti Nurhaliza", "P")
    out = tmp_path / "kosong.pdf"
    code, stdout, err = cli(
        store.path, "attendance-sheet", "--session", session_id, "--out", str(out), "--blank"
    )
    assert code == 0, err
    assert stdout.strip() == str(out)
    assert "Siti" not in _flat(pdf_pages(out)) and len(_row_numbers(pdf_pages(out))) >= 36
    code, _, err = cli(
        store.path,
        "attendance-sheet",
        "--session",
        session_id,
        "--out",
        str(tmp_path / "lima.pdf"),
        "--blank",
        "--rows",
        "60",
    )
    assert code == 0, err
    assert _row_numbers(pdf_pages(tmp_path / "lima.pdf"))[:60] == list(range(1, 61))


def test_cli_blank_with_a_missing_session(store: Store, tmp_path: Path) -> None:
    code, _, err = cli(
        store.path,
        "attendance-sheet",
        "--session",
        "00000000-0000-4000-8000-000000000000",
        "--out",
        str(tmp_path / "x.pdf"),
        "--blank",
    )
    assert (
        code == 1
        and "Galat: Kegiatan dengan ID '00000000-0000-4000-8000-000000000000' tidak ditemukan."
        in err
    )
    assert not (tmp_path / "x.pdf").exists()


def test_cli_blank_with_a_deleted_session(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    delete_session(store, session_id)
    code, _, err = cli(
        store.path,
        "attendance-sheet",
        "--session",
        session_id,
        "--out",
        str(tmp_path / "x.pdf"),
        "--blank",
    )
    assert code == 1 and "Kegiatan ini sudah dihapus" in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_cli_blank_with_rows_out_of_range(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    args = ("attendance-sheet", "--session", session_id, "--out", str(tmp_path / "x.pdf"))
    code, _, err = cli(store.path, *args, "--blank", "--rows", "0")
    assert code == 1 and "Jumlah baris harus antara 1 dan 1000" in err


def test_cli_rows_without_blank_is_a_usage_error(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    args = ("attendance-sheet", "--session", session_id, "--out", str(tmp_path / "x.pdf"))
    code, _, err = cli(store.path, *args, "--rows", "10")
    assert code == 2 and "--rows hanya berlaku bersama --blank" in err
    code, _, err = cli(store.path, *args, "--blank", "--mask-phone")
    assert code == 2 and "--mask-phone tidak berlaku untuk --blank" in err
    assert not (tmp_path / "x.pdf").exists()


def test_cli_attendance_sheet_without_blank_is_unchanged(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    sign_in(store, session_id, "Siti Nurhaliza", "P")
    out = tmp_path / "isi.pdf"
    code, _, err = cli(store.path, "attendance-sheet", "--session", session_id, "--out", str(out))
    assert code == 0, err
    text = _flat(pdf_pages(out))
    assert "Siti Nurhaliza" in text and "Jabatan/ Instansi" in text


def test_transcribed_sign_ins_are_marked_on_the_filled_sheet(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store, start_time="09:00")
    sign_in(store, session_id, "Hadir Di Layar")  # signed on the screen, 09:00 WIB
    for name in ("Ani Kertas", "Budi Kertas"):
        store_sign_in(
            store, session_id, entry=PersonEntry(full_name=name, sex="L"), transcribed=True
        )
    out = make_attendance_sheet(store, session_id, tmp_path / "isi.pdf")
    text = _flat(pdf_pages(out))
    assert "1 Hadir Di Layar" in text or "1 Hadir Di Layar".replace(" ", "") in text
    assert re.search(r"2\* Ani Kertas", text) and re.search(r"3\* Budi Kertas", text)
    assert not re.search(r"1\* Hadir", text)
    assert text.count(TRANSCRIBED_CELL) == 2
    assert "* Disalin dari daftar hadir kertas" in text
    assert "tanda tangan aslinya ada pada lembar kertas itu" in text


def test_filled_sheet_without_transcribed_rows_has_no_footnote(
    store: Store, tmp_path: Path
) -> None:
    session_id = new_session(store)
    sign_in(store, session_id, "Hadir Di Layar")
    text = _flat(pdf_pages(make_attendance_sheet(store, session_id, tmp_path / "isi.pdf")))
    assert "Disalin dari daftar hadir kertas" not in text and TRANSCRIBED_CELL not in text


def test_blank_sheet_asks_for_a_minors_guardian_and_photo_consent(
    store: Store, tmp_path: Path
) -> None:
    """What typing the paper in afterwards needs: the app refuses a minor without the consenting
    parent or guardian, and records consent to be photographed — the form asks for both, and the
    filled sheet shows the guardian of a minor typed in."""
    session_id = _officer_session(store)
    out = make_blank_attendance_sheet(store, session_id, tmp_path / "kosong.pdf")
    pages = pdf_pages(out)
    text = _flat(pages)
    header = (
        "No Nama L/P Tahun Lahir Alamat/ Desa No. HP Orang Tua/ Wali** Setuju Difoto Tanda Tangan"
    )
    for page in pages:
        assert header in " ".join(page.split())  # on every page
    assert "** Wajib bila peserta berusia di bawah 18 tahun: nama orang tua/wali" in text
    assert "beri tanda ✓ bila setuju difoto" in text
    assert "peserta setuju datanya dicatat untuk kegiatan ini" in text

    store_sign_in(
        store,
        session_id,
        entry=PersonEntry(full_name="Putri Anggraini", sex="P", birth_year="2012"),
        guardian_name="Siti Rahmah",
        transcribed=True,
    )
    filled = _flat(pdf_pages(make_attendance_sheet(store, session_id, tmp_path / "isi.pdf")))
    assert "Putri Anggraini (wali: Siti Rahmah)" in filled
