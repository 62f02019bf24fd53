"""The daftar hadir with drawn signatures, the L/P column, totals, page numbers and wrapping."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from petugaspembina.documents.attendance_sheet import render_attendance_sheet
from petugaspembina.documents.data import session_document
from petugaspembina.documents.layout import fit_para
from petugaspembina.documents.produce import make_attendance_sheet
from petugaspembina.store.store import Store

from .helpers import cli, new_session, pdf_image_count, pdf_pages, sign_in, signature_png


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "d.db")
    yield opened
    opened.close()


def test_drawn_signatures_are_printed_one_image_each(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    for index in range(5):
        sign_in(store, session_id, f"Peserta {index}", png=signature_png(index))
    sign_in(store, session_id, "Tanpa Tanda Tangan")
    out = make_attendance_sheet(store, session_id, tmp_path / "dh.pdf")
    assert pdf_image_count(out) == 5
    assert "Tanpa Tanda Tangan" in " ".join(pdf_pages(out)[0].split())


def test_signature_of_any_png_kind_is_printed(store: Store, tmp_path: Path) -> None:
    import io

    from PIL import Image

    session_id = new_session(store)
    for index, mode in enumerate(("RGBA", "RGB", "L", "P", "1", "LA")):
        image = Image.new(mode, (200 + index, 60))
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        sign_in(store, session_id, f"Mode {mode}", png=base64.b64encode(buffer.getvalue()).decode())
    out = make_attendance_sheet(store, session_id, tmp_path / "modes.pdf")
    assert pdf_image_count(out) == 6


def test_damaged_signature_is_skipped_with_a_note(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    good = signature_png(1)
    truncated = base64.b64encode(base64.b64decode(good)[:120]).decode()
    sign_in(store, session_id, "Tanda Tangan Baik", png=good)
    sign_in(store, session_id, "Tanda Tangan Rusak", png=truncated)
    junk = b"\x89PNG\r\n\x1a\n" + b"bukan gambar" * 10
    sign_in(store, session_id, "Bukan Gambar", png=base64.b64encode(junk).decode())
    out = make_attendance_sheet(store, session_id, tmp_path / "rusak.pdf")
    text = " ".join(pdf_pages(out)[0].split())
    assert pdf_image_count(out) == 1
    assert text.count("(gambar tanda tangan rusak)") == 2


def test_cli_attendance_sheet_with_signatures_does_not_crash(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    sign_in(store, session_id, "Siti Aminah", "P", png=signature_png(2))
    code, _, err = cli(
        store.path, "attendance-sheet", "--session", session_id, "--out", str(tmp_path / "a.pdf")
    )
    assert code == 0, err
    assert pdf_image_count(tmp_path / "a.pdf") == 1


def test_sex_column_and_totals_with_the_unsigned_headcount(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store, headcount_male=4, headcount_female=3)
    for index in range(3):
        sign_in(store, session_id, f"Laki {index}", "L")
    for index in range(2):
        sign_in(store, session_id, f"Puan {index}", "P")
    out = make_attendance_sheet(store, session_id, tmp_path / "t.pdf")
    text = " ".join(pdf_pages(out)[-1].split())
    assert "L/P" in pdf_pages(out)[0]
    assert "Mengisi daftar hadir 3 2 5" in text
    assert "Hadir tanpa mengisi daftar hadir 4 3 7" in text
    assert "Jumlah hadir 7 5 12" in text


def test_header_and_page_x_of_y_on_every_page(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    for index in range(60):
        sign_in(store, session_id, f"Peserta Nomor {index:02d}", "LP"[index % 2])
    out = make_attendance_sheet(store, session_id, tmp_path / "long.pdf")
    pages = pdf_pages(out)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in text
        assert "Nama" in text and "Tanda Tangan" in text


def test_words_are_not_split_when_shrinking_is_enough(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    sign_in(store, session_id, "Bangkabelitung Laut", village_name="Sungaibangkong Darat Hulu")
    out = make_attendance_sheet(store, session_id, tmp_path / "w.pdf")
    words = pdf_pages(out)[0].split()
    assert "Bangkabelitung" in words and "Sungaibangkong" in words


def test_fit_para_shrinks_before_splitting() -> None:
    paragraph = fit_para("Bangkabelitung", 66)
    assert 6.5 <= paragraph.style.fontSize < 9
    paragraph.wrap(66, 1000)
    assert len(paragraph.blPara.lines) == 1
    # Far too narrow even at the smallest size: only then is the word split.
    tiny = fit_para("Bangkabelitung", 30)
    assert tiny.style.fontSize == 6.5
    tiny.wrap(30, 1000)
    assert len(tiny.blPara.lines) > 1


def test_sheet_without_officer_still_renders(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    sign_in(store, session_id, "Rudi")
    out = render_attendance_sheet(session_document(store, session_id), tmp_path / "n.pdf")
    assert "Rudi" in pdf_pages(out)[0]


def test_totals_and_sign_off_never_stand_alone_on_the_last_page(
    store: Store, tmp_path: Path
) -> None:
    """Wherever the list ends on a page, the last page holds rows of the list (under the
    repeated header) above the totals and the officer's sign-off."""
    session_id = new_session(store)
    carried = 0
    for index in range(1, 27):
        sign_in(store, session_id, f"Peserta Nomor {index:02d}", "LP"[index % 2])
        if index < 8:
            continue
        pages = pdf_pages(make_attendance_sheet(store, session_id, tmp_path / f"{index}.pdf"))
        last = pages[-1]
        assert "Jumlah hadir" in last
        if len(pages) > 1:
            rows = last.count("Peserta Nomor")
            assert rows >= 1 and "Tanda Tangan" in last, (index, last)
            carried += rows == 3 and last.count("Halaman") == 1
    assert carried  # at least one count would have left the sign-off alone: 3 rows went along


