"""Receipts on a stick, at 1366×768: the officer exports to a folder, the clerk's window imports
that folder and writes the signed receipts beside the bundles, the officer's window reads them
back and shows the bundles confirmed; a bundle written before any office is enrolled says it is
not sealed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from petugaspembina.gui import messages
from petugaspembina.gui.clerk_tabs import CLERK
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.paths import app_paths
from petugaspembina.profile import set_role
from petugaspembina.store.store import Store
from sync.netlab import NIPS, Office, Officer


def _siti_with_a_stick(tmp_path: Path) -> tuple[Officer, Path]:
    """Siti's laptop and an empty USB stick."""
    siti = Officer(tmp_path, "Siti Aminah", NIPS[0], seed=3, sessions=1)
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    return siti, stick


def _siti_enrolled_at_the_office(tmp_path: Path) -> tuple[Officer, Path, Office]:
    """Siti's laptop with an empty USB stick, she and the office enrolled with each other."""
    siti, stick = _siti_with_a_stick(tmp_path)
    office = Office(tmp_path)
    office.enrol(siti)
    return siti, stick, office


def _window(qtbot: QtBot, db: Path, home: Path) -> MainWindow:
    shown = MainWindow(Store.open(db), paths=app_paths(home))
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    return shown


def _statuses(window: MainWindow) -> list[str]:
    table = window.sync_view.outbox_panel.table
    return [table.item(row, 2).text() for row in range(table.rowCount())]


def _places(window: MainWindow) -> list[str]:
    """The Tujuan cells: each destination of a file with its own status, one per line."""
    table = window.sync_view.outbox_panel.table
    return [table.item(row, 1).text() for row in range(table.rowCount())]


def _export_to(qtbot: QtBot, window: MainWindow, stick: Path, mp: pytest.MonkeyPatch) -> None:
    window.tabs.setCurrentWidget(window.sync_view)
    mp.setattr(messages, "ask_folder", lambda *a, **k: stick)
    mp.setattr(messages, "confirm_danger", lambda *a, **k: True)  # unsealed: written anyway
    window.sync_view.summary.setText("")
    window.sync_view.export_button.click()
    qtbot.waitUntil(lambda: "Bundel ditulis" in window.sync_view.summary.text(), timeout=30_000)


def _clerk_imports(qtbot: QtBot, tmp_path: Path, office: Office, stick: Path) -> MainWindow:
    with Store.open(office.db) as store:
        set_role(store, CLERK)
    clerk_window = _window(qtbot, office.db, tmp_path / "office-home")
    inbox = clerk_window.clerk.inbox  # type: ignore[union-attr]
    clerk_window.tabs.setCurrentWidget(inbox)
    inbox.folder_button.click()  # ask_folder still answers the stick
    qtbot.waitUntil(lambda: inbox.report.rowCount() >= 1 and not inbox.busy, timeout=60_000)
    return clerk_window


