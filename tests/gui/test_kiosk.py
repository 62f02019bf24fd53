"""The kiosk as a self-service station: fits small screens with every message, recognises a
returning participant without showing anyone else, hides the app behind it, guards the PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from petugaspembina.gui import kiosk
from petugaspembina.gui.kiosk import KioskWindow
from petugaspembina.gui.kiosk_pin import PinDialog
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.store.pin import set_pin, wrong_pins
from petugaspembina.store.signin import PersonEntry, session_sign_ins, sign_in
from petugaspembina.store.store import Store

SCREENS = {"1366x768": (1366, 768), "1280x720 (1920x1080 at 150 %)": (1280, 720)}


@pytest.fixture
def session(store: Store) -> str:
    return store.write(
        "sessions",
        {
            "title": "Sosialisasi Pencegahan TPPO di Desa Pagar Dewa",
            "date": "2026-11-22",
            "village_name": "Pagar Dewa",
        },
    )


@pytest.fixture
def earlier(store: Store) -> str:
    """A session Siti Aminah came to before."""
    earlier = store.write("sessions", {"title": "Sosialisasi lalu", "date": "2026-10-01"})
    sign_in(
        store,
        earlier,
        entry=PersonEntry(
            full_name="Siti Aminah", sex="P", birth_year="1995", village_name="Pagar Dewa"
        ),
    )
    return earlier


def unlock(window: QWidget) -> None:
    """Let the test's clean-up close the kiosk without asking for the PIN."""
    window._unlocked = True  # type: ignore[attr-defined]


def open_kiosk(qtbot: QtBot, store: Store, session: str, size: tuple[int, int]) -> KioskWindow:
    window = KioskWindow(store, session)
    qtbot.addWidget(window, before_close_func=unlock)
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    return window


def type_in(window: KioskWindow, name: str, sex: str, year: str, nik: str = "") -> None:
    window.name.setText(name)
    (window.male if sex == "L" else window.female).click()
    window.birth_year.setText(year)
    window.nik.setText(nik)
    window.consent_data.click()  # the participant agrees, as they must each time


def assert_all_on_screen(window: KioskWindow) -> None:
    """Every visible control and the message lie inside the window, nothing needs scrolling,
    and the message shows all its lines."""
    QApplication.processEvents()
    screen = QRect(QPoint(0, 0), window.size())
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(
            widget, QAbstractButton | QLineEdit | QComboBox | QLabel
        ):
            continue
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert screen.contains(rect), f"{type(widget).__name__} {widget.objectName()} at {rect}"
    scroll = window.findChild(QScrollArea)
    assert scroll is not None and scroll.verticalScrollBar().maximum() == 0
    assert scroll.horizontalScrollBar().maximum() == 0
    message = window.message
    assert message.heightForWidth(message.width()) <= message.height(), message.text()
    save = QRect(window.save.mapTo(window, QPoint(0, 0)), window.save.size())
    assert screen.contains(save)


@pytest.mark.parametrize("size", SCREENS.values(), ids=SCREENS.keys())
def test_kiosk_fits_small_screens_with_every_message(
    qtbot: QtBot,
    store: Store,
    session: str,
    earlier: str,
    size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_pin(store, "2468")
    window = open_kiosk(qtbot, store, session, size)
    seen: list[str] = []

    def check() -> None:
        seen.append(window.message.text())
        assert_all_on_screen(window)

    window.save.click()  # empty form: the first validation error
    check()
    window.name.setText("Budi Santoso")
    window.save.click()
    check()  # sex missing
    window.male.click()
    window.save.click()
    check()  # birth year missing
    window.birth_year.setText("2015")
    window.save.click()
    check()  # a child without a guardian: the longest field error
    window.birth_year.setText("1988")
    window.nik.setText("12345")
    window.save.click()
    check()  # NIK wrong
    window.nik.setText("")
    window.save.click()
    check()  # consent not given
    window.consent_data.click()
    window.save.click()
    check()  # thank you
    type_in(window, "siti aminah", "P", "1995")
    window.save.click()
    check()  # welcome back
    type_in(window, "Siti Aminah", "P", "1995")
    window.save.click()
    check()  # already signed in
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: "0000"))
    window.close()
    check()  # wrong PIN
    window.close()
    check()  # wait before the next try
    assert window.isVisible()
    for expected in (
        "Nama wajib",
        "Laki-laki atau Perempuan",
        "Tahun lahir wajib",
        "orang tua/wali",
        "NIK",
        "Terima kasih, Anda sudah tercatat",
        "Selamat datang kembali",
        "sudah tercatat hadir di kegiatan ini",
        "PIN salah",
        "Coba lagi dalam",
    ):
        assert any(expected in text for text in seen), expected


