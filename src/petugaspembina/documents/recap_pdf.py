"""The recap for the Kanwil as a PDF in the office letterhead: the totals, then every breakdown as
a table beside its bar chart, and the head of office's signature. Charts are reportlab drawings
(vector, no extra library)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..core.text import shorten
from ..store.recap import Breakdown, Recap
from ..store.store import Store
from .fonts import SANS, printable
from .indonesian import parse_iso, tanggal
from .layout import (
    CELL,
    CELL_BOLD,
    HEADING,
    TITLE,
    build_pdf,
    letterhead,
    para,
    signature_block,
)
from .office import NIP_PLACEHOLDER, missing_fields, office_profile
from .pdfout import write_pdf

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
BAR = colors.HexColor("#2f6f9f")
MAX_ROWS = 20  # longer breakdowns (villages, officers) show their top rows and "lainnya"


def period_text(recap: Recap) -> str:
    """``1 Januari 2026 s.d. 31 Maret 2026`` (open ends in words)."""
    start = parse_iso(recap.filter.date_from)
    end = parse_iso(recap.filter.date_to)
    if start is None and end is None:
        return "seluruh periode"
    left = tanggal(start) if start else "awal pencatatan"
    right = tanggal(end) if end else "sekarang"
    return f"{left} s.d. {right}"


def _shown_rows(breakdown: Breakdown) -> list[tuple[str, int]]:
    rows = [(r.label, r.count) for r in breakdown.rows]
    if len(rows) > MAX_ROWS:
        rest = sum(count for _, count in rows[MAX_ROWS - 1 :])
        rows = [*rows[: MAX_ROWS - 1], ("Lainnya", rest)]
    return rows


def bar_chart(rows: list[tuple[str, int]], width: float) -> Drawing:
    """Horizontal bars with their counts; the longest bar fills the width."""
    line = 5.2 * mm
    height = max(line * len(rows), line)
    drawing = Drawing(width, height)
    top = max((count for _, count in rows), default=0) or 1
    room = width - 12 * mm
    for index, (_, count) in enumerate(rows):
        y = height - (index + 1) * line + 1.2 * mm
        length = room * count / top
        if count:
            drawing.add(
                Rect(0, y, max(length, 0.6), line - 2.4 * mm, fillColor=BAR, strokeColor=None)
            )
        drawing.add(
            String(length + 1.5 * mm, y + 0.3 * mm, str(count), fontName=SANS, fontSize=7.5)
        )
    return drawing


def _breakdown_parts(breakdown: Breakdown) -> list[Flowable]:
    """A breakdown's heading, table and chart, and note: kept together by the caller."""
    rows = _shown_rows(breakdown)
    total = breakdown.total or 1
    table_width = WIDTH * 0.55
    lines = [[para("Uraian", CELL_BOLD), para("Jumlah", CELL_BOLD), para("%", CELL_BOLD)]]
    lines += [
        [
            para(shorten(label, 60), CELL),
            para(f"{count:,}".replace(",", "."), CELL),
            para(f"{100 * count / total:.0f}", CELL),
        ]
        for label, count in rows
    ]
    lines.append(
        [
            para(breakdown.total_label, CELL_BOLD),
            para(f"{breakdown.total:,}".replace(",", "."), CELL_BOLD),
            "",
        ]
    )
    table = Table(lines, colWidths=[table_width - 30 * mm, 18 * mm, 12 * mm], rowHeights=5.2 * mm)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef3")),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    chart_width = WIDTH - table_width - 4 * mm
    chart = bar_chart(rows, chart_width) if rows else para("(tidak ada data)", CELL)
    outer = Table(
        [[table, [Spacer(1, 5.2 * mm), chart]]], colWidths=[table_width, WIDTH - table_width]
    )
    outer.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    parts: list[Flowable] = [para(breakdown.title, HEADING), Spacer(1, 1.5 * mm), outer]
    if breakdown.note:
        parts += [Spacer(1, 1 * mm), para(f"Catatan: {breakdown.note}", CELL)]
    return parts


