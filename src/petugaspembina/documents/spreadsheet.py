"""The recap as XLSX (openpyxl write-only: rows stream to disk, memory stays flat) and as CSV.

Bad input 33: a text cell that would start with ``=``, ``+``, ``-``, ``@``, tab or CR could become
a formula in a spreadsheet program. In XLSX such cells are written with the string type (never a
formula); in CSV they get a leading apostrophe, as spreadsheet programs expect.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ..store.recap import Recap
from ..store.recap_rows import (
    PERSONAL_HEADERS,
    REFERRAL_HEADERS,
    SIGN_IN_HEADERS,
    referral_rows,
    session_rows,
    sign_in_rows,
)
from ..store.store import Store
from .pdfout import OutputError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SESSION_HEADERS = ["Tanggal", "Jenis", "Judul", "Desa/Kelurahan", "Wilayah", "Tempat", "Hadir"]


def formula_like(value: object) -> bool:
    """Whether a text would be read as a formula by a spreadsheet program."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_safe(value: object) -> object:
    """A CSV cell that cannot become a formula: formula-like texts get a leading apostrophe."""
    return "'" + value if isinstance(value, str) and formula_like(value) else value


def _summary_rows(recap: Recap) -> list[list[Any]]:
    flt = recap.filter
    return [
        ["Rekapitulasi kegiatan Desa Binaan Imigrasi"],
        ["Periode", flt.date_from or "awal", flt.date_to or "sekarang"],
        ["Wilayah", recap.region_name],
        [],
        ["Jumlah kegiatan", recap.sessions],
        ["Jumlah tanda hadir", recap.sign_ins],
        ["Peserta unik", recap.participants],
        ["Rujukan", recap.referrals],
        ["Sertifikat terbit", recap.certificates],
        *desa_summary_rows(recap),
    ]


def desa_summary_rows(recap: Recap) -> list[list[Any]]:
    """The Desa Binaan figures of the recap's region: active villages and PIMPASA per office and
    per kabupaten/kota, and the villages without activity."""
    figures = recap.desa_binaan
    if figures is None or not (figures.active or figures.ended):
        return []
    rows: list[list[Any]] = [
        [],
        ["Desa binaan aktif", figures.active],
        ["Petugas PIMPASA", figures.officers],
        ["Desa binaan tanpa kegiatan", len(figures.without_activity)],
    ]
    if figures.without_activity:
        rows.append(["Tanpa kegiatan", ", ".join(figures.without_activity)])
    rows += [[], ["Per kantor", "Desa binaan", "PIMPASA"]]
    rows += [[g.label, g.villages, g.officers] for g in figures.by_office]
    rows += [[], ["Per kabupaten/kota", "Desa binaan", "PIMPASA"]]
    rows += [[g.label, g.villages, g.officers] for g in figures.by_kabupaten]
    return rows


def _iso_day(value: object) -> date | None:
    """The date of an exact ``YYYY-MM-DD`` text, else None."""
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def sheet_name(title: str) -> str:
    """An Excel sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title)
    return cleaned[:31]


def check_target(target: Path, suffix: str) -> None:
    """Refuse an output path with the wrong suffix or in a missing or read-only folder."""
    if target.suffix.lower() != suffix:
        raise OutputError(
            f"Nama berkas keluaran harus berakhiran {suffix} (bukan '{target.name}')."
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"Folder tujuan {folder} tidak ada.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"Folder tujuan {folder} tidak dapat ditulisi.")


def cell_writer() -> Callable[..., list[Any]]:
    """``cells(sheet, values, header=False)`` for write-only sheets: plain values go in as they
    are (fast); formula-like texts and headers as text cells (never a formula, bad input 33);
    an ISO date as a real date cell (sortable in Excel), shown ``22 Nov 2026``."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    bold = Font(bold=True)

    def cells(sheet: Any, values: Iterable[Any], header: bool = False) -> list[Any]:
        out: list[Any] = []
        for value in values:
            day = _iso_day(value) if not header else None
            if day is not None:
                cell = WriteOnlyCell(sheet, value=day)
                cell.number_format = "d mmm yyyy"
                out.append(cell)
            elif header or formula_like(value):
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula (bad input 33)
                if header:
                    cell.font = bold
                out.append(cell)
            else:
                out.append(value)
        return out

    return cells


