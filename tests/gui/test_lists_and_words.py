"""What a person reads in the main window: lists sized to their rows, hints on empty lists, the
officer column, one date style, the unsent count in records and a clock set back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from petugaspembina.demo import generate
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.gui.session_editor import SessionEditor
from petugaspembina.profile import create_profile
from petugaspembina.store.store import Store

LONG_TITLE = "Sosialisasi Pencegahan TPPO dan Penyelundupan Manusia di Desa Pagar Dewa"


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _title_column_fits(window: MainWindow) -> bool:
    table = window.sessions.table
    text_width = table.fontMetrics().horizontalAdvance(LONG_TITLE)
    return table.columnWidth(2) >= min(text_width, 500) - 10


def test_an_empty_lists_layout_is_never_saved_and_columns_fit_rows_when_they_arrive(
    qtbot: QtBot, store: Store
) -> None:
    window = _window(qtbot, store)
    assert window.sessions.model.rowCount() == 0
    window.close()
    assert QSettings().value("main/sessions_columns") is None  # nothing worth remembering
    # A stale layout saved by an older version for an empty list is ignored, not restored.
    QSettings().setValue(
        "main/sessions_header", window.sessions.table.horizontalHeader().saveState()
    )
    store.write("sessions", {"title": LONG_TITLE, "date": "2026-11-22"})
    again = _window(qtbot, store)
    assert _title_column_fits(again)
    again.close()
    assert QSettings().value("main/sessions_columns") is not None
    # Restored next time, since it was made with rows.
    third = _window(qtbot, store)
    assert third.sessions.layout_restored and _title_column_fits(third)


def test_columns_are_sized_when_the_first_rows_arrive_in_an_open_window(
    qtbot: QtBot, store: Store
) -> None:
    window = _window(qtbot, store)
    store.write("sessions", {"title": LONG_TITLE, "date": "2026-11-22"})
    window.refresh()
    assert _title_column_fits(window)


def test_a_saved_layout_with_other_columns_is_not_restored(qtbot: QtBot, store: Store) -> None:
    store.write("sessions", {"title": LONG_TITLE, "date": "2026-11-22"})
    window = _window(qtbot, store)
    QSettings().setValue(
        "main/sessions_columns", window.referrals.table.horizontalHeader().saveState()
    )
    other = _window(qtbot, store)
    assert not other.sessions.layout_restored and _title_column_fits(other)


def test_empty_lists_say_what_to_do(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store)
    hint = window.sessions.empty_hint
    assert hint.isVisible() and "Ctrl+N" in hint.text()
    window.tabs.setCurrentWidget(window.people)
    assert window.people.empty_hint.isVisible()
    assert "Impor daftar peserta" in window.people.empty_hint.text()
    window.tabs.setCurrentWidget(window.referrals)
    assert "Rujuk peserta ini" in window.referrals.empty_hint.text()
    window.tabs.setCurrentWidget(window.sessions)
    store.write("sessions", {"title": LONG_TITLE, "date": "2026-11-22"})
    window.refresh()
    assert not hint.isVisible()
    window.sessions.search.setText("tidak ada yang begini")
    assert hint.isVisible() and "tidak ada yang begini" in hint.text()


def test_officer_column_dates_and_labels_read_as_words(qtbot: QtBot, store: Store) -> None:
    create_profile(store, "Rahmat Hidayat", "198609262015051001", "Kanim Bengkulu", None)
    store.write(
        "sessions",
        {"title": LONG_TITLE, "date": "2026-11-22", "session_type": "rapat_timpora"},
    )
    window = _window(qtbot, store)
    model = window.sessions.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = {h: model.index(0, c).data() for c, h in enumerate(headers)}
    assert row["Petugas"] == "Rahmat Hidayat"  # recorded on this officer's laptop
    assert row["Tanggal"] == "22 Nov 2026" and row["Jenis"] == "Rapat Timpora"


def test_demo_referrals_show_labels_not_codes(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "demo.sqlite3")  # lives as long as the window
    generate(store, seed=2, sessions=6)
    window = _window(qtbot, store)
    window.tabs.setCurrentWidget(window.referrals)
    model = window.referrals.model
    shown = {model.index(r, c).data() for r in range(model.rowCount()) for c in range(4)}
    assert shown and not shown & {"laporan_wna", "calo", "dirujuk", "selesai", "darurat"}
    assert all("-" not in str(model.index(r, 0).data()) for r in range(model.rowCount()))


def test_status_bar_counts_unsent_records(qtbot: QtBot, store: Store) -> None:
    session = store.write("sessions", {"title": "A", "date": "2026-11-22", "venue": "Balai"})
    store.write("sessions", {"title": "B"}, session)
    store.write("people", {"full_name": "Siti Aminah", "sex": "P"})
    window = _window(qtbot, store)
    assert "2 rekaman belum dikirim" in window.status.text()
    assert not window.clock_warning.isVisible()


def test_laptop_clock_set_years_back_is_shown_in_the_status_bar(qtbot: QtBot, store: Store) -> None:
    store.write("sessions", {"title": "Kemarin", "date": "2026-11-22"})
    store.wall_millis = lambda: int(datetime(2023, 1, 1, tzinfo=UTC).timestamp() * 1000)
    window = _window(qtbot, store)
    assert window.clock_warning.isVisible() and "Jam laptop" in window.clock_warning.text()
    assert "3 tahun" in window.clock_warning.toolTip()
    before = store.clock.last
    store.write("sessions", {"title": "Hari ini", "date": "2026-11-23"})  # still later HLCs
    assert before is not None and store.clock.last is not None and store.clock.last > before


def test_session_editor_opens_on_the_title_with_this_laptops_officer_ticked(
    qtbot: QtBot, store: Store
) -> None:
    officer = create_profile(store, "Rahmat Hidayat", "198609262015051001", "Kanim", None)
    editor = SessionEditor(store)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.focusWidget() is editor.title_edit
    qtbot.keyClicks(editor.focusWidget(), "Sosialisasi")
    assert editor.title_edit.text() == "Sosialisasi"
    assert editor.values()["officer_ids"] == [officer]
    assert editor.date.displayFormat() == "d MMM yyyy"


def test_picking_a_village_sets_its_time_zone(qtbot: QtBot, store: Store) -> None:
    editor = SessionEditor(store)
    qtbot.addWidget(editor)
    assert editor.zone.currentData() == "WIB"
    qtbot.keyClicks(editor.village, "Batulicin")
    matches = editor.village._model.stringList()
    assert matches, "Batulicin is in the Kemendagri list"
    editor.village.on_completer_activated(matches[0])
    assert editor.village.region is not None and editor.village.region.code.startswith("63")
    assert editor.zone.currentData() == "WITA"  # Kalimantan Selatan


def test_a_list_opens_with_a_screenful_and_brings_the_rest_as_it_scrolls(
    qtbot: QtBot, store: Store
) -> None:
    """The first page is 60 rows (more than a 1366×768 screen shows); scrolling asks for more,
    200 at a time, until every row is there."""
    from dataclasses import dataclass

    from PySide6.QtWidgets import QTableView

    from petugaspembina.gui.listmodel import FIRST_PAGE, PAGE, ListingModel

    @dataclass(frozen=True)
    class Row:
        id: str
        name: str

    asked: list[tuple[int, int]] = []

    def fetch(_store: Store, limit: int, offset: int, **_: object) -> list[Row]:
        asked.append((limit, offset))
        return [Row(str(i), f"Orang {i}") for i in range(offset, min(offset + limit, 300))]

    model = ListingModel(store, fetch, [("name", "Nama", None)], lazy=True)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1366, 768)
    model.ensure_loaded()
    assert model.rowCount() == FIRST_PAGE == 60 and asked == [(60, 0)]
    assert view.rowAt(view.viewport().height() - 1) in range(0, FIRST_PAGE)  # a screenful
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 300 and asked[1:] == [(PAGE, 60), (PAGE, 260)]


def _empty_hint_of(tab: QWidget) -> tuple[QLabel, QWidget, QPoint]:
    """The one visible empty-list hint of ``tab``, the list's viewport it sits in, and where."""
    from PySide6.QtWidgets import QAbstractScrollArea

    from petugaspembina.gui.empty_hint import EmptyHint

    hints = [h for h in tab.findChildren(EmptyHint) if h.isVisible()]
    assert len(hints) == 1, tab
    hint = hints[0]
    viewport = hint.parentWidget()
    table = viewport.parentWidget()
    assert isinstance(table, QAbstractScrollArea) and table.isVisible()
    return hint, viewport, hint.mapTo(viewport, hint.rect().topLeft())


