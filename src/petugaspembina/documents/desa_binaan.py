"""Desa Binaan documents: the one-page "Profil Desa Binaan" PDF in the office letterhead, and the
register as XLSX (docs/documents.md).

Neither holds a participant's or a referred person's details: referrals appear as counts by status.
Focal points' phones are masked in both (the register travels to the Kanwil).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ..core.display import short_date
from ..core.enums import ParticipantCategory, ReferralStatus, SessionType, VillageStatus
from ..core.labels import label_of
from ..core.records import Session
from ..core.text import shorten
from ..core.validation import format_nip
from ..store.desa_activity import Reach, VillageActivity, activity_of, recent_sessions
from ..store.desa_binaan import Entry, list_entries
from ..store.errors import NotFound
from ..store.store import Store
from .fonts import printable
from .indonesian import parse_iso, tanggal
from .layout import CELL, CELL_BOLD, HEADING, SMALL, TITLE, build_pdf, letterhead, para
from .office import missing_fields, office_profile
from .pdfout import write_pdf
from .spreadsheet import cell_writer, check_target, save_book

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
HEADER_BG = colors.HexColor("#e8eef3")


def _day(text: str | None) -> str:
    day = parse_iso(text)
    return tanggal(day) if day else "-"


def reach_text(reach: Reach) -> str:
    """``3 kegiatan, 41 orang (L 19, P 22)``."""
    sexes = reach.by_sex
    split = f"L {sexes.get('L', 0)}, P {sexes.get('P', 0)}"
    if sexes.get(""):
        split += f", tidak diisi {sexes['']}"
    return f"{reach.sessions} kegiatan, {reach.participants} orang ({split})"


def status_text(entry: Entry) -> str:
    """``Aktif sejak 3 Februari 2026`` or ``Berakhir 1 Oktober 2026 — alasan``."""
    if entry.active:
        return f"Aktif sejak {_day(entry.sk_date)}" if entry.sk_date else "Aktif"
    reason = f" — {entry.end_reason}" if entry.end_reason else ""
    return f"{VillageStatus.BERAKHIR.label} {_day(entry.ended_on)}{reason}"


def _short(text: str | None) -> str:
    return short_date(text) if text else "-"


def _grid(rows: list[list[object]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_BG))
    table.setStyle(TableStyle(style))
    return table


def _cells(*texts: object, bold: bool = False) -> list[object]:
    style = CELL_BOLD if bold else CELL
    return [para(printable(str(t) if t not in (None, "") else "-"), style) for t in texts]


def _facts(store: Store, entry: Entry) -> Table:
    formed = "-"
    if entry.formed_session_id:
        try:
            session = store.get(Session, entry.formed_session_id)
            formed = f"{session.title} ({_day(session.date)})"
        except NotFound:
            formed = "(kegiatan tidak ditemukan)"
    rows = [
        _cells("Kode wilayah", entry.region_code),
        _cells("Wilayah", entry.region_path),
        _cells("Nomor SK", entry.sk_number),
        _cells("Tanggal SK", _day(entry.sk_date)),
        _cells("Status", status_text(entry)),
        _cells("Dibentuk pada", formed),
        _cells("Program mitra", ", ".join(entry.partner_programs) or "-"),
    ]
    return _grid(rows, [38 * mm, WIDTH - 38 * mm], header=False)


def _officers(entry: Entry) -> Table:
    rows = [_cells("Nama", "NIP", "Surat tugas", "Mulai", "Selesai", bold=True)]
    rows += [
        _cells(
            a.name,
            format_nip(a.nip) if a.nip else "-",
            a.letter_number,
            _short(a.start),
            _short(a.end),
        )
        for a in entry.officers
    ] or [_cells("(belum ada petugas ditunjuk)", "", "", "", "")]
    return _grid(rows, [40 * mm, 44 * mm, WIDTH - 130 * mm, 23 * mm, 23 * mm])


def _focal_points(entry: Entry) -> Table:
    rows = [_cells("Nama", "Jabatan", "No. HP", bold=True)]
    rows += [_cells(p.name, p.position, p.phone_masked) for p in entry.focal_points] or [
        _cells("(belum ada narahubung)", "", "")
    ]
    return _grid(rows, [60 * mm, WIDTH - 100 * mm, 40 * mm])


def _activity(activity: VillageActivity) -> list[Flowable]:
    last = _day(activity.last_visit) if activity.last_visit else "belum pernah"
    if activity.days_since is not None and activity.last_visit:
        last += f" ({activity.days_since} hari lalu)"
    rows = [
        _cells("Kunjungan terakhir", last),
        _cells("Triwulan ini", reach_text(activity.quarter)),
        _cells("Tahun ini", reach_text(activity.year)),
    ]
    categories = activity.year.by_category
    if categories:
        rows.append(
            _cells(
                "Peserta per kategori (tahun ini)",
                ", ".join(
                    f"{label_of(ParticipantCategory, code) or 'Tidak diisi'} {count}"
                    for code, count in sorted(categories.items(), key=lambda kv: -kv[1])
                ),
            )
        )
    out: list[Flowable] = [_grid(rows, [52 * mm, WIDTH - 52 * mm], header=False)]
    if activity.overdue:
        out += [
            Spacer(1, 1 * mm),
            para("Perhatian: belum ada kegiatan dalam batas hari yang ditetapkan.", CELL_BOLD),
        ]
    return out


def _sessions(store: Store, entry: Entry) -> Table:
    rows = [_cells("Tanggal", "Jenis", "Judul", "Hadir", bold=True)]
    rows += [
        _cells(
            _short(s.date),
            label_of(SessionType, s.session_type),
            shorten(s.title or "", 70),
            s.attendees,
        )
        for s in recent_sessions(store, entry)
    ] or [_cells("(belum ada kegiatan)", "", "", "")]
    return _grid(rows, [27 * mm, 40 * mm, WIDTH - 82 * mm, 15 * mm])


def _referrals(activity: VillageActivity) -> Table:
    rows = [_cells("Status", "Jumlah", bold=True)]
    rows += [
        _cells(status.label, activity.referrals[status.value])
        for status in ReferralStatus
        if activity.referrals.get(status.value)
    ] or [_cells("(tidak ada rujukan)", "")]
    rows.append(_cells("Masih terbuka", activity.open_referrals, bold=True))
    return _grid(rows, [60 * mm, 25 * mm])


def render_profile_pdf(store: Store, entry: Entry, target: Path, today: date | None = None) -> Path:
    """Write the one-page profile of a desa binaan (a draft mark while the office profile has
    placeholders)."""
    day = today or date.today()
    office = office_profile(store)
    activity = activity_of(store, entry, day)
    story: list[Flowable] = [
        *letterhead(office, WIDTH),
        para("PROFIL DESA BINAAN IMIGRASI", TITLE),
        para(printable(f"Desa {entry.name}"), TITLE),
        Spacer(1, 3 * mm),
        _facts(store, entry),
        para("Petugas Imigrasi Pembina Desa (PIMPASA)", HEADING),
        _officers(entry),
        para("Narahubung desa", HEADING),
        _focal_points(entry),
        para("Kegiatan", HEADING),
        *_activity(activity),
        Spacer(1, 1.5 * mm),
        _sessions(store, entry),
        para("Rujukan dari desa (tanpa data pribadi)", HEADING),
        _referrals(activity),
    ]
    if entry.notes:
        story += [para("Catatan", HEADING), para(printable(shorten(entry.notes, 600)), CELL)]
    story += [
        Spacer(1, 3 * mm),
        para(f"Keadaan per {tanggal(day)}. Nomor HP narahubung disamarkan.", SMALL),
    ]
    title = f"Profil Desa Binaan {entry.name}"
    draft = bool(missing_fields(store))
    return write_pdf(
        target, lambda path: build_pdf(path, story, title, MARGIN, draft=draft, numbered=False)
    )


REGISTER_HEADERS = [
    "Kode wilayah",
    "Desa/Kelurahan",
    "Wilayah",
    "Nomor SK",
    "Tanggal SK",
    "Status",
    "Tanggal berakhir",
    "Alasan berakhir",
    "Petugas PIMPASA",
    "Narahubung",
    "Program mitra",
    "Kunjungan terakhir",
    "Kegiatan triwulan ini",
    "Orang triwulan ini",
    "Kegiatan tahun ini",
    "Orang tahun ini",
    "L (tahun ini)",
    "P (tahun ini)",
    "Rujukan terbuka",
    "Tanpa kegiatan",
]


def register_rows(store: Store, today: date | None = None) -> list[list[object]]:
    """One row per register entry: the entry, its officers and focal points (phones masked), and
    its activity."""
    from ..store.desa_activity import village_activities

    rows: list[list[object]] = []
    for item in village_activities(store, list_entries(store), today or date.today()):
        entry = item.entry
        rows.append(
            [
                entry.region_code,
                entry.name,
                entry.region_path,
                entry.sk_number,
                entry.sk_date,
                label_of(VillageStatus, entry.status),
                entry.ended_on,
                entry.end_reason,
                "; ".join(
                    " — ".join(p for p in (a.name, a.letter_number) if p) for a in entry.officers
                ),
                "; ".join(
                    " — ".join(p for p in (f.name, f.position, f.phone_masked) if p)
                    for f in entry.focal_points
                ),
                ", ".join(entry.partner_programs),
                item.last_visit,
                item.quarter.sessions,
                item.quarter.participants,
                item.year.sessions,
                item.year.participants,
                item.year.by_sex.get("L", 0),
                item.year.by_sex.get("P", 0),
                item.open_referrals,
                "Ya" if item.overdue else "Tidak",
            ]
        )
    return rows


def write_register_xlsx(store: Store, target: Path, today: date | None = None) -> Path:
    """The register as one sheet "Desa Binaan" (frozen header; dates as date cells)."""
    from openpyxl import Workbook

    check_target(target, ".xlsx")
    book = Workbook(write_only=True)
    cells = cell_writer()
    sheet = book.create_sheet("Desa Binaan")
    sheet.freeze_panes = "C2"
    for column, width in (("B", 24), ("C", 40), ("D", 28), ("I", 36), ("J", 36)):
        sheet.column_dimensions[column].width = width
    sheet.append(cells(sheet, REGISTER_HEADERS, header=True))
    for row in register_rows(store, today):
        sheet.append(cells(sheet, row))
    return save_book(book, target)
