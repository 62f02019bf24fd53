"""Certificates: long names, signatories and positions stay inside the frame; the body names the
village and kecamatan; the berita acara has its own number and everyone's signature."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from petugaspembina.core.records import Session
from petugaspembina.core.text import shorten
from petugaspembina.documents.certificates import PAGE, SIGNER_WIDTH, fit_lines, place_text
from petugaspembina.documents.fonts import SANS, SANS_BOLD, SERIF_BOLD, register_fonts
from petugaspembina.documents.office import save_office_profile
from petugaspembina.documents.produce import make_berita_acara, make_certificates
from petugaspembina.documents.register import berita_acara_pattern
from petugaspembina.store.store import Store

from .helpers import (
    COMPLETE_PROFILE,
    LONG_POSITION,
    LONG_SIGNATORY,
    new_session,
    pdf_pages,
    sign_in,
)

register_fonts()
FRAME_RIGHT = PAGE[0] - 34  # the inner gold frame


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "c.db")
    yield opened
    opened.close()


def _text_right_edges(path: Path) -> list[float]:
    """The right end of every text run on the first page (x + width from the text matrix)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    edges: list[float] = []
    page = PdfReader(path).pages[0]

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        if text.strip() and font is not None:
            base = str(font.get("/BaseFont", ""))
            face = ("PP-Serif" if "Serif" in base else "PP-Sans") + (
                "-Bold" if "Bold" in base else ""
            )
            scale = tm[0] * cm[0] if tm[0] else 1
            edges.append(tm[4] * cm[0] + cm[4] + stringWidth(text.rstrip(), face, size) * scale)

    page.extract_text(visitor_text=visit)
    return edges


def test_long_signatory_name_fits_the_frame(store: Store, tmp_path: Path) -> None:
    save_office_profile(store, {**COMPLETE_PROFILE, "signatory_position": LONG_POSITION})
    session_id = new_session(store)
    sign_in(store, session_id, "Siti Aminah", "P")
    out = tmp_path / "c.pdf"
    make_certificates(store, session_id, out)
    text = " ".join(pdf_pages(out)[0].split())
    assert LONG_SIGNATORY in text
    assert "Provinsi Kalimantan Selatan" in text  # the long position is wrapped, not cut
    assert max(_text_right_edges(out)) <= FRAME_RIGHT


@pytest.mark.parametrize(
    ("text", "font", "largest", "smallest", "lines"),
    [
        (LONG_SIGNATORY, SANS_BOLD, 11, 8, 2),
        (LONG_POSITION, SANS, 11, 8, 3),
        (
            "Siti Aminah binti Abdullah Muhammad Syarifuddin Al-Banjari Nurhaliza",
            SERIF_BOLD,
            34,
            16,
            3,
        ),
    ],
)
def test_fit_lines_shrinks_then_wraps_within_limits(
    text: str, font: str, largest: float, smallest: float, lines: int
) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fitted, size = fit_lines(text, font, largest, smallest, SIGNER_WIDTH, lines)
    assert smallest <= size <= largest
    assert len(fitted) <= lines
    assert all(stringWidth(line, font, size) <= SIGNER_WIDTH for line in fitted)
    assert " ".join(fitted) == text  # nothing lost


def test_fit_lines_shrinks_before_wrapping() -> None:
    fitted, size = fit_lines(
        "Kepala Kantor Imigrasi Kelas II Non TPI Kerinci", SANS, 11, 8, SIGNER_WIDTH, 3
    )
    assert len(fitted) == 1 and size < 11


def test_fit_lines_marks_what_it_must_cut() -> None:
    fitted, size = fit_lines("kata " * 200, SANS, 11, 8, SIGNER_WIDTH, 2)
    assert len(fitted) == 2 and fitted[-1].endswith("…") and size == 8


def test_body_names_the_village_and_kecamatan(store: Store, tmp_path: Path) -> None:
    session_id = new_session(store)
    sign_in(store, session_id, "Siti Aminah", "P")
    out = tmp_path / "c.pdf"
    make_certificates(store, session_id, out)
    text = " ".join(pdf_pages(out)[0].split())
    assert (
        "bertempat di Balai Desa Sungai Loban Bangkabelitung Laut, Kecamatan Sungai Loban." in text
    )


