"""Kegiatan terhapus: deleted sessions with the sign-ins that went with them, and Pulihkan.

``DeletedSessionsDialog.ask(parent, store)`` is True when a session was restored.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..store.corrections import DeletedSession, deleted_sessions, restore_session
from ..store.errors import StoreError
from ..store.store import Store
from . import messages


class DeletedSessionsDialog(QDialog):
    """The list of deleted sessions; Pulihkan brings the selected one back with its sign-ins."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.restored = 0
        self.rows: list[DeletedSession] = []
        self.setWindowTitle(self.tr("Kegiatan terhapus"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tanggal"), self.tr("Judul"), self.tr("Desa/Kelurahan"), self.tr("Hadir")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemActivated.connect(lambda _item: self.on_restore_clicked())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Pulihkan"))
        self.restore_button.clicked.connect(self.on_restore_clicked)
        close = QPushButton(self.tr("&Tutup"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Kegiatan yang dihapus beserta tanda hadirnya. Pulihkan mengembalikan "
                    "kegiatan dan tanda hadir yang terhapus bersamanya."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(760, 420)
        self.reload()

    def reload(self) -> None:
        """Re-read the deleted sessions."""
        self.rows = deleted_sessions(self.store)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            for column, value in enumerate(
                (row.date, row.title, row.village_name, str(row.sign_ins))
            ):
                self.table.setItem(index, column, QTableWidgetItem(value or ""))
        self.table.resizeColumnsToContents()
        if self.rows:
            self.table.selectRow(0)
        else:
            messages.show_status(self.message, self.tr("Tidak ada kegiatan yang dihapus."))
        self.restore_button.setEnabled(bool(self.rows))

    def on_restore_clicked(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        chosen = self.rows[row]
        try:
            count = restore_session(self.store, chosen.id)
        except StoreError as exc:
            messages.show_status(self.message, str(exc), error=True)
            return
        self.restored += 1
        self.reload()
        messages.show_status(
            self.message,
            self.tr("Kegiatan “{0}” dipulihkan dengan {1} tanda hadir.").format(
                chosen.title or "", count
            ),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store) -> bool:
        """True when at least one session was restored."""
        dialog = cls(store, parent)
        dialog.exec()
        return dialog.restored > 0
