"""Layout read back from the PDFs: the signature never alone on a page, labels not codes, no
"-" rows for fields never asked, drawn signatures that fill their cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Image, Table

from petugaspembina.documents.attendance_sheet import WIDTHS, _signature_cell
from petugaspembina.documents.produce import (
    make_attendance_sheet,
    make_berita_acara,
    make_report,
)
from petugaspembina.store.store import Store

from .helpers import NIP, complete_office, new_session, pdf_pages, sign_in, signature_png

SIGNER = "Petugas Imigrasi Pembina Desa"


def _officer_session(store: Store, **values: object) -> str:
    officer = store.write("officers", {"name": "Rahmat Hidayat", "nip": NIP})
    return new_session(store, officer_ids=[officer], **values)


@pytest.mark.slow
@pytest.mark.parametrize("count", range(8, 30, 3))
def test_daftar_hadir_signature_never_alone_on_a_page(tmp_path: Path, count: int) -> None:
    with Store.open(tmp_path / "d.db") as store:
        complete_office(store)
        store.write("officers", {"name": "Rahmat Hidayat", "nip": NIP})
        store.set_meta("officer_id", store.rows("SELECT id FROM officers")[0]["id"])
        session_id = new_session(store)
        for index in range(count):
            sign_in(store, session_id, f"Peserta {index}", png=signature_png(index))
        out = make_attendance_sheet(store, session_id, tmp_path / "h.pdf")
    pages = pdf_pages(out)
    [signed] = [page for page in pages if "Rahmat Hidayat" in page]
    assert "Jumlah hadir" in signed  # the totals travel with the signature


@pytest.mark.slow
@pytest.mark.parametrize("lines", range(0, 40, 2))
def test_laporan_signature_stays_with_the_closing(tmp_path: Path, lines: int) -> None:
    with Store.open(tmp_path / "d.db") as store:
        complete_office(store)
        session_id = _officer_session(store, notes="Hasil diskusi dengan warga desa. " * lines * 6)
        sign_in(store, session_id, "Siti Aminah", "P")
        out = make_report(store, session_id, tmp_path / "r.pdf")
    pages = pdf_pages(out)
    [signed] = [page for page in pages if "Rahmat Hidayat" in page]
    assert "IX. Penutup" in signed and "Demikian laporan" in signed
    # never a page of only "IX. Penutup" and the signature: the last section goes with them
    assert signed is pages[0] or "VIII. Saran dan Tindak Lanjut" in signed.split("IX. Penutup")[0]


def test_laporan_shows_category_labels_not_codes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as store:
        complete_office(store)
        session_id = _officer_session(store)
        sign_in(store, session_id, "Siti Aminah", "P", category="calon_pmi")
        sign_in(store, session_id, "Rudi Hartono")
        out = make_report(store, session_id, tmp_path / "r.pdf")
    text = " ".join(pdf_pages(out))
    assert "Calon PMI" in text and "Kategori tidak diisi" in text
    assert "lainnya" not in text and "calon_pmi" not in text


def test_berita_acara_omits_fields_never_asked(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as store:
        complete_office(store)
        session_id = _officer_session(store)
        sign_in(store, session_id, "Siti Aminah", "P")
        out = make_berita_acara(store, session_id, tmp_path / "ba.pdf")
    text = " ".join(pdf_pages(out))
    assert "Rahmat Hidayat" in text and "Pangkat/Golongan" not in text


def test_drawn_signature_fills_its_cell() -> None:
    width = (174 * mm - sum(WIDTHS)) - 6
    cell = _signature_cell(1, signature_png(1, (600, 150)), width)
    inner = cell._cellvalues[0][0]
    assert isinstance(inner, Table)
    image = inner._cellvalues[0][1]
    assert isinstance(image, Image)
    assert image.drawWidth >= 0.6 * width  # was a quarter of the column before


def test_certificate_draft_banner_inside_the_border(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from petugaspembina.documents.office import DRAFT_MARK
    from petugaspembina.documents.produce import make_certificates

    with Store.open(tmp_path / "d.db") as store:
        session_id = new_session(store)
        sign_in(store, session_id, "Siti Aminah", "P")
        make_certificates(store, session_id, tmp_path / "c.pdf")
    page = PdfReader(tmp_path / "c.pdf").pages[0]
    height = float(page.mediabox.height)
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if DRAFT_MARK in text and tm[1] == 0:  # the straight banner, not the rotated watermark
            found.append(cm[5] + tm[5])

    page.extract_text(visitor_text=visit)
    assert found and all(y < height - 34 - 8 for y in found)  # below the inner (gold) border


def test_laporan_names_the_surat_tugas_plainly(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as store:
        complete_office(store)
        session_id = _officer_session(store, letter_number="W.001/GR.01.01/01/2026")
        out = make_report(store, session_id, tmp_path / "r.pdf")
    text = " ".join(pdf_pages(out)[0].split())
    assert "2. Surat Tugas Nomor W.001/GR.01.01/01/2026." in text
    assert "Surat/Surat" not in text
