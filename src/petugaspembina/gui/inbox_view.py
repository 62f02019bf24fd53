"""Kotak masuk: the clerk drops bundle files or a whole folder (a USB stick) on the tab, or lets the
app watch an inbox folder; each file gets a report in words, and the register shows which bundles
of each officer's device have arrived and which are still missing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.display import local_moment
from ..paths import AppPaths, app_paths
from ..store.store import Store
from ..sync.inbox import bundle_files, describe_report, received_register
from . import messages
from .import_task import ImportOutcome, import_work, leave_out_other_offices, receipts_text
from .worker import run_task

WATCH_KEY = "clerk/inbox_folder"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    return table


class InboxView(QWidget):
    """Signals: changed() after an import."""

    changed = Signal()

    def __init__(self, store: Store, paths: AppPaths | None = None) -> None:
        super().__init__()
        self.store = store
        self.paths = paths or app_paths()
        self.setAcceptDrops(True)
        self.busy = False
        self._seen: dict[str, tuple[int, float]] = {}
        layout = QVBoxLayout(self)
        drop = QFrame()
        drop.setFrameShape(QFrame.Shape.StyledPanel)
        drop.setStyleSheet("QFrame { border: 2px dashed #7a8fa6; border-radius: 6px; }")
        drop_layout = QHBoxLayout(drop)
        hint = QLabel(
            self.tr(
                "<b>Seret berkas bundel atau seluruh folder (flashdisk) ke sini</b><br>"
                "Setiap berkas diperiksa utuh; berkas rusak ditolak tanpa mengubah data."
            )
        )
        hint.setStyleSheet("border: none;")
        drop_layout.addWidget(hint, 1)
        self.folder_button = QPushButton(self.tr("Impor &folder…"))
        self.files_button = QPushButton(self.tr("&Impor berkas…"))
        self.watch_button = QPushButton(self.tr("Pan&tau folder kotak masuk…"))
        for button in (self.folder_button, self.files_button, self.watch_button):
            drop_layout.addWidget(button)
        layout.addWidget(drop)
        self.watch_label = QLabel()
        layout.addWidget(self.watch_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        report_box = QGroupBox(self.tr("Hasil impor terakhir"))
        report_layout = QVBoxLayout(report_box)
        self.receipt_label = QLabel()  # the receipts written beside the bundles (or why not)
        self.receipt_label.setWordWrap(True)
        self.receipt_label.setVisible(False)
        report_layout.addWidget(self.receipt_label)
        self.report = _table([self.tr("Berkas"), self.tr("Petugas"), self.tr("Hasil")])
        # The result wraps inside the window's width: never a sideways scroll to read it.
        self.report.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.report.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        report_layout.addWidget(self.report)
        register_box = QGroupBox(self.tr("Bundel yang sudah diterima, per petugas dan perangkat"))
        register_layout = QVBoxLayout(register_box)
        self.register = _table(
            [
                self.tr("Petugas"),
                self.tr("Kantor"),
                self.tr("Perangkat"),
                self.tr("Diterima"),
                self.tr("Nomor terakhir"),
                self.tr("Terakhir diterima"),
                self.tr("Kekurangan"),
            ]
        )
        register_layout.addWidget(self.register)
        splitter.addWidget(report_box)
        splitter.addWidget(register_box)
        layout.addWidget(splitter, 1)
        self.watcher = QFileSystemWatcher(self)
        self.watch_timer = QTimer(self)
        self.watch_timer.setSingleShot(True)
        self.watch_timer.setInterval(1500)  # let a copy finish before reading
        self.watcher.directoryChanged.connect(lambda _: self.watch_timer.start())
        self.watch_timer.timeout.connect(self.on_watched_folder_changed)
        self.folder_button.clicked.connect(self.on_import_folder_clicked)
        self.files_button.clicked.connect(self.on_import_files_clicked)
        self.watch_button.clicked.connect(self.on_watch_clicked)
        self.last_words: list[Any] = []
        # The window's "Terima bundel tanpa tanda tangan" choice (on the Sinkronisasi tab), taken
        # by whichever import comes next; ClerkTabs connects it.
        self.take_allow_unsigned: Callable[[], bool] = lambda: False
        folder = QSettings().value(WATCH_KEY)
        self.watch(Path(str(folder)) if folder else None)
        self.reload()

    # -- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.import_paths(paths)

    # -- actions ------------------------------------------------------------------------------
    def on_import_folder_clicked(self) -> None:
        folder = messages.ask_folder(
            self, self.tr("Pilih folder berisi bundel (mis. flashdisk)"), "bundle"
        )
        if folder is not None:
            self.import_paths([folder])

    def on_import_files_clicked(self) -> None:
        files = messages.ask_open_files(
            self, self.tr("Pilih bundel"), "Bundel (*.json);;Semua (*)", "bundle"
        )
        if files:
            self.import_paths(files)

    def on_watch_clicked(self) -> None:
        folder = messages.ask_folder(self, self.tr("Folder kotak masuk yang dipantau"), "inbox")
        if folder is not None:
            QSettings().setValue(WATCH_KEY, str(folder))
            self.watch(folder)
            self.on_watched_folder_changed()

    def watch(self, folder: Path | None) -> None:
        """Watch ``folder``: bundles appearing there are imported on their own."""
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        if folder is not None and folder.is_dir():
            self.watcher.addPath(str(folder))
            self.watch_label.setText(
                self.tr("Folder kotak masuk dipantau: {0} — bundel baru diimpor otomatis.").format(
                    folder
                )
            )
        else:
            self.watch_label.setText(self.tr("Tidak ada folder kotak masuk yang dipantau."))

    def on_watched_folder_changed(self) -> None:
        folders = self.watcher.directories()
        if not folders or self.busy:
            return
        fresh = []
        for path in bundle_files([Path(folders[0])]):
            try:
                stat = path.stat()
            except OSError:
                continue
            mark = (stat.st_size, stat.st_mtime)
            if self._seen.get(str(path)) != mark:
                self._seen[str(path)] = mark
                fresh.append(path)
        if fresh:
            self.import_paths(fresh)

    def import_paths(self, dropped: list[Path]) -> None:
        """Import every bundle among the dropped files and folders, in the background."""
        files = bundle_files(dropped)
        if not files:
            messages.warn(
                self, self.tr("Kotak masuk"), self.tr("Tidak ada berkas bundel (.json) di sana.")
            )
            return
        if self.store.path is None:
            return
        chosen = leave_out_other_offices(self, self.store, files)
        if not chosen:  # cancelled, or only another office's bundles, left out
            if chosen is not None:
                self.receipt_label.setText(
                    self.tr("Bundel kantor lain dilewati; tidak ada yang diimpor.")
                )
                self.receipt_label.setVisible(True)
            return
        files = chosen
        db_path, paths = self.store.path, self.paths.ensure()
        self.busy = True

        run_task(
            self,
            self.tr("Mengimpor {0} berkas…").format(len(files)),
            import_work(db_path, files, paths, self.take_allow_unsigned()),
            self.show_reports,
            self._failed,
        )

    def _failed(self, message: str) -> None:
        self.busy = False
        messages.warn(self, self.tr("Kotak masuk"), message)

    def show_reports(self, outcome: ImportOutcome) -> None:
        """Show each file's report in words and the receipts written, refresh the register, tell
        the window."""
        self.busy = False
        reports = outcome.reports
        imported = any(r.result in ("imported", "already-imported") for r in reports)
        note = receipts_text(outcome.receipts) if imported else ""
        self.receipt_label.setText(note)
        self.receipt_label.setVisible(bool(note))
        self.last_words = [describe_report(self.store, r) for r in reports]
        self._show_words()
        self.reload()
        self.changed.emit()

    def _show_words(self) -> None:
        self.report.setRowCount(len(self.last_words))
        for row, words in enumerate(self.last_words):
            text = "\n".join([words.headline, *words.details])
            officer = words.officer or self._no_officer(words.result)
            for column, value in enumerate((words.file, officer, text)):
                item = QTableWidgetItem(value)
                if words.result in ("rejected", "failed"):
                    item.setForeground(Qt.GlobalColor.darkRed)
                elif words.result == "skipped":  # a key file or receipt: nothing to act on
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.report.setItem(row, column, item)
        self._fit_report()

    def supersede(self, outcome: ImportOutcome) -> None:
        """An import elsewhere in the window (the Sinkronisasi tab): a file listed here gets its
        latest outcome, so an old refusal does not stay red after the bundle went in."""
        if not self.last_words:
            return
        latest = {
            report.file: describe_report(self.store, report)
            for report in outcome.reports
            if report.result in ("imported", "already-imported")
        }
        if not any(words.file in latest for words in self.last_words):
            return
        self.last_words = [latest.get(words.file, words) for words in self.last_words]
        self._show_words()

    def _no_officer(self, result: str) -> str:
        """The Petugas cell when the sender is not known, with why."""
        if result in ("rejected", "failed"):
            return self.tr("— (bundel ditolak, pengirim tidak dibaca)")
        if result == "skipped":
            return self.tr("— (bukan bundel)")
        return self.tr("— (perangkat pengirim belum dikenal)")

    def _fit_report(self) -> None:
        """File and officer as wide as they need (at most a third of the table each); the result
        takes the rest and wraps, its rows as tall as their text."""
        widest = max(120, self.report.viewport().width() // 3)
        for column in (0, 1):
            self.report.resizeColumnToContents(column)
            self.report.setColumnWidth(column, min(self.report.columnWidth(column), widest))
        self.report.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.report.rowCount():
            self._fit_report()

    def reload(self) -> None:
        """Refresh the register of received bundles."""
        entries = received_register(self.store)
        self.register.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (
                entry.officer,
                entry.office,
                entry.device_id[:8],
                str(entry.received),
                f"#{entry.highest_seq}",
                local_moment(entry.last_received),
                entry.missing_text or self.tr("lengkap"),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 6 and entry.missing:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.register.setItem(row, column, item)
        self.register.resizeColumnsToContents()