def test_empty_tabs_say_what_to_do_in_one_place_at_the_top(qtbot: QtBot, store: Store) -> None:
    """On a 1366×768 laptop with nothing recorded yet, every list tab (Kegiatan, Peserta,
    Rujukan, Desa saya) shows its hint at the same place: the top-left of the empty list, a
    short line or two, not floating mid-screen."""
    from PySide6.QtWidgets import QApplication

    window = _window(qtbot, store)
    places = {}
    for tab in (window.sessions, window.people, window.referrals, window.desa_saya):
        window.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        hint, viewport, top_left = _empty_hint_of(tab)
        assert top_left.y() <= 16 and top_left.x() <= 16, hint.text()  # at the top, not centred
        assert viewport.height() > 300  # a tall empty list: the line sits at its top
        lines = hint.heightForWidth(hint.width()) // hint.fontMetrics().lineSpacing()
        assert 1 <= lines <= 2, hint.text()
        assert hint.text().startswith("Belum ada ")
        assert hint.height() >= hint.heightForWidth(hint.width())  # no line cut off
        places[hint.text()] = (top_left.x(), top_left.y())
    assert len(set(places.values())) == 1, places  # the same place in every tab
    assert "Belum ada kegiatan. Tekan Ctrl+N untuk membuat." in places


