"""The office clerk's journey at 1366×768: drop a folder of three officers' bundles, resolve a
conflict by typing a value, restore a record edited after deletion, link one duplicate and keep
another apart (with undo), export the quarter's recap as PDF and XLSX; and the role at first run."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from pytestqt.qtbot import QtBot

from petugaspembina.demo_office import OfficeInbox, build_office_inbox, office_database
from petugaspembina.gui import messages
from petugaspembina.gui.first_run import FirstRunDialog
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.paths import app_paths
from petugaspembina.store.recap import quarter_of
from petugaspembina.store.store import Store


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> OfficeInbox:
    return build_office_inbox(tmp_path_factory.mktemp("inbox"))


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, home: Path) -> MainWindow:
    store = office_database(tmp_path / "kantor.sqlite3")
    shown = MainWindow(store, paths=app_paths(home))
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    return shown


def _drop(widget: object, folder: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)  # type: ignore[attr-defined]


def test_clerk_imports_resolves_links_and_exports_the_quarter(
    qtbot: QtBot,
    window: MainWindow,
    inbox: OfficeInbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clerk = window.clerk
    assert clerk is not None and window.size().width() == 1366
    assert window.tabs.currentWidget() is clerk.inbox
    captions = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert captions[:5] == ["Kotak masuk", "Konflik", "Duplikat", "Rekap", "Desa Binaan"]
    assert captions[5:7] == ["Kegiatan", "Peserta"]

    # 1. Drop the stick's folder: four bundles, a report in words each, the gap in the register.
    _drop(clerk.inbox, inbox.folder)
    qtbot.waitUntil(lambda: clerk.inbox.report.rowCount() == 4, timeout=60_000)
    officers = {clerk.inbox.report.item(r, 1).text() for r in range(4)}
    assert officers == {"Rahmat Hidayat", "Dewi Lestari", "Andi Saputra"}
    gaps = [clerk.inbox.register.item(r, 6).text() for r in range(clerk.inbox.register.rowCount())]
    assert "bundel yang belum diterima: #2" in gaps
    arrived = clerk.inbox.register.item(0, 5).text()  # one date style: "22 Nov 2026 21:52"
    assert re.fullmatch(r"\d{1,2} \w{3} \d{4} \d{2}:\d{2}", arrived), arrived
    assert window.tabs.tabText(1).replace("&", "") == "Konflik (2)"
    # Duplicates are looked for in the background (most of a second at 100,000 people).
    qtbot.waitUntil(lambda: window.tabs.tabText(2).replace("&", "") == "Duplikat (2)")
    # The status bar tells the clerk what waits for a decision, not "records not yet sent".
    assert "Menunggu keputusan: 2 konflik, 2 duplikat" in window.status.text()
    assert "belum dikirim" not in window.status.text()

    # 2. The name conflict: typed value, Enter.
    window.tabs.setCurrentWidget(clerk.conflicts)
    review = clerk.conflicts
    row = next(i for i, w in enumerate(review.words) if w.kind == "values")
    review.queue.setCurrentRow(row)
    assert "Nama lengkap" in review.record.text()
    assert len(review.group.buttons()) == 2
    assert all("Lestari" in b.text() or "Saputra" in b.text() for b in review.group.buttons())
    qtbot.keyClicks(review.typed, "Agus Yang Benar")
    qtbot.keyClick(review.typed, Qt.Key.Key_Return)
    store = window.store
    name = store.rows("SELECT full_name FROM people WHERE id = ?", (inbox.conflict_person,))
    assert name[0]["full_name"] == "Agus Yang Benar"
    # The clerk is told what was kept, in words.
    assert "Nama lengkap — dipakai “Agus Yang Benar”" in review.settled.text()
    assert review.settled.text().startswith("Diselesaikan: ")
    assert window.tabs.tabText(1).replace("&", "") == "Konflik (1)"
    # ... and the record edited after deletion: restore it.
    assert review.words[0].kind == "edited-after-deletion"
    restore = next(b for b in review.group.buttons() if "Pulihkan" in b.text())
    restore.setChecked(True)
    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    assert (
        store.rows("SELECT deleted FROM people WHERE id = ?", (inbox.deleted_person,))[0]["deleted"]
        == 0
    )
    assert review.settled.text().endswith(" dipulihkan.")
    assert window.tabs.tabText(1).replace("&", "") == "Konflik"

    # 3. Duplicates: "Sama" for the twin, "Berbeda" for the namesakes, undo and decide again.
    window.tabs.setCurrentWidget(clerk.duplicates)
    duplicates = clerk.duplicates

    def select(pair: tuple[str, str]) -> None:
        index = next(
            i for i, p in enumerate(duplicates.pairs) if {p.first.id, p.second.id} == set(pair)
        )
        duplicates.queue.setCurrentRow(index)
        duplicates.queue.setFocus()

    select(inbox.duplicate)
    assert duplicates.compare.item(0, 0).text() and duplicates.compare.item(2, 0).text()
    qtbot.keyClick(duplicates.queue, Qt.Key.Key_S)
    merged = store.rows(
        "SELECT merged_into FROM people WHERE id IN (?, ?) AND merged_into IS NOT NULL",
        inbox.duplicate,
    )
    assert len(merged) == 1
    select(inbox.namesake)
    qtbot.keyClick(duplicates.queue, Qt.Key.Key_B)
    assert store.rows("SELECT count(*) AS n FROM kept_apart WHERE deleted = 0")[0]["n"] == 1
    assert duplicates.pairs == []
    qtbot.keyClick(duplicates.queue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.rows("SELECT count(*) AS n FROM kept_apart WHERE deleted = 0")[0]["n"] == 0
    qtbot.waitUntil(lambda: len(duplicates.pairs) == 1)  # back with the search that follows
    select(inbox.namesake)
    qtbot.mouseClick(duplicates.different_button, Qt.MouseButton.LeftButton)
    assert store.rows("SELECT count(*) AS n FROM kept_apart WHERE deleted = 0")[0]["n"] == 1
    assert window.tabs.tabText(2).replace("&", "") == "Duplikat"

    # 4. The quarter's recap, as PDF and XLSX.
    window.tabs.setCurrentWidget(clerk.recap)
    first_day = store.rows("SELECT min(date) AS d FROM sessions WHERE deleted = 0")[0]["d"]
    quarter = quarter_of(date.fromisoformat(first_day))
    with qtbot.waitSignal(clerk.recap.shown, timeout=60_000):
        clerk.recap.set_period(quarter)
    recap = clerk.recap.recap
    assert recap is not None and recap.filter.date_from == quarter.date_from
    assert recap.sessions > 0
    assert clerk.recap.charts["hadir_per_jenis_kelamin"].rows
    saved: list[Path] = []
    monkeypatch.setattr(messages, "saved", lambda p, title, text, path: saved.append(path))
    pdf, xlsx = tmp_path / "rekap.pdf", tmp_path / "rekap.xlsx"
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: pdf)
    asked: list[str] = []  # the office profile is not filled in: the DRAF question, print anyway
    monkeypatch.setattr(messages, "ask_choice", lambda *a: asked.append(a[1]) or "print")
    qtbot.mouseClick(clerk.recap.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pdf in saved, timeout=60_000)
    assert asked == ["Profil kantor belum lengkap"]
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: xlsx)
    qtbot.mouseClick(clerk.recap.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: xlsx in saved, timeout=60_000)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "REKAPITULASI" in text and quarter.date_from is not None
    book = load_workbook(xlsx)
    assert book.sheetnames[0] == "Ringkasan"
    assert book["Daftar Hadir"].max_row - 1 == recap.sign_ins
    assert "Nama" not in [c.value for c in next(book["Daftar Hadir"].iter_rows(max_row=1))]


def test_role_is_chosen_at_first_run(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog(tmp_path / "data.sqlite3")
    qtbot.addWidget(dialog)
    dialog.name.setText("Nur Aisyah")
    dialog.nip.setText("199201012019022001")
    dialog.office.setCurrentText("Kantor Imigrasi Kelas I TPI Pontianak")
    dialog.role.setCurrentIndex(dialog.role.findData("kantor"))
    dialog.on_start_clicked()
    assert dialog.answers is not None and dialog.answers.role == "kantor"


def test_role_can_be_changed_from_the_menu(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "x.sqlite3")
    window = MainWindow(store)
    qtbot.addWidget(window)

    def visible() -> int:
        return sum(window.tabs.isTabVisible(i) for i in range(window.tabs.count()))

    assert window.clerk is None and visible() == 6  # the five lists and Desa saya
    assert "Semua rekaman sudah dikirim" in window.status.text()  # an empty database
    window.role_actions["kantor"].trigger()
    assert window.clerk is not None and visible() == 10  # Desa saya gives way to Desa Binaan
    assert store.get_setting("role") == "kantor"
    assert "Tidak ada konflik atau duplikat yang menunggu keputusan" in window.status.text()
    assert "belum dikirim" not in window.status.text()
    window.role_actions["petugas"].trigger()
    assert window.clerk is None and visible() == 6
    assert "Semua rekaman sudah dikirim" in window.status.text()
    assert window.role_actions["petugas"].isChecked()


def test_watched_inbox_folder_imports_new_bundles_once(
    qtbot: QtBot, window: MainWindow, inbox: OfficeInbox, tmp_path: Path
) -> None:
    import shutil

    clerk = window.clerk
    assert clerk is not None
    watched = tmp_path / "kotak-masuk"
    watched.mkdir()
    clerk.inbox.watch(watched)
    assert str(watched) in clerk.inbox.watch_label.text()
    first = sorted(inbox.folder.glob("*.json"))[0]
    shutil.copy(first, watched / first.name)
    clerk.inbox.on_watched_folder_changed()
    qtbot.waitUntil(lambda: clerk.inbox.report.rowCount() == 1, timeout=60_000)
    qtbot.waitUntil(lambda: not clerk.inbox.busy, timeout=60_000)
    assert "Bundel #" in clerk.inbox.report.item(0, 2).text()
    clerk.inbox.report.setRowCount(0)
    clerk.inbox.on_watched_folder_changed()  # nothing new: nothing imported again
    assert clerk.inbox.report.rowCount() == 0


def test_first_run_stores_the_chosen_role(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QSettings

    from petugaspembina.gui import launch
    from petugaspembina.gui.first_run import FirstRunAnswers

    db = tmp_path / "data.sqlite3"
    answers = FirstRunAnswers(
        "Nur Aisyah",
        "199201012019022001",
        "Kantor Imigrasi Kelas I TPI Pontianak",
        None,
        "id",
        db,
        "kantor",
    )
    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(lambda cls, parent, database: answers))
    store = launch._first_run(Store.open(db), db, QSettings())
    assert store is not None and store.get_setting("role") == "kantor"
    store.close()


def test_sync_tab_lists_conflicts_in_words(
    qtbot: QtBot, tmp_path: Path, inbox: OfficeInbox
) -> None:
    from petugaspembina.gui.sync_view import SyncView
    from petugaspembina.sync.importer import import_files
    from petugaspembina.sync.inbox import bundle_files

    store = office_database(tmp_path / "kantor.sqlite3")
    import_files(store, bundle_files([inbox.folder]), quarantine=tmp_path / "q", backups=None)
    view = SyncView(store)
    qtbot.addWidget(view)
    rows = [
        [view.conflicts.item(r, c).text() for c in range(5)]
        for r in range(view.conflicts.rowCount())
    ]
    assert any(row[0].startswith("Peserta: ") and row[1] == "Nama lengkap" for row in rows)
    assert not any('"' in row[2] for row in rows)
    assert {row[3].split(" (")[0] for row in rows} >= {"Dewi Lestari", "Andi Saputra"}


def test_import_results_wrap_inside_the_window_and_a_refused_bundle_names_no_officer(
    qtbot: QtBot, window: MainWindow, inbox: OfficeInbox, tmp_path: Path
) -> None:
    import shutil

    clerk = window.clerk
    assert clerk is not None
    stick = tmp_path / "flashdisk"
    shutil.copytree(inbox.folder, stick)
    (stick / "bundel-rusak.json").write_text('{"format": "petugaspembina-bundle", "isi": ')
    _drop(clerk.inbox, stick)
    qtbot.waitUntil(lambda: clerk.inbox.report.rowCount() == 5, timeout=60_000)
    qtbot.waitUntil(lambda: not clerk.inbox.busy, timeout=60_000)
    report = clerk.inbox.report
    rows = {report.item(r, 0).text(): r for r in range(report.rowCount())}
    refused = rows["bundel-rusak.json"]
    assert report.item(refused, 1).text() == "— (bundel ditolak, pengirim tidak dibaca)"
    assert report.item(refused, 2).text().startswith("Ditolak")
    # Nothing runs off the right edge: the columns fit the table, the long results wrap (at
    # 1366 wide and on the narrowest window too).
    window.resize(window.minimumSizeHint().width(), 700)
    qtbot.waitUntil(lambda: report.viewport().width() < 1100)
    widths = sum(report.columnWidth(c) for c in range(report.columnCount()))
    assert widths <= report.viewport().width()
    assert report.horizontalScrollBar().maximum() == 0
    longest = max(range(report.rowCount()), key=lambda r: len(report.item(r, 2).text()))
    line = report.fontMetrics().lineSpacing()
    text = report.item(longest, 2).text()
    needed = report.fontMetrics().horizontalAdvance(max(text.split("\n"), key=len))
    assert needed > report.columnWidth(2)  # the reviewer's case: a line longer than the column
    assert report.rowHeight(longest) >= (text.count("\n") + 2) * line


def test_a_bundle_from_another_office_is_asked_about_naming_that_office(
    qtbot: QtBot,
    window: MainWindow,
    inbox: OfficeInbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stick from the Kerinci office among this (Pontianak) office's bundles: the clerk is told
    which office it comes from and chooses; leaving it out imports only this office's bundles."""
    import shutil

    from petugaspembina.demo import generate
    from petugaspembina.profile import create_profile
    from petugaspembina.sync.exporter import export_bundle

    stick = tmp_path / "flashdisk-campur"
    shutil.copytree(inbox.folder, stick)
    with Store.open(tmp_path / "kerinci.sqlite3") as other:
        create_profile(
            other, "Yusuf Kerinci", "198501012010011001",
            "Kantor Imigrasi Kelas II Non TPI Kerinci", None,
        )  # fmt: skip
        generate(other, seed=5, sessions=1)
        foreign = export_bundle(other, stick).path
    assert foreign is not None
    asked: list[str] = []
    answers = iter(["skip", "all"])

    def ask(parent: object, title: str, text: str, choices: object, default: str) -> str:
        asked.append(f"{title}\n{text}\n{choices}\ndefault={default}")
        return next(answers)

    monkeypatch.setattr(messages, "ask_choice", ask)
    clerk = window.clerk
    assert clerk is not None
    _drop(clerk.inbox, stick)
    qtbot.waitUntil(
        lambda: clerk.inbox.report.rowCount() == 4 and not clerk.inbox.busy, timeout=60_000
    )
    assert len(asked) == 1
    assert (
        "1 bundel dibuat petugas kantor lain, bukan Kantor Imigrasi Kelas I TPI Pontianak"
        in (asked[0])
    )
    assert f"{foreign.name}: Kantor Imigrasi Kelas II Non TPI Kerinci, petugas Yusuf" in asked[0]
    assert "Lewati bundel kantor lain" in asked[0] and "default=skip" in asked[0]
    files = {clerk.inbox.report.item(r, 0).text() for r in range(4)}
    assert foreign.name not in files
    assert "Yusuf Kerinci" not in {clerk.inbox.register.item(r, 1).text() for r in range(
        clerk.inbox.register.rowCount())}  # fmt: skip

    # The clerk decides to merge it after all: asked again, "Gabungkan semua".
    _drop(clerk.inbox, stick)
    qtbot.waitUntil(
        lambda: clerk.inbox.report.rowCount() == 5 and not clerk.inbox.busy, timeout=60_000
    )
    assert len(asked) == 2
    rows = {clerk.inbox.report.item(r, 0).text(): r for r in range(5)}
    assert clerk.inbox.report.item(rows[foreign.name], 1).text() == "Yusuf Kerinci"
    # Once merged, that device is known here: its next bundle is not asked about again.
    _drop(clerk.inbox, stick)
    qtbot.waitUntil(lambda: not clerk.inbox.busy, timeout=60_000)
    assert len(asked) == 2