def test_kiosk_consent_is_unticked_and_saving_without_it_is_refused(
    qtbot: QtBot, store: Store, session: str
) -> None:
    window = open_kiosk(qtbot, store, session, (1366, 768))
    assert not window.consent_data.isChecked()  # the participant gives it, nobody for them
    window.name.setText("Budi Santoso")
    window.male.click()
    window.birth_year.setText("1988")
    window.save.click()
    assert "Centang “Saya setuju data saya dicatat”" in window.message.text()
    assert session_sign_ins(store, session) == []
    window.consent_data.click()
    assert window.message.text() == ""  # the answer to the problem goes once it is fixed
    window.save.click()
    assert window.message.text() == "Terima kasih, Anda sudah tercatat hadir."
    assert not window.consent_data.isChecked()  # unticked again for the next participant


def test_kiosk_controls_are_large_touch_targets(qtbot: QtBot, store: Store, session: str) -> None:
    window = open_kiosk(qtbot, store, session, SCREENS["1366x768"])
    controls = [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible() and isinstance(w, QAbstractButton | QLineEdit | QComboBox)
    ]
    assert len(controls) >= 14
    assert all(w.height() >= 44 for w in controls), [
        (type(w).__name__, w.height()) for w in controls if w.height() < 44
    ]
    assert window.male.isCheckable() and window.female.isCheckable()
    assert window.male.width() >= 120 and window.findChildren(QLineEdit)  # sex is not a text box
    window.female.click()
    window.male.click()
    assert window.male.isChecked() and not window.female.isChecked()
    assert "32px" in window.styleSheet()  # check box indicators


def test_kiosk_returning_person_is_the_same_person_with_one_attendance(
    qtbot: QtBot, store: Store, session: str, earlier: str
) -> None:
    people = store.rows("SELECT count(*) AS n FROM people")[0]["n"]
    first = session_sign_ins(store, earlier)[0].person_id
    window = open_kiosk(qtbot, store, session, SCREENS["1366x768"])
    type_in(window, "  SITI   aminah ", "P", "1996")  # other spelling, year one off
    window.save.click()
    assert "Selamat datang kembali" in window.message.text()
    assert "Siti" not in window.message.text()
    assert store.rows("SELECT count(*) AS n FROM people")[0]["n"] == people
    rows = session_sign_ins(store, session)
    assert [r.person_id for r in rows] == [first]
    assert rows[0].full_name == "Siti Aminah"


def test_kiosk_second_sign_in_is_refused_without_naming_anyone(
    qtbot: QtBot, store: Store, session: str
) -> None:
    window = open_kiosk(qtbot, store, session, SCREENS["1366x768"])
    for _ in range(2):
        type_in(window, "Rahmat Hidayat", "L", "1979")
        window.save.click()
    text = window.message.text()
    assert "sudah tercatat hadir di kegiatan ini" in text
    assert "Rahmat" not in text and "nomor" not in text and "1" not in text
    assert len(session_sign_ins(store, session)) == 1
    assert window.name.text() == ""  # nothing left for the next participant to read


