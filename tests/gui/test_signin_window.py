"""The daftar hadir screen driven as an officer would: by keyboard, with a signature, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyboard_focus import consent_box, focused
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from petugaspembina.gui import messages
from petugaspembina.gui.signin_window import SignInWindow
from petugaspembina.store.signin import session_sign_ins
from petugaspembina.store.store import Store

NAMES = [
    f"{given} {family}"
    for given, family in zip(
        ["Siti", "Budi", "Dewi", "Eko", "Fitri", "Hendra", "Indah", "Joko", "Kartini", "Lukman"]
        * 3,
        [
            "Aminah",
            "Santoso",
            "Lestari",
            "Saputra",
            "Hidayat",
            "Lubis",
            "Nasution",
            "Wijaya",
            "Rahman",
            "Hakim",
            "Siregar",
            "Pratama",
            "Gunawan",
            "Setiawan",
            "Kusuma",
        ]
        * 2,
        strict=True,
    )
]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SignInWindow:
    store = Store.open(tmp_path / "db.sqlite3")
    session_id = store.write(
        "sessions",
        {
            "title": "Sosialisasi TPPO",
            "date": "2026-11-22",
            "region_code": "17.71.01.1001",
            "village_name": "Pagar Dewa",
        },
    )
    widget = SignInWindow(store, session_id)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.form.name.setFocus()
    # closing at teardown must not ask about a half-typed entry (tests below ask for real)
    monkeypatch.setattr(messages, "ask_unsaved", lambda *a: "discard")
    return widget


def type_person(qtbot: QtBot, name: str, sex: str, year: str) -> None:
    qtbot.keyClicks(focused(), name)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), sex)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), year)
    qtbot.mouseClick(consent_box(), Qt.MouseButton.LeftButton)  # the person agrees
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_thirty_people_by_keyboard_only(window: SignInWindow, qtbot: QtBot) -> None:
    for index, name in enumerate(NAMES):
        type_person(qtbot, name, "LP"[index % 2], str(1970 + index))
        assert focused() is window.form.name, window.message.text()
    rows = session_sign_ins(window.store, window.session.id)
    assert [r.full_name for r in rows] == NAMES
    assert window.table.rowCount() == 30
    assert "Hadir: 30" in window.counts.text() and "L: 15, P: 15" in window.counts.text()
    assert {r.village_name for r in rows} == {"Pagar Dewa"}  # the session's village by default


def test_consent_is_unticked_for_each_person_and_required(
    window: SignInWindow, qtbot: QtBot
) -> None:
    assert not window.form.consent_data.isChecked()
    for text in ("Budi Santoso", "L"):
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "1980")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert "belum menyetujui datanya dicatat" in window.message.text()
    assert session_sign_ins(window.store, window.session.id) == []
    assert focused() is window.form.consent_data
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # ticked once the person agrees
    assert window.message.text() == ""  # the error goes once the person has acted on it
    window.form.submitted.emit()
    assert "tercatat hadir" in window.message.text()
    window.form.consent_data.setChecked(True)  # the next person ticks: the saved message stays
    assert "tercatat hadir" in window.message.text()
    window.form.consent_data.setChecked(False)
    assert [r.full_name for r in session_sign_ins(window.store, window.session.id)] == [
        "Budi Santoso"
    ]
    assert not window.form.consent_data.isChecked()  # the next person is asked again


def test_returning_person_with_one_keystroke_and_duplicate_refused(
    window: SignInWindow, qtbot: QtBot
) -> None:
    store = window.store
    earlier = store.write(
        "people",
        {"full_name": "Rahmat Hidayat", "sex": "L", "birth_year": 1985, "nik": "1771011302850001"},
    )
    qtbot.keyClicks(window.form.name, "hidayat")
    assert window.hits.count() == 1 and "1771********0001" in window.hits.item(0).text()
    qtbot.mouseClick(window.form.consent_data, Qt.MouseButton.LeftButton)
    qtbot.keyClick(focused(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    rows = session_sign_ins(store, window.session.id)
    assert [r.person_id for r in rows] == [earlier]
    qtbot.keyClicks(window.form.name, "rahmat")
    qtbot.keyClick(window.form.name, Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert "sudah tercatat hadir (nomor 1" in window.message.text()
    assert len(session_sign_ins(store, window.session.id)) == 1


def test_undo_and_inline_errors(window: SignInWindow, qtbot: QtBot) -> None:
    type_person(qtbot, "Yanti", "P", "1990")
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session_sign_ins(window.store, window.session.id) == []
    assert "dibatalkan" in window.message.text()
    type_person(qtbot, "Tanpa Kelamin", "", "1990")
    assert "Jenis kelamin" in window.message.text() and focused() is window.form.sex
    window.form.clear()
    window.form.name.setText("Anak Muda")
    window.form.sex.setText("P")
    window.form.birth_year.setText("2013")
    qtbot.keyClick(window.form.birth_year, Qt.Key.Key_Return)
    assert "orang tua/wali" in window.message.text() and focused() is window.form.guardian
    qtbot.keyClicks(window.form.guardian, "Ibu Ratna")
    qtbot.mouseClick(window.form.consent_data, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.form.guardian, Qt.Key.Key_Return)
    assert len(session_sign_ins(window.store, window.session.id)) == 1


def test_signature_is_drawn_and_stored(window: SignInWindow, qtbot: QtBot) -> None:
    pad = window.form.signature
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 60))
    for x in range(30, 300, 15):
        qtbot.mouseMove(pad, QPoint(x, 60 + (x % 40) - 20))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 70))
    assert not pad.is_empty()
    type_person(qtbot, "Dengan Tanda Tangan", "L", "1980")
    [row] = session_sign_ins(window.store, window.session.id)
    assert row.has_signature and pad.is_empty()
    stored = window.store.rows("SELECT signature_png FROM attendance")[0]["signature_png"]
    import base64

    assert base64.b64decode(stored).startswith(b"\x89PNG")


def came_before(
    window: SignInWindow, name: str, sex: str, year: int, nik: str | None = None
) -> str:
    """Someone from an earlier session of the same village."""
    values = {
        "full_name": name,
        "sex": sex,
        "birth_year": year,
        "region_code": "17.71.01.1001",
        "village_name": "Pagar Dewa",
    }
    if nik:
        values["nik"] = nik
    return window.store.write("people", values)


def people_count(window: SignInWindow) -> int:
    return int(window.store.rows("SELECT count(*) AS n FROM people")[0]["n"])


def test_typed_duplicate_with_enter_is_offered_the_match_not_created(
    window: SignInWindow, qtbot: QtBot
) -> None:
    siti = came_before(window, "Siti Aminah", "P", 1995)
    before = people_count(window)
    type_person(qtbot, "Siti Aminah", "P", "1995")  # typed in full, then Enter
    assert people_count(window) == before
    assert session_sign_ins(window.store, window.session.id) == []
    assert "Mungkin sudah pernah hadir" in window.message.text()
    assert window.hits.count() == 1 and "Siti Aminah" in window.hits.item(0).text()
    assert focused() is window.hits and window.new_person.isVisible()
    qtbot.keyClick(window.hits, Qt.Key.Key_Return)  # the match is one keystroke away
    rows = session_sign_ins(window.store, window.session.id)
    assert [r.person_id for r in rows] == [siti] and people_count(window) == before
    type_person(qtbot, "siti  AMINAH", "P", "1996")  # again, other spelling: refused by number
    assert "sudah tercatat hadir (nomor 1" in window.message.text()
    assert len(session_sign_ins(window.store, window.session.id)) == 1


def test_a_different_person_with_the_same_name_after_confirming(
    window: SignInWindow, qtbot: QtBot
) -> None:
    came_before(window, "Siti Aminah", "P", 1995)
    before = people_count(window)
    type_person(qtbot, "Siti Aminah", "P", "1995")
    window.new_person.click()  # the officer checked: another Siti Aminah
    assert people_count(window) == before + 1
    assert len(session_sign_ins(window.store, window.session.id)) == 1
    assert not window.new_person.isVisible()


def test_nik_clash_never_creates_a_second_person(window: SignInWindow, qtbot: QtBot) -> None:
    nik = "1771015507950002"
    came_before(window, "Dewi Lestari", "P", 1995, nik)
    before = people_count(window)
    window.form.name.setText("Rina Marlina")
    window.form.sex.setText("P")
    window.form.birth_year.setText("1990")
    window.form.nik.setText(nik)
    qtbot.keyClick(window.form.nik, Qt.Key.Key_Return)
    assert "NIK ini sudah tercatat untuk orang lain" in window.message.text()
    assert not window.new_person.isVisible()  # no way round it
    assert "nama lain" in window.hits.item(0).text()
    assert people_count(window) == before
    assert session_sign_ins(window.store, window.session.id) == []


def half_typed(qtbot: QtBot) -> None:
    qtbot.keyClicks(focused(), "Rina Marlina")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "P")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "1999")
    qtbot.mouseClick(consent_box(), Qt.MouseButton.LeftButton)


def test_closing_with_unsaved_entry_and_batal_keeps_the_window(
    window: SignInWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        messages, "ask_unsaved", lambda p, title, text: asked.append(title) or "cancel"
    )
    half_typed(qtbot)
    assert not window.close()
    assert asked == ["Data belum disimpan"]
    assert window.isVisible() and window.form.name.text() == "Rina Marlina"
    assert session_sign_ins(window.store, window.session.id) == []


def test_closing_with_unsaved_entry_and_simpan_saves_it_first(
    window: SignInWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "ask_unsaved", lambda *a: "save")
    half_typed(qtbot)
    assert window.close()
    rows = session_sign_ins(window.store, window.session.id)
    assert [(r.full_name, r.sex) for r in rows] == [("Rina Marlina", "P")]


def test_closing_with_unsaved_entry_that_cannot_be_saved_stays_open(
    window: SignInWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "ask_unsaved", lambda *a: "save")
    qtbot.keyClicks(focused(), "Rina Marlina")  # no sex, no birth year: not savable
    assert not window.close()
    assert window.message.text()  # the reason is shown
    assert session_sign_ins(window.store, window.session.id) == []


def test_closing_with_unsaved_entry_and_buang_discards_it(
    window: SignInWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "ask_unsaved", lambda *a: "discard")
    half_typed(qtbot)
    assert window.close()
    assert session_sign_ins(window.store, window.session.id) == []


def test_closing_an_empty_form_asks_nothing(
    window: SignInWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "ask_unsaved", lambda *a: pytest.fail("asked"))
    assert window.close()


def test_unsaved_question_defaults_to_batal(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    boxes: list[QMessageBox] = []

    def press(text: str | None) -> object:
        def run(box: QMessageBox) -> int:
            boxes.append(box)
            button = (
                box.defaultButton()
                if text is None
                else next(b for b in box.buttons() if b.text() == text)
            )
            button.click()
            return 0

        return run

    monkeypatch.setattr(QMessageBox, "exec", press(None))  # Enter
    assert messages.ask_unsaved(None, "Data belum disimpan", "teks") == "cancel"
    assert boxes[0].escapeButton().text() == "Batal"
    assert {b.text() for b in boxes[0].buttons()} == {"Simpan", "Buang", "Batal"}
    monkeypatch.setattr(QMessageBox, "exec", press("Simpan"))
    assert messages.ask_unsaved(None, "t", "teks") == "save"
    monkeypatch.setattr(QMessageBox, "exec", press("Buang"))
    assert messages.ask_unsaved(None, "t", "teks") == "discard"


def test_near_duplicate_in_one_session_is_offered_as_mirip(
    window: SignInWindow, qtbot: QtBot
) -> None:
    type_person(qtbot, "Siti Nurhaliza binti Abdul Rahman Hakim", "P", "1995")
    type_person(qtbot, "siti nurhaliza  binti abd rahman hakim", "P", "1995")
    assert len(session_sign_ins(window.store, window.session.id)) == 1  # not a second person
    assert window.hits.count() == 1 and "mirip" in window.hits.item(0).text()
    assert window.new_person.isVisible()


def test_signed_in_list_fits_1366x768_without_cut_names_or_labels(
    window: SignInWindow, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QFormLayout, QLabel

    window.resize(1366, 740)
    type_person(qtbot, "Siti Nurhaliza binti Abdul Rahman Hakim", "P", "1995")
    QApplication.processEvents()
    table = window.table
    metrics = table.fontMetrics()
    name_width = metrics.horizontalAdvance("Siti Nurhaliza binti Abdul Rahman Hakim")
    assert table.columnWidth(1) >= name_width  # the name is not cut
    assert table.columnWidth(0) < table.columnWidth(1) // 3  # the number column is narrow
    assert not table.horizontalScrollBar().isVisible()  # Desa without sideways scrolling
    layout = window.form.layout()
    assert isinstance(layout, QFormLayout)
    for label in window.form.findChildren(QLabel):
        if label.text():
            assert label.width() >= label.minimumSizeHint().width(), label.text()


def test_session_editor_shows_every_topic(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QTabWidget

    from petugaspembina.gui.session_editor import SessionEditor

    editor = SessionEditor(Store.open(tmp_path / "e.sqlite3"))
    qtbot.addWidget(editor)
    editor.show()
    topics = editor.topics
    tabs = editor.findChildren(QTabWidget)[0]
    tabs.setCurrentIndex(1)
    QApplication.processEvents()
    assert editor.height() <= 700
    assert topics.viewport().height() >= topics.count() * topics.sizeHintForRow(0)
    assert topics.indexAt(topics.viewport().rect().topLeft()).row() == 0  # the top is in sight


def test_typing_a_category_with_a_space_then_tab_goes_on_to_the_next_field(
    window: SignInWindow, qtbot: QtBot
) -> None:
    for text in ("Rina Marlina", "P", "1990"):
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert window.form.category.isAncestorOf(focused()) or focused() is window.form.category
    qtbot.keyClicks(focused(), "Tokoh Pemuda")
    assert not window.form.category.view().isVisible()  # no popup swallowed the typing
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert window.form.village.isAncestorOf(focused()) or focused() is window.form.village
    assert window.form.category.currentText() == "Tokoh Pemuda"
    window.form.phone.setFocus()
    qtbot.keyClicks(focused(), "0812-3456-7890")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.form.nik
    qtbot.mouseClick(window.form.consent_data, Qt.MouseButton.LeftButton)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    row = window.store.rows("SELECT category, phone FROM people")
    assert row and row[0]["category"] == "tokoh_pemuda" and row[0]["phone"]


def test_a_category_typed_in_lowercase_or_by_its_start_is_chosen(window: SignInWindow) -> None:
    combo = window.form.category
    for typed, code in (
        ("tokoh pemuda", "tokoh_pemuda"),
        ("bab", "babinsa"),
        ("irt", "masyarakat"),
    ):
        combo.setEditText(typed)
        assert window.form.entry().category == code, typed


def test_a_category_not_in_the_list_is_kept_as_typed_and_refused_by_name(
    window: SignInWindow, qtbot: QtBot
) -> None:
    """ "Guru honorer" and "Kader Posyandu" name no category: the typing stays on screen, and
    saving names what is wrong, puts the cursor back there and records nobody."""
    for typed in ("Guru honorer", "Kader Posyandu"):
        window.form.clear()
        for text in ("Sari Dewi", "P", "1990"):
            qtbot.keyClicks(focused(), text)
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), typed)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # leaving the field keeps the text
        assert window.form.category.currentText() == typed
        window.form.consent_data.setChecked(True)
        window.form.category.setFocus()
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        assert f'Kategori "{typed}" tidak ada di daftar' in window.message.text()
        assert window.form.category.currentText() == typed
        assert window.form.category.isAncestorOf(focused()) or focused() is window.form.category
        assert window.form.name.text() == "Sari Dewi"
        names = [r.full_name for r in session_sign_ins(window.store, window.session.id)]
        assert "Sari Dewi" not in names


def test_ibu_rumah_tangga_is_offered_and_counted_as_masyarakat_umum(
    window: SignInWindow, qtbot: QtBot
) -> None:
    """Typed "ibu" and Tab: the line reads what it is counted as; the sign-in keeps the
    occupation as the position (the bundle's category codes stay those every app reads)."""
    for text in ("Wartini", "P", "1975"):
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "ibu")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert window.form.category.currentText() == "Ibu Rumah Tangga (Masyarakat Umum)"
    window.form.consent_data.setChecked(True)
    window.form.name.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert "✔ Wartini tercatat hadir" in window.message.text()
    rows = window.store.rows("SELECT category, position FROM people")
    assert [(r["category"], r["position"]) for r in rows] == [("masyarakat", "Ibu Rumah Tangga")]