def _totals(recap: Recap) -> Table:
    figures = [
        ("Kegiatan", recap.sessions),
        ("Tanda hadir", recap.sign_ins),
        ("Peserta unik", recap.participants),
        ("Rujukan", recap.referrals),
        ("Sertifikat terbit", recap.certificates),
    ]
    cell = WIDTH / len(figures)
    table = Table(
        [
            [para(f"{value:,}".replace(",", "."), TITLE) for _, value in figures],
            [para(label, CELL) for label, _ in figures],
        ],
        colWidths=[cell] * len(figures),
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, colors.grey),
                ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.lightgrey),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ]
        )
    )
    return table


def _desa_binaan_block(recap: Recap) -> list[Flowable]:
    """Active desa binaan and PIMPASA per office and per kabupaten/kota, villages without
    activity (nothing when the region has no register entry)."""
    figures = recap.desa_binaan
    if figures is None or not (figures.active or figures.ended):
        return []
    lines = [
        [para("Uraian", CELL_BOLD), para("Desa binaan", CELL_BOLD), para("PIMPASA", CELL_BOLD)]
    ]
    for caption, groups in (
        ("Kantor", figures.by_office),
        ("Kabupaten/kota", figures.by_kabupaten),
    ):
        lines += [
            [
                para(printable(f"{caption}: {shorten(g.label, 70)}"), CELL),
                str(g.villages),
                str(g.officers),
            ]
            for g in groups
        ]
    lines.append([para("Jumlah", CELL_BOLD), str(figures.active), str(figures.officers)])
    table = Table(lines, colWidths=[WIDTH - 60 * mm, 30 * mm, 30 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef3")),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
            ]
        )
    )
    quiet = ", ".join(figures.without_activity) or "tidak ada"
    return [
        KeepTogether(
            [
                para("Desa Binaan Imigrasi", HEADING),
                Spacer(1, 1.5 * mm),
                table,
                Spacer(1, 1.5 * mm),
                para(printable(f"Desa binaan tanpa kegiatan: {quiet}."), CELL),
            ]
        )
    ]


def render_recap_pdf(store: Store, recap: Recap, target: Path, today: date | None = None) -> Path:
    """Write the recap PDF; a draft mark while the office profile has placeholders."""
    office = office_profile(store)
    draft = bool(missing_fields(store))
    day = today or date.today()
    story: list[Flowable] = [
        *letterhead(office, WIDTH),
        para("REKAPITULASI KEGIATAN DESA BINAAN IMIGRASI", TITLE),
        para(printable(f"Periode {period_text(recap)}"), TITLE),
        para(printable(f"Wilayah: {recap.region_name}"), CELL),
        Spacer(1, 4 * mm),
        _totals(recap),
        Spacer(1, 2 * mm),
        para(
            "Kehadiran dihitung per tanda hadir; peserta unik menghitung setiap orang sekali "
            "(duplikat yang sudah digabungkan dihitung satu). Usia = tahun kegiatan dikurangi "
            "tahun lahir.",
            CELL,
        ),
    ]
    story += _desa_binaan_block(recap)
    blocks = [_breakdown_parts(breakdown) for breakdown in recap.breakdowns]
    story += [KeepTogether(parts) for parts in blocks[:-1]]
    position = " ".join(p for p in (office.signatory_prefix, office.signatory_position) if p)
    place_date = f"{office.city or ''}, {tanggal(day)}".strip(", ")
    block = signature_block(
        place_date,
        position,
        office.signatory_name or "",
        office.signatory_nip,
        office.signature_png,
        no_nip=NIP_PLACEHOLDER,
    )
    holder = Table([["", block]], colWidths=[WIDTH - 72 * mm, 72 * mm])
    # The signature goes with the last table: never a page holding only the signature.
    # (one KeepTogether: one inside another always moves to the next page)
    last = blocks[-1] if blocks else []
    story.append(KeepTogether([*last, Spacer(1, 6 * mm), holder]))
    title = f"Rekapitulasi {period_text(recap)}"
    return write_pdf(target, lambda path: build_pdf(path, story, title, MARGIN, draft=draft))
