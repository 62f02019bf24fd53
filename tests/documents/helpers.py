"""Shared pieces of the document tests: a database with one session, drawn signatures, PDF reading."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from click.testing import CliRunner
from PIL import Image, ImageDraw
from pypdf import PdfReader

from petugaspembina.cli import main
from petugaspembina.store.store import Store

NIP = "198609262015051001"
LONG_SIGNATORY = "Dr. H. Muhammad Arif Rahman Hakim, S.H., M.H."
LONG_POSITION = (
    "Kepala Kantor Imigrasi Kelas II Tempat Pemeriksaan Imigrasi Batulicin pada Kantor Wilayah "
    "Kementerian Imigrasi dan Pemasyarakatan Provinsi Kalimantan Selatan"
)
COMPLETE_PROFILE = {
    "letterhead": [
        "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
        "DIREKTORAT JENDERAL IMIGRASI",
        "KANTOR IMIGRASI KELAS II TPI BATULICIN",
    ],
    "address": "Jl. Raya Batulicin No. 17, Tanah Bumbu 72271",
    "city": "Batulicin",
    "signatory_name": LONG_SIGNATORY,
    "signatory_nip": "197503152000031002",
    "signatory_position": "Kepala Kantor Imigrasi Kelas II TPI Batulicin",
}


def complete_office(store: Store) -> None:
    """Fill the office profile: certificates then get register numbers (a draft only previews)."""
    from petugaspembina.documents.office import save_office_profile

    save_office_profile(store, COMPLETE_PROFILE)


def signature_png(seed: int, size: tuple[int, int] = (300, 100)) -> str:
    """A drawn signature (distinct per seed, so each is its own image in the PDF), base64."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    w, h = size
    points = [(int(w * i / 6), int(h * (0.2 + 0.6 * ((i * (seed + 3)) % 5) / 4))) for i in range(7)]
    draw.line(points, fill=(10, 20, 90, 255), width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def pdf_image_count(path: Path) -> int:
    return sum(len(page.images) for page in PdfReader(path).pages)


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def new_session(store: Store, **values: object) -> str:
    base: dict[str, object] = {
        "title": "Sosialisasi Pencegahan TPPO",
        "date": "2026-08-22",
        "venue": "Balai Desa",
        "village_name": "Sungai Loban Bangkabelitung Laut",
        "region_path": "Kec. Sungai Loban, Kab. Tanah Bumbu, Kalimantan Selatan",
    }
    base.update(values)
    return store.write("sessions", base)


def sign_in(
    store: Store, session_id: str, name: str, sex: str = "L", png: str | None = None, **person: str
) -> str:
    pid = store.write("people", {"full_name": name, "sex": sex, **person})
    values: dict[str, object] = {
        "session_id": session_id,
        "person_id": pid,
        "signed_at": "2026-08-22T02:00:00Z",
    }
    if png is not None:
        values["signature_png"] = png
    store.write("attendance", values)
    return pid