def test_kiosk_nik_of_another_person_is_refused_without_revealing_them(
    qtbot: QtBot, store: Store, session: str
) -> None:
    nik = "1671015507950002"
    other = store.write("sessions", {"title": "Lalu", "date": "2026-10-01"})
    sign_in(
        store,
        other,
        entry=PersonEntry(full_name="Dewi Lestari", sex="P", birth_year="1995", nik=nik),
    )
    people = store.rows("SELECT count(*) AS n FROM people")[0]["n"]
    window = open_kiosk(qtbot, store, session, SCREENS["1366x768"])
    type_in(window, "Rina Marlina", "P", "1995", nik)
    window.save.click()
    text = window.message.text()
    assert "NIK ini sudah terdaftar" in text and "Dewi" not in text and "1995" not in text
    assert store.rows("SELECT count(*) AS n FROM people")[0]["n"] == people
    assert session_sign_ins(store, session) == []


def test_kiosk_hides_the_main_window_until_the_pin_is_given(
    qtbot: QtBot, store: Store, session: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.show()
    set_pin(store, "2468")
    window = KioskWindow.start(main, store, session)
    assert window is not None
    qtbot.addWidget(window, before_close_func=unlock)
    assert window.isFullScreen() and not main.isVisible()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [window]  # nothing to Alt+Tab to
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: None))
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # cancelled: stays
    assert window.isVisible() and not main.isVisible()
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: "2468"))
    window.close()
    assert not window.isVisible() and main.isVisible()


def test_pin_set_up_says_when_the_two_pins_differ(qtbot: QtBot) -> None:
    dialog = PinDialog("PIN", confirm=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "4–8 angka" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    qtbot.keyClicks(dialog.pin, "1234")
    qtbot.keyClicks(dialog.again, "1243")
    dialog.on_ok_clicked()
    assert dialog.isVisible() and dialog.result() != PinDialog.DialogCode.Accepted
    assert "tidak sama" in dialog.error.text() and dialog.again.text() == ""
    dialog.pin.setText("12")
    dialog.again.setText("12")
    dialog.on_ok_clicked()
    assert "4 sampai 8" in dialog.error.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.pin, "a!")  # letters never get in
    assert dialog.pin.text() == "12"
    dialog.pin.setText("12345")
    dialog.again.setText("12345")
    dialog.on_ok_clicked()
    assert dialog.result() == PinDialog.DialogCode.Accepted


def test_wrong_pins_wait_longer_each_time_and_are_logged(
    qtbot: QtBot,
    store: Store,
    session: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    set_pin(store, "2468")
    now = [1000.0]
    monkeypatch.setattr(kiosk, "_clock", lambda: now[0])
    asked: list[int] = []
    answer = ["0000"]

    def ask(cls: type, *args: object, **kwargs: object) -> str:
        asked.append(1)
        return answer[0]

    monkeypatch.setattr(PinDialog, "ask", classmethod(ask))
    window = open_kiosk(qtbot, store, session, SCREENS["1366x768"])
    window.close()
    assert "Coba lagi dalam 2 detik" in window.message.text()
    answer[0] = "2468"
    window.close()  # too soon: not even asked
    assert len(asked) == 1 and window.isVisible() and "Coba lagi dalam" in window.message.text()
    now[0] += 3
    answer[0] = "1111"
    window.close()
    assert "Coba lagi dalam 4 detik" in window.message.text()
    now[0] += 5
    answer[0] = "9999"
    window.close()
    assert "Coba lagi dalam 8 detik" in window.message.text()
    assert wrong_pins(store) == 3
    audit = [e for e in store.audit_entries() if e["action"] == "kiosk_pin_wrong"]
    assert len(audit) == 3
    logged = " ".join(str(e) for e in audit) + caplog.text
    assert "0000" not in logged and "1111" not in logged and "9999" not in logged
    assert "wrong PIN, 3 in a row" in caplog.text
    now[0] += 9
    answer[0] = "2468"
    window.close()
    assert not window.isVisible() and wrong_pins(store) == 0


def test_kiosk_thank_you_goes_when_the_next_person_types_or_after_a_while(
    qtbot: QtBot, store: Store, session: str
) -> None:
    window = open_kiosk(qtbot, store, session, SCREENS["1366x768"])
    type_in(window, "Rina Marlina", "P", "1999")
    window.save.click()
    assert "Terima kasih" in window.message.text() and window.name.text() == ""
    qtbot.keyClicks(window.name, "B")  # the next participant starts typing
    assert window.message.text() == ""
    type_in(window, "Budi Santoso", "L", "1990")
    window.save.click()
    assert "Terima kasih" in window.message.text()
    qtbot.waitUntil(
        lambda: window.message.text() == "", timeout=kiosk.MESSAGE_SECONDS * 1000 + 2000
    )


def test_kiosk_wrong_pin_returns_focus_to_nama(
    qtbot: QtBot, store: Store, session: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_pin(store, "2468")
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: "0000"))
    window = open_kiosk(qtbot, store, session, SCREENS["1366x768"])
    window.activateWindow()
    window.phone.setFocus()
    window.close()
    assert "PIN salah" in window.message.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.name)


