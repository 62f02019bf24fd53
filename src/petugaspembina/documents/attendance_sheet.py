"""The daftar hadir: letterhead, session details, numbered rows with drawn signatures, totals.

Two forms share the heading, the grid and the closing: the filled sheet made from the sign-ins,
and the blank form printed before a session in case the laptop cannot be used (numbered empty
rows tall enough to write in by hand). Sign-ins typed afterwards from such a paper form are
marked on the filled sheet: their signature is on the paper, not in the app.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

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
# The totals and the officer's sign-off never stand alone on a page: when they would, the fewest
# last rows of the list go over with them (the header row repeated above them), so the page
# before stays filled with rows. One row always does on a fresh page; a few more are tried only
# in case a row is taller than the room the sign-off leaves.
MAX_CARRIED_ROWS = 3
PAD = 6  # cell padding, left plus right (3 + 3, set in the table style)
# No, Nama, L/P, Jabatan/Instansi, Alamat/Desa, No. HP; the signature column takes the rest.
# Names get the room: most wrap at 34 mm, and Jabatan/Instansi is often empty at a village session.
WIDTHS = [7 * mm, 42 * mm, 7 * mm, 21 * mm, 25 * mm, 22 * mm]
DAMAGED = "(gambar tanda tangan rusak)"
# The blank form asks for what typing it in afterwards needs ("Dari kertas"): No, Nama, L/P,
# Tahun lahir, Alamat/Desa, No. HP, the parent or guardian who consents for a participant under
# 18 (the app refuses a minor's sign-in without one), consent to be photographed; the signature
# takes the rest.
BLANK_HEADERS = (
    "No",
    "Nama",
    "L/P",
    "Tahun Lahir",
    "Alamat/ Desa",
    "No. HP",
    "Orang Tua/ Wali**",
    "Setuju Difoto",
    "Tanda Tangan",
)
BLANK_WIDTHS = [7 * mm, 37 * mm, 7 * mm, 11 * mm, 23 * mm, 23 * mm, 26 * mm, 12 * mm]
BLANK_HINT = (
    "Isi dengan huruf cetak. L/P: laki-laki atau perempuan. Tahun lahir: empat angka. "
    "Setuju difoto: beri tanda ✓ bila setuju difoto untuk dokumentasi. Dengan mengisi daftar "
    "hadir ini, peserta setuju datanya dicatat untuk kegiatan ini."
)
GUARDIAN_NOTE = (
    "** Wajib bila peserta berusia di bawah 18 tahun: nama orang tua/wali yang menyetujui "
    "keikutsertaan dan pencatatan datanya."
)
BLANK_ROW = 8.5 * mm  # room for one handwritten line
BLANK_ROWS = 36  # the default: at least this many, filled up to two full pages
PAGE_ROWS = 32  # more empty rows than one page holds
MAX_BLANK_ROWS = 1000
TRANSCRIBED_MARK = "*"
TRANSCRIBED_CELL = "tanda tangan pada daftar hadir kertas"
TRANSCRIBED_NOTE = (
    "* Disalin dari daftar hadir kertas: diketik petugas dari daftar hadir yang diisi di kertas; "
    "tanda tangan aslinya ada pada lembar kertas itu."
)
HEADER_FILL = colors.HexColor("#e8edf5")


def mask_phone(phone: str) -> str:
    """``0812-****-7890``: enough for the participant to recognise, not to call."""
    digits = (
        "0" + phone[3:] if phone.startswith("+62") else "".join(c for c in phone if c.isdigit())
    )
    return f"{digits[:4]}-****-{digits[-4:]}" if len(digits) > 8 else "****"


def _signature_cell(
    index: int, png: str | None, width: float, *, transcribed: bool = False
) -> Flowable:
    """The number and the drawn signature, alternating left and right as on the paper form; the
    signature fills three quarters of the column (aspect kept); a damaged image is replaced by
    a note, and a sign-in typed from paper points at the paper form."""
    wide, narrow = width * 0.75, width * 0.25
    image = image_flowable(png, wide - 6 * mm - 2, 13 * mm)
    text = DAMAGED if png else TRANSCRIBED_CELL if transcribed else ""
    note = fit_para(text, wide - 6 * mm - 2, SMALL) if text else ""
    mark: Flowable | str = image if image is not None else note
    number = fit_para(f"{index}.", 6 * mm - 2)  # 100 and more: smaller, never split
    cell = Table([[number, mark]], colWidths=[6 * mm, wide - 6 * mm])
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


def _totals(data: SessionDocument, width: float, *, blank: bool = False) -> Table:
    """Signed-in attendees by sex, and those present who did not sign (the session headcount);
    ``blank``: the same table with empty cells, to be filled in by hand."""
    if blank:
        labels = ("Mengisi daftar hadir", "Hadir tanpa mengisi daftar hadir", "Jumlah hadir")
        empty: list[list[object]] = [["", "Laki-laki", "Perempuan", "Jumlah"]]
        empty += [[label, "", "", ""] for label in labels]
        return _totals_table(empty, width, other=0, row_height=BLANK_ROW)
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
    return _totals_table(rows, width, other=other)


def _totals_table(
    rows: list[list[object]], width: float, *, other: int, row_height: float | None = None
) -> Table:
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
    table = Table(cells, colWidths=widths, rowHeights=row_height)
    style = [
        ("GRID", (0, 0), (-1, 3), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if other:
        style.append(("SPAN", (0, 4), (-1, 4)))
    table.setStyle(TableStyle(style))
    return table


def _heading(data: SessionDocument, width: float) -> list[Flowable]:
    """Letterhead, title, and the session: kegiatan, day and date, time, place, officers."""
    session = data.session
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
    if data.officers:
        details.append(("Petugas", ", ".join(o.name for o in data.officers if o.name)))
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
    return [*story, info, Spacer(1, 4 * mm)]


def _grid(
    headers: tuple[str, ...],
    body: list[list[Flowable | str]],
    widths: list[float],
    row_height: float | None = None,
) -> Table:
    """The numbered table; its header row repeats on every page."""
    rows: list[list[Flowable | str]] = [
        [fit_para(h, w - PAD, CELL_BOLD) for h, w in zip(headers, widths, strict=True)]
    ]
    heights = None if row_height is None else [None, *[row_height] * len(body)]
    table = Table(rows + body, colWidths=widths, rowHeights=heights, repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD / 2),
    ]
    if row_height is not None:  # fixed rows: the number sits in the middle of the line
        style += [("TOPPADDING", (0, 1), (-1, -1), 0), ("BOTTOMPADDING", (0, 1), (-1, -1), 0)]
    table.setStyle(TableStyle(style))
    return table


def _closing(
    data: SessionDocument,
    width: float,
    totals: Table,
    officer_name: str | None,
    officer_nip: str | None,
    no_nip: str | None = None,
    note: Flowable | None = None,
    mark: Flowable | None = None,
) -> Flowable:
    """The footnote (if any), totals and the officer's sign-off, kept together (never a
    signature page alone); ``mark`` first (a ``_PageMark``: a KeepTogether inside another
    always moves to the next page)."""
    day = parse_iso(data.session.date)
    closing: list[Flowable] = [mark] if mark is not None else []
    closing += [note, Spacer(1, 2 * mm)] if note is not None else []
    closing += [totals, Spacer(1, 8 * mm)]
    if officer_name:
        place_date = f"{data.office.city or ''}, {tanggal(day) if day else ''}"
        block = signature_block(
            place_date, "Petugas Imigrasi Pembina Desa", officer_name, officer_nip, no_nip=no_nip
        )
        closing.append(Table([["", block]], colWidths=[width - 70 * mm, 70 * mm]))
    return KeepTogether(closing)


def _write(data: SessionDocument, target: Path, story: list[Flowable], title: str) -> Path:
    return write_pdf(target, lambda path: build_pdf(path, story, title, MARGIN, draft=data.draft))


def _filled_up(story: Callable[[int], list[Flowable]], rows: int) -> int:
    """The most rows, from ``rows`` on, that still fit the pages ``rows`` take: the last page is
    filled with empty rows rather than left blank under the sign-off (one page holds fewer than
    ``PAGE_ROWS``). Found by laying the whole form out in memory, a few times."""

    def pages(count: int) -> int:
        return build_pdf(io.BytesIO(), story(count), "", MARGIN)

    wanted = pages(rows)
    low, high = rows, rows + PAGE_ROWS
    while low < high:  # the largest count with the same number of pages
        middle = (low + high + 1) // 2
        if pages(middle) == wanted:
            low = middle
        else:
            high = middle - 1
    return low


def render_attendance_sheet(
    data: SessionDocument,
    target: Path,
    *,
    hide_phone: bool = False,
    officer_name: str | None = None,
    officer_nip: str | None = None,
) -> Path:
    """Write the daftar hadir of one session; the header row repeats on every page."""
    width = A4[0] - 2 * MARGIN
    widths = [*WIDTHS, width - sum(WIDTHS)]
    headers = ("No", "Nama", "L/P", "Jabatan/ Instansi", "Alamat/ Desa", "No. HP", "Tanda Tangan")
    body: list[list[Flowable | str]] = []
    for index, attendee in enumerate(data.attendees, start=1):
        person, sign_in = attendee.person, attendee.attendance
        role = " / ".join(
            p for p in (sign_in.position or person.position, sign_in.agency or person.agency) if p
        )
        phone = person.phone or ""
        shown_phone = mask_phone(phone) if (phone and hide_phone) else format_phone(phone)
        number = f"{index}{TRANSCRIBED_MARK}" if sign_in.transcribed else str(index)
        name = person.full_name
        if sign_in.guardian_consent and sign_in.guardian_name:  # a minor, as the paper form asks
            name += f" (wali: {sign_in.guardian_name})"
        texts = [number, name, person.sex or "", role, person.village_name or ""]
        texts.append(shown_phone)
        body.append(
            [
                *(fit_para(t, w - PAD) for t, w in zip(texts, widths, strict=False)),
                _signature_cell(
                    index,
                    sign_in.signature_png,
                    widths[-1] - PAD,
                    transcribed=sign_in.transcribed,
                ),
            ]
        )
    transcribed = any(a.attendance.transcribed for a in data.attendees)
    title = f"Daftar Hadir — {data.session.title or ''}"

    def story(marks: list[int], *, carry: int = 0) -> list[Flowable]:
        """``carry``: the last rows start a new page (header repeated) with the closing."""
        note = para(TRANSCRIBED_NOTE, SMALL) if transcribed else None
        totals = _totals(data, width)
        end = _PageMark(marks)
        closing = _closing(data, width, totals, officer_name, officer_nip, note=note, mark=end)
        grids: list[Flowable] = [_grid(headers, body, widths)]
        if carry:
            head, tail = body[:-carry], body[-carry:]
            grids = [_grid(headers, head, widths), PageBreak(), _grid(headers, tail, widths)]
        return [
            *_heading(data, width),
            *grids,
            _PageMark(marks),
            Spacer(1, 3 * mm),
            closing,
        ]

    def build(path: str) -> int:
        marks: list[int] = []
        pages = build_pdf(path, story(marks), title, MARGIN, draft=data.draft)
        # The totals and sign-off would stand alone on the last page: take the fewest rows
        # along (never all of them: the first page keeps its rows).
        for carry in range(1, min(MAX_CARRIED_ROWS, len(body) - 1) + 1):
            if marks[0] == marks[-1]:
                break
            marks = []
            pages = build_pdf(path, story(marks, carry=carry), title, MARGIN, draft=data.draft)
        return pages

    return write_pdf(target, build)


class _PageMark(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Takes no room; notes the page it lands on (where the rows end, where the closing
    starts)."""

    def __init__(self, marks: list[int]) -> None:
        super().__init__()
        self.marks = marks

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.marks.append(self.canv.getPageNumber())