@pytest.mark.parametrize(
    ("typed", "line", "occupation"),
    [
        ("nelayan", "Nelayan (Masyarakat Umum)", "Nelayan"),
        ("Petani", "Petani (Masyarakat Umum)", "Petani"),
        ("buruh", "Buruh (Masyarakat Umum)", "Buruh"),
        ("pedagang", "Pedagang (Masyarakat Umum)", "Pedagang"),
        ("wiraswasta", "Wiraswasta (Masyarakat Umum)", "Wiraswasta"),
    ],
)
def test_a_common_village_occupation_is_offered_and_counted_as_masyarakat_umum(
    window: SignInWindow, qtbot: QtBot, typed: str, line: str, occupation: str
) -> None:
    """Typed in full and Tab: the line reads what it is counted as, saving records the person
    (not 'Kategori "nelayan" tidak ada di daftar') with the occupation as the position."""
    assert line in [window.form.category.itemText(i) for i in range(window.form.category.count())]
    for text in ("Yohanes Bala", "L", "1980"):
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), typed)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert window.form.category.currentText() == line
    window.form.consent_data.setChecked(True)
    window.form.name.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert "✔ Yohanes Bala tercatat hadir" in window.message.text()
    rows = window.store.rows("SELECT category, position FROM people")
    assert [(r["category"], r["position"]) for r in rows] == [("masyarakat", occupation)]


