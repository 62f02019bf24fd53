"""Participant lists prepared by a village (CSV or XLSX): read, map columns, check every row,
import all or nothing (bad-inputs row 29)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.enums import ParticipantCategory
from .errors import InvalidInput
from .signin import PersonEntry, check_person, sign_in
from .store import Edit, Store

MAX_ROWS = 20_000
FIELDS = {
    "full_name": "Nama",
    "sex": "Jenis kelamin (L/P)",
    "birth_year": "Tahun lahir",
    "village_name": "Desa/Kelurahan",
    "phone": "No. HP",
    "nik": "NIK",
    "category": "Kategori",
    "agency": "Instansi",
    "position": "Jabatan",
}
_HEADER_WORDS = {
    "full_name": ("nama lengkap", "nama peserta", "nama"),
    "sex": ("jenis kelamin", "l/p", "jk", "kelamin", "gender"),
    "birth_year": ("tahun lahir", "thn lahir", "lahir"),
    "village_name": ("desa", "kelurahan", "alamat"),
    "phone": ("no. hp", "no hp", "hp", "telepon", "telp", "wa"),
    "nik": ("nik", "no. ktp", "ktp"),
    "category": ("kategori", "unsur"),
    "agency": ("instansi", "lembaga"),
    "position": ("jabatan",),
}


@dataclass(slots=True)
class Table:
    """A read file: header cells and data rows with their row numbers in the file."""

    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)


_NOT_A_LIST = (
    "Berkas {0} bukan daftar CSV atau XLSX yang dapat dibaca. Buka di Excel, lalu simpan "
    "sebagai CSV atau XLSX."
)


def read_table(path: Path) -> Table:
    """Read the first sheet of an XLSX, or a CSV (comma, semicolon or tab; UTF-8 or Windows-1252)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raw = path.read_bytes()
    if b"\x00" in raw[:65536]:  # a spreadsheet, picture or program, not text (bad-inputs row 29)
        raise InvalidInput(_NOT_A_LIST.format(path.name))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel on Windows saves CSV this way
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        records = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise InvalidInput(_NOT_A_LIST.format(path.name)) from exc
    return _table(records)


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InvalidInput(f"Berkas Excel tidak dapat dibaca: {path.name}.") from exc
    sheet = book.worksheets[0]
    records = [
        ["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)
    ]
    book.close()
    return _table(records)


def _table(records: list[list[str]]) -> Table:
    index = next((i for i, r in enumerate(records) if any(c.strip() for c in r)), None)
    if index is None:
        raise InvalidInput("Berkas kosong.")
    table = Table([c.strip() for c in records[index]])
    for number, row in enumerate(records[index + 1 :], start=index + 2):
        if any(c.strip() for c in row):
            table.rows.append((number, [c.strip() for c in row]))
    if len(table.rows) > MAX_ROWS:
        raise InvalidInput(f"Terlalu banyak baris ({len(table.rows)}); paling banyak {MAX_ROWS}.")
    return table


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Which column holds which field, from usual Indonesian headers."""
    mapping: dict[str, int] = {}
    normal = [re.sub(r"\s+", " ", h.lower()).strip() for h in headers]
    for name, words in _HEADER_WORDS.items():
        for word in words:
            found = next(
                (
                    i
                    for i, h in enumerate(normal)
                    if h == word or (h.startswith(word) and i not in mapping.values())
                ),
                None,
            )
            if found is not None:
                mapping[name] = found
                break
    return mapping


_CATEGORIES = {c.label.lower(): c.value for c in ParticipantCategory} | {
    c.value: c.value for c in ParticipantCategory
}


@dataclass(slots=True)
class Checked:
    """Rows ready to import and the problems that stop it (row number, message)."""

    entries: list[tuple[int, PersonEntry]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


def check_rows(table: Table, mapping: dict[str, int]) -> Checked:
    """Validate every row with the sign-in rules; errors carry the file's row numbers."""
    if "full_name" not in mapping:
        raise InvalidInput("Pilih kolom yang berisi nama.")
    out = Checked()
    for number, row in table.rows:

        def cell(name: str, row: list[str] = row) -> str:
            index = mapping.get(name)
            return row[index] if index is not None and index < len(row) else ""

        category = cell("category").lower()
        entry = PersonEntry(
            full_name=cell("full_name"),
            sex=cell("sex"),
            birth_year=cell("birth_year"),
            category=_CATEGORIES.get(category, "") if category else "",
            village_name=cell("village_name"),
            phone=cell("phone"),
            nik=cell("nik"),
            agency=cell("agency"),
            position=cell("position"),
        )
        checked = check_person(entry)
        if category and not entry.category:
            checked.errors["category"] = f'Kategori "{cell("category")}" tidak dikenal.'
        for message in checked.errors.values():
            out.errors.append((number, message))
        if not checked.errors:
            out.entries.append((number, entry))
    return out


def import_people(store: Store, checked: Checked, session_id: str | None = None) -> int:
    """Add the people (signed in to ``session_id`` if given) in one transaction; all or nothing."""
    if checked.errors:
        raise InvalidInput(f"{len(checked.errors)} baris bermasalah; perbaiki berkasnya dahulu.")
    with store.transaction():
        if session_id is None:
            store.write_many([Edit("people", check_person(e).values) for _, e in checked.entries])
        else:
            for number, entry in checked.entries:
                try:
                    sign_in(store, session_id, entry=entry, via="daftar")
                except InvalidInput as exc:
                    raise InvalidInput(f"Baris {number}: {exc}") from exc
    return len(checked.entries)