def render_blank_attendance_sheet(
    data: SessionDocument,
    target: Path,
    *,
    rows: int = BLANK_ROWS,
    officer_name: str | None = None,
    officer_nip: str | None = None,
) -> Path:
    """Write the blank daftar hadir of a session, to fill in by hand: the heading filled, at
    least ``rows`` numbered empty rows (more when they fit the last page), empty totals and the
    officer's sign-off (dotted lines without an officer profile). No participant data is read:
    the form is the same whoever has signed in already."""
    width = A4[0] - 2 * MARGIN
    widths = [*BLANK_WIDTHS, width - sum(BLANK_WIDTHS)]
    name = officer_name or "(" + "." * 40 + ")"
    nip = officer_nip if officer_name else None
    no_nip = None if officer_name else "NIP " + "." * 36

    def story(count: int) -> list[Flowable]:
        sign = widths[-1] - PAD
        empty = [""] * (len(BLANK_WIDTHS) - 1)
        body: list[list[Flowable | str]] = [
            [fit_para(str(i), widths[0] - PAD), *empty, _signature_cell(i, None, sign)]
            for i in range(1, count + 1)
        ]
        totals = _totals(data, width, blank=True)
        return [
            *_heading(data, width),
            para(BLANK_HINT, SMALL),
            para(GUARDIAN_NOTE, SMALL),
            Spacer(1, 2 * mm),
            _grid(BLANK_HEADERS, body, widths, BLANK_ROW),
            Spacer(1, 5 * mm),
            _closing(data, width, totals, name, nip, no_nip),
        ]

    title = f"Daftar Hadir (kosong) — {data.session.title or ''}"
    return _write(data, target, story(_filled_up(story, rows)), title)