def test_printed_at_the_office_it_is_signed_by_the_sessions_officer(
    store: Store, tmp_path: Path
) -> None:
    """The clerk prints an officer's session: the sign-off names the officer who was there."""
    from petugaspembina.profile import create_profile

    create_profile(store, "Dewi Kartika", "199001012015032001", "Kanim Batulicin", "Staf")
    officer = store.write("officers", {"name": "Rahmat Hidayat", "nip": "198609262015051001"})
    session_id = new_session(store, officer_ids=[officer])
    sign_in(store, session_id, "Siti Aminah")
    text = " ".join(
        pdf_pages(make_attendance_sheet(store, session_id, tmp_path / "o.pdf"))[-1].split()
    )
    assert "Petugas : Rahmat Hidayat" in text
    closing = text[text.index("Petugas Imigrasi Pembina Desa") :]
    assert "Rahmat Hidayat" in closing and "NIP 19860926 201505 1 001" in closing
    assert "Dewi Kartika" not in text  # the clerk who printed it signs nothing


def test_a_session_without_officers_is_signed_by_this_devices_officer(
    store: Store, tmp_path: Path
) -> None:
    from petugaspembina.profile import create_profile

    create_profile(store, "Dewi Kartika", "199001012015032001", "Kanim Batulicin", "Staf")
    session_id = new_session(store)
    sign_in(store, session_id, "Siti Aminah")
    text = " ".join(
        pdf_pages(make_attendance_sheet(store, session_id, tmp_path / "o.pdf"))[-1].split()
    )
    assert "Dewi Kartika" in text[text.index("Petugas Imigrasi Pembina Desa") :]


def test_cli_attendance_sheet_masks_phones_by_default_like_the_window(
    store: Store, tmp_path: Path
) -> None:
    session_id = new_session(store)
    sign_in(store, session_id, "Siti Aminah", "P", phone="081234567890")
    args = ("attendance-sheet", "--session", session_id, "--out")
    for extra, name in (((), "bawaan.pdf"), (("--mask-phone",), "samar.pdf")):
        code, _, err = cli(store.path, *args, str(tmp_path / name), *extra)
        assert code == 0, err
        text = pdf_pages(tmp_path / name)[0]
        assert "0812-****-7890" in text and "4567" not in text, name
    code, _, err = cli(store.path, *args, str(tmp_path / "lengkap.pdf"), "--no-mask-phone")
    assert code == 0, err
    assert "0812-3456-7890" in pdf_pages(tmp_path / "lengkap.pdf")[0]


def test_cli_no_mask_phone_with_blank_is_a_usage_error(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    args = ("attendance-sheet", "--session", session_id, "--out", str(tmp_path / "x.pdf"))
    code, _, err = cli(store.path, *args, "--blank", "--no-mask-phone")
    assert code == 2 and "--no-mask-phone tidak berlaku untuk --blank" in err
    assert cli(store.path, *args, "--blank")[0] == 0  # the default is no choice made
