"""The Perangkat dan kunci dialog: both sides of the enrolment ceremony and revocation."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from petugaspembina.gui import messages
from petugaspembina.gui.sync_view import SyncView
from petugaspembina.gui.trust_dialog import TrustDialog
from petugaspembina.store.store import Store
from petugaspembina.sync.trust import enrolled_office, list_devices


def test_enrolment_both_ways_and_revocation(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = Store.open(tmp_path / "office.sqlite3")
    officer = Store.open(tmp_path / "officer.sqlite3")
    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    monkeypatch.setattr(messages, "confirm_danger", lambda *a: True)  # the prints match
    at_office = TrustDialog(office)
    qtbot.addWidget(at_office)
    assert "belum punya kunci kantor" in at_office.status.text()
    assert at_office.office_key_button.isHidden() and at_office.devices.isHidden()
    at_office.create_button.click()
    assert "Kunci kantor dibuat" in at_office.message.text()
    assert not at_office.office_key_button.isHidden() and at_office.create_button.isHidden()
    assert not at_office.devices.isHidden()
    at_office.save_office_key(tmp_path / "kantor.json")

    on_laptop = TrustDialog(officer)
    qtbot.addWidget(on_laptop)
    done = on_laptop.enrol_path(tmp_path / "kantor.json")
    assert done is not None and done.fingerprint in on_laptop.message.text()
    office_record = enrolled_office(officer)
    assert office_record is not None and office_record.kid in on_laptop.status.text()
    assert on_laptop.create_button.isHidden() and on_laptop.devices.isHidden()
    on_laptop.save_device_key(tmp_path / "hp.json")

    assert at_office.enrol_path(tmp_path / "hp.json") is not None
    assert at_office.devices.rowCount() == 1
    assert at_office.devices.item(0, 3).text() == "aktif"
    assert at_office.enrol_path(tmp_path / "tidak-ada.json") is None
    assert "tidak dapat dibaca" in at_office.message.text()
    at_office.devices.selectRow(0)
    at_office.revoke_button.click()
    assert list_devices(office)[0].revoked_at is not None
    assert at_office.devices.item(0, 3).text().startswith("dicabut")
    office.close()
    officer.close()


def test_kanwil_enrols_an_office_key_file_as_a_relay_office(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    monkeypatch.setattr(messages, "confirm_danger", lambda *a: True)  # the prints match
    office = Store.open(tmp_path / "office.sqlite3")
    kanwil = Store.open(tmp_path / "kanwil.sqlite3")
    at_office, at_kanwil = TrustDialog(office), TrustDialog(kanwil)
    qtbot.addWidget(at_office)
    qtbot.addWidget(at_kanwil)
    at_office.create_button.click()
    at_office.save_office_key(tmp_path / "kantor.json")
    at_kanwil.create_button.click()
    done = at_kanwil.enrol_path(tmp_path / "kantor.json")
    assert done is not None and done.kind == "relay-office"
    assert f"Kantor relai: - ({done.key_id})" in at_kanwil.status.text()
    assert done.fingerprint in at_kanwil.status.text()
    assert enrolled_office(kanwil) is None  # the Kanwil keeps sending signed, not sealed
    office.close()
    kanwil.close()


def test_sync_tab_opens_the_trust_dialog(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(tmp_path / "a.sqlite3")
    view = SyncView(store)
    qtbot.addWidget(view)
    opened: list[TrustDialog] = []
    monkeypatch.setattr(TrustDialog, "exec", lambda self: opened.append(self) or 0)
    view.trust_button.click()
    assert opened and opened[0].windowTitle() == "Perangkat dan kunci"
    store.close()


def test_office_with_keys_imports_a_plain_bundle_only_when_ticked_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.demo import generate
    from petugaspembina.sync.exporter import export_bundle
    from petugaspembina.sync.trust import create_office_keys

    with Store.open(tmp_path / "officer.sqlite3") as officer:
        generate(officer, seed=1, sessions=1)
        bundle = export_bundle(officer, tmp_path / "polos.json").path
    assert bundle is not None
    office = Store.open(tmp_path / "office.sqlite3")
    plain_view = SyncView(office)
    qtbot.addWidget(plain_view)
    plain_view.show()  # the choice is settled when the tab is shown
    assert plain_view.allow_unsigned.isHidden()  # no keys: plain bundles import anyway
    create_office_keys(office)
    view = SyncView(office)
    qtbot.addWidget(view)
    view.show()
    assert not view.allow_unsigned.isHidden()
    monkeypatch.setattr(messages, "ask_open_files", lambda *a: [bundle])
    view.import_button.click()
    qtbot.waitUntil(lambda: view.report.rowCount() == 1, timeout=20_000)
    assert view.report.item(0, 1).text() == "Ditolak"
    assert "tidak bertanda tangan" in view.report.item(0, 2).text()
    view.allow_unsigned.setChecked(True)
    view.report.setRowCount(0)
    view.import_button.click()
    qtbot.waitUntil(lambda: view.report.rowCount() == 1, timeout=20_000)
    assert view.report.item(0, 1).text() == "Diimpor"
    assert not view.allow_unsigned.isChecked()  # for that one import only
    office.close()


def test_an_officers_laptop_is_warned_that_office_keys_make_it_an_office(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.profile import OFFICER_ROLE, role_of, set_role
    from petugaspembina.sync.trust import office_keys

    officer = Store.open(tmp_path / "officer.sqlite3")
    set_role(officer, OFFICER_ROLE)
    asked: list[tuple[str, str, str, str]] = []

    def answer(parent: object, title: str, text: str, act: str, keep: str = "Batal") -> bool:
        asked.append((title, text, act, keep))
        return len(asked) > 1  # Batal the first time, then agreed

    monkeypatch.setattr(messages, "confirm_danger", answer)
    dialog = TrustDialog(officer)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    assert "Belum ada kantor terdaftar: bundel dikirim tanpa segel" in dialog.status.text()
    dialog.create_button.click()
    title, text, act, keep = asked[0]
    assert title == "Jadikan laptop ini kantor?"
    assert "menjadikan laptop ini kantor" in text and "kunci-kantor.json" in text
    assert (act, keep) == ("Jadikan laptop ini kantor", "Batal")
    assert office_keys(officer) is None  # Batal: nothing made
    dialog.create_button.click()
    assert office_keys(officer) is not None
    assert role_of(officer) == OFFICER_ROLE  # the role itself is the clerk's menu choice
    officer.close()


def test_the_office_role_does_not_see_the_officers_outbox_or_unsealed_note(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from petugaspembina.profile import OFFICE_ROLE, set_role

    office = Store.open(tmp_path / "office.sqlite3")
    set_role(office, OFFICE_ROLE)  # no office keys yet
    view = SyncView(office)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    assert not view.outbox_panel.isVisible()  # "Kotak keluar (ke kantor…)", its address field
    dialog = TrustDialog(office)
    qtbot.addWidget(dialog)
    assert "belum punya kunci kantor" in dialog.status.text()
    assert "bundel dikirim tanpa segel" not in dialog.status.text()
    office.close()


def test_the_fingerprint_is_asked_about_before_the_office_is_enrolled(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """On the officer's laptop: the office's fingerprint shows in a question whose default is
    Batal; Enter there leaves no office enrolled, and only "Sama, daftarkan" enrols it."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    office = Store.open(tmp_path / "office.sqlite3")
    officer = Store.open(tmp_path / "officer.sqlite3")
    at_office = TrustDialog(office)
    qtbot.addWidget(at_office)
    at_office.create_keys()
    at_office.save_office_key(tmp_path / "kantor.json")
    expected = at_office.message.text().split("<b>")[1].split("</b>")[0]
    on_laptop = TrustDialog(officer)
    qtbot.addWidget(on_laptop)
    on_laptop.resize(1366, 768)
    on_laptop.show()
    seen: list[tuple[str, str, bool]] = []

    def answer(button_text: str | None) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        default = box.defaultButton()
        seen.append(
            (box.text(), default.text() if default else "", enrolled_office(officer) is None)
        )
        if button_text is None:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, lambda: answer(None))
    assert on_laptop.enrol_path(tmp_path / "kantor.json") is None
    text, default, nothing_yet = seen[0]
    assert expected in text and "cocokkan" in text and default == "Batal" and nothing_yet
    assert enrolled_office(officer) is None  # Batal: nothing enrolled
    assert "Tidak didaftarkan" in on_laptop.message.text()
    assert "Belum ada kantor terdaftar" in on_laptop.status.text()

    QTimer.singleShot(0, lambda: answer("Sama, daftarkan"))
    done = on_laptop.enrol_path(tmp_path / "kantor.json")
    assert seen[1][2]  # still nothing enrolled while the question was open
    assert done is not None and enrolled_office(officer) is not None
    assert (
        f"Kantor terdaftar: - ({done.key_id}) — sidik jari <b>{expected}</b>"
        in on_laptop.status.text()
    )
    office.close()
    officer.close()
