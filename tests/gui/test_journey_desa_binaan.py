"""Desa Binaan journeys at 1366×768: the clerk registers three villages from one pembentukan
session and assigns officers; an officer sees "Desa saya" with one village overdue for a visit.
The assertions are what a person reads on the screen."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot
from screen_checks import screen_problems, show_on_screen

from petugaspembina.demo_office import office_database
from petugaspembina.gui.desa_dialog import DesaBinaanDialog
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.profile import create_profile
from petugaspembina.store.desa_binaan import Appointment, EntryValues, add_entry, appointment_for
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.importer import import_file

OFFICE = "Kantor Imigrasi Kelas I TPI Pontianak"
VILLAGES = [  # (what the clerk types, the village picked from the list)
    ("Arus Deras", "Arus Deras, Kec. Teluk Pakedai, Kabupaten Kubu Raya, Kalimantan Barat"),
    (
        "Teluk Pakedai Hulu",
        "Teluk Pakedai Hulu, Kec. Teluk Pakedai, Kabupaten Kubu Raya, Kalimantan Barat",
    ),
    ("Kubu Padi", "Kubu Padi, Kec. Kuala Mandor B, Kabupaten Kubu Raya, Kalimantan Barat"),
]


def rows(table: QTableWidget) -> list[list[str]]:
    """The table as a person reads it."""
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def headers(table: QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


@pytest.fixture
def office(tmp_path: Path) -> Store:
    store = office_database(tmp_path / "kantor.sqlite3")
    for name, nip in (
        ("Rahmat Hidayat", "198609262015051001"),
        ("Dewi Lestari", "199003152014022002"),
    ):
        store.write("officers", {"name": name, "nip": nip, "office": OFFICE})
    return store


def pick_village(dialog: DesaBinaanDialog, qtbot: QtBot, typed: str, shown: str) -> None:
    dialog.village.clear()
    qtbot.keyClicks(dialog.village, typed)
    assert shown in dialog.village._found, sorted(dialog.village._found)[:5]
    dialog.village.on_completer_activated(shown)


def test_clerk_registers_three_villages_from_a_pembentukan_session(
    qtbot: QtBot, office: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = office.write(
        "sessions",
        {
            "session_type": "pembentukan",
            "title": "Pembentukan Desa Binaan Imigrasi Kecamatan Teluk Pakedai",
            "date": "2026-03-10",
            "region_code": "61.12.08.2013",
            "village_name": "Arus Deras",
        },
    )
    window = MainWindow(office)
    qtbot.addWidget(window)
    show_on_screen(qtbot, window)
    assert window.clerk is not None
    window.tabs.setCurrentWidget(window.sessions)
    assert window.sessions.select_id(session)
    assert window.register_button.isVisible()
    seen: list[str] = []

    def fill(dialog: DesaBinaanDialog) -> int:
        show_on_screen(qtbot, dialog)
        assert screen_problems(dialog) == []
        # the session's own village comes filled in; SK date defaults to the session's date
        assert dialog.village.text() == VILLAGES[0][1]
        assert dialog.sk_date.date().toString("yyyy-MM-dd") == "2026-03-10"
        qtbot.keyClicks(dialog.sk_number, "W.16-UM.01.01-045/2026")
        officers = {dialog.officers.item(r, 0).text(): r for r in range(dialog.officers.rowCount())}
        assert {"Rahmat Hidayat", "Dewi Lestari"} <= set(officers)  # and the clerk herself
        dialog.officers.item(officers["Rahmat Hidayat"], 0).setCheckState(Qt.CheckState.Checked)
        dialog.officers.item(officers["Rahmat Hidayat"], 2).setText("ST-12/KANIM/III/2026")
        for column, text in enumerate(("Mulyadi Nasution", "Kepala Desa", "0812-5620-1147")):
            dialog.focal.setItem(0, column, QTableWidgetItem(text))
        assert dialog.save_next is not None
        qtbot.mouseClick(dialog.save_next, Qt.MouseButton.LeftButton)
        seen.append(dialog.error.text())
        # second village: SK and officers stay ticked; Dewi too this time
        pick_village(dialog, qtbot, *VILLAGES[1])
        dialog.officers.item(officers["Dewi Lestari"], 0).setCheckState(Qt.CheckState.Checked)
        qtbot.mouseClick(dialog.save_next, Qt.MouseButton.LeftButton)
        seen.append(dialog.error.text())
        pick_village(dialog, qtbot, *VILLAGES[2])
        dialog.on_save_clicked()
        return int(dialog.result())

    monkeypatch.setattr(DesaBinaanDialog, "exec", fill)
    qtbot.mouseClick(window.register_button, Qt.MouseButton.LeftButton)
    assert seen == [
        "Tersimpan: Arus Deras. Pilih desa berikutnya.",
        "Tersimpan: Teluk Pakedai Hulu. Pilih desa berikutnya.",
    ]

    # The Desa Binaan tab: three villages with their SK and officers, figures at a glance.
    view = window.clerk.desa
    window.tabs.setCurrentWidget(view)
    QApplication.processEvents()
    # The clerk's window has older Alt+letter clashes of its own (Kotak &masuk / &Mode kerja);
    # none may involve this view, and nothing may lie off the screen.
    problems = screen_problems(window)
    assert [p for p in problems if "Alt+" not in p or "Desa" in p or "desa" in p] == []
    table = rows(view.table)
    by_name = {r[0]: r for r in table}
    assert set(by_name) == {"Arus Deras", "Teluk Pakedai Hulu", "Kubu Padi"}
    column = headers(view.table).index("Petugas PIMPASA")
    assert by_name["Arus Deras"][column] == "Rahmat Hidayat"
    assert by_name["Kubu Padi"][column] == "Dewi Lestari, Rahmat Hidayat"
    assert {r[1] for r in table} == {"W.16-UM.01.01-045/2026"}
    glance = view.glance.text()
    assert "<b>3</b> desa binaan aktif" in glance and "<b>2</b> petugas PIMPASA" in glance
    assert "Kabupaten Kubu Raya — 3 desa, 2 PIMPASA" in glance
    # The formation session is named in the entry; the focal point's phone is stored whole.
    from petugaspembina.store.desa_binaan import list_entries

    entries = {e.name: e for e in list_entries(office)}
    assert {e.formed_session_id for e in entries.values()} == {session}
    assert entries["Arus Deras"].focal_points[0].phone == "+6281256201147"
    assert entries["Arus Deras"].officers[0].letter_number == "ST-12/KANIM/III/2026"
    assert entries["Kubu Padi"].focal_points == []  # cleared for the next village


def test_saving_a_new_pembentukan_session_offers_to_register_its_village(
    qtbot: QtBot, office: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.gui import messages

    window = MainWindow(office)
    qtbot.addWidget(window)
    session = office.write(
        "sessions",
        {
            "session_type": "pembentukan",
            "title": "Pembentukan",
            "date": "2026-03-10",
            "region_code": "61.12.08.2013",
            "village_name": "Arus Deras",
        },
    )
    asked: list[str] = []
    opened: list[str | None] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text: asked.append(text) or True)
    monkeypatch.setattr(
        DesaBinaanDialog,
        "ask",
        classmethod(
            lambda cls, p, s, village_id=None, session_id=None: opened.append(session_id) or []
        ),
    )
    window.offer_register(session)
    assert asked == [
        "Kegiatan ini adalah pembentukan desa binaan. Daftarkan Desa Arus Deras di register "
        "desa binaan sekarang?"
    ]
    assert opened == [session]
    window.on_role_triggered("petugas")  # an officer's laptop: the register is the office's
    window.offer_register(session)
    assert len(asked) == 1


def _exchange(source: Store, target: Store, folder: Path, name: str) -> None:
    result = export_bundle(source, folder / name, plain=True, full=True)
    assert result.path is not None
    import_file(target, result.path, quarantine=folder / "q")


def test_officer_sees_desa_saya_with_one_village_overdue(
    qtbot: QtBot, tmp_path: Path, office: Store
) -> None:
    officer = Store.open(tmp_path / "petugas.sqlite3")
    me = create_profile(officer, "Siti Aminah", "199001012015052001", OFFICE, None)
    _exchange(officer, office, tmp_path, "petugas-1.json")  # the office learns of the officer
    for code in ("61.12.08.2013", "61.12.08.2001"):
        add_entry(office, code, EntryValues("SK-7", "2026-01-05", [appointment_for(office, me)]))
    add_entry(office, "61.71.03.1002", EntryValues("SK-8", "2026-01-05"))  # not hers
    _exchange(office, officer, tmp_path, "kantor-1.json")
    today = date.today()
    for code, days_ago, title in (
        ("61.12.08.2013", 12, "Sosialisasi di Arus Deras"),
        ("61.12.08.2001", 120, "Kunjungan ke Teluk Pakedai Hulu"),
    ):
        session = officer.write(
            "sessions",
            {
                "title": title,
                "date": (today - timedelta(days=days_ago)).isoformat(),
                "region_code": code,
            },
        )
        person = officer.write("people", {"full_name": f"Peserta {title}", "sex": "P"})
        officer.write("attendance", {"session_id": session, "person_id": person})

    window = MainWindow(officer)
    qtbot.addWidget(window)
    show_on_screen(qtbot, window)
    assert window.clerk is None
    window.tabs.setCurrentWidget(window.desa_saya)
    QApplication.processEvents()
    assert screen_problems(window) == []
    caption = window.tabs.tabText(window.tabs.currentIndex()).replace("&", "")
    assert caption == "Desa saya"
    view = window.desa_saya
    assert view.heading.text() == "Desa binaan yang ditugaskan kepada Siti Aminah."
    assert view.warning.isVisible()
    assert view.warning.text() == (
        "⚠ 1 desa tanpa kegiatan 90 hari atau lebih: Teluk Pakedai Hulu. Jadwalkan kunjungan."
    )
    table = {r[0]: r for r in rows(view.table)}
    assert set(table) == {"Arus Deras", "Teluk Pakedai Hulu"}  # only her villages
    names = headers(view.table)
    kubu, arus = table["Teluk Pakedai Hulu"], table["Arus Deras"]
    assert kubu[names.index("Keterangan")] == "⚠ 120 hari tanpa kegiatan"
    assert arus[names.index("Keterangan")] == ""
    from petugaspembina.core.display import short_date

    assert arus[names.index("Kunjungan terakhir")] == short_date(today - timedelta(days=12))
    quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    recent = today - timedelta(days=12) >= quarter_start
    assert arus[names.index("Kegiatan triwulan ini")] == ("1" if recent else "0")
    assert arus[names.index("Orang triwulan ini")] == ("1 (L 0, P 1)" if recent else "0 (L 0, P 0)")
    assert kubu[names.index("Rujukan terbuka")] == "0"


def test_a_session_saved_in_a_desa_binaans_village_is_linked(qtbot: QtBot, office: Store) -> None:
    from petugaspembina.core.records import Session
    from petugaspembina.gui.session_editor import SessionEditor

    rid = add_entry(office, "61.12.08.2013", EntryValues("SK-1", "2026-01-05"))
    editor = SessionEditor(office)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.title_edit, "Kunjungan ke Arus Deras")
    pick = VILLAGES[0]
    qtbot.keyClicks(editor.village, pick[0])
    editor.village.on_completer_activated(pick[1])
    editor.on_save_clicked()
    assert office.get(Session, editor.session_id or "").village_id == rid
    # moved to a village that is not a desa binaan: the link goes
    again = SessionEditor(office, editor.session_id)
    qtbot.addWidget(again)
    again.village.clear()
    qtbot.keyClicks(again.village, "Teluk Pakedai Hulu")
    again.village.on_completer_activated(VILLAGES[1][1])
    again.on_save_clicked()
    assert office.get(Session, editor.session_id or "").village_id is None


def test_officer_dates_read_and_are_chosen_in_the_window_date_style(
    qtbot: QtBot, office: Store
) -> None:
    """The officers' Mulai/Selesai show 12 Mar 2026 (stored ISO) and are edited with a date
    editor in that style; Delete empties Selesai; what is saved stays ISO."""
    from PySide6.QtCore import QDate, QLocale
    from PySide6.QtWidgets import QDateEdit

    rahmat = office.rows("SELECT id FROM officers WHERE name = 'Rahmat Hidayat'")[0]["id"]
    entry = add_entry(
        office,
        "61.12.08.2013",  # Arus Deras
        EntryValues("W.16-045/2026", "2026-03-10", [Appointment(rahmat, start="2026-03-12")]),
    )
    dialog = DesaBinaanDialog(office, entry)
    qtbot.addWidget(dialog)
    show_on_screen(qtbot, dialog)
    table = dialog.officers
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Rahmat Hidayat")

    def shown(column: int) -> str:
        item = table.item(row, column)
        return table.itemDelegateForColumn(column).displayText(item.text(), QLocale())

    assert shown(3) == "12 Mar 2026" and shown(4) == ""
    table.setCurrentCell(row, 4)
    table.editItem(table.item(row, 4))
    [editor] = table.viewport().findChildren(QDateEdit)
    assert editor.displayFormat() == "d MMM yyyy"
    assert editor.date() == QDate(2026, 3, 10)  # an empty date starts at the SK date
    editor.setDate(QDate(2026, 12, 31))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on its next turn
    assert shown(4) == "31 Des 2026"
    [saved] = dialog.values().officers
    assert (saved.start, saved.end) == ("2026-03-12", "2026-12-31")
    table.setFocus()
    table.setCurrentCell(row, 4)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert shown(4) == "" and dialog.values().officers[0].end == ""
    assert "2026-03-10" not in " ".join(label.text() for label in dialog.findChildren(QLabel))
