"""A damaged database at start-up: said so, the newest good backup offered, nothing overwritten;
the full check runs in the background and takes the daily backup."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from petugaspembina.gui import messages
from petugaspembina.gui.integrity import check_in_background, offer_backup
from petugaspembina.store.backup import backup, list_backups
from petugaspembina.store.queries import dump
from petugaspembina.store.store import Store


def test_offer_backup_restores_and_keeps_the_damaged_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, backups = tmp_path / "data.sqlite3", tmp_path / "backups"
    with Store.open(db) as store:
        store.write("people", {"full_name": "Tersimpan"})
        backup(store.conn, backups, "harian")
        expected = dump(store)
    db.write_bytes(b"rusak" * 2000)
    damaged = hashlib.sha256(db.read_bytes()).hexdigest()
    shown: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda p, t, text: shown.append(text) or False)
    assert not offer_backup(None, db, backups, "Berkas rusak.")
    assert "Pulihkan dari cadangan terbaru" in shown[0]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == damaged  # "Tidak": untouched
    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    monkeypatch.setattr(messages, "inform", lambda p, t, text: shown.append(text))
    assert offer_backup(None, db, backups, "Berkas rusak.")
    kept = next(tmp_path.glob("data.sqlite3.rusak-*"))
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == damaged
    with Store.open(db) as store:
        assert dump(store) == expected


def test_no_good_backup_is_said_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda p, t, text: shown.append(text))
    assert not offer_backup(None, tmp_path / "x.sqlite3", tmp_path / "none", "Rusak.")
    assert "Tidak ada cadangan yang baik" in shown[0]


def test_background_check_takes_the_daily_backup(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    db, backups = tmp_path / "data.sqlite3", tmp_path / "backups"
    with Store.open(db) as store:
        store.write("people", {"full_name": "A"})
    parent = QWidget()
    qtbot.addWidget(parent)
    damaged: list[str] = []
    check_in_background(parent, db, backups, damaged.append)
    qtbot.waitUntil(lambda: len(list_backups(backups)) == 1, timeout=10_000)
    assert damaged == []
