"""``--self-test``: check that an installed (or frozen) app can do its core work; exit 0 or name what failed."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .core.records import Person
from .store import vault
from .store.store import Store

_PASSWORD = "uji-mandiri-sementara"  # the throwaway databases of the temporary folder only


def _open(path: Path) -> Store:
    """A self-test database, encrypted like the real one (set up on first use)."""
    if vault.key_for(path) is None:
        if vault.is_set_up(path):
            vault.unlock(path, _PASSWORD)
        else:
            vault.set_up(path, _PASSWORD)
    return Store.open(path)


def _store_round_trip(folder: Path) -> None:
    path = folder / "selftest.sqlite3"
    with _open(path) as store:
        rid = store.write("people", {"full_name": "Uji Mandiri", "sex": "P"})
        if store.get(Person, rid).full_name != "Uji Mandiri":
            raise AssertionError("nilai yang dibaca berbeda dari yang ditulis")
        cipher = store.conn.execute("PRAGMA cipher_version").fetchone()
    if not cipher or vault.is_plain(path) or b"Uji Mandiri" in path.read_bytes():
        raise AssertionError("basis data tidak terenkripsi (SQLCipher tidak termuat)")


def _regions(folder: Path) -> None:
    from . import regions

    if regions.lookup("17.71") is None:
        raise AssertionError("data wilayah tidak terbaca")


def _certificate(folder: Path) -> None:
    from .documents.certificates import render_certificates
    from .documents.office import save_office_profile
    from .documents.register import issue_for_session, verify_code

    with _open(folder / "selftest.sqlite3") as store:
        save_office_profile(  # a complete profile: a draft would only make an unnumbered preview
            store,
            {
                "letterhead": ["KANTOR IMIGRASI UJI MANDIRI"],
                "address": "Jl. Uji Mandiri No. 1",
                "city": "Bengkulu",
                "signatory_name": "Uji Mandiri",
                "signatory_nip": "197503152000031002",
                "signatory_position": "Kepala Kantor",
            },
        )
        session_id = store.write("sessions", {"title": "Uji Mandiri", "date": "2026-01-05"})
        person_id = store.rows("SELECT id FROM people LIMIT 1")[0]["id"]
        store.write("attendance", {"session_id": session_id, "person_id": person_id})
        doc, items = issue_for_session(store, session_id)
        out = render_certificates(doc, items, folder / "sertifikat.pdf")
        if out.stat().st_size < 1000 or not out.read_bytes().startswith(b"%PDF"):
            raise AssertionError("PDF sertifikat kosong atau rusak")
        if not verify_code(store, items[0].code).valid:
            raise AssertionError("kode verifikasi sertifikat tidak lolos")


def _bundle(folder: Path) -> None:
    from .store.queries import dump
    from .sync.exporter import export_bundle
    from .sync.importer import import_files

    with _open(folder / "selftest.sqlite3") as store:
        result = export_bundle(store, folder / "bundel.json", full=True)
        expected = dump(store)
    assert result.path is not None
    with _open(folder / "kantor.sqlite3") as office:
        report = import_files(office, [result.path], quarantine=folder / "q", backups=None)[0]
        if report.result != "imported" or dump(office) != expected:
            raise AssertionError(f"impor ulang bundel gagal: {report.message}")


def _sealed_bundle(folder: Path) -> None:
    """The enrolment both ways, then a bundle sealed to the office and opened there: the
    signing and sealing keys, HPKE, ML-KEM and the base64 codec all in the build."""
    from .store.queries import dump
    from .sync.exporter import export_bundle
    from .sync.importer import import_files
    from .sync.trust import (
        create_office_keys,
        device_key_file,
        enrol_file,
        office_key_file,
        write_key_file,
    )

    with _open(folder / "kantor-tersegel.sqlite3") as office:
        create_office_keys(office)
        write_key_file(office_key_file(office), folder / "kunci-kantor.json")
    with _open(folder / "selftest.sqlite3") as store:
        enrol_file(store, folder / "kunci-kantor.json")
        write_key_file(device_key_file(store), folder / "kunci-perangkat.json")
        result = export_bundle(store, folder / "tersegel.json", full=True)
        expected = dump(store)
    assert result.path is not None and result.sealed_to is not None
    with _open(folder / "kantor-tersegel.sqlite3") as office:
        enrol_file(office, folder / "kunci-perangkat.json")
        report = import_files(office, [result.path], quarantine=folder / "q2", backups=None)[0]
        if report.result != "imported" or dump(office) != expected:
            raise AssertionError(f"impor bundel tersegel gagal: {report.message}")


def _duplicates(folder: Path) -> None:
    from .sync.duplicates import find_duplicates

    with _open(folder / "selftest.sqlite3") as store:
        ids = {
            store.write(
                "people",
                {"full_name": name, "sex": "P", "birth_year": 1990, "region_code": "17.71.01.1001"},
            )
            for name in ("Siti Aminah Uji", "Siti Aminha Uji")
        }
        if not any({p.first_id, p.second_id} == ids for p in find_duplicates(store)):
            raise AssertionError("nama mirip tidak disarankan sebagai duplikat (rapidfuzz)")


def _main_window(folder: Path) -> None:
    from .gui.launch import show_offscreen_once

    show_offscreen_once(folder / "selftest.sqlite3")


CHECKS: list[tuple[str, Callable[[Path], None]]] = [
    ("basis data terenkripsi (tulis dan baca data)", _store_round_trip),
    ("data wilayah Kemendagri", _regions),
    ("sertifikat PDF dengan kode QR", _certificate),
    ("ekspor dan impor ulang bundel", _bundle),
    ("bundel tersegel ke kantor dan dibuka di sana", _sealed_bundle),
    ("saran duplikat peserta", _duplicates),
    ("jendela utama", _main_window),
]


def run_self_test() -> int:
    """Run every check in a temporary folder; print one line each; 0 when all pass."""
    failed = 0
    # The self-test shows the window offscreen: it must pass on a machine with no display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="pp-selftest-") as tmp:
        for name, check in CHECKS:
            try:
                check(Path(tmp))
            except Exception as exc:  # report every failure by name, then carry on
                failed += 1
                print(f"GAGAL  {name}: {exc}", file=sys.stderr)
            else:
                print(f"OK     {name}")
    return 1 if failed else 0
