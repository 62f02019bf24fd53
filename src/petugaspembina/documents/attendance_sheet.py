"""The daftar hadir: letterhead, session details, numbered rows with drawn signatures, totals."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..core.validation import format_phone
from .data import SessionDocument
from .images import image_flowable
from .indonesian import hari_tanggal, parse_iso, tanggal
from .layout import (
    CELL,
    CELL_BOLD,
    SMALL,
    TITLE,
    build_pdf,
    fit_para,
    letterhead,
    para,
    signature_block,
)
from .pdfout import write_pdf

MARGIN = 18 * mm
PAD = 6  # cell padding, left plus right (3 + 3, set in the table style)
# No, Nama, L/P, Jabatan/Instansi, Alamat/Desa, No. HP; the signature column takes the rest.
WIDTHS = [7 * mm, 34 * mm, 7 * mm, 24 * mm, 24 * mm, 22 * mm]
DAMAGED = "(gambar tanda tangan rusak)"


def mask_phone(phone: str) -> str:
    """``0812-****-7890``: enough for the participant to recognise, not to call."""
    digits = (
        "0" + phone[3:] if phone.startswith("+62") else "".join(c for c in phone if c.isdigit())
    )
    return f"{digits[:4]}-****-{digits[-4:]}" if len(digits) > 8 else "****"


def _signature_cell(index: int, png: str | None, width: float) -> Flowable:
    """The number and the drawn signature, alternating left and right as on the paper form; the
    signature fills three quarters of the column (aspect kept); a damaged image is replaced by
    a note."""
    wide, narrow = width * 0.75, width * 0.25
    image = image_flowable(png, wide - 6 * mm - 2, 13 * mm)
    note = fit_para(DAMAGED, wide - 6 * mm - 2, SMALL) if png else ""
    mark: Flowable | str = image if image is not None else note
    cell = Table([[para(f"{index}.", CELL), mark]], colWidths=[6 * mm, wide - 6 * mm])
    cell.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    signature = Table(
        [[cell, ""]] if index % 2 else [["", cell]],
        colWidths=[wide, narrow] if index % 2 else [narrow, wide],
    )
    signature.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return signature


def _totals(data: SessionDocument, width: float) -> Table:
    """Signed-in attendees by sex, and those present who did not sign (the session headcount)."""
    by_sex = data.by_sex
    male, female = by_sex.get("L", 0), by_sex.get("P", 0)
    other = len(data.attendees) - male - female
    unsigned_m = data.session.headcount_male or 0
    unsigned_f = data.session.headcount_female or 0
    rows: list[list[object]] = [
        ["", "Laki-laki", "Perempuan", "Jumlah"],
        ["Mengisi daftar hadir", male, female, len(data.attendees)],
        ["Hadir tanpa mengisi daftar hadir", unsigned_m, unsigned_f, unsigned_m + unsigned_f],
        [
            "Jumlah hadir",
            male + unsigned_m,
            female + unsigned_f,
            len(data.attendees) + unsigned_m + unsigned_f,
        ],
    ]
    widths = [width - 66 * mm, 22 * mm, 22 * mm, 22 * mm]
    cells = [
        [
            fit_para(str(v), w - 12, CELL_BOLD if r == 0 or c == 0 else CELL)
            for c, (v, w) in enumerate(zip(row, widths, strict=True))
        ]
        for r, row in enumerate(rows)
    ]
    if other:
        cells.append([para(f"Jenis kelamin tidak diisi: {other}", CELL), "", "", ""])
    table = Table(cells, colWidths=widths)
    style = [
        ("GRID", (0, 0), (-1, 3), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf5")),
    ]
    if other:
        style.append(("SPAN", (0, 4), (-1, 4)))
    table.setStyle(TableStyle(style))
    return table


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
    place = ", ".join(p for p in (session.venue, session.village_name, session.region_path) if p)
    details = [
        ("Kegiatan", session.title),
        ("Hari/Tanggal", hari_tanggal(day) if day else "-"),
        ("Waktu", f"{time_text} {session.time_zone}".strip() if time_text else "-"),
        ("Tempat", place or "-"),
    ]
    info = Table(
        [[para(k, CELL), para(":", CELL), para(v, CELL)] for k, v in details],
        colWidths=[28 * mm, 4 * mm, width - 32 * mm],
    )
    info.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [info, Spacer(1, 4 * mm)]
    widths = [*WIDTHS, width - sum(WIDTHS)]
    headers = ("No", "Nama", "L/P", "Jabatan/ Instansi", "Alamat/ Desa", "No. HP", "Tanda Tangan")
    rows: list[list[Flowable | str]] = [
        [fit_para(h, w - PAD, CELL_BOLD) for h, w in zip(headers, widths, strict=True)]
    ]
    for index, attendee in enumerate(data.attendees, start=1):
        person, sign_in = attendee.person, attendee.attendance
        role = " / ".join(
            p for p in (sign_in.position or person.position, sign_in.agency or person.agency) if p
        )
        phone = person.phone or ""
        shown_phone = mask_phone(phone) if (phone and hide_phone) else format_phone(phone)
        texts = [str(index), person.full_name, person.sex or "", role, person.village_name or ""]
        texts.append(shown_phone)
        rows.append(
            [
                *(fit_para(t, w - PAD) for t, w in zip(texts, widths, strict=False)),
                _signature_cell(index, sign_in.signature_png, widths[-1] - PAD),
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf5")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD / 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD / 2),
            ]
        )
    )
    closing: list[Flowable] = [_totals(data, width), Spacer(1, 8 * mm)]
    if officer_name:
        place_date = f"{data.office.city or ''}, {tanggal(day) if day else ''}"
        block = signature_block(
            place_date, "Petugas Imigrasi Pembina Desa", officer_name, officer_nip
        )
        closing.append(Table([["", block]], colWidths=[width - 70 * mm, 70 * mm]))
    story += [table, Spacer(1, 5 * mm), KeepTogether(closing)]  # never a signature page alone

    title = f"Daftar Hadir — {session.title or ''}"
    return write_pdf(target, lambda path: build_pdf(path, story, title, MARGIN, draft=data.draft))
