"""Certificates of attendance: A4 landscape, one page per participant, with a verification QR."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import segno
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..core.enums import SessionType
from ..core.records import OfficeProfile, Session
from ..core.validation import format_nip
from .data import SessionDocument
from .fonts import SANS, SANS_BOLD, SERIF_BOLD, printable, register_fonts
from .images import image_reader
from .indonesian import office_title, parse_iso, tanggal
from .layout import draw_draft_mark
from .office import DEFAULTS, NIP_PLACEHOLDER
from .pdfout import write_pdf
from .register import PrintedCertificate

Progress = Callable[[int, int], None]
PAGE = landscape(A4)
NAVY = HexColor("#1b3a6b")
GOLD = HexColor("#b08d3c")
NAME_MAX, NAME_MIN = 34.0, 16.0
# Signature block: the signatory's name and position shrink to these sizes, then wrap.
# The name stays large enough to read (9.5 pt) and wraps to two lines rather than shrink further.
SIGNER_WIDTH, SIGNER_MAX, SIGNER_MIN, SIGNER_NAME_MIN = 250.0, 11.0, 8.0, 9.5
BODY_LINES = 4
DRAFT_RED = HexColor("#b3141a")
PREVIEW_NOTE = ("Pratinjau: belum bernomor,", "tanpa kode verifikasi.", "Lengkapi profil kantor.")


def fit_lines(
    text: str, font: str, largest: float, smallest: float, width: float, max_lines: int
) -> tuple[list[str], float]:
    """Shrink ``text`` (from ``largest`` to ``smallest`` pt) until it fits one line of ``width``;
    if it never does, wrap it at spaces at the largest size that needs at most ``max_lines``
    lines. Beyond even that, the last line ends in "…" (nothing is ever drawn outside ``width``)."""
    size = largest
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    if stringWidth(text, font, size) <= width:
        return [text], size
    size = largest
    while True:
        lines = simpleSplit(text, font, size, width)
        words_fit = all(stringWidth(w, font, size) <= width for w in text.split())
        if (len(lines) <= max_lines and words_fit) or size <= smallest:
            break
        size -= 0.5
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last.rstrip() + "…"]
    return lines, size


def fit_name(name: str, width: float) -> tuple[list[str], float]:
    """Shrink a name to fit one line; if even the minimum size is too wide, wrap it (3 lines)."""
    return fit_lines(name, SERIF_BOLD, NAME_MAX, NAME_MIN, width, 3)


def place_text(session: Session) -> str:
    """Where it took place: ``Balai Desa Sukamaju, Kecamatan Cibinong``; the village is added to a
    venue that does not already name it."""
    venue = (session.venue or "").strip()
    village = (session.village_name or "").strip()
    place = venue
    if village and village.lower() not in venue.lower():
        if venue.lower().endswith(("desa", "kelurahan")):
            place = f"{venue} {village}"
        elif venue:
            place = f"{venue}, Desa/Kelurahan {village}"
        else:
            place = f"Desa/Kelurahan {village}"
    for part in (session.region_path or "").split(","):
        part = part.strip()
        if part.startswith("Kec. "):
            place += f", Kecamatan {part[5:]}"
            break
    return place or "-"


def body_text(template: str, session: Session, office: OfficeProfile) -> str:
    """The certificate wording with the session filled in (a template that the profile check let
    through always formats; an older stored one that does not falls back to the standard one)."""
    day = parse_iso(session.date)
    values = {
        "kegiatan": session.title or SessionType(session.session_type).label,
        "kantor": office_title((office.letterhead or ["Kantor Imigrasi"])[-1]),
        "tanggal": tanggal(day) if day else "-",
        "tempat": place_text(session),
    }
    try:
        return template.format_map(values)
    except (KeyError, ValueError, IndexError):
        return str(DEFAULTS["certificate_body"]).format_map(values)


def body_lines(text: str, width: float) -> list[str]:
    """The body wrapped at 12 pt; beyond four lines the fourth ends at a word with "…"."""
    lines: list[str] = simpleSplit(text, SANS, 12, width)
    if len(lines) <= BODY_LINES:
        return lines
    last = lines[BODY_LINES - 1]
    while stringWidth(last + " …", SANS, 12) > width and " " in last:
        last = last.rsplit(" ", 1)[0]
    return [*lines[: BODY_LINES - 1], last.rstrip(" ,;:") + " …"]


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """The QR matrix as rectangles, one per horizontal run of dark modules (fast and sharp).

    The mask is fixed: any of the eight masks gives a valid code, and letting segno score all
    eight took half the time of a certificate. Drawing in module units keeps coordinates small
    integers, which reportlab writes much faster than arbitrary floats.
    """
    matrix = segno.make(text, error="m", mask=0).matrix
    count = len(matrix)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / count, size / count)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = count - row_index - 1
        start = None
        for col, dark in enumerate([*row, 0]):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                path.rect(start, top, col - start, 1)
                start = None
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def draw_certificate(canvas: Canvas, doc: SessionDocument, item: PrintedCertificate) -> None:
    """One certificate page."""
    width, height = PAGE
    office, session = doc.office, doc.session
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(6)
    canvas.rect(22, 22, width - 44, height - 44)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1.5)
    canvas.rect(34, 34, width - 68, height - 68)
    logo = image_reader(office.logo_png)
    top = height - 60
    if logo is not None:
        canvas.drawImage(
            logo, width / 2 - 28, top - 56, 56, 56, mask="auto", preserveAspectRatio=True
        )
        top -= 62
    canvas.setFillColor(NAVY)
    heading = certificate_heading(office.letterhead or [])
    for index, line in enumerate(heading):
        canvas.setFont(SANS_BOLD if index == len(heading) - 1 else SANS, 10)
        canvas.drawCentredString(width / 2, top - 12 * index, line)
    top -= 12 * max(0, len(heading) - 2)  # the title and all below it make room for a third line
    canvas.setFont(SERIF_BOLD, 40)
    canvas.drawCentredString(
        width / 2, top - 62, printable(office.certificate_title or "SERTIFIKAT")
    )
    canvas.setFont(SANS, 11)
    canvas.setFillColor(Color(0.2, 0.2, 0.2))
    if item.preview:  # no number is issued for a draft: a visible "DRAF" takes its place
        canvas.setFillColor(DRAFT_RED)
        canvas.setFont(SANS_BOLD, 11)
    canvas.drawCentredString(width / 2, top - 82, f"Nomor: {printable(item.certificate.number)}")
    canvas.setFont(SANS, 11)
    canvas.setFillColor(Color(0.2, 0.2, 0.2))
    canvas.drawCentredString(width / 2, top - 112, "Diberikan kepada:")
    lines, size = fit_name(printable(item.person.full_name), width - 200)
    canvas.setFillColor(NAVY)
    canvas.setFont(SERIF_BOLD, size)
    y = top - 112 - size - 8
    for line in lines:
        canvas.drawCentredString(width / 2, y, line)
        y -= size + 4
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1)
    canvas.line(width / 2 - 220, y + size - 7, width / 2 + 220, y + size - 7)  # below descenders
    canvas.setFillColor(Color(0.15, 0.15, 0.15))
    canvas.setFont(SANS, 12)
    text = body_text(office.certificate_body or "", session, office)
    y -= 14
    for line in body_lines(printable(text), width - 220):
        canvas.drawCentredString(width / 2, y, line)
        y -= 17
    _signature_block(canvas, office, session, width - 60 - SIGNER_WIDTH, 150)
    canvas.setFillColor(Color(0, 0, 0))
    if item.preview:
        canvas.setFillColor(DRAFT_RED)
        canvas.setFont(SANS_BOLD, 8)
        for index, line in enumerate(PREVIEW_NOTE):
            canvas.drawString(64, 100 - 11 * index, line)
        return
    qr_size = 78
    draw_qr(canvas, item.code, 64, 64, qr_size)
    canvas.setFont(SANS, 6)
    canvas.drawString(64, 56, "Pindai untuk verifikasi")
    if item.reprint:
        canvas.drawString(64, 48, "Cetak ulang")


def _signature_block(
    canvas: Canvas, office: OfficeProfile, session: Session, x: float, y: float
) -> None:
    day = parse_iso(session.date)
    canvas.setFont(SANS, 11)
    canvas.drawString(x, y + 40, f"{printable(office.city or '')}, {tanggal(day) if day else ''}")
    position = " ".join(p for p in (office.signatory_prefix, office.signatory_position) if p)
    lines, size = fit_lines(printable(position), SANS, SIGNER_MAX, SIGNER_MIN, SIGNER_WIDTH, 3)
    canvas.setFont(SANS, size)
    for index, line in enumerate(lines):
        canvas.drawString(x, y + 26 - (size + 2) * index, line)
    for image in (image_reader(office.stamp_png), image_reader(office.signature_png)):
        if image is not None:
            canvas.drawImage(image, x, y - 40, 110, 50, mask="auto", preserveAspectRatio=True)
    names, size = fit_lines(
        printable(office.signatory_name or ""),
        SANS_BOLD,
        SIGNER_MAX,
        SIGNER_NAME_MIN,
        SIGNER_WIDTH,
        2,
    )
    canvas.setFont(SANS_BOLD, size)
    bottom = y - 52
    for line in names:
        canvas.drawString(x, bottom, line)
        bottom -= size + 2
    canvas.setFont(SANS, 10)
    nip = office.signatory_nip
    canvas.drawString(x, bottom - 1, f"NIP {format_nip(nip)}" if nip else NIP_PLACEHOLDER)


def render_certificates(
    doc: SessionDocument,
    items: list[PrintedCertificate],
    target: Path,
    progress: Progress | None = None,
) -> Path:
    """All the given certificates into one PDF at ``target``."""
    register_fonts()

    def render(path: str) -> None:
        canvas = Canvas(path, pagesize=PAGE, pageCompression=1)
        canvas.setTitle(f"Sertifikat — {doc.session.title or ''}")
        width, height = PAGE
        canvas.setAuthor("Petugas Pembina")
        for index, item in enumerate(items):
            draw_certificate(canvas, doc, item)
            if doc.draft:
                draw_draft_mark(canvas, width, height, banner_top=48)
            canvas.showPage()
            if progress is not None:
                progress(index + 1, len(items))
        canvas.save()

    return write_pdf(target, render)


def certificate_heading(letterhead: list[str]) -> list[str]:
    """The letterhead lines a certificate carries: the ministry and the directorate general (the
    first two) and the office (the last); a regional office line between them is left out."""
    lines = [printable(line) for line in letterhead if line.strip()]
    return lines[:2] + lines[-1:] if len(lines) > 3 else lines
