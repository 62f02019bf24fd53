"""The daftar hadir with drawn signatures, the L/P column, totals, page numbers and wrapping."""

from __future__ import annotations

import base64
import re
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


def _rows_per_page(path: Path) -> list[list[int]]:
    """The row numbers (``Peserta Nomor NN``) printed on each page of a sheet."""
    return [[int(n) for n in re.findall(r"Peserta Nomor (\d+)", text)] for text in pdf_pages(path)]


LONG_NAME_TAIL = " Muhammad Arif Rahman Hakim bin Abdullah Syafii Tanjung"


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["plain", "signed", "long_names"])
def test_pages_are_filled_with_rows_and_the_sign_off_never_stands_alone(
    store: Store, tmp_path: Path, kind: str
) -> None:
    """For 1 to 40 sign-ins: the rows run on in order; every page but the last holds as many rows
    as a page of a long list does (one row fewer on the page before the last when that row had to
    go over with the totals and sign-off, which did not fit under it); the last page holds the
    totals and sign-off with at least one row above them."""
    from petugaspembina.profile import create_profile

    create_profile(store, "Dewi Kartika", "199001012015032001", "Kanim Batulicin", "Staf")

    def add(session_id: str, index: int) -> None:
        name = f"Peserta Nomor {index:02d}" + (LONG_NAME_TAIL if kind == "long_names" else "")
        png = signature_png(index) if kind == "signed" else None
        sign_in(store, session_id, name, "LP"[index % 2], png=png)

    long_list = new_session(store, title="Daftar panjang")
    for index in range(1, 121):
        add(long_list, index)
    full = _rows_per_page(make_attendance_sheet(store, long_list, tmp_path / "full.pdf"))
    assert len(full) >= 3
    first_page, other_page = len(full[0]), len(full[1])  # what one page holds

    session_id = new_session(store)
    carried = 0
    for count in range(1, 41):
        add(session_id, count)
        out = make_attendance_sheet(store, session_id, tmp_path / f"{kind}-{count}.pdf")
        pages = _rows_per_page(out)
        assert [n for page in pages for n in page] == list(range(1, count + 1)), (count, pages)
        texts = pdf_pages(out)
        closing = ("Jumlah hadir", "Petugas Imigrasi Pembina Desa", "Dewi Kartika")
        assert all(c in texts[-1] for c in closing)
        assert all("Jumlah hadir" not in t for t in texts[:-1])
        assert pages[-1], (count, pages)  # the sign-off never alone
        left = count
        for number, rows in enumerate(pages[:-1]):
            holds = first_page if number == 0 else other_page
            # A full page, or all but the one row that went over with the sign-off.
            assert len(rows) >= min(holds, left - 1), (count, number + 1, pages)
            left -= len(rows)
        carried += len(pages) > 1 and len(pages[-1]) == 1
    assert carried  # some counts would have left the sign-off alone: one row went along


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
