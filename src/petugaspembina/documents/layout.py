"""Shared pieces of the letter-style documents: styles, letterhead, escaped paragraphs, signature."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..core.records import OfficeProfile
from ..core.validation import format_nip
from .fonts import SANS, SANS_BOLD, printable, register_fonts
from .images import image_flowable
from .office import DRAFT_MARK

register_fonts()
BODY = ParagraphStyle("body", fontName=SANS, fontSize=10.5, leading=14, alignment=TA_JUSTIFY)
BODY_LEFT = ParagraphStyle("bodyleft", parent=BODY, alignment=TA_LEFT)
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


def fit_para(
    text: str | None, width: float, style: ParagraphStyle = CELL, smallest: float = 6.5
) -> Paragraph:
    """A paragraph that breaks only at spaces: the font shrinks (down to ``smallest``) until the
    longest word fits ``width``; only a word too long even then is split."""
    safe = printable(text or "")
    longest = max((stringWidth(w, style.fontName, style.fontSize) for w in safe.split()), default=0)
    if longest <= width:
        return para(safe, style)
    size = style.fontSize
    while size > smallest and longest * size / style.fontSize > width:
        size -= 0.5
    fitted = ParagraphStyle(
        f"{style.name}-{size}",
        parent=style,
        fontSize=size,
        leading=size * style.leading / style.fontSize,
    )
    return para(safe, fitted)


def draw_draft_mark(
    canvas: Canvas, width: float, height: float, banner_top: float = 9 * mm
) -> None:
    """The visible mark on every page while the office profile still has placeholders; the
    banner line sits ``banner_top`` below the page's top edge (inside a drawn border, if any)."""
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.35))
    canvas.setFont(SANS_BOLD, 26)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, 0, DRAFT_MARK)
    canvas.restoreState()
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.7, 0.05, 0.05))
    canvas.setFont(SANS_BOLD, 8)
    canvas.drawCentredString(width / 2, height - banner_top, DRAFT_MARK)
    canvas.restoreState()


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
    logo = image_flowable(office.logo_png, 20 * mm, 20 * mm)
    if logo is not None:
        table = Table(
            [[logo, texts]],
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
    no_nip: str | None = None,
) -> Table:
    """Place and date, position, space (or the signature image), name, NIP (``no_nip`` in its
    place when there is none)."""
    rows: list[list[Flowable]] = [[para(place_date, CELL)]] if place_date else []
    rows.append([fit_para(position, width)])
    image = image_flowable(image_b64, 40 * mm, 16 * mm)
    rows.append([image if image is not None else Spacer(1, 16 * mm)])
    rows.append([fit_para(name, width, CELL_BOLD)])
    if nip:
        rows.append([para(f"NIP {format_nip(nip)}", CELL)])
    elif no_nip:
        rows.append([para(no_nip, CELL)])
    table = Table(rows, colWidths=[width])
    table.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    )
    return table


def page_canvas(draft: bool, numbered: bool) -> type[Canvas]:
    """A canvas class that, once every page is known, writes "Halaman X dari Y" and the draft
    mark on each page."""

    class PageCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width, height = self._pagesize
                if draft:
                    draw_draft_mark(self, width, height)
                if numbered:
                    self.setFont(SANS, 8)
                    self.drawRightString(
                        width - 18 * mm, 8 * mm, f"Halaman {self._pageNumber} dari {total}"
                    )
                super().showPage()
            super().save()

    return PageCanvas


def build_pdf(
    path: str | IO[bytes],
    story: list[Flowable],
    title: str,
    margin: float,
    on_page: Callable[[Any, Any], None] | None = None,
    *,
    draft: bool = False,
    numbered: bool = True,
) -> int:
    """Lay out an A4 portrait document (the letter-style documents all share this page); pages
    are numbered "Halaman X dari Y" and carry the draft mark while the office profile is
    incomplete. Returns the number of pages."""
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
    maker = page_canvas(draft, numbered)
    if on_page is None:
        pdf.build(story, canvasmaker=maker)
    else:
        pdf.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=maker)
    return int(pdf.page)
