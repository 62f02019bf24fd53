"""Participant lists prepared by a village (CSV or XLSX): read, map columns, check every row,
say per row what the import will do (new person, returning person, skip and why), then import
all or nothing (bad-inputs row 29)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..core.enums import find_category
from ..core.ids import new_record_id
from ..core.text import name_key
from ..core.validation import is_minor
from .errors import InvalidInput
from .matching import find_matches, same_person
from .signin import NikTaken, PersonEntry, attendance_values, check_person, choose_match
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

        category = find_category(cell("category"))
        entry = PersonEntry(
            full_name=cell("full_name"),
            sex=cell("sex"),
            birth_year=cell("birth_year"),
            category=category.code if category else "",
            village_name=cell("village_name"),
            phone=cell("phone"),
            nik=cell("nik"),
            agency=cell("agency"),
            position=cell("position") or (category.position if category else ""),
        )
        checked = check_person(entry)
        if cell("category").strip() and not entry.category:
            checked.errors["category"] = f'Kategori "{cell("category")}" tidak dikenal.'
        for message in checked.errors.values():
            out.errors.append((number, message))
        if not checked.errors:
            out.entries.append((number, entry))
    return out


NEW, RETURNING, SKIP = "baru", "peserta lama", "lewati"


@dataclass(frozen=True, slots=True)
class RowPlan:
    """What the import does with one row: ``action`` is NEW, RETURNING or SKIP; ``reason`` says
    why in words for the officer; ``person_id`` is the returning person."""

    number: int
    action: str
    reason: str
    values: dict[str, Any]
    person_id: str | None = None


def plan_import(
    store: Store, checked: Checked, session_id: str | None = None, today: datetime | None = None
) -> list[RowPlan]:
    """Check every row against the people already recorded, the rows above it and the session's
    list, with the same matching as the sign-in form and the kiosk (store.matching)."""
    values = [check_person(entry).values for _, entry in checked.entries]
    found = find_matches(store, values)
    signed: set[str] = set()
    if session_id is not None:
        signed = {
            r["person_id"]
            for r in store.rows(
                """SELECT coalesce(p.merged_into, p.id) AS person_id
                   FROM attendance a JOIN people p ON p.id = a.person_id
                   WHERE a.session_id = ? AND a.deleted = 0""",
                (session_id,),
            )
        }
    moment = today or datetime.now(UTC)
    earlier: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}
    earlier_nik: dict[str, int] = {}
    taken: dict[str, int] = {}  # returning person → row that signs them in
    plans: list[RowPlan] = []
    for (number, _), row, matches in zip(checked.entries, values, found, strict=True):
        key = (name_key(row.get("full_name")), row.get("sex") or "")
        twin = earlier_nik.get(row.get("nik") or "") or next(
            (n for n, other in earlier.get(key, []) if same_person(row, other)), None
        )
        earlier.setdefault(key, []).append((number, row))
        if row.get("nik"):
            earlier_nik.setdefault(row["nik"], number)
        if twin is not None:
            plans.append(RowPlan(number, SKIP, f"orang yang sama dengan baris {twin}", row))
            continue
        try:
            person_id = choose_match(matches, "use")
        except NikTaken:
            plans.append(
                RowPlan(number, SKIP, "NIK sudah tercatat untuk orang lain (nama berbeda)", row)
            )
            continue
        if person_id is None:
            plan = RowPlan(number, NEW, "orang baru", row)
        elif person_id in taken:
            plan = RowPlan(number, SKIP, f"orang yang sama dengan baris {taken[person_id]}", row)
        elif person_id in signed:
            plan = RowPlan(number, SKIP, "sudah tercatat hadir di kegiatan ini", row, person_id)
        elif session_id is None:
            plan = RowPlan(
                number, RETURNING, "sudah tercatat; tidak ditambahkan lagi", row, person_id
            )
        else:
            plan = RowPlan(number, RETURNING, "pernah hadir; dicatat hadir", row, person_id)
        year = matches[0].hit.birth_year if person_id else row.get("birth_year")
        if session_id is not None and plan.action != SKIP and is_minor(year, moment.date()):
            plan = RowPlan(
                number,
                SKIP,
                "di bawah 18 tahun: catat di layar daftar hadir dengan persetujuan orang tua/wali",
                row,
            )
        if plan.person_id and plan.action != SKIP:
            taken[plan.person_id] = number
        plans.append(plan)
    return plans


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import did."""

    new: int
    returning: int
    skipped: int


def import_people(store: Store, checked: Checked, session_id: str | None = None) -> Imported:
    """Carry out the plan (made again inside the transaction, so it holds): add the new people
    and sign new and returning ones in to ``session_id`` if given; all or nothing."""
    if checked.errors:
        raise InvalidInput(f"{len(checked.errors)} baris bermasalah; perbaiki berkasnya dahulu.")
    moment = datetime.now(UTC)
    with store.transaction():
        if session_id is not None and not store.rows(
            "SELECT id FROM sessions WHERE id = ? AND deleted = 0", (session_id,)
        ):
            raise InvalidInput("Kegiatan tidak ditemukan.")
        plans = plan_import(store, checked, session_id, moment)
        edits: list[Edit] = []
        for plan in plans:
            person_id = plan.person_id
            if plan.action == NEW:
                person_id = new_record_id()
                edits.append(Edit("people", plan.values, person_id, new=True))
            if session_id is not None and person_id and plan.action != SKIP:
                edits.append(
                    Edit(
                        "attendance",
                        attendance_values(session_id, person_id, moment, "daftar"),
                        new_record_id(),
                        new=True,
                    )
                )
        store.write_many(edits)
    return Imported(
        sum(p.action == NEW for p in plans),
        sum(p.action == RETURNING for p in plans),
        sum(p.action == SKIP for p in plans),
    )
