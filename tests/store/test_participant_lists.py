"""Participant lists from villages (bad-inputs row 29): mapping, row-numbered errors, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from petugaspembina.store.errors import InvalidInput
from petugaspembina.store.participant_lists import (
    Imported,
    check_rows,
    guess_mapping,
    import_people,
    read_table,
)
from petugaspembina.store.signin import session_sign_ins
from petugaspembina.store.store import Store


def write_csv(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "daftar.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_semicolons_windows_1252_and_empty_rows(tmp_path: Path, store: Store) -> None:
    path = write_csv(
        tmp_path,
        "Nama Lengkap;L/P;Tahun Lahir;Desa;No HP\r\n"
        "Siti Aminah;P;1990;Pagar Dewa;0812-3456-7890\r\n;;;;\r\n"
        "José Ramírez;L;1985;Pagar Dewa;\r\n",
        encoding="cp1252",
    )
    table = read_table(path)
    mapping = guess_mapping(table.headers)
    assert mapping == {"full_name": 0, "sex": 1, "birth_year": 2, "village_name": 3, "phone": 4}
    checked = check_rows(table, mapping)
    assert checked.errors == [] and [n for n, _ in checked.entries] == [2, 4]
    assert import_people(store, checked) == Imported(new=2, returning=0, skipped=0)
    names = {r["full_name"] for r in store.rows("SELECT full_name FROM people")}
    assert names == {"Siti Aminah", "José Ramírez"}


def test_bad_rows_are_listed_by_number_and_nothing_is_imported(
    tmp_path: Path, store: Store
) -> None:
    path = write_csv(
        tmp_path,
        "nama,jenis kelamin,tahun lahir,nik\n"
        "Budi,L,1980,\n,L,1980,\nDewi,X,1990,\nEko,L,2099,\nFitri,P,1995,123\n",
    )
    checked = check_rows(read_table(path), guess_mapping(read_table(path).headers))
    assert [n for n, _ in checked.errors] == [3, 4, 5, 6]
    assert "Nama wajib" in checked.errors[0][1] and "NIK" in checked.errors[3][1]
    with pytest.raises(InvalidInput, match="4 baris bermasalah"):
        import_people(store, checked)
    assert store.rows("SELECT count(*) AS n FROM people") == [{"n": 0}]


def test_wrong_columns_and_empty_files(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path, "kolom1,kolom2\na,b\n"))
    with pytest.raises(InvalidInput, match="kolom yang berisi nama"):
        check_rows(table, guess_mapping(table.headers))
    with pytest.raises(InvalidInput, match="kosong"):
        read_table(write_csv(tmp_path, "\n\n"))


def test_xlsx_and_ten_thousand_rows_into_a_session(tmp_path: Path, store: Store) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Nama", "JK", "Tahun Lahir", "Kategori"])
    for index in range(10_000):
        sheet.append([f"Peserta {index}", "LP"[index % 2], 1960 + index % 40, "Calon PMI"])
    path = tmp_path / "daftar.xlsx"
    book.save(path)
    table = read_table(path)
    checked = check_rows(table, guess_mapping(table.headers))
    assert not checked.errors and len(checked.entries) == 10_000
    session = store.write("sessions", {"title": "Pra-daftar", "date": "2026-12-01"})
    small = type(checked)(checked.entries[:50], [])
    assert import_people(store, small, session).new == 50
    rows = session_sign_ins(store, session)
    assert len(rows) == 50 and rows[0].category == "calon_pmi"


def test_ibu_rumah_tangga_and_irt_are_read_as_masyarakat_umum_with_the_occupation(
    tmp_path: Path, store: Store
) -> None:
    path = write_csv(
        tmp_path,
        "nama,jk,kategori,jabatan\n"
        "Wartini,P,Ibu Rumah Tangga,\nSumarni,P,IRT,\nRatna,P,ibu rumah tangga,Kader PKK\n",
    )
    checked = check_rows(read_table(path), guess_mapping(read_table(path).headers))
    assert checked.errors == []
    assert [(e.category, e.position) for _, e in checked.entries] == [
        ("masyarakat", "Ibu Rumah Tangga"),
        ("masyarakat", "Ibu Rumah Tangga"),
        ("masyarakat", "Kader PKK"),  # a position given in the file is kept
    ]


def test_an_unknown_category_in_a_list_is_named_with_its_row(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "nama,jk,kategori\nBudi,L,Kader Posyandu\n")
    checked = check_rows(read_table(path), guess_mapping(read_table(path).headers))
    assert checked.errors == [(2, 'Kategori "Kader Posyandu" tidak dikenal.')]


def test_a_common_village_occupation_in_a_list_is_counted_as_masyarakat_umum(
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path, "nama,jk,kategori\nBudi,L,Nelayan\nAgus,L,petani\nRina,P,mahasiswa\n"
    )
    checked = check_rows(read_table(path), guess_mapping(read_table(path).headers))
    assert checked.errors == []
    assert [(e.category, e.position) for _, e in checked.entries] == [
        ("masyarakat", "Nelayan"),
        ("masyarakat", "Petani"),
        ("pelajar", ""),
    ]
