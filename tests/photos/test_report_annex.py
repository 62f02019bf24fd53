"""The laporan kegiatan's "Lampiran: Dokumentasi" and the berita acara's reference to it."""

from __future__ import annotations

from pathlib import Path

from documents.helpers import complete_office, new_session, pdf_image_count, pdf_pages
from petugaspembina.core.imaging import prepare_photo
from petugaspembina.documents.produce import make_berita_acara, make_report
from petugaspembina.store.photos import add_photo
from petugaspembina.store.store import Store

from .imagegen import phone_jpeg


def _with_photos(store: Store, count: int) -> str:
    session = new_session(store)
    for seed in range(count):
        size = (600, 800) if seed % 3 == 2 else (800, 600)  # some held upright
        photo = prepare_photo(phone_jpeg(*size, seed=seed))
        add_photo(store, session, photo, caption=f"Suasana sesi ke-{seed + 1}")
    return session


def test_report_without_photos_has_no_annex(store: Store, tmp_path: Path) -> None:
    session = new_session(store)
    out = make_report(store, session, tmp_path / "laporan.pdf")
    assert not any("LAMPIRAN" in page for page in pdf_pages(out))


def test_report_annex_holds_four_photos_a_page_with_captions(store: Store, tmp_path: Path) -> None:
    complete_office(store)
    session = _with_photos(store, 5)
    plain = make_report(store, new_session(store), tmp_path / "tanpa.pdf")
    out = make_report(store, session, tmp_path / "laporan.pdf")
    pages = pdf_pages(out)
    annex = [i for i, page in enumerate(pages) if "LAMPIRAN: DOKUMENTASI" in page]
    assert len(annex) == 1 and len(pages) == len(pdf_pages(plain)) + 2
    first, second = pages[annex[0]], pages[annex[0] + 1]
    assert "KANTOR IMIGRASI KELAS II TPI BATULICIN" in first  # in the letterhead
    for n in range(1, 5):
        assert f"Foto {n}. Suasana sesi ke-{n}" in first.replace("\n", " ")
    assert "Foto 5. Suasana sesi ke-5" in second.replace("\n", " ")
    assert "14 Juni 2026, 09.30 WIB" in " ".join(first.split())  # the session's zone
    assert pdf_image_count(out) - pdf_image_count(plain) == 5


def test_berita_acara_refers_to_the_annex(store: Store, tmp_path: Path) -> None:
    session = _with_photos(store, 2)
    text = " ".join(pdf_pages(make_berita_acara(store, session, tmp_path / "ba.pdf")))
    assert "Dokumentasi kegiatan (2 foto) terlampir" in text.replace("\n", " ")
    bare = " ".join(pdf_pages(make_berita_acara(store, new_session(store), tmp_path / "b2.pdf")))
    assert "terlampir" not in bare


def test_annex_captions_name_the_zone_of_each_photos_time(store: Store, tmp_path: Path) -> None:
    """A session in WITA: a camera time without offset is read as WITA; a phone that records its
    offset keeps it, named WIT or UTC+h."""
    session = new_session(store, time_zone="WITA")
    for seed, offset in enumerate((None, "+09:00", "+05:30")):
        photo = prepare_photo(phone_jpeg(800, 600, seed=seed, offset=offset))
        add_photo(store, session, photo, caption=f"Sesi {seed + 1}")
    text = " ".join(pdf_pages(make_report(store, session, tmp_path / "laporan.pdf")))
    text = " ".join(text.split())
    assert "Foto 1. Sesi 1 (14 Juni 2026, 09.30 WITA)" in text
    assert "Foto 2. Sesi 2 (14 Juni 2026, 09.30 WIT)" in text
    assert "Foto 3. Sesi 3 (14 Juni 2026, 09.30 UTC+5:30)" in text
