"""Sign-ins typed from a paper daftar hadir: the session's time, the ``transcribed`` flag, the
migration that adds it, and the flag merging across two devices through bundles."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from petugaspembina.core.records import Attendance
from petugaspembina.store.queries import dump
from petugaspembina.store.signin import PersonEntry, session_moment, session_sign_ins, sign_in
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.importer import import_files

FIXTURES = Path(__file__).parent.parent / "fixtures"
NOW = datetime(2026, 11, 23, 7, 45, tzinfo=UTC)  # typed the day after the session


def _import(store: Store, bundle: Path | None) -> None:
    quarantine = bundle.parent / "karantina"
    [report] = import_files(store, [bundle], quarantine=quarantine, backups=None)
    assert report.result == "imported", report.message


def _session(store: Store, **values: object) -> str:
    base: dict[str, object] = {"title": "Sosialisasi", "date": "2026-11-22"}
    return store.write("sessions", {**base, **values})


def test_transcribed_sign_in_takes_the_session_time_not_now(store: Store) -> None:
    session = _session(store, start_time="09:30", time_zone="WITA")
    done = sign_in(
        store,
        session,
        entry=PersonEntry(full_name="Siti Aminah", sex="P"),
        now=NOW,
        transcribed=True,
    )
    row = store.get(Attendance, done.attendance_id)
    assert row.signed_at == "2026-11-22T01:30:00Z"  # 09:30 WITA is 01:30 UTC
    assert row.transcribed is True
    assert [s.transcribed for s in session_sign_ins(store, session)] == [True]


def test_transcribed_sign_in_without_start_time_takes_the_session_day(store: Store) -> None:
    session = _session(store, time_zone="WIT")
    done = sign_in(
        store, session, entry=PersonEntry(full_name="Budi", sex="L"), now=NOW, transcribed=True
    )
    # Midnight of the session's day on its wall clock (WIT is UTC+9).
    assert store.get(Attendance, done.attendance_id).signed_at == "2026-11-21T15:00:00Z"


def test_live_sign_in_keeps_now_and_writes_no_transcribed_version(store: Store) -> None:
    session = _session(store, start_time="09:30")
    done = sign_in(store, session, entry=PersonEntry(full_name="Rudi", sex="L"), now=NOW)
    row = store.get(Attendance, done.attendance_id)
    assert row.signed_at == "2026-11-23T07:45:00Z" and row.transcribed is False
    versions = store.rows(
        "SELECT field FROM fv WHERE tbl = 'attendance' AND rid = ?", (done.attendance_id,)
    )
    assert "transcribed" not in {v["field"] for v in versions}


def test_session_moment_reads_the_wall_clock_of_the_zone() -> None:
    assert session_moment("2026-11-22", "08:00", "WIB") == datetime(2026, 11, 22, 1, tzinfo=UTC)
    assert session_moment("2026-11-22", "08:00:00", None) == datetime(2026, 11, 22, 1, tzinfo=UTC)
    assert session_moment(None, "08:00", "WIB") is None
    assert session_moment("bukan tanggal", None, "WIB") is None


def test_typed_order_is_kept_among_sign_ins_with_one_time(store: Store) -> None:
    session = _session(store, start_time="09:00")
    names = ["Ani", "Zainal", "Bambang", "Citra", "Dedi"]
    for name in names:
        sign_in(store, session, entry=PersonEntry(full_name=name, sex="L"), transcribed=True)
    assert [s.full_name for s in session_sign_ins(store, session)] == names


def test_database_from_before_the_flag_gets_the_column(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "office-m004.sqlite3", db)
    with Store.open(db) as store:
        columns = {r["name"] for r in store.rows("PRAGMA table_info(attendance)")}
        assert "transcribed" in columns
        session = store.rows("SELECT id FROM sessions WHERE deleted = 0 LIMIT 1")[0]["id"]
        old = session_sign_ins(store, session)
        assert old and not any(s.transcribed for s in old)  # no version: not transcribed
        done = sign_in(
            store,
            session,
            entry=PersonEntry(full_name="Orang Baru Kertas", sex="P"),
            transcribed=True,
            matches="new",
        )
        assert store.get(Attendance, done.attendance_id).transcribed


def test_transcribed_flag_merges_across_two_devices(tmp_path: Path) -> None:
    """Officer A types a paper list; the office B receives it, and each side then corrects a
    different field of one sign-in: after both bundles travel both sides hold the same."""
    a_path, b_path = tmp_path / "a.db", tmp_path / "b.db"
    with Store.open(a_path) as a:
        session = _session(a, start_time="10:00")
        first = sign_in(a, session, entry=PersonEntry(full_name="Siti", sex="P"), transcribed=True)
        second = sign_in(a, session, entry=PersonEntry(full_name="Rudi", sex="L"), transcribed=True)
        bundle = export_bundle(a, tmp_path / "a1.json").path
    with Store.open(b_path) as b:
        _import(b, bundle)
        assert [s.transcribed for s in session_sign_ins(b, session)] == [True, True]
        assert b.get(Attendance, first.attendance_id).signed_at == "2026-11-22T03:00:00Z"
        # The office learns Rudi signed on the screen after all: the flag is taken off there.
        b.write("attendance", {"transcribed": False}, second.attendance_id)
        back = export_bundle(b, tmp_path / "b1.json").path
    with Store.open(a_path) as a:
        a.write("attendance", {"consent_photo": True}, second.attendance_id)
        _import(a, back)
        again = export_bundle(a, tmp_path / "a2.json").path
        a_dump = dump(a)
        row = a.get(Attendance, second.attendance_id)
        assert row.transcribed is False and row.consent_photo is True
    with Store.open(b_path) as b:
        _import(b, again)
        assert dump(b) == a_dump
        assert b.rows("SELECT count(*) AS n FROM heads WHERE conflict = 1")[0]["n"] == 0


def test_numbers_of_paper_sign_ins_stay_when_later_people_sign_in(store: Store) -> None:
    """People sign in before the session's start time; the paper list is typed in between: the
    numbers seen after each sign-in never change afterwards, and the daftar hadir agrees."""
    from petugaspembina.documents.data import session_document

    session = _session(store, start_time="09:00", time_zone="WIB")  # 02:00 UTC
    early = datetime(2026, 11, 22, 1, 40, tzinfo=UTC)  # 08:40 WIB, before the start
    seen: dict[str, int] = {}

    def add(name: str, **how: object) -> None:
        done = sign_in(store, session, entry=PersonEntry(full_name=name, sex="L"), **how)  # type: ignore[arg-type]
        numbers = {s.attendance_id: s.number for s in session_sign_ins(store, session)}
        for attendance_id, number in seen.items():
            assert numbers[attendance_id] == number, name  # nothing seen before moved
        seen[done.attendance_id] = numbers[done.attendance_id]
        assert seen[done.attendance_id] == len(seen)  # the new one takes the next number

    add("Ani", now=early)
    add("Budi", transcribed=True)  # signed 09:00 on paper, typed at 08:45
    add("Citra", transcribed=True)
    add("Dedi", now=datetime(2026, 11, 22, 1, 50, tzinfo=UTC))  # 08:50, before the paper time
    add("Eka", now=datetime(2026, 11, 22, 3, 0, tzinfo=UTC))
    add("Fajar", transcribed=True)
    names = [s.full_name for s in session_sign_ins(store, session)]
    assert names == ["Ani", "Budi", "Citra", "Dedi", "Eka", "Fajar"]
    sheet = session_document(store, session)
    assert [a.person.full_name for a in sheet.attendees] == names  # the PDF numbers the same
