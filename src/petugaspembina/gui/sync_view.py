"""The Sinkronisasi tab: export a bundle, import bundles with a report per file, resolve conflicts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..paths import AppPaths, app_paths
from ..store.store import Store
from ..sync.conflicts import Conflict, list_conflicts, resolve
from . import messages
from .import_task import ImportOutcome, import_work, leave_out_other_offices, receipts_text
from .inbox_control import InboxControl
from .outbox_panel import OutboxPanel
from .worker import Progress, run_task


class SyncView(QWidget):
    """Signals: changed() after an import or a resolution; imported(outcome) after an import."""

    changed = Signal()
    imported = Signal(object)

    def __init__(self, store: Store, paths: AppPaths | None = None) -> None:
        super().__init__()
        self.store = store
        self.paths = paths or app_paths()
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Kirim dan terima data"))
        row = QHBoxLayout(box)
        self.export_button = QPushButton(self.tr("Ekspor bundel ke &folder… (Ctrl+E)"))
        self.import_button = QPushButton(self.tr("&Impor bundel… (Ctrl+I)"))
        self.trust_button = QPushButton(self.tr("Pera&ngkat dan kunci…"))
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addWidget(self.trust_button)
        layout.addWidget(box)
        # The officer's outbox, or at an office with keys the inbox server (decided when shown).
        self.outbox_panel = OutboxPanel(store, self.paths)
        self.outbox_panel.sent.connect(self.changed)
        layout.addWidget(self.outbox_panel)
        self.outbox_panel.setVisible(False)
        self.inbox_control: InboxControl | None = None
        if store.path is not None:
            self.inbox_control = InboxControl(store.path, self.paths)
            layout.addWidget(self.inbox_control)
            self.inbox_control.setVisible(False)
        self.allow_unsigned = QCheckBox(
            self.tr(
                "Terima bundel tanpa tanda tangan pada impor berikutnya, di tab ini atau di "
                "Kotak masuk (sekali ini)"
            )
        )
        layout.addWidget(self.allow_unsigned)
        self.allow_unsigned.setVisible(False)  # decided when the tab is first shown (start-up)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.unsealed = QLabel()  # worded after each export (``_show_protection``)
        self.unsealed.setWordWrap(True)
        self.unsealed.setStyleSheet(  # amber: a caution, not a failure
            "QLabel { background: #fff3cd; color: #664d03; border: 1px solid #e0a800; "
            "border-radius: 4px; padding: 6px; }"
        )
        self.unsealed.setVisible(False)
        layout.addWidget(self.unsealed)
        self.report = QTableWidget(0, 3)
        self.report.setHorizontalHeaderLabels(
            [self.tr("Berkas"), self.tr("Hasil"), self.tr("Keterangan")]
        )
        self.report.horizontalHeader().setStretchLastSection(True)
        self.report.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.report, 1)
        layout.addWidget(QLabel(self.tr("<b>Konflik</b> — pilih nilai yang benar, lalu Gunakan")))
        self.conflicts = QTableWidget(0, 5)
        self.conflicts.setHorizontalHeaderLabels(
            [
                self.tr("Rekaman"),
                self.tr("Isian"),
                self.tr("Nilai"),
                self.tr("Dari"),
                self.tr("Sementara dipakai"),
            ]
        )
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflicts.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.conflicts, 1)
        self.use_button = QPushButton(self.tr("&Gunakan nilai terpilih"))
        layout.addWidget(self.use_button)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.import_button.clicked.connect(self.on_import_clicked)
        self.use_button.clicked.connect(self.on_use_clicked)
        self.trust_button.clicked.connect(self.on_trust_clicked)
        self.last_reports: list[Any] = []
        self.reload_conflicts()

    def on_export_clicked(self) -> None:
        folder = messages.ask_folder(
            self, self.tr("Pilih folder tujuan (flashdisk, folder bersama)"), "bundle"
        )
        if folder is None or self.store.path is None:
            return
        if not self._unsealed_agreed():
            return
        if self.outbox_panel.isVisible():  # the stick back from the office: its receipts
            self.outbox_panel.check_receipts(folder)
        db_path, outbox_dir = self.store.path, self.paths.outbox

        def work(progress: Progress) -> list[Any]:
            from ..sync.exporter import export_bundles

            with Store.open(db_path, full_check=False) as store:  # checked at start
                return export_bundles(store, folder, outbox_dir=outbox_dir)

        run_task(self, self.tr("Mengekspor…"), work, self._exported, self._failed)

    def _unsealed_agreed(self) -> bool:
        """No office enrolled: the bundle would be written unsealed (readable by whoever holds
        the stick). Ask before anything is written; Batal is the default."""
        from ..sync.trust import enrolled_office, office_keys

        if enrolled_office(self.store) is not None:
            return True
        if office_keys(self.store) is not None:  # an office signs its bundles, encrypts nothing
            return messages.confirm_danger(
                self,
                self.tr("Bundel kantor tanpa enkripsi"),
                self.tr(
                    "Bundel ditandatangani kunci kantor ini tetapi TIDAK dienkripsi, dan berkas "
                    "foto tidak bertanda tangan: siapa pun yang memegang flashdisk dapat membaca "
                    "data peserta di dalamnya. Serahkan flashdisk hanya ke orang yang berhak.\n\n"
                    "Tulis bundel?"
                ),
                self.tr("Tulis bundel"),
                self.tr("Batal"),
            )
        if self._at_office():  # the clerk's device is the office: it makes keys, enrols none
            return messages.confirm_danger(
                self,
                self.tr("Kantor belum punya kunci"),
                self.tr(
                    "Kantor ini belum punya kunci — bundel akan ditulis TANPA tanda tangan dan "
                    "TANPA segel: siapa pun yang memegang flashdisk dapat membaca data peserta "
                    "di dalamnya.\n\n"
                    "Untuk menandatangani: tekan Batal, lalu Perangkat dan kunci… → Buat kunci "
                    "kantor.\n\n"
                    "Tulis tanpa tanda tangan?"
                ),
                self.tr("Tulis tanpa tanda tangan"),
                self.tr("Batal"),
            )
        return messages.confirm_danger(
            self,
            self.tr("Bundel tanpa segel"),
            self.tr(
                "Kantor belum terdaftar — bundel akan ditulis TANPA segel: siapa pun yang "
                "memegang flashdisk dapat membaca data peserta di dalamnya.\n\n"
                "Untuk menyegel: tekan Batal, lalu Perangkat dan kunci… → daftarkan berkas "
                "kunci kantor (kunci-kantor.json) yang diberikan kantor.\n\n"
                "Tulis tanpa segel?"
            ),
            self.tr("Tulis tanpa segel"),
            self.tr("Batal"),
        )

    def _at_office(self) -> bool:
        """This device is an office (role Petugas kantor), not an officer's laptop."""
        from ..profile import OFFICE_ROLE, role_of

        return role_of(self.store) == OFFICE_ROLE

    def _exported(self, results: list[Any]) -> None:
        if not results:
            self.summary.setText(self.tr("Tidak ada perubahan baru untuk dikirim."))
        else:
            names = ", ".join(r.path.name for r in results)
            total = sum(r.changes for r in results)
            self.summary.setText(
                self.tr("Bundel ditulis: {0} ({1} perubahan).").format(names, total)
            )
        self._show_protection(results)
        self.outbox_panel.reload()
        self.changed.emit()

    def _show_protection(self, results: list[Any]) -> None:
        """The amber note after an export: which files are not sealed, and what that means —
        an office signs its bundles but not its photo parts, so each kind is named."""
        from ..sync.exporter import protection_of

        p = protection_of(results)
        lines = []
        if p.bundles == "signed":
            lines.append(
                self.tr(
                    "Bundel bertanda tangan kantor ini, tetapi TIDAK terenkripsi: siapa pun yang "
                    "memegang berkas dapat membacanya."
                )
            )
            if p.photos == "plain":
                lines.append(
                    self.tr(
                        "Berkas foto TIDAK tersegel dan tidak bertanda tangan: kantor penerima "
                        'yang punya kunci hanya menerimanya bila "Terima bundel tanpa tanda '
                        'tangan" dicentang.'
                    )
                )
        elif "plain" in (p.bundles, p.photos):
            if p.bundles == "plain" and p.photos == "plain":
                what = self.tr("Bundel dan berkas foto ini")
            elif p.bundles == "plain":
                what = self.tr("Bundel ini")
            else:
                what = self.tr("Berkas foto ini")
            if self._at_office():
                advice = self.tr(
                    "Buat kunci kantor (Perangkat dan kunci…) agar bundel bertanda tangan "
                    "kantor ini."
                )
            else:
                advice = self.tr("Daftarkan kantor (Perangkat dan kunci…) agar bundel dienkripsi.")
            lines.append(
                self.tr(
                    "{0} TIDAK tersegel: siapa pun yang memegang berkas dapat membacanya."
                ).format(what)
                + " "
                + advice
            )
        self.unsealed.setText("\n".join(lines))
        self.unsealed.setVisible(bool(lines))

    def on_import_clicked(self) -> None:
        files = messages.ask_open_files(
            self, self.tr("Pilih bundel"), "Bundel (*.json);;Semua (*)", "bundle"
        )
        if not files or self.store.path is None:
            return
        chosen = leave_out_other_offices(self, self.store, files)
        if not chosen:
            return
        files = chosen
        db_path, paths = self.store.path, self.paths.ensure()
        allow_unsigned = self.take_allow_unsigned()

        run_task(
            self,
            self.tr("Mengimpor…"),
            import_work(db_path, files, paths, allow_unsigned),
            self._imported,
            self._failed,
        )

    def take_allow_unsigned(self) -> bool:
        """Whether the next import (here or in Kotak masuk) accepts unsigned bundles; the
        choice is for that one import only, so it is unticked as it is taken."""
        allow = self.allow_unsigned.isChecked()
        self.allow_unsigned.setChecked(False)
        return allow

    def _imported(self, outcome: ImportOutcome) -> None:
        reports = outcome.reports
        self.last_reports = reports
        self.unsealed.setVisible(False)  # about the last export, not this import
        # At an office with keys: where the signed receipts went (an officer's laptop writes none).
        self.summary.setText(receipts_text(outcome.receipts) if outcome.receipts.signed else "")
        self.report.setRowCount(len(reports))
        labels = {
            "imported": self.tr("Diimpor"),
            "already-imported": self.tr("Sudah pernah"),
            "skipped": self.tr("Dilewati"),
            "rejected": self.tr("Ditolak"),
            "failed": self.tr("Gagal"),
        }
        for row, report in enumerate(reports):
            detail = "\n".join([report.message, *report.problems, *report.warnings])
            for column, text in enumerate(
                (report.file, labels.get(report.result, report.result), detail)
            ):
                item = QTableWidgetItem(text)
                if report.result in ("rejected", "failed"):
                    item.setForeground(Qt.GlobalColor.darkRed)
                elif report.result == "skipped":  # a key file or receipt: nothing to act on
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.report.setItem(row, column, item)
        self.report.resizeRowsToContents()
        self.reload_conflicts()
        self.imported.emit(outcome)
        self.changed.emit()

    def showEvent(self, event: QShowEvent) -> None:
        """Look at the office keys when the tab is shown: loading the keys costs start-up time."""
        self._show_trust_options()
        super().showEvent(event)

    def on_trust_clicked(self) -> None:
        from .trust_dialog import TrustDialog

        TrustDialog(self.store, self).exec()
        self._show_trust_options()
        # Enrolling an office withdraws the bundles written before it (not sealed to it).
        self.outbox_panel.reload()
        self.changed.emit()

    def _show_trust_options(self) -> None:
        """The unsigned-bundle choice exists only at an office with keys (it refuses them); the
        outbox to the office only on an officer's laptop (an office sends nothing)."""
        from ..profile import OFFICE_ROLE, role_of
        from ..sync.trust import office_keys

        at_office = office_keys(self.store) is not None
        self.allow_unsigned.setVisible(at_office)
        sends = not at_office and role_of(self.store) != OFFICE_ROLE
        self.outbox_panel.setVisible(sends)
        if sends:  # receipts brought back on a stick confirm their bundles
            self.outbox_panel.check_receipts()
        if self.inbox_control is not None:
            self.inbox_control.setVisible(at_office)

    def shutdown(self) -> None:
        """The window closes: stop the inbox server it started (a clean stop)."""
        if self.inbox_control is not None:
            self.inbox_control.stop()

    def _failed(self, message: str) -> None:
        messages.warn(self, self.tr("Sinkronisasi"), message)

    def reload_conflicts(self) -> None:
        """List every candidate of every open conflict, one row each, in words."""
        from ..sync.conflict_words import describe_conflicts

        found = list_conflicts(self.store)
        self.conflict_count = len(found)
        self._rows: list[tuple[Conflict, Any]] = []
        texts = []
        for conflict, words in zip(found, describe_conflicts(self.store, found), strict=True):
            for candidate, said in zip(conflict.candidates, words.candidates, strict=True):
                self._rows.append((conflict, candidate))
                texts.append(
                    (
                        f"{words.record_kind}: {words.record}",
                        words.field_label,
                        said.text,
                        f"{said.officer} ({said.device}, {said.local_time})",
                        "✔" if said.provisional else "",
                    )
                )
        self.conflicts.setRowCount(len(self._rows))
        for row, values in enumerate(texts):
            for column, text in enumerate(values):
                self.conflicts.setItem(row, column, QTableWidgetItem(text))
        self.conflicts.resizeColumnsToContents()

    def on_use_clicked(self) -> None:
        rows = self.conflicts.selectionModel().selectedRows()
        if not rows:
            return
        conflict, candidate = self._rows[rows[0].row()]
        value = candidate.value
        if conflict.kind == "edited-after-deletion":
            value = candidate.value is True  # keep deleted (true) or restore (false)
        resolve(self.store, conflict.conflict_id, value)
        self.reload_conflicts()
        self.changed.emit()