def test_kiosk_pin_dialog_uses_the_kiosk_type_size(
    qtbot: QtBot, store: Store, session: str
) -> None:
    window = open_kiosk(qtbot, store, session, SCREENS["1366x768"])
    dialog = PinDialog("Keluar dari mode kiosk", False, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.font().pointSize() == window.font().pointSize() == 16
    assert dialog.pin.font().pointSize() == 16


def test_kiosk_enter_on_the_consent_box_saves(qtbot: QtBot, store: Store, session: str) -> None:
    window = open_kiosk(qtbot, store, session, (1366, 768))
    window.activateWindow()
    window.name.setText("Budi Santoso")
    window.male.click()
    window.birth_year.setText("1988")
    window.consent_data.setFocus()
    qtbot.keyClick(window.consent_data, Qt.Key.Key_Space)
    assert window.consent_data.isChecked()
    qtbot.keyClick(window.consent_data, Qt.Key.Key_Return)
    assert window.message.text() == "Terima kasih, Anda sudah tercatat hadir."
    assert [r.full_name for r in session_sign_ins(store, session)] == ["Budi Santoso"]


def test_kiosk_nik_shows_digits_while_typed_and_dots_once_left(
    qtbot: QtBot, store: Store, session: str
) -> None:
    window = open_kiosk(qtbot, store, session, (1366, 768))
    window.activateWindow()
    window.nik.setFocus()
    qtbot.keyClicks(window.nik, "1671015507950002")
    assert window.nik.displayText() == "1671015507950002"
    window.guardian.setFocus()
    assert "1671" not in window.nik.displayText()
    assert window.nik.text() == "1671015507950002"


def test_kiosk_offers_ibu_rumah_tangga_counted_as_masyarakat_umum(
    qtbot: QtBot, store: Store, session: str
) -> None:
    """The participant finds "Ibu Rumah Tangga" in the list; the sign-in is counted as Masyarakat
    Umum (a category every app reads) with the occupation kept as the position."""
    window = open_kiosk(qtbot, store, session, (1366, 768))
    shown = [window.category.itemText(i) for i in range(window.category.count())]
    assert "Ibu Rumah Tangga (Masyarakat Umum)" in shown
    type_in(window, "Wartini", "P", "1975")
    window.category.setCurrentIndex(shown.index("Ibu Rumah Tangga (Masyarakat Umum)"))
    window.save.click()
    assert window.message.text() == "Terima kasih, Anda sudah tercatat hadir."
    rows = store.rows("SELECT category, position FROM people")
    assert [(r["category"], r["position"]) for r in rows] == [("masyarakat", "Ibu Rumah Tangga")]
    assert window.category.currentIndex() == 0  # emptied for the next participant
