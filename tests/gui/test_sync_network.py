"""Journeys at 1366×768 on the Sinkronisasi tab: an officer's outbox going waiting → sent →
confirmed with "Kirim sekarang" against a real inbox server; a clerk starting and stopping the
office inbox from the window."""

from __future__ import annotations

import json
import os
import ssl
import urllib.request
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from petugaspembina.gui.main_window import MainWindow
from petugaspembina.paths import app_paths
from petugaspembina.store.store import Store
from petugaspembina.sync import outbox
from sync.netlab import NIPS, Office, Officer


def _window(qtbot: QtBot, db: Path, home: Path) -> MainWindow:
    shown = MainWindow(Store.open(db), paths=app_paths(home))
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    shown.tabs.setCurrentWidget(shown.sync_view)
    return shown


def _statuses(window: MainWindow) -> list[str]:
    table = window.sync_view.outbox_panel.table
    return [table.item(row, 2).text() for row in range(table.rowCount())]


def test_officer_outbox_waiting_sent_confirmed(qtbot: QtBot, tmp_path: Path, home: Path) -> None:
    office = Office(tmp_path)
    siti = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=3, sessions=1)
    office.enrol(siti)
    server = office.server("--wait", "1").start()
    clerk = Store.open(office.db)
    try:
        with Store.open(siti.db) as store:
            store.set_setting("inbox_url", server.url)
        window = _window(qtbot, siti.db, home)
        panel = window.sync_view.outbox_panel
        assert panel.isVisible() and window.size().width() == 1366
        assert not window.sync_view.inbox_control.isVisible()  # type: ignore[union-attr]
        assert panel.table.rowCount() == 0
        # Written to a stick first: the office copy waits in the outbox.
        with Store.open(siti.db) as store:
            from petugaspembina.sync.exporter import export_bundles

            stick = tmp_path / "stick"
            stick.mkdir()
            export_bundles(store, stick, outbox_dir=app_paths(home).outbox)
        panel.reload()
        # One file, one row, counted once by its least advanced destination; its two
        # destinations are lines of the Tujuan cell, each with its own status.
        assert _statuses(window) == ["belum dikirim"]
        [places] = [panel.table.item(0, 1).text()]
        assert sorted(places.splitlines()) == sorted(
            [
                f"{server.url} — menunggu",
                f"{stick.resolve()} — ditulis ke folder, menunggu tanda terima",
            ]
        )
        assert "Belum dikirim 1 · menunggu tanda terima 0" in panel.summary.text()
        # The office is busy with a long job: the upload is held there, not yet confirmed.
        clerk.conn.execute("BEGIN IMMEDIATE")
        panel.send_button.click()
        qtbot.waitUntil(lambda: panel.send_button.isEnabled(), timeout=30_000)
        assert _statuses(window) == ["menunggu tanda terima"]  # the inbox holds it now
        # Exported is not delivered: the status bar does not say "all sent" yet.
        assert "1 berkas belum dikonfirmasi kantor" in window.status.text()
        clerk.conn.execute("ROLLBACK")
        # Once the office is free the window's automatic try (every minute, no dialog) asks for
        # the receipt; the signed receipt confirms both copies.
        qtbot.waitUntil(lambda: office.imported() != [], timeout=30_000)
        assert panel.timer.isActive() and panel.timer.interval() == 60_000
        panel.timer.timeout.emit()
        qtbot.waitUntil(lambda: "dikonfirmasi 1" in panel.summary.text(), timeout=30_000)
        assert set(_statuses(window)) == {"dikonfirmasi kantor"}, panel.summary.text()
        assert "dikonfirmasi 1" in panel.summary.text()
        with Store.open(siti.db) as store:
            assert {e.status for e in outbox.entries(store)} == {"confirmed"}
        window.grab().save(str(Path(os.environ.get("NET14_SHOTS", tmp_path)) / "outbox.png"))
        window.close()
    finally:
        if clerk.conn.in_transaction:
            clerk.conn.execute("ROLLBACK")
        clerk.close()
        server.stop()


def test_clerk_starts_and_stops_the_inbox(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = Office(tmp_path)
    window = _window(qtbot, office.db, home)
    # As in the field: the password was typed into the window, not set in the environment; the
    # inbox process gets the unlocked key from the window.
    monkeypatch.delenv("PETUGASPEMBINA_PASSWORD", raising=False)
    control = window.sync_view.inbox_control
    assert control is not None and control.isVisible()
    assert not window.sync_view.outbox_panel.isVisible()
    assert control.status.text() == "Mati."
    control.port.setValue(0)
    control.button.click()
    qtbot.waitUntil(lambda: control.url != "", timeout=30_000)
    assert control.url.startswith("https://") and control.url in control.status.text()
    assert control.button.text().replace("&", "") == "Hentikan kotak masuk"
    window.grab().save(str(Path(os.environ.get("NET14_SHOTS", tmp_path)) / "inbox.png"))
    port = control.url.rsplit(":", 1)[1]
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with urllib.request.urlopen(f"https://127.0.0.1:{port}/v1/health", context=context) as answer:
        assert json.loads(answer.read())["status"] == "ok"
    control.button.click()
    qtbot.waitUntil(lambda: control.process is None, timeout=20_000)
    assert control.status.text() == "Dihentikan."
    assert control.button.text().replace("&", "") == "Mulai kotak masuk"
    window.close()


def test_officer_types_the_office_address_and_sends_photos(
    qtbot: QtBot, tmp_path: Path, home: Path
) -> None:
    from petugaspembina.core.imaging import prepare_photo
    from petugaspembina.store.photos import add_photo
    from photos.imagegen import phone_jpeg

    office = Office(tmp_path)
    siti = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=3, sessions=1)
    office.enrol(siti)
    with Store.open(siti.db) as store:
        session = store.rows("SELECT id FROM sessions")[0]["id"]
        add_photo(store, session, prepare_photo(phone_jpeg(800, 600, seed=4)))
    server = office.server("--wait", "5").start()
    try:
        window = _window(qtbot, siti.db, home)
        panel = window.sync_view.outbox_panel
        # No address yet: said in the window's words (no command-line flag), nothing sent.
        assert panel.address.text() == "" and panel.address.placeholderText()
        panel.send_button.click()
        assert "Isi alamat kotak masuk kantor dulu" in panel.summary.text()
        assert "--to" not in panel.summary.text() and panel.table.rowCount() == 0
        panel.address.setText("http://127.0.0.1:1")
        panel.send_button.click()
        assert "Alamat tidak sah" in panel.summary.text()
        # The address the office's inbox showed: typed once, remembered, bundle and photos go.
        panel.address.setText(server.url)
        panel.send_button.click()
        qtbot.waitUntil(lambda: "dikonfirmasi 2" in panel.summary.text(), timeout=30_000)
        names = [panel.table.item(row, 0).text() for row in range(panel.table.rowCount())]
        assert names == ["Berkas foto #1", "Bundel #1"]
        assert set(_statuses(window)) == {"dikonfirmasi kantor"}
        assert "Semua rekaman sudah dikirim" in window.status.text()
        with Store.open(siti.db) as store:
            assert store.get_setting("inbox_url") == server.url
        window.close()
    finally:
        server.stop()
    with Store.open(office.db) as store:
        assert store.conn.execute("SELECT count(*) FROM imported_photo_parts").fetchone()[0] == 1