@pytest.mark.parametrize(
    ("venue", "village", "expected"),
    [
        ("Balai Desa", "Sukamaju", "Balai Desa Sukamaju, Kecamatan Cibinong"),
        ("Balai Desa Sukamaju", "Sukamaju", "Balai Desa Sukamaju, Kecamatan Cibinong"),
        ("SMA Negeri 1", "Sukamaju", "SMA Negeri 1, Desa/Kelurahan Sukamaju, Kecamatan Cibinong"),
        (None, "Sukamaju", "Desa/Kelurahan Sukamaju, Kecamatan Cibinong"),
    ],
)
def test_place_text(venue: str | None, village: str, expected: str) -> None:
    session = Session(
        id="x",
        title="t",
        date="2026-01-01",
        venue=venue,
        village_name=village,
        region_path="Kec. Cibinong, Kab. Bogor, Jawa Barat",
    )
    assert place_text(session) == expected


def test_long_title_is_cut_at_a_word_with_an_ellipsis(store: Store, tmp_path: Path) -> None:
    title = "Sosialisasi " + " ".join(["Pencegahan Tindak Pidana Perdagangan Orang"] * 6)
    session_id = new_session(store, title=title[:200])
    sign_in(store, session_id, "Rudi")
    out = tmp_path / "c.pdf"
    make_certificates(store, session_id, out)
    lines = [line for line in pdf_pages(out)[0].splitlines() if line.rstrip().endswith("…")]
    assert lines and lines[0].rstrip().endswith(" …")


def test_shorten_cuts_at_a_word_boundary() -> None:
    assert shorten("Sosialisasi Desa Binaan Imigrasi", 20) == "Sosialisasi Desa…"
    assert shorten("Pendek", 20) == "Pendek"


def test_berita_acara_has_its_own_number_not_the_letter_number(
    store: Store, tmp_path: Path
) -> None:
    save_office_profile(store, COMPLETE_PROFILE)
    session_id = new_session(store, letter_number="W.001/GR.01.01/08/2026")
    sign_in(store, session_id, "Rudi")
    out = make_berita_acara(store, session_id, tmp_path / "ba.pdf")
    text = " ".join(pdf_pages(out)[0].split())
    assert "Nomor: 0001/BA-PIMPASA/" in text
    assert "Surat Tugas Nomor W.001/GR.01.01/08/2026" in text
    again = make_berita_acara(store, session_id, tmp_path / "ba2.pdf")
    number = text.split("Nomor: ")[1].split()[0]
    assert f"Nomor: {number}" in " ".join(pdf_pages(again)[0].split())  # reprint: same number
    other = new_session(store)
    third = make_berita_acara(store, other, tmp_path / "ba3.pdf")
    assert "Nomor: 0002/BA-PIMPASA/" in " ".join(pdf_pages(third)[0].split())


def test_berita_acara_pattern_without_sert() -> None:
    assert berita_acara_pattern("{seq}/{device}") == "BA/{seq}/{device}"


def test_berita_acara_signed_by_officers_and_known_by_the_head(
    store: Store, tmp_path: Path
) -> None:
    save_office_profile(store, COMPLETE_PROFILE)
    first = store.write("officers", {"name": "Rahmat Hidayat", "nip": "198609262015051001"})
    second = store.write("officers", {"name": "Dewi Kartika Sari", "nip": "199103122017122002"})
    session_id = new_session(store, officer_ids=[first, second])
    out = make_berita_acara(store, session_id, tmp_path / "ba.pdf")
    text = " ".join(" ".join(pdf_pages(out)).split())
    tail = text[text.index("Yang membuat") :]
    assert "Rahmat Hidayat" in tail and "Dewi Kartika Sari" in tail
    assert "Mengetahui" in tail and LONG_SIGNATORY in tail
    assert "NIP 19860926 201505 1 001" in tail


def test_berita_acara_without_officers_names_the_office(store: Store, tmp_path: Path) -> None:
    save_office_profile(store, COMPLETE_PROFILE)
    session_id = new_session(store)
    out = make_berita_acara(store, session_id, tmp_path / "ba.pdf")
    text = " ".join(pdf_pages(out)[0].split())
    assert "oleh petugas Kantor Imigrasi Kelas II TPI Batulicin." in text


def test_certificate_heading_carries_the_ministry_and_the_office_not_the_regional_line() -> None:
    from petugaspembina.documents.certificates import certificate_heading
    from petugaspembina.documents.office import DEFAULTS

    assert certificate_heading(DEFAULTS["letterhead"]) == [
        "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
        "DIREKTORAT JENDERAL IMIGRASI",
        "KANTOR IMIGRASI KELAS I TPI BENGKULU",
    ]
    three = ["KEMENTERIAN X", "DIREKTORAT JENDERAL IMIGRASI", "KANTOR IMIGRASI Y"]
    assert certificate_heading(three) == three
    assert certificate_heading(["KANTOR IMIGRASI Y", " "]) == ["KANTOR IMIGRASI Y"]
