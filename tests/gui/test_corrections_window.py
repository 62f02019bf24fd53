"""Corrections and referrals as an officer drives them: edit a person (the certificate follows),
remove and restore a sign-in, delete and restore a session, a referral on a new database, dates,
and the erasure question."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from petugaspembina.core.enums import ReferralStatus
from petugaspembina.core.records import Referral
from petugaspembina.documents.certificates import render_certificates
from petugaspembina.documents.register import issue_for_session
from petugaspembina.gui import messages
from petugaspembina.gui.deleted_sessions_dialog import DeletedSessionsDialog
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.gui.person_dialog import PersonDialog
from petugaspembina.gui.referral_dialog import ReferralDialog
from petugaspembina.gui.signin_window import SignInWindow
from petugaspembina.store.referrals import timeline
from petugaspembina.store.signin import PersonEntry, session_sign_ins, sign_in
from petugaspembina.store.store import Store

NOW = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)


def _visit(store: Store, names: list[tuple[str, str]]) -> str:
    session_id = store.write(
        "sessions", {"title": "Sosialisasi TPPO di Desa Pagar Dewa", "date": "2026-11-22"}
    )
    for name, sex in names:
        sign_in(store, session_id, entry=PersonEntry(name, sex, "1990"), now=NOW)
    return session_id


def _button(widget: object, text: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.text() == text]  # type: ignore[attr-defined]
    assert len(found) == 1, text
    return found[0]


def test_edit_a_person_from_the_peserta_tab_and_the_certificate_shows_the_new_name(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = _visit(store, [("Siti Aminha", "P"), ("Budi Santoso", "L")])
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.people)
    row = next(
        r
        for r in range(window.people.model.rowCount())
        if window.people.model.row_dict(r)["full_name"] == "Siti Aminha"
    )
    person_id = window.people.model.id_at(row)
    opened: list[PersonDialog] = []

    def fix_name(dialog: PersonDialog) -> int:
        opened.append(dialog)
        dialog.name.setText("")
        dialog.on_save_clicked()
        assert "Nama wajib diisi" in dialog.error.text() and "b00020" in dialog.error.styleSheet()
        dialog.name.setText("Siti Aminah")
        dialog.on_save_clicked()
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", fix_name)
    window.people.table.selectRow(row)
    qtbot.keyClick(window.people.table, Qt.Key.Key_Return)  # Enter opens the editor
    assert len(opened) == 1 and opened[0].person_id == person_id
    names = [
        window.people.model.row_dict(r)["full_name"] for r in range(window.people.model.rowCount())
    ]
    assert "Siti Aminah" in names and "Siti Aminha" not in names
    doc, items = issue_for_session(store, session_id)
    text = "\n".join(
        page.extract_text() or ""
        for page in PdfReader(render_certificates(doc, items, tmp_path / "s.pdf")).pages
    )
    assert "Siti Aminah" in text and "Siti Aminha" not in text


def test_edit_a_person_from_the_sign_in_list(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = _visit(store, [("Ahmad Fauzi", "L"), ("Sri Rahaju", "P")])
    window = SignInWindow(store, session_id)
    qtbot.addWidget(window)

    def fix(dialog: PersonDialog) -> int:
        dialog.name.setText("Sri Rahayu")
        dialog.birth_year.setText("1991")
        dialog.on_save_clicked()
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", fix)
    window.table.selectRow(1)
    window.on_edit_person_triggered()
    assert window.table.item(1, 1).text() == "Sri Rahayu"
    assert "disimpan" in window.message.text()


def test_remove_a_sign_in_and_undo_it_after_more_sign_ins(qtbot: QtBot, store: Store) -> None:
    session_id = _visit(store, [("Ahmad Fauzi", "L"), ("Sri Rahayu", "P"), ("Dewi Lestari", "P")])
    window = SignInWindow(store, session_id)
    qtbot.addWidget(window)
    window.show()
    window.table.selectRow(1)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert [s.full_name for s in session_sign_ins(store, session_id)] == [
        "Ahmad Fauzi",
        "Dewi Lestari",
    ]
    assert "Urungkan" in window.message.text() and "b00020" not in window.message.styleSheet()
    assert window.counts.text().startswith("<b>Hadir: 2</b>")
    window.message.linkActivated.emit("undo")  # the "Urungkan" link in the message
    assert len(session_sign_ins(store, session_id)) == 3
    assert "kembali tercatat hadir" in window.message.text()
    # Later: the sign-in window of another day, long after the first Ctrl+Z — still removable.
    window.close()
    later = SignInWindow(store, session_id)
    qtbot.addWidget(later)
    later.show()
    qtbot.waitExposed(later)
    later.activateWindow()
    qtbot.waitUntil(later.isActiveWindow)
    later.table.selectRow(0)
    _button(later, "Ha&pus tanda hadir").click()
    assert len(session_sign_ins(store, session_id)) == 2
    later.form.name.setFocus()
    qtbot.keyClick(later.form.name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.full_name for s in session_sign_ins(store, session_id)] == [
        "Ahmad Fauzi",  # back in its place and with its number
        "Sri Rahayu",
        "Dewi Lestari",
    ]


def test_remove_without_a_selected_row_says_what_to_do(qtbot: QtBot, store: Store) -> None:
    session_id = _visit(store, [("Ahmad Fauzi", "L")])
    window = SignInWindow(store, session_id)
    qtbot.addWidget(window)
    window.table.clearSelection()
    window.on_remove_triggered()
    assert "Pilih baris" in window.message.text() and len(session_sign_ins(store, session_id)) == 1


def test_delete_and_restore_a_session_with_its_sign_ins(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = _visit(store, [("Ahmad Fauzi", "L"), ("Sri Rahayu", "P"), ("Dewi Lestari", "P")])
    store.write("sessions", {"title": "Rapat Timpora", "date": "2026-11-01"})
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    boxes: list[QMessageBox] = []

    def answer(box: QMessageBox, act: bool) -> int:
        boxes.append(box)
        buttons = {b.text(): b for b in box.buttons()}
        (buttons["Hapus kegiatan"] if act else buttons["Batal"]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, act=False))
    window.sessions.table.selectRow(0)  # newest first: the visit
    assert window.sessions.selected_id() == session_id
    _button(window.sessions, "Hapus kegiatan…").click()
    assert "Sosialisasi TPPO di Desa Pagar Dewa" in boxes[0].text() and "3 tanda hadir" in (
        boxes[0].text()
    )
    assert boxes[0].defaultButton().text() == "Batal"
    assert window.sessions.model.rowCount() == 2  # Batal keeps it
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, act=True))
    window.sessions.table.selectRow(0)
    _button(window.sessions, "Hapus kegiatan…").click()
    assert window.sessions.model.rowCount() == 1
    assert session_sign_ins(store, session_id) == []

    def restore(dialog: DeletedSessionsDialog) -> int:
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "3"
        dialog.restore_button.click()
        assert "dipulihkan dengan 3 tanda hadir" in dialog.message.text()
        assert "b00020" not in dialog.message.styleSheet()
        assert dialog.table.rowCount() == 0
        return 0

    monkeypatch.setattr(DeletedSessionsDialog, "exec", restore)
    _button(window.sessions, "Kegiatan terhapus…").click()
    assert window.sessions.model.rowCount() == 2
    row = next(
        r
        for r in range(window.sessions.model.rowCount())
        if window.sessions.model.id_at(r) == session_id
    )
    assert window.sessions.model.row_dict(row)["attendees"] == 3
    assert len(session_sign_ins(store, session_id)) == 3


def test_referral_through_statuses_with_a_seeded_agency_on_a_new_database(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "baru.sqlite3")  # new and empty: no agencies yet
    assert store.rows("SELECT count(*) AS n FROM agencies")[0]["n"] == 0
    person = store.write("people", {"full_name": "Calon PMI", "sex": "P", "birth_year": 1998})
    dialog = ReferralDialog(store, person_id=person)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.manage_button.isVisible()  # "Kelola daftar instansi…" is on screen
    labels = [dialog.agency.itemText(i) for i in range(dialog.agency.count())]
    assert any(label.startswith("UPTD PPA — ") for label in labels)
    assert any(label.startswith("P2TP2A — ") for label in labels)
    dialog.risk.setCurrentIndex(dialog.risk.findData("korban_tppo"))
    dialog.consent.setChecked(True)
    dialog.agency.setCurrentIndex(next(i for i, t in enumerate(labels) if t.startswith("LPSK")))
    for status in (
        ReferralStatus.DIRUJUK,
        ReferralStatus.DITERIMA,
        ReferralStatus.DITANGANI,
        ReferralStatus.SELESAI,
    ):
        dialog.move_to(status)
        assert dialog.error.text() == f"Status menjadi {status.label}."
        assert "1b5e20" in dialog.error.styleSheet()  # info, not red
    assert store.get(Referral, dialog.referral_id or "").status == "selesai"
    assert dialog.history.count() == 5
    store.close()


def test_a_refused_status_step_is_shown_as_an_error(qtbot: QtBot, store: Store) -> None:
    person = store.write("people", {"full_name": "Calon PMI", "sex": "P", "birth_year": 1998})
    dialog = ReferralDialog(store, person_id=person)
    qtbot.addWidget(dialog)
    dialog.risk.setCurrentIndex(dialog.risk.findData("korban_tppo"))
    dialog.move_to(ReferralStatus.DIRUJUK)
    assert "persetujuan" in dialog.error.text() and "b00020" in dialog.error.styleSheet()


def test_status_step_date_defaults_to_today_and_can_be_changed(qtbot: QtBot, store: Store) -> None:
    person = store.write("people", {"full_name": "Calon PMI", "sex": "L", "birth_year": 1990})
    dialog = ReferralDialog(store, person_id=person)
    qtbot.addWidget(dialog)
    assert dialog.step_date.date() == QDate.currentDate()
    dialog.risk.setCurrentIndex(dialog.risk.findData("cpmi_nonprosedural"))
    dialog.referred_on.setDate(QDate(2026, 10, 1))  # an older referral date must not date steps
    dialog.consent.setChecked(True)
    dialog.agency.setCurrentIndex(1)
    dialog.move_to(ReferralStatus.DIRUJUK)
    dialog.step_date.setDate(QDate(2026, 10, 9))
    dialog.move_to(ReferralStatus.DITERIMA)
    days = {e.status: e.event_date for e in timeline(store, dialog.referral_id or "")}
    today = date.today().isoformat()
    assert days == {"draf": today, "dirujuk": today, "diterima": "2026-10-09"}
    assert dialog.step_date.date() == QDate(2026, 10, 9)  # kept for the next step


def test_referral_date_is_saved_and_details_are_editable(qtbot: QtBot, store: Store) -> None:
    person = store.write("people", {"full_name": "Calon PMI", "sex": "L", "birth_year": 1990})
    dialog = ReferralDialog(store, person_id=person)
    qtbot.addWidget(dialog)
    assert dialog.referred_on.text() == "—"  # not referred yet
    dialog.risk.setCurrentIndex(dialog.risk.findData("calo"))
    dialog.referred_on.setDate(QDate(2026, 11, 20))
    assert dialog.on_save_clicked()
    referral_id = dialog.referral_id or ""
    assert store.get(Referral, referral_id).referred_on == "2026-11-20"
    again = ReferralDialog(store, referral_id=referral_id)
    qtbot.addWidget(again)
    assert again.referred_on.date() == QDate(2026, 11, 20)
    again.narrative.setPlainText("Perekrut menawarkan kerja tanpa kontrak.")
    again.urgency.setCurrentIndex(again.urgency.findData("darurat"))
    again.channel.setCurrentIndex(again.channel.findData("whatsapp"))
    again.contact.setText("Ibu Rina")
    again.agency.setCurrentIndex(2)
    assert again.on_save_clicked() and again.error.text() == "Tersimpan."
    saved = store.get(Referral, referral_id)
    assert (saved.narrative, saved.urgency, saved.channel, saved.contact_person) == (
        "Perekrut menawarkan kerja tanpa kontrak.",
        "darurat",
        "whatsapp",
        "Ibu Rina",
    )
    assert saved.agency_id == again.agency.itemData(2)


def test_erasure_names_the_person_and_batal_is_the_default(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _visit(store, [("Siti Aminah", "P")])
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.people)
    window.people.table.selectRow(0)
    boxes: list[QMessageBox] = []

    def press_enter(box: QMessageBox) -> int:
        boxes.append(box)
        box.defaultButton().click()  # what Enter does
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_enter)
    _button(window.people, "Hapus data pribadi (UU PDP)…").click()
    box = boxes[0]
    assert "Siti Aminah" in box.text() and "tidak dapat dibatalkan" in box.text()
    assert box.defaultButton().text() == "Batal" and box.escapeButton().text() == "Batal"
    assert store.rows("SELECT erased FROM people") == [{"erased": 0}]  # Enter kept the person


def test_danger_question_is_true_only_for_the_act_button(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def click(text: str) -> object:
        def run(box: QMessageBox) -> int:
            next(b for b in box.buttons() if b.text() == text).click()
            return 0

        return run

    monkeypatch.setattr(QMessageBox, "exec", click("Hapus"))
    assert messages.confirm_danger(None, "t", "teks", "Hapus")
    monkeypatch.setattr(QMessageBox, "exec", click("Batal"))
    assert not messages.confirm_danger(None, "t", "teks", "Hapus")


def test_person_editor_shows_the_guardian_and_a_date_editor_for_the_birth_date(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 14-year-old signed in with her mother's consent: the editor opened from the sign-in
    list shows "Orang tua/wali" as the sign-in has it, refuses to empty it, and takes the birth
    date from a date editor (ticked "diketahui") rather than typed text."""
    from PySide6.QtWidgets import QApplication, QDateEdit, QFormLayout, QLabel

    from petugaspembina.core.records import Attendance, Person

    session_id = _visit(store, [("Ahmad Fauzi", "L")])
    minor = sign_in(
        store,
        session_id,
        entry=PersonEntry("Nur Aini", "P", "2012"),
        guardian_name="Siti Rahmah",
        now=NOW,
    )
    window = SignInWindow(store, session_id)
    qtbot.addWidget(window)
    seen: dict[str, object] = {}

    def edit(dialog: PersonDialog) -> int:
        dialog.resize(1366, 768)
        dialog.show()
        dialog.activateWindow()
        QApplication.processEvents()
        form = dialog.findChild(QFormLayout)
        labels = [
            w.text().replace("&", "")
            for w in (
                form.itemAt(r, QFormLayout.ItemRole.LabelRole) for r in range(form.rowCount())
            )
            if w is not None and isinstance(w.widget(), QLabel)
            for w in [w.widget()]
        ]
        seen["labels"] = labels
        seen["guardian"] = dialog.guardian.text()
        seen["date_editor"] = isinstance(dialog.birth_date, QDateEdit)
        seen["date_enabled"] = dialog.birth_date.isEnabled()
        seen["note"] = " ".join(
            label.text() for label in dialog.findChildren(QLabel) if "daftar hadir" in label.text()
        )
        dialog.guardian.clear()
        dialog.on_save_clicked()
        seen["error"] = dialog.error.text()
        seen["focus"] = QApplication.focusWidget() is dialog.guardian
        dialog.guardian.setText("Siti  Rahmah Putri")
        dialog.birth_date_known.setChecked(True)  # opens at 1 January of the birth year
        seen["starts_at"] = dialog.birth_date.date().toString("yyyy-MM-dd")
        dialog.birth_date.setDate(dialog.birth_date.date().addDays(40))
        dialog.on_save_clicked()
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", edit)
    window.table.selectRow(1)
    window.on_edit_person_triggered()
    labels = seen["labels"]
    assert isinstance(labels, list) and "Orang tua/wali" in labels and "Tanggal lahir" in labels
    assert seen["guardian"] == "Siti Rahmah"
    assert seen["date_editor"] is True and seen["date_enabled"] is False
    assert "pada daftar hadir: Sosialisasi TPPO di Desa Pagar Dewa, 22 Nov 2026" in str(
        seen["note"]
    )
    assert "isi nama orang tua/wali" in str(seen["error"]) and seen["focus"] is True
    assert seen["starts_at"] == "2012-01-01"
    assert "disimpan" in window.message.text()
    attendance = store.get(Attendance, minor.attendance_id)
    assert attendance.guardian_name == "Siti Rahmah Putri" and attendance.guardian_consent
    assert store.get(Person, minor.person_id).birth_date == "2012-02-10"


def test_person_editor_shows_ibu_rumah_tangga_and_keeps_it_when_saved(
    qtbot: QtBot, store: Store
) -> None:
    """A person signed in as "Ibu Rumah Tangga" opens in Ubah data peserta on that line (not on
    plain Masyarakat Umum), and saving without touching it keeps category and position."""
    session_id = _visit(store, [])
    sign_in(
        store,
        session_id,
        entry=PersonEntry(
            "Wartini", "P", "1975", category="masyarakat", position="Ibu Rumah Tangga"
        ),
        now=NOW,
    )
    person_id = store.rows("SELECT id FROM people")[0]["id"]
    dialog = PersonDialog(store, person_id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    assert dialog.category.currentText() == "Ibu Rumah Tangga (Masyarakat Umum)"
    assert not dialog.category.isEditable()  # chosen from the list: nothing typed to lose
    dialog.on_save_clicked()
    row = store.rows("SELECT category, position FROM people")[0]
    assert (row["category"], row["position"]) == ("masyarakat", "Ibu Rumah Tangga")
