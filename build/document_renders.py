"""Render the first page of each document to docs/img/ (no window needed), and the first page
of the report's annex "Lampiran: Dokumentasi".

A realistic worst case: a complete office profile with a long signatory name and position, a
session in a village with a long name, drawn signatures on the daftar hadir, two officers on the
berita acara, six photos (one held upright) with captions. Usage:
``uv run python build/document_renders.py`` (needs pdftoppm).
"""

from __future__ import annotations

import base64
import io
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader

from petugaspembina.core.imaging import prepare_photo
from petugaspembina.demo import generate
from petugaspembina.demo_desa import seed_register
from petugaspembina.documents.desa_binaan import render_profile_pdf
from petugaspembina.documents.office import save_office_profile
from petugaspembina.documents.produce import (
    make_attendance_sheet,
    make_berita_acara,
    make_blank_attendance_sheet,
    make_certificates,
    make_report,
)
from petugaspembina.store.photos import add_photo
from petugaspembina.store.queries import list_sessions
from petugaspembina.store.signin import PersonEntry, sign_in
from petugaspembina.store.store import Store

# Throwaway databases for pictures: encrypted like real ones, with a fixed password.
os.environ.setdefault("PETUGASPEMBINA_PASSWORD", "gambar-dokumentasi")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from photos.imagegen import phone_jpeg

OUT = Path(__file__).resolve().parents[1] / "docs" / "img"
PROFILE = {
    "letterhead": [
        "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
        "DIREKTORAT JENDERAL IMIGRASI",
        "KANTOR WILAYAH KALIMANTAN SELATAN",
        "KANTOR IMIGRASI KELAS II TPI BATULICIN",
    ],
    "address": "Jl. Raya Batulicin No. 17, Kabupaten Tanah Bumbu 72271",
    "phone": "(0518) 70123",
    "website": "batulicin.imigrasi.go.id",
    "city": "Batulicin",
    "signatory_name": "Dr. H. Muhammad Arif Rahman Hakim, S.H., M.H.",
    "signatory_nip": "197503152000031002",
    "signatory_position": "Kepala Kantor Imigrasi Kelas II Tempat Pemeriksaan Imigrasi Batulicin",
}
VILLAGE = "Sungai Loban Bangkabelitung Laut"
CAPTIONS = (
    "Pembukaan oleh Kepala Desa",
    "Paparan tentang bahaya TPPO dan PMI non-prosedural",
    "Tanya jawab dengan peserta",
    "Foto bersama peserta dan perangkat desa",
    "Pembagian brosur",
    "Penutupan",
)


