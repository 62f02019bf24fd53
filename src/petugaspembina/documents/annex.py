"""The report's annex "Lampiran: Dokumentasi": the session's photos, four to a page (two on the
first, under the letterhead, when the photos are tall), each with its number and caption."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, PageBreak, Spacer, Table, TableStyle

from ..core.display import taken_moment
from ..store.photos import PhotoInfo, list_photos, photo_data
from ..store.store import Store
from .data import SessionDocument
from .indonesian import tanggal
from .layout import CELL, CENTER, TITLE, letterhead, para

ANNEX_TITLE = "LAMPIRAN: DOKUMENTASI"
PHOTO_BOX_HEIGHT = 78 * mm
GAP = 6 * mm
CAPTION = ParagraphStyle("caption", parent=CELL, alignment=TA_CENTER)


@contextmanager
def binary_image_streams() -> Iterator[None]:
    """JPEGs embedded as they are, without reportlab's ASCII85 text wrapping: done in pure Python
    it took 0.2 s per photo, and it makes the file a quarter larger (benchmarks.md, F3)."""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


def annex_photos(store: Store, session_id: str) -> list[PhotoInfo]:
    """The photos the annex shows: those whose bytes are here, in annex order."""
    return [photo for photo in list_photos(store, session_id) if photo.available]


def _caption(number: int, photo: PhotoInfo, zone: str | None) -> str:
    text = f"Foto {number}"
    if photo.caption:
        text += f". {photo.caption}"
    found = taken_moment(photo.taken_at, zone)
    if found is not None:
        taken, named = found
        text += f" ({tanggal(taken.date())}, {taken:%H.%M}\u00a0{named})"  # kept on one line
    return text


def _cell(
    store: Store, number: int, photo: PhotoInfo, width: float, zone: str | None
) -> list[Flowable]:
    data = photo_data(store, photo.sha256)
    if data is None:  # erased while the report was being made
        return [para(f"Foto {number} tidak tersedia.", CELL)]
    picture = Image(io.BytesIO(data), width, PHOTO_BOX_HEIGHT, kind="proportional")
    picture.hAlign = "CENTER"
    return [picture, Spacer(1, 1.5 * mm), para(_caption(number, photo, zone), CAPTION)]


def annex_story(store: Store, data: SessionDocument, width: float) -> list[Flowable]:
    """The annex pages (nothing when the session has no photo here)."""
    photos = annex_photos(store, data.session.id)
    if not photos:
        return []
    story: list[Flowable] = [
        PageBreak(),
        *letterhead(data.office, width),
        para(ANNEX_TITLE, TITLE),
        para(f"Laporan Kegiatan {data.session.title}", CENTER),
        Spacer(1, 4 * mm),
    ]
    half = (width - GAP) / 2
    zone = data.session.time_zone
    cells = [_cell(store, n, photo, half, zone) for n, photo in enumerate(photos, start=1)]
    for start in range(0, len(cells), 2):
        pair: list[list[Flowable] | str] = [*cells[start : start + 2]]
        if len(pair) == 1:
            pair.append("")
        row = Table([pair], colWidths=[half + GAP / 2, half + GAP / 2])
        row.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("LEFTPADDING", (0, 0), (-1, -1), GAP / 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), GAP / 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm),
                ]
            )
        )
        story.append(row)
    return story