def test_a_draft_referral_has_no_follow_ups_in_the_list(qtbot: QtBot, store: Store) -> None:
    """ "Tindak Lanjut" counts what was done about a case: a case just recorded (Draf, with its
    opening "Kasus dicatat." entry) shows 0; each step after that (Dirujuk, …) counts one."""
    from petugaspembina.core.enums import ReferralStatus
    from petugaspembina.store.referrals import change_status, create_referral, timeline

    person = store.write("people", {"full_name": "Calon PMI", "birth_year": 1999})
    agency = store.write("agencies", {"abbreviation": "UPTD PPA", "full_name": "UPTD PPA"})
    draft = create_referral(store, person, {"risk_type": "cpmi_nonprosedural"})
    sent = create_referral(store, person, {"risk_type": "calo"})
    store.write("referrals", {"consent_share": True, "agency_id": agency}, sent)
    change_status(store, sent, ReferralStatus.DIRUJUK, note="Diantar ke UPTD PPA")
    assert len(timeline(store, draft)) == 1  # the opening entry is still on its timeline
    window = _window(qtbot, store)
    window.tabs.setCurrentWidget(window.referrals)
    model = window.referrals.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = headers.index("Tindak Lanjut")
    shown = {
        model.index(r, headers.index("Status")).data(): model.index(r, column).data()
        for r in range(model.rowCount())
    }
    assert shown == {"Draf": "0", "Dirujuk": "1"}


def test_clerk_tabs_and_the_certificate_register_say_what_to_do_at_the_top_when_empty(
    qtbot: QtBot, store: Store
) -> None:
    """At an office on a 1366×768 laptop with nothing yet: Desa Binaan, Konflik and Dokumen's
    Register sertifikat each show their hint at the top-left of the empty list (the list stays,
    the line does not float mid-screen or sit beside a blank list), and no hint ends in "…."."""
    from PySide6.QtWidgets import QApplication

    from petugaspembina.gui.clerk_tabs import CLERK
    from petugaspembina.profile import set_role

    set_role(store, CLERK)
    window = _window(qtbot, store)
    assert window.clerk is not None
    shown = {}
    for tab in (window.clerk.desa, window.clerk.conflicts, window.documents_view):
        window.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        hint, _, top_left = _empty_hint_of(tab)
        assert top_left.y() <= 16 and top_left.x() <= 16, hint.text()
        assert hint.height() >= hint.heightForWidth(hint.width())  # no line cut off
        assert not hint.text().endswith("….")
        shown[tab] = hint.text()
    assert shown[window.clerk.desa].startswith("Belum ada desa binaan di register.")
    assert "Daftarkan desa binaan…" in shown[window.clerk.desa]
    assert shown[window.clerk.conflicts].startswith("Tidak ada konflik.")
    assert shown[window.documents_view].startswith("Belum ada sertifikat.")
    window.documents_view.search_edit.setText("Wartini")
    window.documents_view.reload_register()
    assert window.documents_view.register_empty.text() == (
        'Tidak ada sertifikat yang cocok dengan "Wartini".'
    )
