"""Catatan audit: who did what, when, on which record and fields (never values), filtered by
date, actor, action and record kind, exported to CSV for an inspection.

``AuditDialog.ask(parent, store)`` shows it. The list holds the newest ``SHOWN`` matching
entries; the CSV holds every matching entry.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..store.audit_view import (
    CSV_HEADERS,
    AuditEntry,
    AuditFilter,
    audit_actions,
    audit_actors,
    audit_count,
    audit_entries,
    audit_first_day,
    audit_tables,
    csv_rows,
)
from ..store.store import Store
from . import messages
from .dates import style_date_edit

SHOWN = 2000


class AuditDialog(QDialog):
    """The audit log with its filters; Ekspor CSV writes what the filters select."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.entries: list[AuditEntry] = []
        self.setWindowTitle(self.tr("Catatan audit"))
        self.since = style_date_edit(QDateEdit())
        self.until = style_date_edit(QDateEdit())
        today = QDate.currentDate()
        first = audit_first_day(store)  # the whole log unless narrowed
        self.since.setDate(QDate(first) if first is not None else today)
        self.until.setDate(today)
        self.actor = QComboBox()
        self.actor.addItem(self.tr("Semua pelaku"), None)
        for actor in audit_actors(store):
            short = actor.device_id[:8]
            name = actor.name if short in actor.name else f"{actor.name} ({short})"
            self.actor.addItem(name, actor.device_id)
        self.action = QComboBox()
        self.action.addItem(self.tr("Semua tindakan"), None)
        for code, label in audit_actions(store):
            self.action.addItem(label, code)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Semua jenis"), None)
        for table, label in audit_tables(store):
            self.kind.addItem(label, table)
        filters = QGridLayout()
        for column, (text, widget) in enumerate(
            (
                (self.tr("&Dari"), self.since),
                (self.tr("&Sampai"), self.until),
                (self.tr("&Pelaku"), self.actor),
                (self.tr("T&indakan"), self.action),
                (self.tr("&Jenis rekaman"), self.kind),
            )
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            filters.addWidget(caption, 0, column)
            filters.addWidget(widget, 1, column)
        filters.setColumnStretch(5, 1)  # the controls keep their own width, left-aligned
        for combo in (self.actor, self.action, self.kind):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for widget in (self.since, self.until):
            widget.dateChanged.connect(lambda _day: self.reload())
        for combo in (self.actor, self.action, self.kind):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Waktu"),
                self.tr("Pelaku"),
                self.tr("Tindakan"),
                self.tr("Jenis rekaman"),
                self.tr("ID rekaman"),
                self.tr("Isian (tanpa nilai)"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.count = QLabel()
        self.count.setObjectName("audit_count")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.csv_button = QPushButton(self.tr("Ekspor &CSV…"))
        self.csv_button.clicked.connect(self.on_csv_clicked)
        close = QPushButton(self.tr("&Tutup"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Siapa melakukan apa, kapan, pada rekaman dan isian mana. Nilai isian (nama, NIK, "
                "nomor HP) tidak pernah dicatat."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1100, 620)
        self.reload()

    def current_filter(self) -> AuditFilter:
        """The filter the controls describe."""
        first, last = self.since.date().toPython(), self.until.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return AuditFilter(
            since=min(first, last),
            until=max(first, last),
            device_id=self.actor.currentData(),
            action=self.action.currentData(),
            table=self.kind.currentData(),
        )

    def reload(self) -> None:
        """Show the newest entries that match the filters."""
        flt = self.current_filter()
        self.entries = audit_entries(self.store, flt, SHOWN)
        total = audit_count(self.store, flt) if len(self.entries) == SHOWN else len(self.entries)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            for column, text in enumerate(
                (
                    entry.when,
                    entry.actor,
                    entry.action_label,
                    entry.table_label,
                    entry.record_id,
                    entry.fields,
                )
            ):
                item = QTableWidgetItem(text)
                if column >= 4:  # a shortened id or list of fields: whole in the tooltip
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(4, min(self.table.columnWidth(4), 150))
        if total > len(self.entries):
            self.count.setText(
                self.tr("{0} dari {1} catatan ditampilkan (terbaru); CSV memuat semuanya.").format(
                    len(self.entries), total
                )
            )
        else:
            self.count.setText(self.tr("{0} catatan").format(total))
        self.csv_button.setEnabled(total > 0)

    def on_csv_clicked(self) -> None:
        flt = self.current_filter()
        suggested = f"audit-{flt.since}-{flt.until}.csv"
        target = messages.ask_save_path(
            self, self.tr("Simpan catatan audit"), suggested, "CSV (*.csv)"
        )
        if target is None:
            return
        self.write_csv(target)

    def write_csv(self, target: Path) -> None:
        """Write every entry the filters select to ``target``; say so under the list."""
        from ..core.oserrors import describe_os_error
        from ..documents.spreadsheet import write_csv_file

        entries = audit_entries(self.store, self.current_filter())
        try:
            write_csv_file(target, [CSV_HEADERS, *csv_rows(entries)])
        except OSError as exc:
            messages.show_status(
                self.message,
                self.tr("CSV tidak dapat disimpan: {0}.").format(describe_os_error(exc)),
                error=True,
            )
            return
        messages.show_status(
            self.message,
            self.tr("{0} catatan disimpan ke {1}.").format(len(entries), target.name),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store) -> None:
        """Show the audit log until closed."""
        cls(store, parent).exec()
