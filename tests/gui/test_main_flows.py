"""The officer's flows as a user drives them: session editor, referral statuses, kiosk PIN, list
import, sync tab, and the main window's models (qtmodeltester)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from petugaspembina.core.enums import ReferralStatus
from petugaspembina.core.records import Referral, Session
from petugaspembina.demo import generate
from petugaspembina.gui import kiosk, messages
from petugaspembina.gui.kiosk import KioskWindow, PinDialog
from petugaspembina.gui.list_import_dialog import ListImportDialog
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.gui.referral_dialog import ReferralDialog
from petugaspembina.gui.session_editor import SessionEditor
from petugaspembina.gui.sync_view import SyncView
from petugaspembina.store.pin import set_pin
from petugaspembina.store.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "demo.sqlite3")
    generate(opened, seed=5, sessions=3)
    return opened


def test_models_pass_qtmodeltester_and_search_filters_in_sql(
    qtbot: QtBot, store: Store, qtmodeltester: ModelTester
) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.sessions.model._loaded and not window.people.model._loaded  # unseen tab waits
    for view in (window.sessions, window.people, window.referrals):
        view.model.ensure_loaded()
        qtmodeltester.check(view.model)
    people = window.people
    total = people.model.rowCount()
    name = people.model.row_dict(0)["full_name"].split()[0]
    qtbot.keyClicks(people.search, name)
    assert 0 < people.model.rowCount() < total
    assert all(
        name.lower() in people.model.row_dict(r)["full_name"].lower()
        for r in range(people.model.rowCount())
    )
    people.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # birth year, in SQL
    years = [people.model.row_dict(r)["birth_year"] for r in range(people.model.rowCount())]
    assert years == sorted(years, reverse=True)
    assert "rekaman belum dikirim" in window.status.text()


def test_create_a_session_with_the_village_picker(qtbot: QtBot, store: Store) -> None:
    editor = SessionEditor(store)
    qtbot.addWidget(editor)
    editor.on_save_clicked()
    assert "Judul kegiatan wajib diisi" in editor.error.text()
    qtbot.keyClicks(editor.title_edit, "Sosialisasi Pencegahan TPPO")
    qtbot.keyClicks(editor.village, "Pagar Dewa")
    assert editor.village._model.stringList(), "matches listed while typing"
    editor.village.on_completer_activated(editor.village._model.stringList()[0])
    assert editor.village.region is not None and editor.village.region.level == 4
    editor.topics.item(0).setCheckState(Qt.CheckState.Checked)
    editor.speakers.setPlainText("Dewi Kartika; Kantor Imigrasi; Analis")
    editor.male.setValue(3)
    editor.on_save_clicked()
    assert editor.result() == editor.DialogCode.Accepted
    session = store.get(Session, editor.session_id or "")
    assert session.title == "Sosialisasi Pencegahan TPPO" and session.region_code
    assert session.topics == ["tppo"] and session.headcount_male == 3
    assert session.speakers == [
        {"name": "Dewi Kartika", "agency": "Kantor Imigrasi", "position": "Analis"}
    ]


def test_referral_through_its_statuses(qtbot: QtBot, store: Store) -> None:
    person = store.rows("SELECT id FROM people WHERE birth_year < 2000 LIMIT 1")[0]["id"]
    dialog = ReferralDialog(store, person_id=person)
    qtbot.addWidget(dialog)
    dialog.risk.setCurrentIndex(dialog.risk.findData("cpmi_nonprosedural"))
    dialog.narrative.setPlainText("Ditawari kerja di luar negeri tanpa dokumen resmi.")
    assert dialog.on_save_clicked() and dialog.referral_id
    dialog.move_to(ReferralStatus.DIRUJUK)
    assert "persetujuan" in dialog.error.text()  # consent first
    dialog.consent.setChecked(True)
    dialog.agency.setCurrentIndex(1)
    for status in (
        ReferralStatus.DIRUJUK,
        ReferralStatus.DITERIMA,
        ReferralStatus.DITANGANI,
        ReferralStatus.SELESAI,
    ):
        dialog.note.setText(f"catatan {status.value}")
        dialog.move_to(status)
    assert store.get(Referral, dialog.referral_id).status == "selesai"
    assert dialog.history.count() == 5 and "Selesai" in dialog.history.item(4).text()
    assert dialog.status_buttons.count() == 0


def test_kiosk_refuses_a_bad_new_pin(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: "12"))
    monkeypatch.setattr(messages, "warn", lambda p, t, text: shown.append(text))
    session_id = store.rows("SELECT id FROM sessions LIMIT 1")[0]["id"]
    assert KioskWindow.start(None, store, session_id) is None and "4 sampai 8" in shown[0]
    set_pin(store, "5678")
    assert kiosk.check_pin(store, "5678")


def test_list_import_with_a_bad_row(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "desa.csv"
    path.write_text(
        "Nama;L/P;Tahun Lahir\nAhmad Fauzi;L;1990\nTanpa Jenis;X;1980\n", encoding="utf-8"
    )
    dialog = ListImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.load(path)
    assert "1 orang baru, 0 peserta lama, 0 dilewati; 1 baris bermasalah" in dialog.summary.text()
    assert dialog.errors.item(0).text().startswith("Baris 3:")
    assert not dialog.import_button.isEnabled()
    path.write_text(
        "Nama;L/P;Tahun Lahir\nAhmad Fauzi;L;1990\nSri Rahayu;P;1980\n", encoding="utf-8"
    )
    dialog.load(path)
    assert dialog.import_button.isEnabled()
    dialog.on_import_clicked()
    qtbot.waitUntil(lambda: dialog.imported == 2, timeout=20_000)
    names = {r["full_name"] for r in store.rows("SELECT full_name FROM people")}
    assert {"Ahmad Fauzi", "Sri Rahayu"} <= names


def test_sync_tab_exports_imports_and_resolves(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    view = SyncView(store)
    qtbot.addWidget(view)
    monkeypatch.setattr(messages, "ask_folder", lambda *a: folder)
    monkeypatch.setattr(messages, "confirm_danger", lambda *a: True)  # no office: unsealed
    view.export_button.click()
    qtbot.waitUntil(lambda: "Bundel ditulis" in view.summary.text(), timeout=20_000)
    bundle = next(folder.glob("*.json"))
    office = Store.open(tmp_path / "office.sqlite3")
    office_view = SyncView(office)
    qtbot.addWidget(office_view)
    monkeypatch.setattr(messages, "ask_open_files", lambda *a: [bundle, tmp_path / "x.json"])
    (tmp_path / "x.json").write_bytes(b"bukan bundel")
    office_view.import_button.click()
    qtbot.waitUntil(lambda: office_view.report.rowCount() == 2, timeout=20_000)
    assert office_view.report.item(0, 1).text() == "Diimpor"
    assert office_view.report.item(1, 1).text() == "Ditolak"
    assert "Bukan berkas bundel" in office_view.report.item(1, 2).text()


def test_first_run_creates_the_profile_where_the_officer_chose(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    from petugaspembina.gui import launch as launcher
    from petugaspembina.gui.first_run import FirstRunAnswers, FirstRunDialog
    from petugaspembina.profile import current_officer

    dialog = FirstRunDialog(tmp_path / "a.sqlite3")
    qtbot.addWidget(dialog)
    dialog.name.setText("Rahmat Hidayat")
    dialog.nip.setText("12345")
    dialog.on_start_clicked()
    assert "18 digit" in dialog.error.text() and dialog.answers is None
    dialog.nip.setText("19860926 201505 1 001")
    dialog.office.setCurrentText("Kantor Imigrasi Kelas I TPI Bengkulu")
    dialog.language.setCurrentIndex(1)
    dialog.on_start_clicked()
    assert dialog.answers is not None and dialog.answers.nip == "198609262015051001"
    assert dialog.answers.language == "en"

    moved = tmp_path / "elsewhere" / "data.sqlite3"
    answers = FirstRunAnswers("Dewi", "199103122017122002", "Kanim Kerinci", None, "en", moved)
    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(lambda cls, *a: answers))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    settings = QSettings("test", "first-run")
    first = Store.open(tmp_path / "start.sqlite3")
    opened = launcher._first_run(first, tmp_path / "start.sqlite3", settings)
    assert opened is not None and opened.path == moved
    officer = current_officer(opened)
    assert officer is not None and officer.name == "Dewi"
    assert settings.value("ui/language") == "en" and settings.value("data/database") == str(moved)


def test_agencies_list_is_editable(qtbot: QtBot, store: Store) -> None:
    from petugaspembina.gui.agencies_dialog import AgenciesDialog
    from petugaspembina.store.referrals import agencies

    dialog = AgenciesDialog(store)
    qtbot.addWidget(dialog)
    before = dialog.table.rowCount()
    dialog._add_row({})
    row = dialog.table.rowCount() - 1
    dialog.table.item(row, 0).setText("UPTD PPA Kerinci")
    dialog.table.item(row, 4).setText("0812")
    dialog.on_save_clicked()
    assert "isi singkatan dan nama lengkap" in dialog.error.text()
    dialog.table.item(row, 1).setText("UPTD Perlindungan Perempuan dan Anak Kab. Kerinci")
    dialog.on_save_clicked()
    assert "Nomor telepon" in dialog.error.text()
    dialog.table.item(row, 4).setText("0812-3456-7890")
    dialog.on_save_clicked()
    assert dialog.result() == dialog.DialogCode.Accepted
    names = [label for _, label in agencies(store)]
    assert len(names) == before + 1 and any("Kerinci" in n for n in names)


def test_lists_start_in_their_natural_order_and_erase_from_the_window(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.people)
    names = [
        window.people.model.row_dict(r)["full_name"].lower()
        for r in range(window.people.model.rowCount())
    ]
    assert names == sorted(names)  # A to Z
    dates = [
        window.sessions.model.row_dict(r)["date"] for r in range(window.sessions.model.rowCount())
    ]
    assert dates == sorted(dates, reverse=True)  # newest first
    window.people.table.selectRow(0)
    chosen = window.people.selected_id()
    monkeypatch.setattr(messages, "confirm_danger", lambda *a: True)
    shown: list[str] = []
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: shown.append(text))
    buttons = [
        b
        for b in window.people.findChildren(type(window.people.add_button("x", lambda: None)))
        if "UU PDP" in b.text()
    ]
    assert len(buttons) == 1
    buttons[0].click()
    assert chosen not in [
        window.people.model.id_at(r) for r in range(window.people.model.rowCount())
    ]
    assert store.rows("SELECT erased FROM people WHERE id = ?", (chosen,)) == [{"erased": 1}]
    [report] = shown  # what was erased where, and what cannot be recalled
    assert "rekaman dihapus permanen" in report and "Tidak dapat ditarik kembali:" in report
    assert names[0] not in report.lower()


def test_a_saved_new_session_is_selected_so_ctrl_d_opens_it(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in ("2026-11-01", "2026-11-02"):
        store.write("sessions", {"title": f"Lama {day}", "date": day})
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    written: list[str] = []

    def save_new(parent: object, store_: Store, session_id: str | None = None) -> str:
        written.append(store_.write("sessions", {"title": "Baru", "date": "2026-10-01"}))
        return written[-1]

    monkeypatch.setattr(SessionEditor, "ask", save_new)
    window.on_new_session_triggered()
    assert window.sessions.selected_id() == written[0]
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda p, t, text: warned.append(text))
    window.on_sign_in_triggered()  # what Ctrl+D does
    assert warned == [] and window.windows[-1].session.id == written[0]
    window.windows[-1].close()
    window.sessions.table.clearSelection()
    monkeypatch.setattr(SessionEditor, "ask", lambda p, s, session_id=None: session_id)
    window._edit_session(written[0])
    assert window.sessions.selected_id() == written[0]
