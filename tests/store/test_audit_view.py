"""The audit log as people read it: who, what, when, which record and fields; filters; the CSV
for an inspection; and never a participant's name, NIK or phone (docs/security.md)."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.demo import generate
from petugaspembina.documents.spreadsheet import write_csv_file
from petugaspembina.erase import erase_everywhere
from petugaspembina.paths import app_paths
from petugaspembina.profile import create_profile
from petugaspembina.store.audit_view import (
    CSV_HEADERS,
    AuditFilter,
    audit_actions,
    audit_actors,
    audit_count,
    audit_entries,
    audit_first_day,
    audit_tables,
    csv_rows,
)
from petugaspembina.store.referrals import create_referral
from petugaspembina.store.signin import PersonEntry, sign_in
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.importer import import_files

NAME, NIK, PHONE = "Siti Rahasiawati", "3201015302900001", "081298765432"


@pytest.fixture
def office(tmp_path: Path) -> Store:
    """A database with local work, an import from an officer's laptop, and an erasure."""
    with Store.open(tmp_path / "hp.sqlite3") as laptop:
        create_profile(laptop, "Siti Aminah", "199001012015052001", "Kanim Bogor", None)
        generate(laptop, seed=3, sessions=2)
        bundle = export_bundle(laptop, tmp_path / "b1.json", plain=True).path
    assert bundle is not None
    store = Store.open(tmp_path / "kantor.sqlite3")
    create_profile(store, "Budi Santoso", "198609262015051001", "Kanim Bogor", None)
    import_files(store, [bundle], quarantine=tmp_path / "q", backups=None)
    session = store.write("sessions", {"title": "Sosialisasi", "date": "2026-11-22"})
    person = sign_in(
        store, session, entry=PersonEntry(full_name=NAME, sex="P", nik=NIK, phone=PHONE)
    ).person_id
    create_referral(store, person, {"risk_type": "korban_tppo", "narrative": "Cerita pribadi"})
    store.write("people", {"phone": "081311112222"}, person)
    erase_everywhere(store, person, app_paths(tmp_path / "home"))
    return store


def participant_values(store: Store) -> set[str]:
    """Every name, NIK and phone a participant ever had here, the erased person's included."""
    officers = {r["name"] for r in store.rows("SELECT name FROM officers")}
    values = {NAME, NIK, PHONE[1:], "81311112222"}  # phones are stored +62…: the digits
    for row in store.rows("SELECT full_name, nik, phone FROM people"):
        values |= {v for v in row.values() if v and v not in officers}
    return values


def test_entries_say_who_did_what_on_which_record_and_fields(office: Store) -> None:
    entries = audit_entries(office)
    assert [e.id for e in entries] == sorted((e.id for e in entries), reverse=True)
    local = next(e for e in entries if e.action == "update" and e.table == "people")
    assert local.actor == "Budi Santoso" and local.device_id == office.device_id
    assert local.action_label == "Ubah" and local.table_label == "Peserta"
    assert local.fields == "No. HP"  # the field, not its value
    imported = next(e for e in entries if e.action == "import")
    assert imported.actor == "Siti Aminah" and imported.device_id != office.device_id
    assert "versi baru" in imported.fields
    erased = [e for e in entries if e.action == "erase"]
    assert {e.table for e in erased} == {"people", "attendance", "referrals", "referral_events"}
    assert entries[0].action == "erase-files" and entries[0].action_label.startswith("Hapus")


def test_filters_by_actor_action_kind_and_days(office: Store) -> None:
    everything = audit_count(office)
    assert everything == len(audit_entries(office)) > 10
    [me, laptop] = audit_actors(office)
    assert (me.device_id, me.name, laptop.name) == (office.device_id, "Budi Santoso", "Siti Aminah")
    theirs = audit_entries(office, AuditFilter(device_id=laptop.device_id))
    assert [e.action for e in theirs] == ["import"]
    assert ("erase", "Hapus permanen (UU PDP)") in audit_actions(office)
    assert ("people", "Peserta") in audit_tables(office)
    people = audit_entries(office, AuditFilter(table="people", action="create"))
    assert people and all(e.table == "people" and e.action == "create" for e in people)
    today = datetime.now(UTC).astimezone().date()
    assert audit_first_day(office) == today
    assert audit_count(office, AuditFilter(since=today, until=today)) == everything
    tomorrow = today + timedelta(days=1)
    assert audit_count(office, AuditFilter(since=tomorrow)) == 0
    assert audit_count(office, AuditFilter(until=today - timedelta(days=1))) == 0
    assert len(audit_entries(office, AuditFilter(), limit=3)) == 3


def test_an_empty_log_has_no_first_day(tmp_path: Path) -> None:
    with Store.open(tmp_path / "x.sqlite3") as store:
        store.conn.execute("DELETE FROM audit")
        assert audit_first_day(store) is None and audit_entries(store) == []


def test_csv_holds_every_entry_with_codes_and_labels(office: Store, tmp_path: Path) -> None:
    entries = audit_entries(office)
    target = write_csv_file(tmp_path / "audit.csv", [CSV_HEADERS, *csv_rows(entries)])
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == CSV_HEADERS and len(rows) == len(entries) + 1
    first = dict(zip(CSV_HEADERS, rows[1], strict=True))
    assert first["Kode tindakan"] == "erase-files" and first["Sumber"] == "lokal"
    assert first["Waktu (UTC)"].endswith("Z") and first["Perangkat"] == office.device_id
    imported = next(r for r in rows if r[5] == "import")
    assert imported[2] == "Siti Aminah" and len(imported[9]) == 36  # the bundle id


def test_no_entry_or_csv_line_holds_a_participant_value(office: Store, tmp_path: Path) -> None:
    values = participant_values(office)
    assert len(values) > 20
    entries = audit_entries(office)
    raw = "\n".join(repr(r) for r in office.rows("SELECT * FROM audit"))
    target = write_csv_file(tmp_path / "audit.csv", [CSV_HEADERS, *csv_rows(entries)])
    text = target.read_text(encoding="utf-8-sig")
    shown = "\n".join(repr(e) for e in entries)
    for value in values:
        assert value not in raw and value not in text and value not in shown, value


def test_audit_command_writes_the_csv_and_refuses_bad_dates(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    with Store.open(db) as store:
        create_profile(store, "Budi Santoso", "198609262015051001", "Kanim Bogor", None)
        store.write("people", {"full_name": NAME, "nik": NIK})
    out = tmp_path / "audit.csv"
    today = date.today().isoformat()

    def run(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(main, ["--db", str(db), "audit", *args])
        return result.exit_code, result.stdout, result.stderr

    code, stdout, _ = run("--since", today, "--csv", str(out))
    assert code == 0 and "catatan audit ditulis" in stdout
    assert NAME not in out.read_text(encoding="utf-8-sig")
    code, stdout, _ = run("--json", "--action", "create", "--table", "people")
    [entry] = json.loads(stdout)
    assert code == 0 and entry["actor"] == "Budi Santoso" and entry["action_label"] == "Buat"
    assert NAME not in stdout and NIK not in stdout
    code, stdout, _ = run("--table", "people")
    assert code == 0 and "Peserta" in stdout and NAME not in stdout and "Nama" in stdout
    code, _, err = run("--since", "kemarin")
    assert code == 1 and "--since harus tanggal YYYY-MM-DD" in err
    code, _, err = run("--since", "2026-11-22", "--until", "2026-11-01")
    assert code == 1 and "--since harus sebelum --until" in err
    code, _, err = run("--csv", str(tmp_path / "tidak-ada" / "a.csv"))
    assert code == 1 and "tidak dapat ditulis" in err