def test_mahasiswa_typed_is_the_pelajar_category(window: SignInWindow) -> None:
    window.form.category.setEditText("mahasiswa")
    entry = window.form.entry()
    assert (entry.category, entry.position) == ("pelajar", "")
    assert window.form.category.currentText() == "Pelajar / Mahasiswa"


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_no_form_label_is_cut_and_buttons_stay_when_a_message_appears(
    window: SignInWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton

    from petugaspembina.gui.form_labels import shown_text

    window.resize(*size)
    QApplication.processEvents()
    for label in window.form.findChildren(QLabel):
        if label.text() and label.isVisible():
            ink = label.fontMetrics().boundingRect(shown_text(label))
            assert label.sizeHint().width() <= label.width(), label.text()
            assert ink.right() < label.width(), label.text()  # the last letter is whole
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    before = {b.text(): b.mapTo(window, b.rect().topLeft()) for b in buttons}
    type_person(qtbot, "Raden Ajeng Siti Nurhaliza Kusumawardhani Prameswari Puspita", "P", "1990")
    QApplication.processEvents()
    assert "tercatat hadir" in window.message.text()
    assert window.message.heightForWidth(window.message.width()) <= window.message.height()
    after = {b.text(): b.mapTo(window, b.rect().topLeft()) for b in buttons}
    assert after == before  # nothing jumps while the next person is typed


def test_village_suggestions_of_the_sessions_area_come_first(
    window: SignInWindow, qtbot: QtBot
) -> None:
    """Pagar Dewa is a village name in three provinces; the session is in Kota Bengkulu: its own
    Pagar Dewa is suggested first, then Bengkulu's others, then Sumatera Selatan's and Lampung's."""
    picker = window.form.village
    picker.clear()
    qtbot.keyClicks(picker, "Pagar Dewa")
    shown = list(picker._found.values())
    assert shown[0].code == "17.71.01.1001"
    provinces = [region.code[:2] for region in shown]
    assert provinces[:5] == ["17"] * 5  # Bengkulu before the rest
    assert {"16", "18"} <= set(provinces[5:])


def test_enter_on_the_ticked_consent_box_saves_the_person(
    window: SignInWindow, qtbot: QtBot
) -> None:
    """Name, Tab, L, Tab, year, Tab… to the consent box, Space, Enter: saved, as Alt+S does."""
    for text in ("Budi Santoso", "L"):
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "1980")
    while focused() is not window.form.consent_data:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert window.form.consent_data.isChecked()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert "✔ Budi Santoso tercatat hadir (nomor 1)." in window.message.text()
    assert [r.full_name for r in session_sign_ins(window.store, window.session.id)] == [
        "Budi Santoso"
    ]
    assert focused() is window.form.name  # ready for the next person