def save_book(book: Any, target: Path) -> Path:
    """Save through a temporary file, then replace: a failed save leaves no half file."""
    temp = target.with_name(target.name + ".tmp")
    book.save(temp)
    os.replace(temp, target)
    return target


def write_xlsx(
    store: Store,
    recap: Recap,
    target: Path,
    *,
    personal: bool = False,
    full_nik: bool = False,
) -> Path:
    """Ringkasan, one sheet per breakdown, then Kegiatan, Daftar Hadir and Rujukan sheets.

    Names, NIK and phone numbers appear only when ``personal``; the NIK stays masked unless
    ``full_nik`` as well.
    """
    from openpyxl import Workbook

    check_target(target, ".xlsx")
    book = Workbook(write_only=True)
    cells = cell_writer()

    summary = book.create_sheet("Ringkasan")
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 40
    for row in _summary_rows(recap):
        summary.append(cells(summary, row))
    for breakdown in recap.breakdowns:
        sheet = book.create_sheet(sheet_name(breakdown.title))
        sheet.column_dimensions["A"].width = 40
        sheet.append(cells(sheet, ["Uraian", "Jumlah"], header=True))
        for line in breakdown.rows:
            sheet.append(cells(sheet, [line.label, line.count]))
        sheet.append(cells(sheet, [breakdown.total_label, breakdown.total], header=True))
        if breakdown.note:
            sheet.append(cells(sheet, [f"Catatan: {breakdown.note}"]))
    _detail(book, cells, "Kegiatan", SESSION_HEADERS, session_rows(store, recap.filter))
    headers = (PERSONAL_HEADERS if personal else []) + SIGN_IN_HEADERS
    rows = sign_in_rows(store, recap.filter, personal=personal, full_nik=full_nik)
    _detail(book, cells, "Daftar Hadir", headers, rows)
    headers = (["Nama"] if personal else []) + REFERRAL_HEADERS
    _detail(book, cells, "Rujukan", headers, referral_rows(store, recap.filter, personal=personal))
    return save_book(book, target)


def _detail(
    book: Any, cells: Any, title: str, headers: list[str], rows: Iterable[list[Any]]
) -> None:
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    sheet.append(cells(sheet, headers, header=True))
    for row in rows:
        sheet.append(cells(sheet, row))


def write_csv(
    store: Store, recap: Recap, folder: Path, *, personal: bool = False, full_nik: bool = False
) -> list[Path]:
    """One CSV per breakdown plus kegiatan.csv, daftar_hadir.csv and rujukan.csv (UTF-8 with BOM
    and semicolons, as Excel in Indonesia opens them)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_csv_file(folder / "ringkasan.csv", _summary_rows(recap))]
    for breakdown in recap.breakdowns:
        lines: list[list[Any]] = [
            ["Uraian", "Jumlah"],
            *[[r.label, r.count] for r in breakdown.rows],
        ]
        lines.append([breakdown.total_label, breakdown.total])
        if breakdown.note:
            lines.append([f"Catatan: {breakdown.note}"])
        written.append(write_csv_file(folder / f"{breakdown.key}.csv", lines))
    written.append(
        write_csv_file(
            folder / "kegiatan.csv", [SESSION_HEADERS, *session_rows(store, recap.filter)]
        )
    )
    headers = (PERSONAL_HEADERS if personal else []) + SIGN_IN_HEADERS
    rows = sign_in_rows(store, recap.filter, personal=personal, full_nik=full_nik)
    written.append(write_csv_file(folder / "daftar_hadir.csv", [headers, *rows]))
    headers = (["Nama"] if personal else []) + REFERRAL_HEADERS
    rows = referral_rows(store, recap.filter, personal=personal)
    written.append(write_csv_file(folder / "rujukan.csv", [headers, *rows]))
    return written


def write_csv_file(path: Path, rows: Iterable[list[Any]]) -> Path:
    """Write ``rows`` as one CSV file (UTF-8 with BOM, semicolons; cells that would start a
    spreadsheet formula are made inert), whole or not at all."""
    temp = path.with_name(path.name + ".tmp")
    with temp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        for row in rows:
            writer.writerow([csv_safe(v) for v in row])
    os.replace(temp, path)
    return path
