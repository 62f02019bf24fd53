"""The Dokumen tab for a real office: one participant's certificate, the register (search,
reprint, void), the saved-file message, the draft note; the office dialog; first run and new
sessions filling what documents need."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from petugaspembina.demo import generate
from petugaspembina.documents.office import office_profile
from petugaspembina.documents.register import issue_for_session, list_register
from petugaspembina.gui import messages
from petugaspembina.gui.documents_view import DocumentsView
from petugaspembina.store.store import Store


@pytest.fixture
def view(qtbot: QtBot, tmp_path: Path) -> DocumentsView:
    store = Store.open(tmp_path / "demo.db")
    generate(store, seed=2, sessions=2)
    widget = DocumentsView(store, open_after=False)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def office_view(view: DocumentsView, complete_office: Callable[[Store], None]) -> DocumentsView:
    """The tab of an office whose profile is complete: certificates are registered."""
    complete_office(view.store)
    view.reload()
    return view


def test_certificate_for_one_chosen_participant(
    office_view: DocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "satu.pdf"
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: target)
    office_view.person_combo.setCurrentIndex(2)
    name = office_view.person_combo.currentText()
    office_view.person_button.click()
    qtbot.waitUntil(lambda: office_view.last_output == target, timeout=20_000)
    pages = PdfReader(target).pages
    assert len(pages) == 1 and name in (pages[0].extract_text() or "")
    assert [e.name for e in list_register(office_view.store)] == [name]
    assert office_view.register_table.rowCount() == 1  # the register shown is refreshed


def test_draft_certificates_from_the_tab_are_previews(
    view: DocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "draf.pdf"
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: target)
    view.certificates_button.click()
    qtbot.waitUntil(lambda: view.last_output == target, timeout=20_000)
    text = PdfReader(target).pages[0].extract_text() or ""
    assert "Nomor: DRAF" in text
    assert list_register(view.store) == [] and view.register_table.rowCount() == 0


def test_register_search_in_the_tab(office_view: DocumentsView) -> None:
    _, items = issue_for_session(office_view.store, office_view.session_combo.currentData())
    office_view.reload_register()
    assert office_view.register_table.rowCount() == len(items)
    office_view.search_edit.setText(items[0].person.full_name)
    assert 1 <= office_view.register_table.rowCount() < len(items)
    assert office_view.register_table.item(0, 4).text() == items[0].person.full_name
    assert office_view.register_table.item(0, 2).text() == "Terbit"


def test_reprint_from_the_register(
    office_view: DocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, items = issue_for_session(office_view.store, office_view.session_combo.currentData())
    office_view.search_edit.setText(items[0].certificate.number)
    office_view.register_table.selectRow(0)
    target = tmp_path / "ulang.pdf"
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: target)
    office_view.reprint_button.click()
    qtbot.waitUntil(lambda: office_view.last_output == target, timeout=20_000)
    assert items[0].certificate.number in (PdfReader(target).pages[0].extract_text() or "")
    assert office_view.register_table.item(0, 3).text() == "1"


def test_void_with_a_reason_from_the_register(
    office_view: DocumentsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, items = issue_for_session(office_view.store, office_view.session_combo.currentData())
    office_view.search_edit.setText(items[0].certificate.number)
    office_view.register_table.selectRow(0)
    monkeypatch.setattr(messages, "ask_text", lambda *a: None)
    office_view.void_button.click()  # cancelled: nothing changes
    assert office_view.register_table.item(0, 2).text() == "Terbit"
    monkeypatch.setattr(messages, "ask_text", lambda *a: "Nama salah ketik")
    office_view.void_button.click()
    assert office_view.register_table.item(0, 2).text() == "Dibatalkan"
    entry = list_register(office_view.store, search=items[0].certificate.number)[0]
    assert entry.void_reason == "Nama salah ketik"


def test_void_without_a_selection_asks_to_choose(
    view: DocumentsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda p, t, text: shown.append(text))
    view.void_button.click()
    assert shown and "Pilih sertifikat" in shown[0]


def test_saved_message_offers_open_file_and_open_folder(
    view: DocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "laporan.pdf"
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: target)
    saved: list[Path] = []
    monkeypatch.setattr(messages, "saved", lambda p, title, text, path: saved.append(path))
    view.open_after = True
    monkeypatch.setattr(messages, "ask_choice", lambda *a: "print")  # empty parts: print as is
    view.report_button.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
    assert saved == [target]


@pytest.mark.parametrize(
    ("button", "expected"), [("Buka berkas", "file"), ("Buka folder", "folder")]
)
def test_saved_message_buttons_open_the_file_or_its_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, button: str, expected: str
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(messages, "open_file", opened.append)
    path = tmp_path / "x.pdf"

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        [wanted] = [b for b in box.buttons() if b.text() == button]
        wanted.click()

    QTimer.singleShot(50, click)
    assert messages.saved(None, "Dokumen tersimpan", str(path), path) == expected
    assert opened == [path if expected == "file" else tmp_path]


def test_draft_note_names_the_fields_to_fill(view: DocumentsView) -> None:
    from petugaspembina.documents.office import save_office_profile

    assert not view.draft_note.isHidden()
    assert "NIP penanda tangan" in view.draft_note.text()
    save_office_profile(
        view.store,
        {
            "letterhead": ["KANTOR IMIGRASI KELAS II TPI BATULICIN"],
            "address": "Jl. Raya Batulicin No. 17",
            "city": "Batulicin",
            "signatory_name": "Dr. H. Muhammad Arif Rahman Hakim, S.H., M.H.",
            "signatory_nip": "197503152000031002",
            "signatory_position": "Kepala Kantor Imigrasi Kelas II TPI Batulicin",
        },
    )
    view.reload_draft_note()
    assert view.draft_note.isHidden()


def test_office_dialog_previews_and_refuses_a_broken_pattern(
    view: DocumentsView, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.gui.office_dialog import OfficeDialog

    dialog = OfficeDialog(view.store)
    qtbot.addWidget(dialog)
    assert "NIP penanda tangan" in dialog.missing_note.text()
    code = view.store.device_id[:6].upper()
    assert dialog.pattern_preview.text().startswith(f"Contoh nomor: 0001/SERT-PIMPASA/{code}/")
    assert dialog.pattern_help.text() == (
        f"{{seq:04d}} = nomor urut (4 angka), {{device}} = kode perangkat ({code}), "
        "{month_roman} = bulan (angka Romawi), {month} = bulan (angka), {year} = tahun"
    )
    before = office_profile(view.store).numbering_pattern
    dialog.edits["numbering_pattern"].setText("{seq:04d}/{bulan}")
    assert "Pola nomor" in dialog.pattern_preview.text()
    warnings: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda p, t, text: warnings.append(text))
    dialog.on_save_clicked()
    assert warnings and "Pola nomor" in warnings[0]
    assert office_profile(view.store).numbering_pattern == before


def test_first_run_fills_the_office_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    from petugaspembina.documents.office import missing_fields
    from petugaspembina.gui import launch as launcher
    from petugaspembina.gui.first_run import FirstRunAnswers, FirstRunDialog

    db = tmp_path / "first.sqlite3"
    answers = FirstRunAnswers(
        "Dewi", "199103122017122002", "Kantor Imigrasi Kelas II Non TPI Kerinci", None, "id", db
    )
    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(lambda cls, *a: answers))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    store = launcher._first_run(Store.open(db), db, QSettings("test", "first-run-office"))
    assert store is not None
    profile = office_profile(store)
    assert profile.letterhead[-1] == "KANTOR IMIGRASI KELAS II NON TPI KERINCI"
    assert profile.city == "Kerinci"
    assert profile.signatory_position == "Kepala Kantor Imigrasi Kelas II Non TPI Kerinci"
    assert "Kota" not in missing_fields(store)
    store.close()


def test_new_session_pre_ticks_the_logged_in_officer(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from petugaspembina.gui.session_editor import SessionEditor
    from petugaspembina.profile import create_profile

    store = Store.open(tmp_path / "o.db")
    own = create_profile(store, "Rahmat Hidayat", "198609262015051001", "Kanim Batulicin", None)
    store.write("officers", {"name": "Dewi Kartika Sari"})
    editor = SessionEditor(store)
    qtbot.addWidget(editor)
    ticked = [
        editor.officers.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(editor.officers.count())
        if editor.officers.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == [own]
    store.close()


def test_existing_session_keeps_its_own_officers(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from petugaspembina.gui.session_editor import SessionEditor
    from petugaspembina.profile import create_profile

    store = Store.open(tmp_path / "o.db")
    create_profile(store, "Rahmat Hidayat", "198609262015051001", "Kanim Batulicin", None)
    other = store.write("officers", {"name": "Dewi Kartika Sari"})
    session_id = store.write(
        "sessions", {"title": "Kunjungan", "date": "2026-01-05", "officer_ids": [other]}
    )
    editor = SessionEditor(store, session_id)
    qtbot.addWidget(editor)
    ticked = [
        editor.officers.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(editor.officers.count())
        if editor.officers.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == [other]
    store.close()


def test_office_dialog_shows_placeholders_greyed_not_as_values(
    view: DocumentsView, qtbot: QtBot
) -> None:
    from petugaspembina.gui.office_dialog import OfficeDialog

    dialog = OfficeDialog(view.store)
    qtbot.addWidget(dialog)
    for name in ("address", "signatory_name", "signatory_nip"):
        assert dialog.edits[name].text() == ""
        assert dialog.edits[name].placeholderText()
    assert dialog.edits["signatory_position"].text()  # filled from the office's name


def test_office_dialog_notes_sit_under_their_fields_without_blank_lines(
    view: DocumentsView, qtbot: QtBot
) -> None:
    """The grey notes (what the pattern's fields mean, the words the certificate fills in) are
    as tall as their text at 1366×768: no blank line above or below them."""
    from PySide6.QtWidgets import QApplication

    from petugaspembina.gui.office_dialog import OfficeDialog

    dialog = OfficeDialog(view.store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    line = dialog.fontMetrics().lineSpacing()
    notes = [dialog.pattern_help, dialog.body_help, dialog.pattern_preview, dialog.missing_note]
    for note in notes:  # a taller label centres its text: blank lines above and below
        assert note.height() <= note.heightForWidth(note.width()) + 2, note.text()
    # Each note right under the field it explains, and the next field right under the note.
    gaps = [
        dialog.pattern_help.y() - (dialog.pattern_preview.y() + dialog.pattern_preview.height()),
        dialog.prefix.y() - (dialog.pattern_help.y() + dialog.pattern_help.height()),
        dialog.body_help.y() - (dialog.body.y() + dialog.body.height()),
    ]
    assert all(gap < line for gap in gaps), gaps


def test_draft_banner_button_opens_the_office_dialog(
    view: DocumentsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.gui.office_dialog import OfficeDialog

    opened: list[Store] = []
    monkeypatch.setattr(OfficeDialog, "ask", lambda parent, store: opened.append(store) or False)
    assert not view.draft_banner.isHidden()
    view.complete_button.click()
    assert opened == [view.store]


def test_register_dates_in_the_one_date_style(office_view: DocumentsView) -> None:
    from petugaspembina.core.display import short_date

    _, items = issue_for_session(office_view.store, office_view.session_combo.currentData())
    office_view.reload_register()
    shown = office_view.register_table.item(0, 1).text()
    assert shown == short_date(items[0].certificate.issued_on) and "-" not in shown


def test_recap_date_edits_in_the_one_date_style(qtbot: QtBot, tmp_path: Path) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from petugaspembina.core.display import short_date
    from petugaspembina.gui.recap_view import RecapView

    store = Store.open(tmp_path / "r.db")
    view = RecapView(store, today=date(2026, 11, 22))
    qtbot.addWidget(view)
    view.date_from.setDate(QDate(2026, 10, 1))
    assert view.date_from.text() == short_date(date(2026, 10, 1)) == "1 Okt 2026"


def test_office_dialog_offers_the_letterhead_an_officers_bundle_brought(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """At an office whose own profile is incomplete, the complete profile that arrived in an
    officer's bundle is offered: "Salin ke isian" fills the form, Simpan makes it this office's
    own (the officer's record stays as it came)."""
    from documents.helpers import COMPLETE_PROFILE
    from petugaspembina.documents.office import missing_fields
    from petugaspembina.gui.office_dialog import OfficeDialog

    store = Store.open(tmp_path / "kantor.db")
    brought = store.write("office_profiles", dict(COMPLETE_PROFILE))  # as an import writes it
    store.write("office_profiles", {"address": "(alamat kantor belum diisi)"})  # not offered
    dialog = OfficeDialog(store)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    assert dialog.received_combo.count() == 1
    shown = dialog.received_combo.itemText(0)
    assert shown.startswith("KANTOR IMIGRASI KELAS II TPI BATULICIN — ")
    assert dialog.edits["address"].text() == ""
    dialog.copy_button.click()
    assert dialog.edits["address"].text() == COMPLETE_PROFILE["address"]
    assert dialog.letterhead.toPlainText().splitlines() == COMPLETE_PROFILE["letterhead"]
    dialog.on_save_clicked()
    assert dialog.result() == 1 and missing_fields(store) == []
    own = office_profile(store)
    assert own.id != brought and own.signatory_nip == COMPLETE_PROFILE["signatory_nip"]
    # Complete now: the next time nothing is offered.
    again = OfficeDialog(store)
    qtbot.addWidget(again)
    assert not again.received
    store.close()
