"""The recap carries the Desa Binaan figures (PDF and XLSX); the register XLSX masks phones."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from petugaspembina.demo import generate
from petugaspembina.documents.desa_binaan import write_register_xlsx
from petugaspembina.documents.recap_pdf import render_recap_pdf
from petugaspembina.documents.spreadsheet import write_xlsx
from petugaspembina.store.desa_binaan import (
    EntryValues,
    FocalPoint,
    add_entry,
    appointment_for,
    officer_by_nip,
)
from petugaspembina.store.recap import RecapFilter, compute_recap
from petugaspembina.store.store import Store


@pytest.fixture
def office(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "kantor.sqlite3")
    generate(store, seed=1, sessions=6)
    officer = officer_by_nip(store, "198609262015051001")
    add_entry(
        store,
        "61.12.08.2013",
        EntryValues(
            "SK-1",
            "2026-01-05",
            [appointment_for(store, officer.id)],
            [FocalPoint("Mulyadi Nasution", "Kepala Desa", "0812-3456-7890")],
        ),
    )
    add_entry(store, "61.71.01.1002", EntryValues("SK-2", "2026-01-05"))
    return store


def test_recap_xlsx_summary_has_the_desa_binaan_figures(office: Store, tmp_path: Path) -> None:
    recap = compute_recap(office, RecapFilter())
    book = load_workbook(write_xlsx(office, recap, tmp_path / "rekap.xlsx"))
    rows = [r for r in book["Ringkasan"].iter_rows(values_only=True) if r and r[0]]
    summary = {r[0]: r[1] for r in rows}
    assert summary["Desa binaan aktif"] == 2
    assert summary["Petugas PIMPASA"] == 1
    assert ("Kabupaten Kubu Raya", 1, 1) in [tuple(r[:3]) for r in rows]


def test_recap_of_a_region_counts_only_its_desa_binaan(office: Store) -> None:
    figures = compute_recap(office, RecapFilter(region="61.71")).desa_binaan
    assert figures is not None and figures.active == 1 and figures.officers == 0


def test_recap_pdf_shows_the_desa_binaan_table(office: Store, tmp_path: Path) -> None:
    recap = compute_recap(office, RecapFilter())
    text = "".join(
        p.extract_text()
        for p in PdfReader(render_recap_pdf(office, recap, tmp_path / "rekap.pdf")).pages
    )
    assert "Desa Binaan Imigrasi" in text and "Desa binaan tanpa kegiatan" in text


def test_register_xlsx_masks_focal_point_phones(office: Store, tmp_path: Path) -> None:
    book = load_workbook(write_register_xlsx(office, tmp_path / "register.xlsx"))
    values = [str(v) for row in book["Desa Binaan"].iter_rows(values_only=True) for v in row]
    joined = " ".join(values)
    assert "Mulyadi Nasution — Kepala Desa — 0812-****-7890" in joined
    assert "3456" not in joined