def test_folder_export_is_confirmed_by_the_receipts_the_office_window_writes(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    siti, stick, office = _siti_enrolled_at_the_office(tmp_path)
    officer = _window(qtbot, siti.db, home)
    _export_to(qtbot, officer, stick, monkeypatch)
    assert not officer.sync_view.unsealed.isVisible()  # sealed to the enrolled office
    # One row per file, counted once (by its least advanced destination, the office's inbox):
    # the stick and the inbox are two lines of its Tujuan cell.
    assert set(_statuses(officer)) == {"belum dikirim"}
    panel = officer.sync_view.outbox_panel
    assert f"Belum dikirim {len(_statuses(officer))} ·" in panel.summary.text()
    for place in _places(officer):
        assert f"{stick.resolve()} — ditulis ke folder, menunggu tanda terima" in place
        assert "kantor (alamat belum diatur) — menunggu" in place
    assert "belum dikonfirmasi kantor" in officer.status.text()
    bundles = sorted(stick.glob("*.json"))
    assert bundles

    clerk_window = _clerk_imports(qtbot, tmp_path, office, stick)
    inbox = clerk_window.clerk.inbox  # type: ignore[union-attr]
    receipts = sorted(stick.glob("tanda-terima-*.json"))
    assert len(receipts) == len(bundles)
    assert all("signature" in json.loads(p.read_text()) for p in receipts)
    assert inbox.receipt_label.isVisible()
    note = inbox.receipt_label.text()
    assert f"{len(receipts)} tanda terima bertanda tangan kantor ditulis ke {stick}" in note
    # The stick goes back: a later look at the folder imports nothing twice (receipts skipped).
    inbox.folder_button.click()
    qtbot.waitUntil(lambda: not inbox.busy, timeout=60_000)
    words = [inbox.report.item(r, 2).text() for r in range(inbox.report.rowCount())]
    assert len(words) == len(bundles) and not any("Bukan" in w for w in words), words

    # The officer opens the Sinkronisasi tab again: the receipts confirm every copy.
    officer.tabs.setCurrentIndex(0)
    officer.tabs.setCurrentWidget(officer.sync_view)
    panel = officer.sync_view.outbox_panel
    assert set(_statuses(officer)) == {"dikonfirmasi kantor"}, _statuses(officer)
    assert "dikonfirmasi kantor lewat tanda terima" in panel.summary.text()
    assert "belum dikonfirmasi" not in officer.status.text()
    # Nothing new on a second look (the button).
    panel.receipts_button.click()
    assert "Tidak ada tanda terima baru" in panel.summary.text()


def test_receipt_with_a_wrong_signature_confirms_nothing(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import base64

    from petugaspembina.sync.importer import import_files
    from petugaspembina.sync.receipts import write_receipts

    siti, stick, office = _siti_enrolled_at_the_office(tmp_path)
    officer = _window(qtbot, siti.db, home)
    _export_to(qtbot, officer, stick, monkeypatch)
    with Store.open(office.db) as store:
        reports = import_files(
            store, sorted(stick.glob("*.json")), quarantine=tmp_path / "q", backups=None
        )
        written = write_receipts(store, reports, stick)
    for path in written:  # forged: the same receipt under someone else's signature
        doc = json.loads(path.read_text())
        doc["signature"] = base64.b64encode(bytes(64)).decode()
        path.write_text(json.dumps(doc))
    panel = officer.sync_view.outbox_panel
    panel.receipts_button.click()
    assert "dikonfirmasi kantor" not in _statuses(officer)
    assert "tidak cocok dengan kunci kantor" in panel.summary.text()


def test_clerk_without_office_keys_is_told_no_receipts_were_written(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    siti, stick = _siti_with_a_stick(tmp_path)
    siti_export = _window(qtbot, siti.db, home)
    _export_to(qtbot, siti_export, stick, monkeypatch)
    clerk_db = tmp_path / "kantor-tanpa-kunci.db"
    from petugaspembina.profile import create_profile

    with Store.open(clerk_db) as store:
        create_profile(store, "Budi Santoso", NIPS[1], "Kantor Imigrasi Bogor", None)
    with Store.open(clerk_db) as store:
        set_role(store, CLERK)
    clerk_window = _window(qtbot, clerk_db, tmp_path / "office-home")
    inbox = clerk_window.clerk.inbox  # type: ignore[union-attr]
    inbox.folder_button.click()
    qtbot.waitUntil(lambda: inbox.report.rowCount() >= 1 and not inbox.busy, timeout=60_000)
    assert "Tanda terima tidak ditulis" in inbox.receipt_label.text()
    assert not list(stick.glob("tanda-terima-*.json"))


def test_unsealed_export_warns_in_amber_and_counts_changes(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    siti, stick = _siti_with_a_stick(tmp_path)
    officer = _window(qtbot, siti.db, home)
    _export_to(qtbot, officer, stick, monkeypatch)
    view = officer.sync_view
    assert view.unsealed.isVisible()
    assert "TIDAK tersegel" in view.unsealed.text()
    assert "Perangkat dan kunci" in view.unsealed.text()
    assert "#fff3cd" in view.unsealed.styleSheet()  # amber, not red
    assert "perubahan)" in view.summary.text() and "versi kolom" not in view.summary.text()
    # Nothing new: no bundle, no warning left over.
    view.export_button.click()
    qtbot.waitUntil(lambda: "Tidak ada perubahan baru" in view.summary.text(), timeout=30_000)
    assert not view.unsealed.isVisible()


def _answer_the_question(qtbot: QtBot, button: str, seen: list[dict[str, str]]) -> None:
    """When the next message box opens: note its text and default button, then press
    ``button``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen.append({"text": box.text(), "default": box.defaultButton().text()})
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(50, answer)


def test_unsealed_export_asks_before_writing_and_batal_writes_nothing(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    siti, stick = _siti_with_a_stick(tmp_path)
    officer = _window(qtbot, siti.db, home)
    officer.tabs.setCurrentWidget(officer.sync_view)
    monkeypatch.setattr(messages, "ask_folder", lambda *a, **k: stick)
    seen: list[dict[str, str]] = []
    _answer_the_question(qtbot, "Batal", seen)
    officer.sync_view.export_button.click()
    assert seen, "no question before an unsealed bundle was written"
    assert "Kantor belum terdaftar" in seen[0]["text"]
    assert "TANPA segel" in seen[0]["text"]
    assert "Perangkat dan kunci" in seen[0]["text"]  # how to seal instead
    assert seen[0]["default"] == "Batal"  # Enter writes nothing
    qtbot.wait(300)
    assert not list(stick.iterdir())  # nothing on the stick
    assert "Bundel ditulis" not in officer.sync_view.summary.text()
    assert "rekaman belum dikirim" in officer.status.text()
    # "Tulis tanpa segel" writes it, and the amber bar stays as a reminder.
    _answer_the_question(qtbot, "Tulis tanpa segel", seen)
    officer.sync_view.export_button.click()
    qtbot.waitUntil(lambda: "Bundel ditulis" in officer.sync_view.summary.text(), timeout=30_000)
    assert list(stick.glob("*.json"))
    assert officer.sync_view.unsealed.isVisible()


def test_sealed_export_asks_nothing(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    siti, stick = _siti_with_a_stick(tmp_path)
    Office(tmp_path).enrol(siti)
    officer = _window(qtbot, siti.db, home)
    asked: list[object] = []
    officer.tabs.setCurrentWidget(officer.sync_view)
    monkeypatch.setattr(messages, "ask_folder", lambda *a, **k: stick)
    monkeypatch.setattr(messages, "confirm_danger", lambda *a, **k: asked.append(a) or False)
    officer.sync_view.export_button.click()
    qtbot.waitUntil(lambda: "Bundel ditulis" in officer.sync_view.summary.text(), timeout=30_000)
    assert not asked


def test_import_on_the_sync_tab_at_the_office_writes_receipts_too(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    siti, stick, office = _siti_enrolled_at_the_office(tmp_path)
    _export_to(qtbot, _window(qtbot, siti.db, home), stick, monkeypatch)
    bundles = sorted(stick.glob("*.json"))
    clerk_window = _window(qtbot, office.db, tmp_path / "office-home")
    clerk_window.tabs.setCurrentWidget(clerk_window.sync_view)
    monkeypatch.setattr(messages, "ask_open_files", lambda *a, **k: bundles)
    clerk_window.sync_view.import_button.click()
    view = clerk_window.sync_view
    qtbot.waitUntil(lambda: "tanda terima" in view.summary.text(), timeout=60_000)
    assert f"{len(bundles)} tanda terima bertanda tangan kantor ditulis ke {stick}" in (
        view.summary.text()
    )
    assert len(list(stick.glob("tanda-terima-*.json"))) == len(bundles)


def test_bundles_written_before_the_office_was_enrolled_go_again_sealed(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Siti exports to the stick before she has the office's key file: the office (with keys)
    refuses the plain bundle. Once she enrols the office, that bundle no longer counts as sent,
    she is told what to do, and her next export carries what was refused, sealed."""
    from petugaspembina.gui.trust_dialog import TrustDialog

    siti, stick = _siti_with_a_stick(tmp_path)
    office = Office(tmp_path)
    officer = _window(qtbot, siti.db, home)
    _export_to(qtbot, officer, stick, monkeypatch)
    plain = sorted(stick.glob("*.json"))
    assert "belum dikonfirmasi kantor" in officer.status.text()

    clerk_window = _clerk_imports(qtbot, tmp_path, office, stick)
    inbox = clerk_window.clerk.inbox  # type: ignore[union-attr]
    words = [inbox.report.item(r, 2).text() for r in range(inbox.report.rowCount())]
    assert any("tidak bertanda tangan" in w for w in words), words
    assert not list(stick.glob("tanda-terima-*.json"))  # refused: no receipt comes back

    # Siti enrols the office's key file in "Perangkat dan kunci…".
    shown: list[str] = []

    def enrol_and_close(dialog: TrustDialog) -> int:
        dialog.resize(1366, 768)
        assert dialog.enrol_path(tmp_path / "kantor.key.json") is not None
        shown.append(dialog.message.text())
        return 0

    monkeypatch.setattr(TrustDialog, "exec", enrol_and_close)
    monkeypatch.setattr(messages, "confirm_danger", lambda *a: True)  # the prints match
    officer.sync_view.trust_button.click()
    assert "1 bundel yang ditulis sebelum kantor ini didaftarkan tidak tersegel" in shown[0]
    assert "ekspor lagi ke flashdisk atau tekan Kirim sekarang" in shown[0]
    statuses = _statuses(officer)
    assert statuses == ["ditarik: tidak tersegel, isinya dikirim ulang tersegel"], statuses
    panel = officer.sync_view.outbox_panel
    assert "menunggu tanda terima 0" in panel.summary.text()
    assert "1 berkas ditarik karena tidak tersegel untuk kantor: ekspor lagi" in (
        panel.summary.text()
    )
    assert "rekaman belum dikirim" in officer.status.text()  # not "sudah diekspor"

    # The next export carries everything again, sealed, and the office takes it.
    for path in plain:
        path.unlink()
    office.enrol_db_device_only(siti.db)
    _export_to(qtbot, officer, stick, monkeypatch)
    assert not officer.sync_view.unsealed.isVisible()
    assert "Tidak ada perubahan baru" not in officer.sync_view.summary.text()
    inbox.folder_button.click()
    qtbot.waitUntil(lambda: not inbox.busy, timeout=60_000)
    words = [inbox.report.item(r, 2).text() for r in range(inbox.report.rowCount())]
    assert not any("tidak bertanda tangan" in w for w in words), words
    officer.tabs.setCurrentIndex(0)
    officer.tabs.setCurrentWidget(officer.sync_view)
    assert "dikonfirmasi kantor" in _statuses(officer)
    assert "ditarik karena" not in panel.summary.text()  # its contents went, sealed
    with Store.open(siti.db) as mine, Store.open(office.db) as theirs:
        people = {r["id"] for r in mine.rows("SELECT id FROM people")}
        assert people and people <= {r["id"] for r in theirs.rows("SELECT id FROM people")}


def _inbox_words(window: MainWindow) -> list[str]:
    inbox = window.clerk.inbox  # type: ignore[union-attr]
    return [inbox.report.item(r, 2).text() for r in range(inbox.report.rowCount())]


def _inbox_red_rows(window: MainWindow) -> int:
    from PySide6.QtCore import Qt

    inbox = window.clerk.inbox  # type: ignore[union-attr]
    return sum(
        inbox.report.item(r, 2).foreground().color() == Qt.GlobalColor.darkRed
        for r in range(inbox.report.rowCount())
    )


def _tick_accept_unsigned(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.sync_view)
    box = window.sync_view.allow_unsigned
    assert box.isVisible()
    box.setChecked(True)


def test_kotak_masuk_honours_accept_unsigned_ticked_on_the_sync_tab(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    siti, stick = _siti_with_a_stick(tmp_path)
    office = Office(tmp_path)
    _export_to(qtbot, _window(qtbot, siti.db, home), stick, monkeypatch)  # unsealed
    clerk_window = _clerk_imports(qtbot, tmp_path, office, stick)
    assert any("tidak bertanda tangan" in w for w in _inbox_words(clerk_window))
    quarantine = app_paths(tmp_path / "office-home").quarantine
    quarantined = len(list(quarantine.rglob("*")))

    # The refusal points to the box on the Sinkronisasi tab; ticked, Kotak masuk honours it.
    _tick_accept_unsigned(clerk_window)
    inbox = clerk_window.clerk.inbox  # type: ignore[union-attr]
    clerk_window.tabs.setCurrentWidget(inbox)
    inbox.folder_button.click()
    qtbot.waitUntil(lambda: not inbox.busy, timeout=60_000)
    words = _inbox_words(clerk_window)
    assert not any("hanya menerima bundel tersegel" in w for w in words), words
    assert any("dari Siti Aminah" in w for w in words), words
    assert _inbox_red_rows(clerk_window) == 0
    assert len(list(quarantine.rglob("*"))) == quarantined  # no further copy in quarantine
    assert not clerk_window.sync_view.allow_unsigned.isChecked()  # that one import only


def test_a_refusal_in_kotak_masuk_gives_way_to_the_later_import_on_the_sync_tab(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    siti, stick = _siti_with_a_stick(tmp_path)
    office = Office(tmp_path)
    _export_to(qtbot, _window(qtbot, siti.db, home), stick, monkeypatch)  # unsealed
    bundles = sorted(stick.glob("*.json"))
    clerk_window = _clerk_imports(qtbot, tmp_path, office, stick)
    assert _inbox_red_rows(clerk_window) == len(bundles)

    _tick_accept_unsigned(clerk_window)
    monkeypatch.setattr(messages, "ask_open_files", lambda *a, **k: bundles)
    view = clerk_window.sync_view
    view.import_button.click()
    qtbot.waitUntil(lambda: view.report.rowCount() == len(bundles), timeout=60_000)
    assert view.report.item(0, 1).text() == "Diimpor"
    clerk_window.tabs.setCurrentWidget(clerk_window.clerk.inbox)  # type: ignore[union-attr]
    words = _inbox_words(clerk_window)
    assert _inbox_red_rows(clerk_window) == 0, words
    assert not any("hanya menerima bundel tersegel" in w for w in words), words
    assert any("dari Siti Aminah" in w for w in words), words


def test_key_files_on_the_stick_are_skipped_not_refused_in_kotak_masuk(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    siti, stick, office = _siti_enrolled_at_the_office(tmp_path)
    _export_to(qtbot, _window(qtbot, siti.db, home), stick, monkeypatch)
    bundles = sorted(stick.glob("*.json"))
    shutil.copy(tmp_path / "kantor.key.json", stick / "kunci-kantor.json")
    shutil.copy(tmp_path / f"{siti.db.stem}.key.json", stick / "kunci-perangkat-siti.json")
    clerk_window = _clerk_imports(qtbot, tmp_path, office, stick)
    inbox = clerk_window.clerk.inbox  # type: ignore[union-attr]
    rows = {
        inbox.report.item(r, 0).text(): (
            inbox.report.item(r, 1).text(),
            inbox.report.item(r, 2).text(),
        )
        for r in range(inbox.report.rowCount())
    }
    assert rows["kunci-kantor.json"] == (
        "— (bukan bundel)",
        "Berkas kunci kantor, bukan bundel: dilewati. Untuk mendaftarkannya di laptop petugas: "
        "tab Sinkronisasi → Perangkat dan kunci…",
    )
    assert "kunci perangkat petugas, bukan bundel: dilewati" in rows["kunci-perangkat-siti.json"][1]
    assert _inbox_red_rows(clerk_window) == 0
    assert all("dari Siti Aminah" in rows[b.name][1] for b in bundles)
    quarantine = app_paths(tmp_path / "office-home").quarantine
    assert not quarantine.exists() or not any(quarantine.rglob("*.json"))
    assert len(list(stick.glob("tanda-terima-*.json"))) == len(bundles)  # for bundles only


def test_office_export_says_the_bundle_is_signed_and_the_photo_part_is_not(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the office (keys, no office enrolled above it) the bundle carries the office's
    signature but is not encrypted, and the photo part is neither: the question before and the
    amber note after say exactly that, not "not sealed, enrol an office"."""
    from petugaspembina.core.imaging import prepare_photo
    from petugaspembina.store.photos import add_photo
    from petugaspembina.sync.exporter import export_bundles
    from petugaspembina.sync.importer import import_files
    from photos.imagegen import phone_jpeg

    siti, stick, office = _siti_enrolled_at_the_office(tmp_path)
    with Store.open(siti.db) as store:
        session = store.rows("SELECT id FROM sessions")[0]["id"]
        add_photo(store, session, prepare_photo(phone_jpeg(640, 480, seed=4)))
        written = [r.path for r in export_bundles(store, stick) if r.path]
    with Store.open(office.db) as store:
        reports = import_files(store, written, quarantine=tmp_path / "q", backups=None)
        assert [r.result for r in reports] == ["imported", "imported"]
    window = _window(qtbot, office.db, home)
    window.tabs.setCurrentWidget(window.sync_view)
    relay = tmp_path / "ke-kanwil"
    relay.mkdir()
    monkeypatch.setattr(messages, "ask_folder", lambda *a, **k: relay)
    seen: list[dict[str, str]] = []
    _answer_the_question(qtbot, "Tulis bundel", seen)
    window.sync_view.export_button.click()
    qtbot.waitUntil(lambda: "Bundel ditulis" in window.sync_view.summary.text(), timeout=30_000)
    assert "ditandatangani kunci kantor ini tetapi TIDAK dienkripsi" in seen[0]["text"]
    assert "Kantor belum terdaftar" not in seen[0]["text"] and seen[0]["default"] == "Batal"
    note = window.sync_view.unsealed
    assert note.isVisible()
    assert "Bundel bertanda tangan kantor ini, tetapi TIDAK terenkripsi" in note.text()
    assert "Berkas foto TIDAK tersegel dan tidak bertanda tangan" in note.text()
    assert "Daftarkan kantor" not in note.text()  # an office has no office to enrol
    assert len(list(relay.glob("*.json"))) == 2
    if shots := os.environ.get("PP_SHOTS"):
        window.grab().save(f"{shots}/office-export.png")


def test_office_without_keys_is_asked_to_make_its_keys_not_to_enrol_an_office(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At an office (role Petugas kantor) that has no keys yet, the question before an unsigned
    export and the amber note after it speak to the clerk: the office has no keys yet, make them
    (Buat kunci kantor) — never "Kantor belum terdaftar … kunci-kantor.json yang diberikan
    kantor", which is the officer's advice."""
    siti, stick = _siti_with_a_stick(tmp_path)  # a database with data, made an office's
    with Store.open(siti.db) as store:
        set_role(store, CLERK)
    window = _window(qtbot, siti.db, home)
    window.tabs.setCurrentWidget(window.sync_view)
    monkeypatch.setattr(messages, "ask_folder", lambda *a, **k: stick)
    seen: list[dict[str, str]] = []
    _answer_the_question(qtbot, "Tulis tanpa tanda tangan", seen)
    window.sync_view.export_button.click()
    qtbot.waitUntil(lambda: "Bundel ditulis" in window.sync_view.summary.text(), timeout=30_000)
    text = seen[0]["text"]
    assert text.startswith("Kantor ini belum punya kunci")
    assert "Perangkat dan kunci… → Buat kunci kantor" in text
    assert "Kantor belum terdaftar" not in text and "kunci-kantor.json" not in text
    assert seen[0]["default"] == "Batal"
    note = window.sync_view.unsealed
    assert note.isVisible()
    assert "Buat kunci kantor (Perangkat dan kunci…)" in note.text()
    assert "Daftarkan kantor" not in note.text()