def test_enter_in_the_category_saves_with_the_typed_guardian(
    window: SignInWindow, qtbot: QtBot
) -> None:
    """A child with a guardian, keys in a mixed order: the guardian typed first is kept."""
    qtbot.keyClicks(window.form.guardian, "Sulastri (ibu)")
    qtbot.keyClicks(window.form.name, "Rani Putri")
    qtbot.keyClicks(window.form.sex, "P")
    qtbot.keyClicks(window.form.birth_year, "2015")
    window.form.birth_year.setText("2014")  # corrected: nothing else is emptied
    window.form.consent_data.setChecked(True)
    window.form.category.setFocus()
    qtbot.keyClicks(focused(), "pel")
    qtbot.keyClick(focused(), Qt.Key.Key_Enter)
    assert "✔ Rani Putri tercatat hadir" in window.message.text()
    rows = window.store.rows("SELECT guardian_name FROM attendance")
    assert [r["guardian_name"] for r in rows] == ["Sulastri (ibu)"]


def test_nik_shows_its_digits_while_typed_and_dots_once_left(
    window: SignInWindow, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QLineEdit

    window.form.nik.setFocus()
    qtbot.keyClicks(focused(), "1671015507950002")
    assert focused() is window.form.nik
    assert window.form.nik.echoMode() == QLineEdit.EchoMode.Normal  # the person checks them
    assert window.form.nik.displayText() == "1671015507950002"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert window.form.nik.displayText() != "1671015507950002"  # masked once left
    assert "1671" not in window.form.nik.displayText()
    window.form.nik.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)  # back to correct it: nothing is lost
    assert window.form.nik.displayText() == "167101550795000"


def test_enter_in_the_village_list_picks_the_village_without_saving(
    window: SignInWindow, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.form.name, "Budi Santoso")
    window.form.village.setFocus()
    window.form.village.selectAll()
    qtbot.keyClicks(window.form.village, "Pagar Dewa")
    popup = window.form.village.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert window.form.village.region is not None  # picked from the list
    assert session_sign_ins(window.store, window.session.id) == []  # not saved by that Enter
    assert window.message.text() == ""
