"""A whole village visit played as an officer would, on a 1366×768 laptop and again at 1280×720
(1920×1080 at 150 %): first run for the Batulicin office, a new session with its village picked
from the Kemendagri list, 30 sign-ins by keyboard (5 signed on the pad, 3 returning people, a
duplicate typed by hand, a NIK clash), the kiosk with 10 self sign-ins, corrections, a referral
through its statuses, then the certificates and the daftar hadir made from the Dokumen tab.

At every screen the test checks what a person sees: every control and message inside the screen
(screen_checks.screen_problems), and the counts the lists show."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from keyboard_focus import consent_box, focused
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from screen_checks import screen_problems, show_on_screen

from petugaspembina.core.enums import ReferralStatus
from petugaspembina.core.records import Referral
from petugaspembina.gui import messages
from petugaspembina.gui.first_run import FirstRunDialog
from petugaspembina.gui.kiosk import KioskWindow
from petugaspembina.gui.kiosk_pin import PinDialog
from petugaspembina.gui.listing_view import ListingView
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.gui.office_dialog import OfficeDialog
from petugaspembina.gui.person_dialog import PersonDialog
from petugaspembina.gui.referral_dialog import ReferralDialog
from petugaspembina.gui.session_editor import SessionEditor
from petugaspembina.gui.signin_window import SignInWindow
from petugaspembina.profile import create_profile
from petugaspembina.store.signin import PersonEntry, session_sign_ins, sign_in
from petugaspembina.store.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the documents helpers
from documents.helpers import pdf_image_count, pdf_pages

SCREENS = {"1366x768": QRect(0, 0, 1366, 768), "1280x720": QRect(0, 0, 1280, 720)}
OFFICE = "Kantor Imigrasi Kelas II TPI Batulicin"
VILLAGE = "63.10.01.1007"  # Batulicin, Kec. Batu Licin, Kab. Tanah Bumbu
PIN = "2468"

# People of last month's visit to the same village: some come again today.
EARLIER = [
    ("Muhammad Rizky Pratama", "L", "1992", ""),
    ("Nur Aisyah Fitriani", "P", "1997", ""),
    ("Abdul Gafur bin Haji Ismail", "L", "1968", ""),
    ("Siti Aminah", "P", "1995", ""),
    ("Rusdiana Hairani", "P", "1989", ""),
    ("Dewi Kartika Sari", "P", "1993", "6310015507930002"),
]
MISSPELLED = "Siti Nurhalizza binti Abdul Rahman Hakim"
CORRECTED = "Siti Nurhaliza binti Abdul Rahman Hakim"
# New people typed at the officer's laptop (26), the first one with a typing mistake.
NEW = [
    (MISSPELLED, "P", "1994"),
    ("Budi Santoso", "L", "1985"),
    ("Hj. Rahmawati Nur Fadhilah", "P", "1979"),
    ("Ahmad Fauzan Syahputra bin Muhammad Yusuf", "L", "1990"),
    ("Norhasanah", "P", "2001"),
    ("Muhammad Ilham Maulana", "L", "1999"),
    ("Fitriyani Rahmadhani Putri", "P", "1996"),
    ("Gusti Muhammad Arsyad Al-Banjari", "L", "1975"),
    ("Siti Mardiana", "P", "1988"),
    ("Rahmat Hidayatullah", "L", "1983"),
    ("Maulida Rahmah", "P", "2000"),
    ("Hendra Gunawan Saputra", "L", "1991"),
    ("Ernawati Kusumaningrum", "P", "1986"),
    ("Syahrul Ramadhan", "L", "1998"),
    ("Yuliana Safitri", "P", "1993"),
    ("Andi Muhammad Fadli Pangeran", "L", "1980"),
    ("Noor Jannah", "P", "1977"),
    ("Dedi Kurniawan", "L", "1987"),
    ("Wahyuni Sri Lestari", "P", "1995"),
    ("Ridwan Kamil Hasibuan", "L", "1984"),
    ("Aulia Rahmi", "P", "2002"),
    ("Taufik Hidayat Nasution", "L", "1976"),
    ("Mariani binti Haji Abdullah", "P", "1970"),
    ("Zainal Arifin", "L", "1982"),
    ("Khairunnisa Salsabila", "P", "2003"),
]
NIK_CLASH = ("Rina Marlina Oktaviani", "P", "1990")  # types Dewi Kartika Sari's NIK by mistake
RETURNING = [("rizky pra", "Muhammad Rizky Pratama"), ("aisyah", "Nur Aisyah Fitriani")]
RETURNING += [("abdul gafur", "Abdul Gafur bin Haji Ismail")]
SIGNED = {0, 5, 10, 15, 20}  # positions of NEW people who sign on the pad
KIOSK = [
    ("Ahmad Zulkifli", "L", "1994"),
    ("Rusdiana   HAIRANI", "P", "1990"),  # came last month: welcome back, same person
    ("Lina Marlina", "P", "1999"),
    ("Budi Santoso", "L", "1985"),  # signed in at the officer's laptop already: refused
    ("Fahrul Razi", "L", "1997"),
    ("Nurul Hidayah Ramadhani", "P", "2004"),
    ("Sugianto", "L", "1972"),
    ("Herlina Wati", "P", "1981"),
    ("Akhmad Rifani", "L", "1989"),
    ("Nor Laila", "P", "1992"),
]


def check(window: QWidget, screen: QRect) -> None:
    """What the person sees fits the screen: no control or message outside it."""
    QApplication.processEvents()
    assert screen_problems(window, screen) == []


def cell(view: ListingView, row: int, header: str) -> str:
    """The text a person reads in a list's cell."""
    model = view.model
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == header
    )
    return str(model.data(model.index(row, column)))


