"""The editable list of receiving agencies and their contacts (UPTD PPA, Polri, LPSK, BP3MI, …)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.enums import AgencyKind
from ..core.validation import check_phone
from ..store.errors import StoreError
from ..store.referrals import seed_agencies
from ..store.store import Edit, Store
from . import messages

COLUMNS = ("abbreviation", "full_name", "kind", "contact_person", "phone", "email", "active")


class AgenciesDialog(QDialog):
    """``AgenciesDialog.ask(parent, store)``: True when something was saved."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Instansi penerima rujukan"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Singkatan"),
                self.tr("Nama lengkap"),
                self.tr("Jenis"),
                self.tr("Narahubung"),
                self.tr("Telepon"),
                self.tr("Email"),
                self.tr("Aktif"),
            ]
        )
        self.ids: list[str | None] = []
        self.loaded: list[dict[str, object]] = []
        seed_agencies(store)
        for row in store.rows(
            "SELECT * FROM agencies WHERE deleted = 0 ORDER BY abbreviation COLLATE NOCASE"
        ):
            self._add_row(row)
        self.table.resizeColumnsToContents()
        for column in (COLUMNS.index(n) for n in ("contact_person", "phone", "email")):
            self.table.setColumnWidth(column, max(140, self.table.columnWidth(column)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("full_name"), QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COLUMNS.index("kind"), 230)  # a drop-down: not measured
        add = QPushButton(self.tr("&Tambah instansi"))
        add.clicked.connect(lambda: self._add_row({}))
        self.error = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(add)
        layout.addWidget(self.error)
        layout.addWidget(messages.button_box(self, self.tr("Simpan"), self.on_save_clicked))
        self.resize(1100, 460)
        self.table.setFocus()
        self.table.setCurrentCell(0, 0)

    def _add_row(self, row: dict[str, object]) -> None:
        index = self.table.rowCount()
        self.table.insertRow(index)
        self.ids.append(str(row["id"]) if row.get("id") else None)
        self.loaded.append(row)
        for column, name in enumerate(COLUMNS):
            if name == "kind":
                combo = QComboBox()
                for kind in AgencyKind:
                    combo.addItem(kind.label, kind.value)
                combo.setCurrentIndex(max(0, combo.findData(row.get("kind") or "lainnya")))
                self.table.setCellWidget(index, column, combo)
            elif name == "active":
                item = QTableWidgetItem()
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if row.get("active", 1) else Qt.CheckState.Unchecked
                )
                self.table.setItem(index, column, item)
            else:
                self.table.setItem(index, column, QTableWidgetItem(str(row.get(name) or "")))

    def values(self, index: int) -> dict[str, object]:
        """One row as agency field values."""
        out: dict[str, object] = {}
        for column, name in enumerate(COLUMNS):
            if name == "kind":
                combo = self.table.cellWidget(index, column)
                out[name] = combo.currentData() if isinstance(combo, QComboBox) else "lainnya"
            elif name == "active":
                item = self.table.item(index, column)
                out[name] = item is not None and item.checkState() == Qt.CheckState.Checked
            else:
                item = self.table.item(index, column)
                out[name] = (item.text().strip() if item else "") or None
        return out

    def on_save_clicked(self) -> None:
        edits = []
        for index, record_id in enumerate(self.ids):
            values = self.values(index)
            if not values["abbreviation"] and not values["full_name"]:
                continue  # an empty new row is ignored
            if not values["abbreviation"] or not values["full_name"]:
                messages.show_status(
                    self.error,
                    error=True,
                    text=self.tr("Baris {0}: isi singkatan dan nama lengkap.").format(index + 1),
                )
                return
            if values["phone"]:
                phone = check_phone(str(values["phone"]))
                if not phone.ok:
                    messages.show_status(
                        self.error,
                        error=True,
                        text=self.tr("Baris {0}: {1}").format(index + 1, phone.errors[0]),
                    )
                    return
                values["phone"] = phone.value
            if record_id is not None:  # an edit writes only what changed (no needless conflicts)
                before = self.loaded[index]
                values = {name: v for name, v in values.items() if before.get(name) != v}
                if not values:
                    continue
            edits.append(Edit("agencies", values, record_id))
        try:
            self.store.write_many(edits)
        except StoreError as exc:
            messages.show_status(self.error, error=True, text=str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store) -> bool:
        """True when the list was saved."""
        return cls(store, parent).exec() == QDialog.DialogCode.Accepted