def test_segarkan_shows_the_officer_a_conflict_from_an_import_made_outside_the_window(
    qtbot: QtBot, tmp_path: Path, home: Path, inbox: OfficeInbox
) -> None:
    """An officer's window is open while the CLI imports bundles that disagree: Berkas →
    Segarkan lists the conflict on the Sinkronisasi tab and counts it in the status bar."""
    from petugaspembina.profile import OFFICER_ROLE, set_role
    from petugaspembina.sync.importer import import_files
    from petugaspembina.sync.inbox import bundle_files

    db = tmp_path / "laptop.sqlite3"
    store = office_database(db)
    set_role(store, OFFICER_ROLE)
    shown = MainWindow(store, paths=app_paths(home))
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    shown.tabs.setCurrentWidget(shown.sync_view)
    assert shown.sync_view.conflicts.rowCount() == 0
    assert "konflik" not in shown.status.text()

    with Store.open(db) as outside:  # as `petugaspembina import` does, on its own connection
        import_files(outside, bundle_files([inbox.folder]), quarantine=tmp_path / "q", backups=None)
    refresh = next(a for a in shown.findChildren(QAction) if a.text() == "Segarkan")
    refresh.trigger()
    rows = [
        shown.sync_view.conflicts.item(r, 1).text()
        for r in range(shown.sync_view.conflicts.rowCount())
    ]
    assert "Nama lengkap" in rows
    count = shown.sync_view.conflict_count
    assert count > 0
    assert f"{count} konflik perlu diperiksa (tab Sinkronisasi)" in shown.status.text()


