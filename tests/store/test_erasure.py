"""Erasing one person everywhere (UU PDP) blanks every record about them, history included."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from petugaspembina.documents.office import save_office_profile
from petugaspembina.documents.register import issue_for_session
from petugaspembina.store.db import connect
from petugaspembina.store.erasure import erase_person, erase_person_data
from petugaspembina.store.referrals import create_referral
from petugaspembina.store.signin import PersonEntry, sign_in
from petugaspembina.store.store import Store


def test_erase_person_everywhere(store: Store) -> None:
    session = store.write("sessions", {"title": "S", "date": "2026-11-22"})
    done = sign_in(
        store, session, entry=PersonEntry(full_name="Siti Rahasia", sex="P", nik="3201015302900001")
    )
    duplicate = store.write("people", {"full_name": "Siti R.", "merged_into": done.person_id})
    create_referral(
        store,
        done.person_id,
        {"risk_type": "korban_tppo", "narrative": "Cerita yang sangat pribadi"},
    )
    save_office_profile(  # a complete profile: the certificate is registered, not a draft
        store,
        {
            "letterhead": ["KANTOR IMIGRASI KELAS I TPI BENGKULU"],
            "address": "Jl. Raya No. 2",
            "city": "Bengkulu",
            "signatory_position": "Kepala Kantor",
            "signatory_name": "Budi Santoso",
            "signatory_nip": "197503152000031002",
        },
    )
    issue_for_session(store, session)
    keeper = store.write("people", {"full_name": "Orang Lain"})
    count = erase_person(store, done.person_id)
    assert count == 2 + 1 + 1 + 1 + 1 + 1  # 2 people, sign-in, referral, event, cert, cert event
    text = repr(store.rows("SELECT value FROM fv"))
    assert "Rahasia" not in text and "pribadi" not in text and "3201015302900001" not in text
    assert store.rows("SELECT full_name FROM people WHERE deleted = 0") == [
        {"full_name": "Orang Lain"}
    ]
    assert {duplicate, keeper} & {
        r["id"] for r in store.rows("SELECT id FROM people WHERE deleted = 0")
    } == {keeper}


def test_every_connection_zeroes_freed_space(db_path: Path) -> None:
    conn = connect(db_path)
    try:
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    finally:
        conn.close()


def _freed_bytes_left(conn: sqlite3.Connection, path: Path) -> bool:
    """Write a marker over several pages, delete it, and look for it in the file."""
    marker = b"RAHASIA-" + b"3201015302900001" * 4
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.executemany("INSERT INTO t VALUES (?)", [(marker + bytes([n]) * 500,) for n in range(40)])
    conn.execute("DELETE FROM t")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return marker in path.read_bytes()


def test_freed_pages_are_zeroed_where_sqlite_would_leave_them(tmp_path: Path) -> None:
    plain = sqlite3.connect(tmp_path / "bawaan.sqlite3", isolation_level=None)
    plain.execute("PRAGMA secure_delete = OFF")  # upstream SQLite's default
    assert _freed_bytes_left(plain, tmp_path / "bawaan.sqlite3"), "the search finds leftovers"
    assert not _freed_bytes_left(connect(tmp_path / "app.sqlite3"), tmp_path / "app.sqlite3")


def test_erasure_merges_the_search_index_and_empties_the_wal(store: Store) -> None:
    session = store.write("sessions", {"title": "S", "date": "2026-11-22"})
    person = sign_in(
        store, session, entry=PersonEntry(full_name="Siti Rahasia", sex="P", phone="081298765432")
    ).person_id
    for n in range(30):  # many index segments
        store.write("people", {"full_name": f"Peserta {n}"})
    assert (
        store.rows("SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH 'Rahasia'")[0]["n"]
        == 1
    )
    done = erase_person_data(store, person)
    assert done.file_clean and done.records == {"people": 1, "attendance": 1}
    index = b"".join(r["block"] for r in store.rows("SELECT block FROM people_fts_data"))
    # The trigram index keeps deleted terms in older segments until they are merged.
    assert [t for t in (b"rah", b"aha", b"has", b"asi", b"sia") if t in index] == []
    assert (
        store.rows("SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH 'Rahasia'")[0]["n"]
        == 0
    )
    assert store.path is not None
    wal = store.path.with_name(store.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    data = store.path.read_bytes()
    assert b"Siti Rahasia" not in data and b"81298765432" not in data  # stored +62…