def row_of(view: ListingView, header: str, text: str) -> int:
    return next(r for r in range(view.model.rowCount()) if cell(view, r, header) == text)


def type_person(qtbot: QtBot, name: str, sex: str, year: str) -> None:
    """Name, Tab, sex, Tab, year, Enter — as on the officer's keyboard."""
    qtbot.keyClicks(focused(), name)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), sex)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), year)
    qtbot.mouseClick(consent_box(), Qt.MouseButton.LeftButton)  # the person agrees
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def draw_signature(qtbot: QtBot, pad: QWidget, seed: int) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 50))
    for x in range(30, 280, 12):
        qtbot.mouseMove(pad, QPoint(x, 50 + ((x * (seed + 3)) % 50) - 25))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(280, 60))


def people_count(store: Store) -> int:
    return int(store.rows("SELECT count(*) AS n FROM people WHERE deleted = 0")[0]["n"])


def button(widget: QWidget, text: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    assert len(found) == 1, text
    return found[0]


def drive(
    monkeypatch: pytest.MonkeyPatch, cls: type, steps: Callable[[QWidget], None]
) -> list[QWidget]:
    """Play ``steps`` in the next ``cls`` dialog the window opens (instead of its blocking
    exec); the dialog's result is what its buttons set."""
    opened: list[QWidget] = []

    def run(dialog: QWidget) -> int:
        opened.append(dialog)
        steps(dialog)
        dialog.hide()
        return int(dialog.result())  # type: ignore[attr-defined]

    monkeypatch.setattr(cls, "exec", run)
    return opened


def first_run(tmp_path: Path, qtbot: QtBot, screen: QRect) -> Store:
    """The first-run questions answered for the Batulicin office; the profile made from them
    as the app does at its first start."""
    database = tmp_path / "petugaspembina.sqlite3"
    dialog = FirstRunDialog(database)
    qtbot.addWidget(dialog)
    show_on_screen(qtbot, dialog, screen)
    check(dialog, screen)
    qtbot.keyClicks(dialog.name, "Muhammad Arief Budiman")
    qtbot.keyClicks(dialog.nip, "19880412 201012 1 003")
    dialog.office.setCurrentText(OFFICE)
    qtbot.keyClicks(dialog.position, "Pemeriksa Keimigrasian Ahli Pertama")
    dialog.on_start_clicked()
    answers = dialog.answers
    assert answers is not None and answers.office == OFFICE
    store = Store.open(answers.database)
    create_profile(store, answers.name, answers.nip, answers.office, answers.position)
    return store


def last_month(store: Store) -> None:
    """Last month's visit to the same village (before this laptop's data was new)."""
    earlier = store.write(
        "sessions",
        {
            "title": "Sosialisasi Keimigrasian",
            "date": "2026-10-15",
            "region_code": VILLAGE,
            "village_name": "Batulicin",
        },
    )
    for name, sex, year, nik in EARLIER:
        entry = PersonEntry(name, sex, year, region_code=VILLAGE, village_name="Batulicin", nik=nik)
        sign_in(store, earlier, entry=entry)


@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_a_whole_village_visit(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, screen: QRect
) -> None:
    store = first_run(tmp_path, qtbot, screen)
    last_month(store)
    main = MainWindow(store)
    qtbot.addWidget(main)
    show_on_screen(qtbot, main, screen)
    for index in range(main.tabs.count()):
        main.tabs.setCurrentIndex(index)
        check(main, screen)
    main.tabs.setCurrentWidget(main.sessions)

    # -- a new session, its village picked from the Kemendagri list ---------------------------
    def new_session(editor: QWidget) -> None:
        assert isinstance(editor, SessionEditor)
        show_on_screen(qtbot, editor, screen)
        check(editor, screen)
        editor.activateWindow()
        assert focused() is editor.title_edit
        qtbot.keyClicks(editor.title_edit, "Sosialisasi Pencegahan TPPO dan Pekerja Migran")
        qtbot.keyClicks(editor.venue, "Balai Desa Batulicin")
        qtbot.keyClicks(editor.village, "Batulic")
        popup = editor.village.completer().popup()
        qtbot.waitUntil(popup.isVisible)
        assert "Kec. Batu Licin" in popup.model().index(0, 0).data()
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert editor.village.region is not None and editor.village.region.code == VILLAGE
        check(editor, screen)
        button(editor, "Simpan").click()

    drive(monkeypatch, SessionEditor, new_session)
    qtbot.keyClick(main, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert main.sessions.model.rowCount() == 2
    today = row_of(main.sessions, "Judul", "Sosialisasi Pencegahan TPPO dan Pekerja Migran")
    assert cell(main.sessions, today, "Desa/Kelurahan") == "Batulicin"
    assert cell(main.sessions, today, "Hadir") == "0"
    assert cell(main.sessions, today, "Petugas") == "Muhammad Arief Budiman"
    session_id = str(main.sessions.model.id_at(today))
    check(main, screen)

    # -- 30 sign-ins by keyboard --------------------------------------------------------------
    main.sessions.table.selectRow(today)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    qtbot.keyClick(main.sessions.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    [window] = [w for w in main.windows if isinstance(w, SignInWindow)]
    qtbot.addWidget(window)
    show_on_screen(qtbot, window, screen)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.form.name.setFocus()
    check(window, screen)
    people_before = people_count(store)
    signed_up = 0

    def signed_in() -> int:
        return len(session_sign_ins(store, session_id))

    def new_person(index: int) -> None:
        nonlocal signed_up
        name, sex, year = NEW[index]
        if index in SIGNED:
            draw_signature(qtbot, window.form.signature, index)
            assert not window.form.signature.is_empty()
        window.form.name.setFocus()
        type_person(qtbot, name, sex, year)
        signed_up += 1
        assert "tercatat hadir" in window.message.text(), window.message.text()
        assert focused() is window.form.name  # ready for the next person

    def returning(typed: str, name: str) -> None:
        nonlocal signed_up
        qtbot.keyClicks(window.form.name, typed)
        assert name in window.hits.item(0).text()
        check(window, screen)
        qtbot.mouseClick(window.form.consent_data, Qt.MouseButton.LeftButton)  # they agree
        qtbot.keyClick(focused(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        signed_up += 1
        assert f"{name} tercatat hadir (nomor {signed_up})" in window.message.text()

    for index in range(8):
        new_person(index)
    returning(*RETURNING[0])
    for index in range(8, 14):
        new_person(index)
    returning(*RETURNING[1])
    # Siti Aminah came last month; the officer types her in full instead of choosing her.
    type_person(qtbot, "siti  aminah", "P", "1995")
    assert "Mungkin sudah pernah hadir" in window.message.text()
    assert window.hits.count() == 1 and "Siti Aminah" in window.hits.item(0).text()
    assert window.new_person.isVisible() and focused() is window.hits
    check(window, screen)
    assert signed_in() == signed_up
    qtbot.keyClick(window.hits, Qt.Key.Key_Return)  # the match offered: one keystroke
    signed_up += 1
    assert "Siti Aminah tercatat hadir" in window.message.text()
    # A NIK that belongs to someone else: refused, nobody created, then typed again without it.
    before = people_count(store)
    window.form.name.setFocus()
    qtbot.keyClicks(window.form.name, NIK_CLASH[0])
    window.form.sex.setText(NIK_CLASH[1])
    window.form.birth_year.setText(NIK_CLASH[2])
    qtbot.keyClicks(window.form.nik, "6310015507930002")
    qtbot.mouseClick(window.form.consent_data, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.form.nik, Qt.Key.Key_Return)
    assert "NIK ini sudah tercatat" in window.message.text()
    assert not window.new_person.isVisible()
    assert people_count(store) == before and signed_in() == signed_up
    check(window, screen)
    window.form.nik.setText("")
    window.form.nik.setFocus()
    qtbot.keyClick(window.form.nik, Qt.Key.Key_Return)
    signed_up += 1
    assert f"{NIK_CLASH[0]} tercatat hadir" in window.message.text()
    window.form.name.setFocus()
    for index in range(14, 21):
        new_person(index)
    returning(*RETURNING[2])
    for index in range(21, len(NEW)):
        new_person(index)
    assert signed_up == 30 and signed_in() == 30
    assert window.table.rowCount() == 30
    assert window.counts.text() == "<b>Hadir: 30</b> — L: 14, P: 16"
    assert people_count(store) == people_before + len(NEW) + 1
    assert sum(s.has_signature for s in session_sign_ins(store, session_id)) == len(SIGNED)
    check(window, screen)
    today = row_of(main.sessions, "Judul", "Sosialisasi Pencegahan TPPO dan Pekerja Migran")
    assert cell(main.sessions, today, "Hadir") == "30"

    # -- the kiosk: 10 participants at the laptop, then the officer leaves with the PIN ------
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: PIN))
    main.sessions.table.selectRow(today)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    qtbot.keyClick(main.sessions.table, Qt.Key.Key_F11)
    [kiosk] = [w for w in main.windows if isinstance(w, KioskWindow)]
    qtbot.addWidget(kiosk, before_close_func=lambda w: setattr(w, "_unlocked", True))
    assert not main.isVisible() and not window.isVisible()  # nothing behind it to Alt+Tab to
    show_on_screen(qtbot, kiosk, screen)
    check(kiosk, screen)
    before = people_count(store)
    answers = []
    for name, sex, year in KIOSK:
        qtbot.keyClicks(kiosk.name, name)
        qtbot.mouseClick(kiosk.male if sex == "L" else kiosk.female, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(kiosk.birth_year, year)
        qtbot.mouseClick(kiosk.consent_data, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(kiosk.save, Qt.MouseButton.LeftButton)
        answers.append(kiosk.message.text())
        check(kiosk, screen)
        assert kiosk.name.text() == ""  # nothing left for the next participant to read
    assert answers[1] == "Selamat datang kembali! Anda sudah tercatat hadir. Terima kasih."
    assert answers[3] == "Anda sudah tercatat hadir di kegiatan ini. Terima kasih."
    assert all(a == "Terima kasih, Anda sudah tercatat hadir." for a in answers[:1] + answers[4:])
    assert not any(part in " ".join(answers) for part in ("Budi", "Rusdiana", "nomor"))
    assert people_count(store) == before + 8  # the returning one is the same person
    assert signed_in() == 39
    rusdiana = [s for s in session_sign_ins(store, session_id) if s.full_name == "Rusdiana Hairani"]
    assert len(rusdiana) == 1
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: "1111"))
    kiosk.close()
    assert kiosk.isVisible() and "PIN salah" in kiosk.message.text()
    check(kiosk, screen)
    kiosk._wait_until = 0.0  # the officer waited the seconds asked
    monkeypatch.setattr(PinDialog, "ask", classmethod(lambda cls, *a, **k: PIN))
    kiosk.close()
    assert not kiosk.isVisible() and main.isVisible() and window.isVisible()
    today = row_of(main.sessions, "Judul", "Sosialisasi Pencegahan TPPO dan Pekerja Migran")
    assert cell(main.sessions, today, "Hadir") == "39"
    assert (cell(main.sessions, today, "L"), cell(main.sessions, today, "P")) == ("18", "21")
    check(main, screen)

    # -- corrections: a misspelled name, a sign-in removed and restored ------------------------
    main.tabs.setCurrentWidget(main.people)
    check(main, screen)
    assert main.people.model.rowCount() == people_count(store)
    row = row_of(main.people, "Nama", MISSPELLED)

    def fix_name(dialog: QWidget) -> None:
        assert isinstance(dialog, PersonDialog)
        show_on_screen(qtbot, dialog, screen)
        check(dialog, screen)
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, CORRECTED)
        button(dialog, "Simpan").click()

    opened = drive(monkeypatch, PersonDialog, fix_name)
    main.people.table.selectRow(row)
    main.people.table.setFocus()
    qtbot.keyClick(main.people.table, Qt.Key.Key_Return)
    assert len(opened) == 1
    names = [cell(main.people, r, "Nama") for r in range(main.people.model.rowCount())]
    assert CORRECTED in names and MISSPELLED not in names
    assert window.table.item(0, 1).text() == MISSPELLED  # the open list shows it on refresh
    window.refresh()
    assert window.table.item(0, 1).text() == CORRECTED

    window.table.selectRow(4)
    removed = window.table.item(4, 1).text()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert signed_in() == 38 and window.counts.text().startswith("<b>Hadir: 38</b>")
    assert f"{removed} dihapus dari daftar hadir" in window.message.text()
    check(window, screen)
    today = row_of(main.sessions, "Judul", "Sosialisasi Pencegahan TPPO dan Pekerja Migran")
    assert cell(main.sessions, today, "Hadir") == "38"
    window.message.linkActivated.emit("undo")  # "Urungkan" in the message
    assert signed_in() == 39 and window.table.item(4, 1).text() == removed
    assert f"{removed} kembali tercatat hadir" in window.message.text()
    assert cell(main.sessions, today, "Hadir") == "39"
    window.close()

    # -- a referral through its statuses, with an agency seeded on this new database ----------
    main.tabs.setCurrentWidget(main.people)
    main.people.table.selectRow(row_of(main.people, "Nama", "Norhasanah"))

    def refer(dialog: QWidget) -> None:
        assert isinstance(dialog, ReferralDialog)
        show_on_screen(qtbot, dialog, screen)
        check(dialog, screen)
        assert dialog.manage_button.isVisible()
        dialog.risk.setCurrentIndex(dialog.risk.findData("cpmi_nonprosedural"))
        qtbot.keyClicks(dialog.narrative, "Ditawari kerja ke Malaysia tanpa kontrak oleh calo.")
        dialog.consent.setChecked(True)
        labels = [dialog.agency.itemText(i) for i in range(dialog.agency.count())]
        dialog.agency.setCurrentIndex(next(i for i, t in enumerate(labels) if "BP3MI" in t))
        button(dialog, "Simpan").click()
        assert dialog.error.text() == "Tersimpan." and dialog.status_box.title() == "Status: Draf"
        check(dialog, screen)
        for status in (
            ReferralStatus.DIRUJUK,
            ReferralStatus.DITERIMA,
            ReferralStatus.DITANGANI,
            ReferralStatus.SELESAI,
        ):
            button(dialog, f"→ {status.label}").click()
            assert dialog.error.text() == f"Status menjadi {status.label}."
            check(dialog, screen)
        assert dialog.history.count() == 5
        button(dialog, "Tutup").click()

    drive(monkeypatch, ReferralDialog, refer)
    button(main.people, "Rujuk peserta ini…").click()
    main.tabs.setCurrentWidget(main.referrals)
    check(main, screen)
    assert main.referrals.model.rowCount() == 1
    assert cell(main.referrals, 0, "Status") == "Selesai"
    assert "BP3MI" in cell(main.referrals, 0, "Instansi Penerima")
    # The four steps after the case was recorded; the opening "Draf" entry is no follow-up.
    assert cell(main.referrals, 0, "Tindak Lanjut") == "4"
    [referral] = store.rows("SELECT id FROM referrals")
    assert store.get(Referral, referral["id"]).status == "selesai"

    # -- documents from the Dokumen tab: the office profile first, then the PDFs --------------
    main.tabs.setCurrentWidget(main.documents_view)
    view = main.documents_view
    check(main, screen)
    assert view.draft_note.isVisible()  # a new office: address and head of office to fill

    def fill_office(dialog: QWidget) -> None:
        assert isinstance(dialog, OfficeDialog)
        show_on_screen(qtbot, dialog, screen)
        check(dialog, screen)
        assert "KANTOR IMIGRASI KELAS II TPI BATULICIN" in dialog.letterhead.toPlainText()
        for name, text in (
            ("address", "Jl. Raya Batulicin No. 17, Tanah Bumbu 72271"),
            ("signatory_name", "Dr. H. Muhammad Arif Rahman, S.H."),
            ("signatory_nip", "197503152000031002"),
        ):
            dialog.edits[name].selectAll()  # the officer types over what stands there
            qtbot.keyClicks(dialog.edits[name], text)
        button(dialog, "Simpan").click()

    drive(monkeypatch, OfficeDialog, fill_office)
    view.office_button.click()
    assert not view.draft_note.isVisible()
    assert view.session_combo.currentData() == session_id  # the newest session comes first
    saved: list[str] = []

    def answer_saved_message() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.windowTitle() == "Dokumen tersimpan":
            saved.append(box.text())
            problems = screen_problems(box, screen)
            assert problems == [], problems
            next(b for b in box.buttons() if b.text() == "Tutup").click()

    answering = QTimer()
    answering.timeout.connect(answer_saved_message)
    answering.start(50)
    outputs = {}
    for kind, clicked in (
        ("sertifikat", view.certificates_button),
        ("daftar-hadir", view.sheet_button),
    ):
        target = tmp_path / f"{kind}.pdf"
        monkeypatch.setattr(messages, "ask_save_path", lambda *a, t=target: t)
        clicked.click()
        wanted = len(outputs) + 1
        qtbot.waitUntil(lambda: len(saved) == wanted, timeout=60_000)  # noqa: B023
        assert view.last_output == target and str(target) in saved[-1]
        outputs[kind] = target
    answering.stop()
    check(main, screen)
    assert view.register_table.rowCount() == 39

    pages = pdf_pages(outputs["sertifikat"])
    assert len(pages) == 39  # one certificate per person who came
    text = "\n".join(pages)
    assert "Nurhaliza" in text and "Nurhalizza" not in text
    assert "BATULICIN" in text.upper() and "DRAF" not in text
    assert "Rusdiana Hairani" in text and "Nama Kepala Kantor" not in text
    sheet = pdf_pages(outputs["daftar-hadir"])
    sheet_text = "\n".join(sheet)
    assert "BATULICIN" in sheet_text.upper() and "DRAF" not in sheet_text
    assert "Nurhaliza" in sheet_text and "Nurhalizza" not in sheet_text
    assert pdf_image_count(outputs["daftar-hadir"]) == len(SIGNED)
    assert "Laki-laki" in sheet_text and "Perempuan" in sheet_text
    assert "18" in sheet_text and "21" in sheet_text and "39" in sheet_text
    store.close()
