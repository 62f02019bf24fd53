"""Every window and dialog of the app on a 1366×768 laptop: no two controls share an Alt+letter,
no label shows a literal "&", and nothing visible lies outside the screen (screen_checks.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from screen_checks import SCREEN, mnemonic, screen_problems, show_on_screen, walk

from petugaspembina.demo import generate
from petugaspembina.profile import create_profile
from petugaspembina.store.store import Store

Factory = Callable[[Store, Path, pytest.MonkeyPatch], QWidget]


@pytest.fixture
def demo(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "demo.sqlite3")  # lives as long as the windows on it
    create_profile(store, "Rahmat Hidayat", "198609262015051001", "Kanim Bengkulu", None)
    generate(store, seed=5, sessions=3)
    return store


def _session(store: Store) -> str:
    return str(store.rows("SELECT id FROM sessions ORDER BY date DESC LIMIT 1")[0]["id"])


def _person(store: Store) -> str:
    return str(store.rows("SELECT id FROM people ORDER BY full_name LIMIT 1")[0]["id"])


def _main_window(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.main_window import MainWindow

    return MainWindow(store)


def _new_session(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.session_editor import SessionEditor

    return SessionEditor(store)


def _edit_session(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.session_editor import SessionEditor

    return SessionEditor(store, _session(store))


def _sign_in(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.signin_window import SignInWindow

    return SignInWindow(store, _session(store))


def _sign_in_from_paper(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.signin_window import SignInWindow

    window = SignInWindow(store, _session(store))
    window.paper_mode.setChecked(True)  # the banner shows, the signature pad is hidden
    return window


def _kiosk(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.kiosk import KioskWindow, PinDialog

    mp.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: "1234"))
    window = KioskWindow.start(None, store, _session(store))
    assert window is not None
    mp.setattr(window, "closeEvent", lambda event: event.accept())  # no PIN asked at teardown
    return window


def _pin(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.kiosk import PinDialog

    return PinDialog("PIN untuk keluar dari mode kiosk", True)


def _lock_screen(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from PySide6.QtCore import Qt

    from petugaspembina.gui.lock_screen import LockScreen

    window = LockScreen(store, lambda text: False)
    window.setWindowState(Qt.WindowState.WindowFullScreen)
    window.message.setText("Kata sandi salah. Coba lagi dalam 300 detik.")  # the longest
    mp.setattr(window, "closeEvent", lambda event: event.accept())  # unlocked at teardown
    return window


def _lock_settings(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.lock_settings import LockSettingsDialog

    return LockSettingsDialog(store)


def _new_referral(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.referral_dialog import ReferralDialog

    return ReferralDialog(store, person_id=_person(store))


def _open_referral(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.referral_dialog import ReferralDialog

    referral = store.rows("SELECT id FROM referrals LIMIT 1")[0]["id"]
    return ReferralDialog(store, referral_id=referral)


def _agencies(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.agencies_dialog import AgenciesDialog

    return AgenciesDialog(store)


def _office(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.office_dialog import OfficeDialog

    return OfficeDialog(store)


def _person_with_guardian(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    """Ubah data peserta opened from a child's sign-in: the guardian and a two-line note."""
    from petugaspembina.gui.person_dialog import PersonDialog
    from petugaspembina.store.signin import PersonEntry, sign_in

    session = store.write(
        "sessions",
        {"title": "Sosialisasi Pencegahan TPPO di Desa Pagar Dewa", "date": "2026-11-22"},
    )
    child = PersonEntry(full_name="Rani Putri", sex="P", birth_year="2014")
    done = sign_in(store, session, entry=child, guardian_name="Sulastri (ibu)", matches="new")
    return PersonDialog(store, done.person_id, attendance_id=done.attendance_id)