def drawn_signature(rng: random.Random) -> str:
    """A pen-like scribble on a transparent background, as the signature pad stores it."""
    image = Image.new("RGBA", (360, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    x, y = 20.0, 60.0 + rng.uniform(-15, 15)
    points = [(x, y)]
    for _ in range(rng.randint(10, 16)):
        x += rng.uniform(10, 28)
        y = min(110.0, max(10.0, y + rng.uniform(-35, 35)))
        points.append((x, y))
    draw.line(points, fill=(20, 30, 110, 255), width=4, joint="curve")
    draw.line([(points[1][0], 95), (x, 88)], fill=(20, 30, 110, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def pdf_page(pdf: Path, name: str, dpi: int = 70, page: int = 1) -> None:
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(OUT / name),
        ],
        check=True,
    )


def render_documents(store: Store, folder: Path) -> None:
    """Fill the demo session with the worst case above and render the four documents."""
    save_office_profile(store, PROFILE)
    session = list_sessions(store)[0]
    officers = [r["id"] for r in store.rows("SELECT id FROM officers ORDER BY name")]
    store.write(
        "sessions",
        {
            "village_name": VILLAGE,
            "venue": "Balai Desa",
            "region_path": "Kec. Sungai Loban, Kab. Tanah Bumbu, Kalimantan Selatan",
            "title": f"Sosialisasi Desa Binaan Imigrasi di Desa {VILLAGE}",
            "officer_ids": officers[:2],
            "headcount_male": 6,
            "headcount_female": 9,
        },
        session.id,
    )
    rng = random.Random(5)
    for row in store.rows("SELECT id FROM attendance WHERE session_id = ?", (session.id,)):
        if rng.random() < 0.85:
            store.write("attendance", {"signature_png": drawn_signature(rng)}, row["id"])
    person = store.rows(  # the longest name: the worst case for the certificate
        "SELECT a.person_id FROM attendance a JOIN people p ON p.id = a.person_id "
        "WHERE a.session_id = ? ORDER BY length(p.full_name) DESC LIMIT 1",
        (session.id,),
    )[0]["person_id"]
    store.write(
        "people", {"full_name": "Siti Nurhaliza binti Abdurrahman Syarifuddin", "sex": "P"}, person
    )
    for row in store.rows(  # the villagers live in the long-named village too
        "SELECT p.id FROM attendance a JOIN people p ON p.id = a.person_id "
        "WHERE a.session_id = ? AND p.village_name = ?",
        (session.id, session.village_name),
    ):
        store.write("people", {"village_name": VILLAGE}, row["id"])
    make_certificates(store, session.id, folder / "c.pdf", [person])
    pdf_page(folder / "c.pdf", "sertifikat")
    make_attendance_sheet(store, session.id, folder / "dh.pdf", hide_phone=True)
    pdf_page(folder / "dh.pdf", "daftar-hadir")
    for index, caption in enumerate(CAPTIONS):
        size = (1500, 2000) if index == 2 else (2400, 1800)
        taken = f"2026:06:14 09:{10 + index * 7:02d}:00"
        add_photo(store, session.id, prepare_photo(phone_jpeg(*size, seed=index, taken=taken)),
                  caption=caption)  # fmt: skip
    make_report(store, session.id, folder / "lap.pdf")
    pdf_page(folder / "lap.pdf", "laporan-kegiatan")
    pages = [page.extract_text() or "" for page in PdfReader(folder / "lap.pdf").pages]
    annex = next(i for i, text in enumerate(pages, start=1) if "LAMPIRAN: DOKUMENTASI" in text)
    pdf_page(folder / "lap.pdf", "laporan-lampiran-dokumentasi", page=annex)
    make_berita_acara(store, session.id, folder / "ba.pdf")
    pdf_page(folder / "ba.pdf", "berita-acara")
    render_paper_forms(store, session.id, folder)


def all_pages(pdf: Path, name: str, dpi: int = 50) -> None:
    """Every page of ``pdf`` side by side in one picture."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(pdf.with_suffix(""))])
    pages = [Image.open(p) for p in sorted(pdf.parent.glob(f"{pdf.stem}-*.png"))]
    sheet = Image.new(
        "RGB", (sum(p.width for p in pages) + 8 * len(pages), pages[0].height), "grey"
    )
    x = 0
    for page in pages:
        sheet.paste(page, (x, 0))
        x += page.width + 8
    sheet.save(OUT / f"{name}.png")


def render_paper_forms(store: Store, session_id: str, folder: Path) -> None:
    """The paper fallback: the blank daftar hadir, then the filled one after three people were
    typed in from a paper form ("Dari kertas")."""
    make_blank_attendance_sheet(store, session_id, folder / "kosong.pdf")
    all_pages(folder / "kosong.pdf", "daftar-hadir-kosong")
    typed = (
        ("Sumarni", "P", "1968", None),
        ("Yohanes Tanjung", "L", "1999", None),
        ("Nur Aisyah", "P", "2010", "Sumarni"),  # a minor: her mother consented on the paper
    )
    for name, sex, year, guardian in typed:
        entry = PersonEntry(full_name=name, sex=sex, birth_year=year, village_name=VILLAGE)
        sign_in(
            store,
            session_id,
            entry=entry,
            guardian_name=guardian,
            transcribed=True,
            matches="new",
        )
    make_attendance_sheet(store, session_id, folder / "kertas.pdf", hide_phone=True)
    all_pages(folder / "kertas.pdf", "daftar-hadir-disalin")
    render_desa_profile(store, folder)


def render_desa_profile(store: Store, folder: Path) -> None:
    """The Profil Desa Binaan of the busiest village of a demo register (docs/img)."""
    from petugaspembina.store.desa_binaan import get_entry

    entry = get_entry(store, seed_register(store)[0])
    render_profile_pdf(store, entry, folder / "profil.pdf")
    pdf_page(folder / "profil.pdf", "profil-desa-binaan")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "demo.db") as store:
        generate(store, seed=1, sessions=12)
        render_documents(store, Path(tmp))


if __name__ == "__main__":
    main()