def test_a_first_import_of_a_whole_office_searches_and_lists_at_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new office database gathering many bundles at once sets its indexes aside while it
    imports (store/deferred_indexes.py): when the bar ends, search and lists work at once."""
    from petugaspembina.demo import generate
    from petugaspembina.store import deferred_indexes
    from petugaspembina.sync.exporter import export_bundles

    folder = tmp_path / "flashdisk"
    folder.mkdir()
    with Store.open(tmp_path / "petugas.sqlite3") as officer:
        generate(officer, seed=21, sessions=6, participants=200)
        export_bundles(officer, folder, full=True, max_versions=800)
        name = str(officer.conn.execute("SELECT max(full_name) FROM people").fetchone()[0])
    set_aside: list[int] = []
    real_set_aside = deferred_indexes.set_aside
    # Every import counts as bulk here, whatever its size (the rule has its own tests).
    monkeypatch.setattr(deferred_indexes, "worth_setting_aside", lambda conn, size: True)
    monkeypatch.setattr(
        deferred_indexes, "set_aside", lambda conn: set_aside.append(real_set_aside(conn))
    )
    clerk = window.clerk
    assert clerk is not None
    parts = len(list(folder.glob("*.json")))
    _drop(clerk.inbox, folder)
    qtbot.waitUntil(lambda: clerk.inbox.report.rowCount() == parts, timeout=60_000)
    assert set_aside and set_aside[0] > 0
    assert deferred_indexes.pending(window.store.conn) == []
    window.tabs.setCurrentWidget(window.people)
    qtbot.keyClicks(window.people.search, name)
    model = window.people.model

    def found() -> bool:  # the search narrowed the list to that name (the trigram index)
        names = [model.row_dict(r)["full_name"] for r in range(model.rowCount())]
        return name in names and all(name.lower() in n.lower() for n in names)

    qtbot.waitUntil(found, timeout=10_000)
