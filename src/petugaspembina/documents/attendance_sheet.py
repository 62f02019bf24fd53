"""The daftar hadir: letterhead, session details, numbered rows with drawn signatures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, Spacer, Table, TableStyle

from ..core.validation import format_phone
from .data import SessionDocument
from .fonts import SANS
from .images import image_reader
from .indonesian import hari_tanggal, parse_iso
from .layout import CELL, CELL_BOLD, TITLE, build_pdf, letterhead, para, signature_block
from .pdfout import write_pdf

MARGIN = 18 * mm


def mask_phone(phone: str) -> str:
    """``0812-****-7890``: enough for the participant to recognise, not to call."""
    digits = (
        "0" + phone[3:] if phone.startswith("+62") else "".join(c for c in phone if c.isdigit())
    )
    return f"{digits[:4]}-****-{digits[-4:]}" if len(digits) > 8 else "****"


def _page_number(canvas: Canvas, doc: Any) -> None:
    canvas.setFont(SANS, 8)
    canvas.drawRightString(A4[0] - MARGIN, 10 * mm, f"Halaman {doc.page}")


def render_attendance_sheet(
    data: SessionDocument,
    target: Path,
    *,
    hide_phone: bool = False,
    officer_name: str | None = None,
    officer_nip: str | None = None,
) -> Path:
    """Write the daftar hadir of one session; the header row repeats on every page."""
    session = data.session
    width = A4[0] - 2 * MARGIN
    day = parse_iso(session.date)
    story = letterhead(data.office, width)
    story += [para("DAFTAR HADIR", TITLE), para(session.title, TITLE), Spacer(1, 4 * mm)]
    time_text = " – ".join(t for t in (session.start_time, session.end_time) if t)
    details = [
        ("Kegiatan", session.title),
        ("Hari/Tanggal", hari_tanggal(day) if day else "-"),
        ("Waktu", f"{time_text} {session.time_zone}".strip() if time_text else "-"),
        ("Tempat", ", ".join(p for p in (session.venue, session.village_name) if p) or "-"),
    ]
    info = Table(
        [[para(k, CELL), para(":", CELL), para(v, CELL)] for k, v in details],
        colWidths=[28 * mm, 4 * mm, width - 32 * mm],
    )
    info.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    )
    story += [info, Spacer(1, 4 * mm)]
    header = [
        para(h, CELL_BOLD)
        for h in ("No", "Nama", "Jabatan/ Instansi", "Alamat/ Desa", "No. HP", "Tanda Tangan")
    ]
    widths = [10 * mm, 38 * mm, 30 * mm, 26 * mm, 33 * mm, width - 137 * mm]
    half = (widths[5] - 4) / 2
    rows = [header]
    styles = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf5")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for index, attendee in enumerate(data.attendees, start=1):
        person, sign_in = attendee.person, attendee.attendance
        role = " / ".join(
            p for p in (sign_in.position or person.position, sign_in.agency or person.agency) if p
        )
        phone = person.phone or ""
        shown_phone = mask_phone(phone) if (phone and hide_phone) else format_phone(phone)
        image = image_reader(sign_in.signature_png)
        mark = Image(image, half - 9 * mm, 9 * mm, kind="proportional") if image else ""
        cell = Table([[para(f"{index}.", CELL), mark]], colWidths=[9 * mm, half - 9 * mm])
        cell.setStyle(
            TableStyle(
                [("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            )
        )
        # Signatures alternate left and right, as on the paper form.
        signature = Table([[cell, ""]] if index % 2 else [["", cell]], colWidths=[half, half])
        signature.setStyle(
            TableStyle(
                [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
            )
        )
        rows.append(
            [
                para(str(index), CELL),
                para(person.full_name, CELL),
                para(role, CELL),
                para(person.village_name, CELL),
                para(shown_phone, CELL),
                signature,
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(styles))
    story += [table, Spacer(1, 8 * mm)]
    if officer_name:
        place = f"{data.office.city or ''}, {hari_tanggal(day).split(', ')[1] if day else ''}"
        block = signature_block(place, "Petugas Imigrasi Pembina Desa", officer_name, officer_nip)
        story.append(Table([["", block]], colWidths=[width - 70 * mm, 70 * mm]))

    title = f"Daftar Hadir — {session.title or ''}"
    return write_pdf(target, lambda path: build_pdf(path, story, title, MARGIN, _page_number))