def _first_run(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.first_run import FirstRunDialog

    return FirstRunDialog(tmp / "baru" / "petugaspembina.sqlite3")


def _list_import(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.list_import_dialog import ListImportDialog

    path = tmp / "desa.csv"
    path.write_text(
        "Nama;L/P;Tahun Lahir;Desa;No HP;NIK\n"
        + "".join(f"Peserta {n};P;1990;Pagar Dewa;0812345678{n:02d};\n" for n in range(30))
        + "Tanpa Jenis;X;1980;;;\n",
        encoding="utf-8",
    )
    dialog = ListImportDialog(store)
    dialog.load(path)
    return dialog


def _audit(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.audit_dialog import AuditDialog

    return AuditDialog(store)


def _unexpected_error(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui import errors

    try:
        raise KeyError("x")
    except KeyError as exc:
        return errors.report_unexpected(None, exc)


def _register(store: Store) -> str:
    from petugaspembina.demo_desa import seed_register

    return seed_register(store, villages=2, quiet="61.12.08.2013")[0]


def _desa_binaan_view(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.desa_views import DesaBinaanView

    _register(store)
    view = DesaBinaanView(store)
    view.resize(1150, 700)  # the main window's default size
    return view


def _new_desa_binaan(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.desa_dialog import DesaBinaanDialog

    return DesaBinaanDialog(store, session_id=_session(store))


def _edit_desa_binaan(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.desa_dialog import DesaBinaanDialog

    return DesaBinaanDialog(store, village_id=_register(store))


def _end_desa_binaan(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.desa_dialog import EndDialog
    from petugaspembina.store.desa_binaan import get_entry

    return EndDialog(store, get_entry(store, _register(store)))


def _change_password(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.change_password import ChangePasswordDialog

    assert store.path is not None
    return ChangePasswordDialog(store, store.path)


def _recovery(store: Store, tmp: Path, mp: pytest.MonkeyPatch) -> QWidget:
    from petugaspembina.gui.password_dialogs import RecoveryDialog

    assert store.path is not None
    return RecoveryDialog(store.path)


WINDOWS: dict[str, Factory] = {
    "jendela utama": _main_window,
    "kegiatan baru": _new_session,
    "ubah kegiatan": _edit_session,
    "daftar hadir": _sign_in,
    "daftar hadir dari kertas": _sign_in_from_paper,
    "kiosk": _kiosk,
    "PIN kiosk": _pin,
    "kunci aplikasi": _lock_screen,
    "kunci otomatis": _lock_settings,
    "ganti kata sandi": _change_password,
    "kunci pemulihan": _recovery,
    "rujukan baru": _new_referral,
    "rujukan": _open_referral,
    "instansi": _agencies,
    "profil kantor": _office,
    "pertama kali": _first_run,
    "ubah data peserta (wali)": _person_with_guardian,
    "impor daftar peserta": _list_import,
    "catatan audit": _audit,
    "kesalahan tak terduga": _unexpected_error,
    "desa binaan (kantor)": _desa_binaan_view,
    "desa binaan baru": _new_desa_binaan,
    "ubah desa binaan": _edit_desa_binaan,
    "akhiri desa binaan": _end_desa_binaan,
}


@pytest.mark.parametrize("name", list(WINDOWS))
def test_window_fits_1366x768_with_unique_mnemonics_and_no_literal_ampersand(
    name: str, qtbot: QtBot, demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = WINDOWS[name](demo, tmp_path, monkeypatch)
    qtbot.addWidget(window)
    assert walk(qtbot, window) == []


def test_erase_confirmation_fits_the_screen(
    qtbot: QtBot, demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.gui.main_window import MainWindow

    window = MainWindow(demo)
    qtbot.addWidget(window)
    show_on_screen(qtbot, window)
    window.tabs.setCurrentWidget(window.people)
    window.people.table.selectRow(0)
    seen: list[list[str]] = []

    def exec_(box: QMessageBox) -> int:
        show_on_screen(qtbot, box)
        seen.append(screen_problems(box))
        box.hide()
        return int(QMessageBox.StandardButton.No)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.on_erase_person_triggered()
    assert seen == [[]]
    assert demo.rows("SELECT count(*) AS n FROM people WHERE deleted = 0")[0]["n"] > 0


def test_the_checks_find_what_they_look_for(qtbot: QtBot) -> None:
    """The walker itself: a duplicate Alt+letter, a literal "&" and a control off the screen."""
    from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton

    assert mnemonic("Je&nis") == "n" and mnemonic("A && B") is None and mnemonic("&&&Ok") == "o"
    dialog = QWidget()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    form.addRow("&Jenis", QLineEdit())
    form.addRow("&Judul", QLineEdit())
    row = QHBoxLayout()
    row.addWidget(QLineEdit())
    form.addRow("&Waktu", row)  # no buddy: shows "&Waktu"
    tall = QPushButton("Simpan")
    tall.setMinimumHeight(900)
    form.addRow(tall)
    problems = walk(qtbot, dialog)
    assert any("Alt+J" in p for p in problems)
    assert any("'&Waktu'" in p for p in problems)
    assert any("Simpan" in p and "di luar layar" in p for p in problems)
    assert SCREEN.width() == 1366 and SCREEN.height() == 768


@pytest.mark.parametrize("name", [n for n in WINDOWS if n != "kiosk"])
def test_the_english_windows_pass_the_same_checks(
    name: str, qtbot: QtBot, demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from petugaspembina.gui.launch import install_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_language(app, "en")
    assert translator is not None
    try:
        window = WINDOWS[name](demo, tmp_path, monkeypatch)
        qtbot.addWidget(window)
        assert walk(qtbot, window) == []
    finally:
        app.removeTranslator(translator)


FIRST_FIELDS = {
    "kegiatan baru": "title_edit",
    "ubah kegiatan": "title_edit",
    "rujukan baru": "risk",
    "rujukan": "risk",
    "instansi": "table",
    "profil kantor": "letterhead",
    "pertama kali": "name",
    "PIN kiosk": "pin",
    "desa binaan baru": "village",
    "ubah desa binaan": "sk_number",
    "akhiri desa binaan": "day",
}


@pytest.mark.parametrize("name", list(FIRST_FIELDS))
def test_every_editor_opens_with_its_first_field_focused(
    name: str, qtbot: QtBot, demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = WINDOWS[name](demo, tmp_path, monkeypatch)
    qtbot.addWidget(window)
    show_on_screen(qtbot, window)
    assert window.focusWidget() is getattr(window, FIRST_FIELDS[name])


def test_sign_in_opens_with_the_name_field_focused(
    qtbot: QtBot, demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _sign_in(demo, tmp_path, monkeypatch)
    qtbot.addWidget(window)
    show_on_screen(qtbot, window)
    assert window.focusWidget() is window.form.name  # type: ignore[attr-defined]


def test_the_clerks_window_gives_desa_binaan_and_desa_saya_their_own_letters(
    qtbot: QtBot, demo: Store
) -> None:
    """Desa sa&ya (officer) shares no Alt+letter with the menus or the other tabs; the clerk's
    Desa Binaan tab reads as its plain name (no letter of it is free) and answers Alt+J, which
    no control claims and its tooltip shows."""
    from screen_checks import mnemonics

    from petugaspembina.gui.main_window import MainWindow

    window = MainWindow(demo)
    qtbot.addWidget(window)
    show_on_screen(qtbot, window)
    assert mnemonics(window)["y"] == ["Desa sa&ya"]
    window.on_role_triggered("kantor")
    assert window.clerk is not None
    desa = window.tabs.indexOf(window.clerk.desa)
    assert window.tabs.tabText(desa) == "Desa Binaan"
    assert "Alt+J" in window.tabs.tabToolTip(desa)
    for index in range(window.tabs.count()):  # whichever tab is showing
        window.tabs.setCurrentIndex(index)
        found = mnemonics(window)
        assert "j" not in found  # Alt+J is the Desa Binaan tab's
        assert "y" not in found  # Desa saya is the officer's
        qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
        assert window.tabs.currentWidget() is window.clerk.desa


def test_office_profile_fields_are_wide_with_the_letterhead_above_alamat(
    qtbot: QtBot, demo: Store
) -> None:
    from petugaspembina.gui.office_dialog import OfficeDialog

    dialog = OfficeDialog(demo)
    qtbot.addWidget(dialog)
    show_on_screen(qtbot, dialog)
    address = dialog.edits["address"]
    assert dialog.letterhead.geometry().bottom() < address.geometry().top()
    assert address.width() >= dialog.width() * 0.6  # the typing column, not the labels, is wide
    assert dialog.frameGeometry().height() <= 768


def test_sign_in_window_fits_the_free_area_of_the_screen(qtbot: QtBot, demo: Store) -> None:
    """Placed by the app, not by a window manager that might put it past the screen's bottom."""
    from petugaspembina.gui.signin_window import SignInWindow

    session = str(demo.rows("SELECT id FROM sessions LIMIT 1")[0]["id"])
    window = SignInWindow(demo, session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    free, shown = window.screen().availableGeometry(), window.geometry()
    assert shown.top() >= free.top() + 20  # room for its title bar
    assert shown.bottom() <= free.bottom(), (shown, free)  # the buttons at its foot are seen
    assert shown.height() <= 700 and shown.width() <= 1100
