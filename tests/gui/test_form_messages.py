"""Form messages: every missing item is named at once, and a message goes once the field that
caused it is changed (first-run, person and referral forms)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from petugaspembina.core.enums import ReferralStatus
from petugaspembina.gui.first_run import FirstRunDialog
from petugaspembina.gui.referral_dialog import ReferralDialog
from petugaspembina.store.store import Store


def test_first_run_names_every_missing_item_and_the_message_goes_when_typing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = FirstRunDialog(tmp_path / "data.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.on_start_clicked()
    shown = dialog.error.text()
    assert "Nama petugas wajib diisi." in shown and "Nama kantor wajib diisi." in shown
    assert "NIP" in shown
    qtbot.keyClicks(dialog.name, "Rahmat Hidayat")
    assert dialog.error.text() == ""  # not left saying the name is missing


def test_referral_risk_message_goes_once_a_risk_is_picked(qtbot: QtBot, store: Store) -> None:
    person = store.write("people", {"full_name": "Calon PMI", "sex": "P", "birth_year": 1998})
    dialog = ReferralDialog(store, person_id=person)
    qtbot.addWidget(dialog)
    assert not dialog.on_save_clicked()
    assert dialog.error.text() == "Pilih jenis risiko."
    dialog.risk.setCurrentIndex(dialog.risk.findData("korban_tppo"))
    assert dialog.error.text() == ""


def test_a_childs_referral_names_both_missing_consents_at_once(qtbot: QtBot, store: Store) -> None:
    person = store.write("people", {"full_name": "Anak", "sex": "P", "birth_year": 2014})
    dialog = ReferralDialog(store, person_id=person)
    qtbot.addWidget(dialog)
    dialog.risk.setCurrentIndex(dialog.risk.findData("korban_tppo"))
    dialog.agency.setCurrentIndex(1)
    dialog.move_to(ReferralStatus.DIRUJUK)
    shown = dialog.error.text()
    assert "persetujuan berbagi data" in shown and "orang tua/wali" in shown
    dialog.consent.setChecked(True)
    assert dialog.error.text() == ""
