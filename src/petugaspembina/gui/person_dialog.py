"""Edit a person: every field, checked with the sign-in screen's rules.

``PersonDialog.ask(parent, store, person_id)`` is True when something was saved. The NIK is never
shown in full: the masked value stands beside an empty field that replaces it when filled.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .. import regions
from ..core.display import short_date
from ..core.records import Person
from ..core.validation import format_phone, mask_nik
from ..store.corrections import PersonEdit, edit_person, guardian_sign_in
from ..store.errors import InvalidInput, StoreError
from ..store.home_area import home_areas
from ..store.signin import PersonEntry
from ..store.store import Store
from . import messages
from .category_combo import chosen_category, fill_categories, show_category
from .dates import ISO, style_date_edit
from .entry_keys import NikEdit
from .form_labels import fit_labels
from .village_picker import VillagePicker
from .window_size import fit_height


class PersonDialog(QDialog):
    """One person's data, editable; Simpan writes only what changed."""

    def __init__(
        self,
        store: Store,
        person_id: str,
        parent: QWidget | None = None,
        attendance_id: str | None = None,
    ) -> None:
        """``attendance_id``: opened from that sign-in (its parent or guardian is shown);
        otherwise the person's latest sign-in's."""
        super().__init__(parent)
        self.store = store
        self.person_id = person_id
        person = store.get(Person, person_id)
        self.setWindowTitle(self.tr("Ubah data peserta"))
        self.name = QLineEdit(person.full_name or "")
        self.sex = QComboBox()
        self.sex.addItem("", "")
        self.sex.addItem(self.tr("Laki-laki (L)"), "L")
        self.sex.addItem(self.tr("Perempuan (P)"), "P")
        self.sex.setCurrentIndex(max(0, self.sex.findData(person.sex or "")))
        self.birth_year = QLineEdit("" if person.birth_year is None else str(person.birth_year))
        self.birth_year.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}")))
        # Optional: "diketahui" ticked opens the date editor (the window's one date style, with a
        # calendar), starting at 1 January of the birth year when no date is stored yet.
        self.birth_date_known = QCheckBox(self.tr("diketahui"))
        self.birth_date = style_date_edit(QDateEdit())
        self.birth_date.setDateRange(QDate(1900, 1, 1), QDate.currentDate())
        known = QDate.fromString(person.birth_date or "", ISO)
        self.birth_date.setDate(
            known if known.isValid() else QDate(person.birth_year or 1990, 1, 1)
        )
        self.birth_date_known.setChecked(known.isValid())
        self.birth_date.setEnabled(known.isValid())
        self.birth_date_known.toggled.connect(self._birth_date_toggled)
        birth_row = QHBoxLayout()
        birth_row.addWidget(self.birth_date_known)
        birth_row.addWidget(self.birth_date, 1)
        self.sign_in = guardian_sign_in(store, person_id, attendance_id)
        self.guardian = QLineEdit((self.sign_in.guardian_name or "") if self.sign_in else "")
        self.guardian.setPlaceholderText(self.tr("wajib bila di bawah 18 tahun"))
        self.category = QComboBox()
        fill_categories(self.category)
        show_category(self.category, person.category, person.position)
        self.village = VillagePicker(near=home_areas(store))
        region = regions.lookup(person.region_code) if person.region_code else None
        self.village.set_region(region, person.village_name or "")
        self.address = QLineEdit(person.address or "")
        self.phone = QLineEdit(format_phone(person.phone))
        self.phone.setPlaceholderText("0812-3456-7890")
        self.nik = NikEdit()  # digits while typed, masked once left
        self.nik.setPlaceholderText(
            self.tr("tersimpan: {0} — isi untuk mengganti").format(mask_nik(person.nik))
            if person.nik
            else self.tr("opsional")
        )
        self.clear_nik = QCheckBox(self.tr("Hapus NIK"))
        self.clear_nik.setVisible(bool(person.nik))
        nik_row = QHBoxLayout()
        nik_row.addWidget(self.nik, 1)
        nik_row.addWidget(self.clear_nik)
        self.agency = QLineEdit(person.agency or "")
        self.position = QLineEdit(person.position or "")
        form = QFormLayout()
        for label, widget in (
            (self.tr("&Nama"), self.name),
            (self.tr("Jenis &kelamin"), self.sex),
            (self.tr("&Tahun lahir"), self.birth_year),
        ):
            form.addRow(label, widget)
        birth_label = QLabel(self.tr("Tangga&l lahir"))
        birth_label.setBuddy(self.birth_date_known)
        form.addRow(birth_label, birth_row)
        for label, widget in (
            (self.tr("Kate&gori"), self.category),
            (self.tr("&Desa/Kelurahan"), self.village),
            (self.tr("Ala&mat"), self.address),
            (self.tr("No. &HP"), self.phone),
        ):
            form.addRow(label, widget)
        nik_label = QLabel(self.tr("N&IK"))
        nik_label.setBuddy(self.nik)  # a row holding a layout gets no buddy by itself
        form.addRow(nik_label, nik_row)
        form.addRow(self.tr("Inst&ansi"), self.agency)
        form.addRow(self.tr("&Jabatan"), self.position)
        if self.sign_in is not None:  # the consenting parent or guardian of a sign-in
            form.addRow(self.tr("Orang tua/&wali"), self.guardian)
            where = ", ".join(
                p for p in (self.sign_in.session_title, short_date(self.sign_in.day or "")) if p
            )
            self.guardian.setToolTip(self.tr("Tercatat pada daftar hadir: {0}").format(where))
            note = QLabel(self.tr("pada daftar hadir: {0}").format(where))
            note.setWordWrap(True)
            note.setStyleSheet("color: #555")
            form.addRow("", note)
        fit_labels(form)
        self.fields: dict[str, QWidget] = {
            "full_name": self.name,
            "sex": self.sex,
            "birth_year": self.birth_year,
            "birth_date": self.birth_date,
            "guardian_name": self.guardian,
            "category": self.category,
            "village_name": self.village,
            "phone": self.phone,
            "nik": self.nik,
        }
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Perubahan ikut terkirim dalam bundel berikutnya.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        messages.clear_when_changed(self.error, *self.fields.values())
        layout.addWidget(messages.button_box(self, self.tr("Simpan"), self.on_save_clicked))
        fit_height(self, 560)  # the note under "Orang tua/wali" shows all its lines
        self.name.setFocus()

    def edit(self) -> PersonEdit:
        """The form's values."""
        region = self.village.region
        typed = self.village.text()
        category = chosen_category(self.category)
        return PersonEdit(
            PersonEntry(
                full_name=self.name.text(),
                sex=self.sex.currentData() or "",
                birth_year=self.birth_year.text(),
                category=category.code if category else "",
                region_code=region.code if region else None,
                village_name=region.name if region else typed,
                phone=self.phone.text(),
                nik=self.nik.text(),
                agency=self.agency.text(),
                position=self.position.text() or (category.position if category else ""),
            ),
            birth_date=(
                self.birth_date.date().toString("dd/MM/yyyy")
                if self.birth_date_known.isChecked()
                else ""
            ),
            address=self.address.text(),
            clear_nik=self.clear_nik.isChecked(),
            attendance_id=self.sign_in.attendance_id if self.sign_in else None,
            guardian_name=self.guardian.text(),
        )

    def _birth_date_toggled(self, known: bool) -> None:
        self.birth_date.setEnabled(known)
        if known:
            year = self.birth_year.text()
            if year.isdigit() and len(year) == 4 and self.birth_date.date().year() != int(year):
                self.birth_date.setDate(QDate(int(year), 1, 1))
            self.birth_date.setFocus()

    def on_save_clicked(self) -> None:
        try:
            edit_person(self.store, self.person_id, self.edit())
        except InvalidInput as exc:
            messages.show_status(self.error, str(exc), error=True)
            widget = self.fields.get(exc.field or "")
            if widget is not None:
                widget.setFocus()
            return
        except StoreError as exc:
            messages.show_status(self.error, str(exc), error=True)
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        store: Store,
        person_id: str,
        attendance_id: str | None = None,
    ) -> bool:
        """True when the person was saved."""
        dialog = cls(store, person_id, parent, attendance_id)
        return dialog.exec() == QDialog.DialogCode.Accepted
