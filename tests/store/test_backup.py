"""Backups through the SQLite backup API, rotation, and restore that keeps the damaged file."""

from __future__ import annotations

from pathlib import Path

from petugaspembina.store.backup import backup, is_good, list_backups, newest_good_backup, restore
from petugaspembina.store.queries import dump
from petugaspembina.store.store import Store


def test_backup_and_restore(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "backups"
    with Store.open(db_path) as store:
        store.write("people", {"full_name": "Sri Wulan"})
        saved = backup(store.conn, folder, "harian")
        expected = dump(store)
        store.write("people", {"full_name": "Titin"})
    assert is_good(saved) and "harian" in saved.name and "Sri" not in saved.name
    db_path.write_bytes(b"broken" * 1000)
    good = newest_good_backup(folder)
    assert good is not None and good.path == saved
    kept = restore(good.path, db_path)
    assert kept is not None and kept.read_bytes() == b"broken" * 1000
    with Store.open(db_path) as store:
        assert dump(store) == expected


def test_rotation_keeps_the_newest(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "backups"
    daily = backup(store.conn, folder, "harian", keep=3)
    made = [backup(store.conn, folder, "manual", keep=3) for i in range(5)]
    names = [b.path for b in list_backups(folder) if b.reason == "manual"]
    assert names == list(reversed(made[-3:]))
    assert daily.exists(), "rotation stays within one reason"


def test_damaged_backup_is_skipped(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "backups"
    older = backup(store.conn, folder, "a")
    newer = backup(store.conn, folder, "b")
    newer.write_bytes(b"x" * 4096)
    found = newest_good_backup(folder)
    assert found is not None and found.path == older
