"""Shared pieces of the letter-style documents: styles, letterhead, escaped paragraphs, signature."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..core.records import OfficeProfile
from ..core.validation import format_nip
from .fonts import SANS, SANS_BOLD, printable, register_fonts
from .images import image_reader

register_fonts()
BODY = ParagraphStyle("body", fontName=SANS, fontSize=10.5, leading=14, alignment=TA_JUSTIFY)
SMALL = ParagraphStyle("small", fontName=SANS, fontSize=8.5, leading=10.5)
CELL = ParagraphStyle("cell", fontName=SANS, fontSize=9, leading=11)
CELL_BOLD = ParagraphStyle("cellb", parent=CELL, fontName=SANS_BOLD)
TITLE = ParagraphStyle("title", fontName=SANS_BOLD, fontSize=13, leading=17, alignment=TA_CENTER)
CENTER = ParagraphStyle("center", parent=BODY, alignment=TA_CENTER)
HEADING = ParagraphStyle("heading", fontName=SANS_BOLD, fontSize=10.5, leading=15, spaceBefore=6)
LETTERHEAD_TOP = ParagraphStyle("kop", fontName=SANS, fontSize=10, leading=12, alignment=TA_CENTER)
LETTERHEAD_BOLD = ParagraphStyle(
    "kopb", parent=LETTERHEAD_TOP, fontName=SANS_BOLD, fontSize=12, leading=14
)


def para(text: str | None, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of *literal* text: escaped before reportlab sees it (bad-inputs row 31)."""
    safe = escape(printable(text or "")).replace("\n", "<br/>")
    return Paragraph(safe, style)


def rich(markup: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of the code's own markup; every value in it must come through ``esc``."""
    return Paragraph(markup, style)


def esc(text: object) -> str:
    """Escape one value for ``rich`` markup."""
    return escape(printable(str(text) if text is not None else ""))


def letterhead(office: OfficeProfile, width: float) -> list[Flowable]:
    """The kop surat: logo, stacked lines, address line, a double rule."""
    lines = office.letterhead or []
    texts: list[Flowable] = [
        para(line, LETTERHEAD_BOLD if i == len(lines) - 1 else LETTERHEAD_TOP)
        for i, line in enumerate(lines)
    ]
    contact = " · ".join(p for p in (office.address, office.phone, office.website) if p)
    texts.append(para(contact, ParagraphStyle("addr", parent=SMALL, alignment=TA_CENTER)))
    logo = image_reader(office.logo_png)
    if logo is not None:
        table = Table(
            [[Image(logo, 20 * mm, 20 * mm, kind="proportional"), texts]],
            colWidths=[24 * mm, width - 24 * mm],
        )
    else:
        table = Table([[texts]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 2, colors.black),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [table, Spacer(1, 6 * mm)]


def signature_block(
    place_date: str,
    position: str,
    name: str,
    nip: str | None,
    image_b64: str | None = None,
    width: float = 70 * mm,
) -> Table:
    """Place and date, position, space (or the signature image), name, NIP."""
    rows: list[list[Flowable]] = [[para(place_date, CELL)], [para(position, CELL)]]
    image = image_reader(image_b64)
    rows.append(
        [Image(image, 40 * mm, 16 * mm, kind="proportional") if image else Spacer(1, 16 * mm)]
    )
    rows.append([para(name, CELL_BOLD)])
    if nip:
        rows.append([para(f"NIP {format_nip(nip)}", CELL)])
    table = Table(rows, colWidths=[width])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def build_pdf(
    path: str,
    story: list[Flowable],
    title: str,
    margin: float,
    on_page: Callable[[Any, Any], None] | None = None,
) -> None:
    """Lay out an A4 portrait document (the letter-style documents all share this page)."""
    pdf = SimpleDocTemplate(
        path,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=title,
        author="Petugas Pembina",
    )
    if on_page is None:
        pdf.build(story)
    else:
        pdf.build(story, onFirstPage=on_page, onLaterPages=on_page)
