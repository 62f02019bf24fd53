"""Add or edit a Desa Binaan register entry (the office's clerk): village, SK, assigned PIMPASA
officers with their appointment letter and dates, focal points, partner programs, notes; and the
small dialog that ends a designation."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import regions
from ..core.display import short_date
from ..core.records import Session
from ..core.validation import format_nip, format_phone
from ..store.desa_binaan import (
    Appointment,
    Entry,
    EntryValues,
    FocalPoint,
    add_entry,
    edit_entry,
    end_entry,
    get_entry,
    known_officers,
)
from ..store.errors import StoreError
from ..store.home_area import home_areas
from ..store.store import Store
from . import messages
from .dates import DateCellDelegate, clear_on_delete, style_date_edit
from .form_labels import fit_form_labels
from .village_picker import VillagePicker

FOCAL_ROWS = 3


def _item(text: str, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


class DesaBinaanDialog(QDialog):
    """New entry (optionally from a pembentukan session) or an edit of one; ``saved`` lists the
    ids written. From a session, "Simpan dan tambah desa lain" keeps SK, date and officers for the
    next village the same session formed."""

    def __init__(
        self,
        store: Store,
        village_id: str | None = None,
        session_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.saved: list[str] = []
        self.entry: Entry | None = get_entry(store, village_id) if village_id else None
        self.session = store.get(Session, session_id) if session_id else None
        if self.entry is not None and self.entry.formed_session_id and self.session is None:
            try:
                self.session = store.get(Session, self.entry.formed_session_id)
            except StoreError:
                self.session = None
        self.setWindowTitle(
            self.tr("Ubah desa binaan") if self.entry else self.tr("Desa binaan baru")
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.village = VillagePicker(near=home_areas(store))
        form.addRow(self.tr("&Desa/Kelurahan"), self.village)
        if self.entry is not None:
            self.village.set_region(regions.lookup(self.entry.region_code), self.entry.name)
            self.village.setReadOnly(True)
        elif self.session is not None and self.session.region_code:
            self.village.set_region(regions.lookup(self.session.region_code))
        self.sk_number = QLineEdit(self.entry.sk_number if self.entry else "")
        self.sk_number.setPlaceholderText(self.tr("mis. W.16-UM.01.01-045/2026"))
        form.addRow(self.tr("Nomor &SK"), self.sk_number)
        self.sk_date = style_date_edit(QDateEdit())
        default_day = (self.entry.sk_date if self.entry else None) or (
            self.session.date if self.session else None
        )
        self.sk_date.setDate(
            QDate.fromString(default_day, "yyyy-MM-dd") if default_day else QDate.currentDate()
        )
        form.addRow(self.tr("&Tanggal SK"), self.sk_date)
        if self.session is not None:
            formed = QLabel(f"{self.session.title} ({short_date(self.session.date)})")
            formed.setWordWrap(True)
            form.addRow(self.tr("Kegiatan pembentukan"), formed)
        self.officers = self._officer_table()
        form.addRow(self.tr("&Petugas PIMPASA"), self.officers)
        self.focal = self._focal_table()
        form.addRow(self.tr("&Narahubung desa"), self.focal)
        self.programs = QLineEdit(", ".join(self.entry.partner_programs) if self.entry else "")
        self.programs.setPlaceholderText(self.tr("mis. Desa Emas (BP3MI), Desmigratif"))
        form.addRow(self.tr("Program &mitra"), self.programs)
        self.notes = QPlainTextEdit((self.entry.notes or "") if self.entry else "")
        self.notes.setMaximumHeight(60)
        form.addRow(self.tr("&Catatan"), self.notes)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = messages.button_box(self, self.tr("Simpan"), self.on_save_clicked)
        self.save_next: QPushButton | None = None
        if self.entry is None and self.session is not None:
            self.save_next = buttons.addButton(
                self.tr("Simpan dan tambah desa &lain"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.save_next.clicked.connect(self.on_save_next_clicked)
        layout.addWidget(buttons)
        self.resize(860, 620)
        (self.sk_number if self.entry else self.village).setFocus()
        fit_form_labels(self)

    # -- tables --------------------------------------------------------------------------------

    def _officer_table(self) -> QTableWidget:
        assigned = {a.officer_id: a for a in self.entry.officers} if self.entry else {}
        officers = known_officers(self.store)
        table = QTableWidget(len(officers), 5)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Nama"),
                self.tr("NIP"),
                self.tr("No. surat tugas"),
                self.tr("Mulai"),
                self.tr("Selesai"),
            ]
        )
        for row, officer in enumerate(officers):
            appointment = assigned.get(officer.id)
            name = _item(officer.name, editable=False)
            name.setData(Qt.ItemDataRole.UserRole, officer.id)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(
                Qt.CheckState.Checked if appointment is not None else Qt.CheckState.Unchecked
            )
            table.setItem(row, 0, name)
            table.setItem(row, 1, _item(format_nip(officer.nip or ""), editable=False))
            table.setItem(row, 2, _item(appointment.letter_number if appointment else ""))
            table.setItem(row, 3, _item(appointment.start if appointment else ""))
            table.setItem(row, 4, _item(appointment.end if appointment else ""))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((2, 190), (3, 105), (4, 105)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        table.setMinimumHeight(120)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Dates shown as 22 Nov 2026 and chosen with a calendar; a new one starts at the SK date.
        dates = DateCellDelegate(table, default=lambda: self.sk_date.date())
        for column in (3, 4):
            table.setItemDelegateForColumn(column, dates)
        clear_on_delete(table, {3, 4})
        table.setToolTip(
            self.tr(
                "Centang petugas yang ditunjuk. Tanggal: klik ganda lalu pilih dari kalender; "
                "Delete mengosongkan (Mulai kosong = tanggal SK)."
            )
        )
        return table

    def _focal_table(self) -> QTableWidget:
        points = list(self.entry.focal_points) if self.entry else []
        table = QTableWidget(max(FOCAL_ROWS, len(points) + 1), 3)
        table.setHorizontalHeaderLabels([self.tr("Nama"), self.tr("Jabatan"), self.tr("No. HP")])
        for row, point in enumerate(points):
            table.setItem(row, 0, _item(point.name))
            table.setItem(row, 1, _item(point.position))
            phone = format_phone(point.phone) if point.phone.startswith("+") else point.phone
            table.setItem(row, 2, _item(phone))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(110)
        return table

    def _officer_items(self) -> list[QTableWidgetItem]:
        items = [self.officers.item(row, 0) for row in range(self.officers.rowCount())]
        return [item for item in items if item is not None]

    def checked_officers(self) -> list[str]:
        """Ids of the ticked officers."""
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in self._officer_items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_officer_checked(self, officer_id: str, checked: bool = True) -> None:
        """Tick (or untick) an officer in the table."""
        for item in self._officer_items():
            if item.data(Qt.ItemDataRole.UserRole) == officer_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def values(self) -> EntryValues:
        """What the form says, as the store takes it."""
        sk_day = self.sk_date.date().toString("yyyy-MM-dd")
        appointments = []
        for item in self._officer_items():
            if item.checkState() != Qt.CheckState.Checked:
                continue
            row = item.row()
            appointments.append(
                Appointment(
                    str(item.data(Qt.ItemDataRole.UserRole)),
                    "".join(ch for ch in _text(self.officers, row, 1) if ch.isdigit()),
                    item.text(),
                    _text(self.officers, row, 2),
                    _text(self.officers, row, 3) or sk_day,
                    _text(self.officers, row, 4),
                )
            )
        points = [
            FocalPoint(
                _text(self.focal, row, 0), _text(self.focal, row, 1), _text(self.focal, row, 2)
            )
            for row in range(self.focal.rowCount())
            if any(_text(self.focal, row, c) for c in range(3))
        ]
        return EntryValues(
            self.sk_number.text().strip(),
            sk_day,
            appointments,
            points,
            [p.strip() for p in self.programs.text().split(",") if p.strip()],
            self.notes.toPlainText().strip() or None,
            self.entry.formed_session_id
            if self.entry
            else (self.session.id if self.session else None),
        )

    # -- saving --------------------------------------------------------------------------------
    def _save(self) -> bool:
        values = self.values()
        try:
            if self.entry is not None:
                edit_entry(self.store, self.entry.id, values)
                self.saved.append(self.entry.id)
                return True
            region = self.village.region
            if region is None:
                messages.show_status(
                    self.error,
                    self.tr("Pilih desa/kelurahan dari daftar (ketik minimal 3 huruf)."),
                    error=True,
                )
                self.village.setFocus()
                return False
            self.saved.append(add_entry(self.store, region.code, values))
        except StoreError as exc:
            messages.show_status(self.error, str(exc), error=True)
            return False
        return True

    def on_save_clicked(self) -> None:
        if self._save():
            self.accept()

    def on_save_next_clicked(self) -> None:
        """Save this village and start the next one of the same session (SK kept)."""
        if not self._save():
            return
        entry = get_entry(self.store, self.saved[-1])
        messages.show_status(
            self.error,
            self.tr("Tersimpan: {0}. Pilih desa berikutnya.").format(entry.name),
        )
        self.village.set_region(None)
        self.village.setFocus()
        for row in range(self.focal.rowCount()):
            for column in range(3):
                self.focal.setItem(row, column, _item(""))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        store: Store,
        village_id: str | None = None,
        session_id: str | None = None,
    ) -> list[str]:
        """The ids saved (several from one pembentukan session); empty when nothing was."""
        dialog = cls(store, village_id, session_id, parent)
        dialog.exec()
        return dialog.saved


class EndDialog(QDialog):
    """End a designation: the date and the reason (the entry stays in the register)."""

    def __init__(self, store: Store, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.entry = entry
        self.setWindowTitle(self.tr("Akhiri desa binaan"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Desa {0} tidak lagi menjadi desa binaan. Data dan riwayatnya tetap di register."
            ).format(entry.name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.day = style_date_edit(QDateEdit(QDate.currentDate()))
        form.addRow(self.tr("&Tanggal berakhir"), self.day)
        self.reason = QLineEdit()
        form.addRow(self.tr("&Alasan"), self.reason)
        layout.addLayout(form)
        self.error = QLabel()
        layout.addWidget(self.error)
        layout.addWidget(messages.button_box(self, self.tr("Akhiri"), self.on_end_clicked))
        self.day.setFocus()
        fit_form_labels(self)

    def on_end_clicked(self) -> None:
        try:
            end_entry(
                self.store,
                self.entry.region_code,
                self.day.date().toString("yyyy-MM-dd"),
                self.reason.text(),
            )
        except StoreError as exc:
            messages.show_status(self.error, str(exc), error=True)
            return
        self.accept()
