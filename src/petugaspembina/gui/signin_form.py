"""The entry form of the daftar hadir screen: one person's fields, consents and signature.

Keyboard-first: Enter anywhere in the form submits; the category completes as it is typed; the village
starts as the session's.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from .. import regions
from ..core.enums import find_category
from ..core.records import Session
from ..store.signin import PersonEntry
from .category_combo import chosen_category, fill_categories
from .entry_keys import EnterSaves, NikEdit
from .form_labels import fit_labels
from .signature_pad import SignaturePad
from .village_picker import VillagePicker, typed_entry


class SignInForm(QWidget):
    """The entry form of the officer's sign-in screen.

    ``near``: the area whose villages are suggested first (``store.home_area.home_areas``).

    Signals: submitted() when Enter is pressed in a field.
    """

    submitted = Signal()

    def __init__(
        self, session: Session, parent: QWidget | None = None, near: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Nama lengkap (atau NIK untuk mencari)"))
        self.sex = QLineEdit()
        self.sex.setMaxLength(1)
        self.sex.setValidator(QRegularExpressionValidator(QRegularExpression("[LlPp]")))
        self.sex.setPlaceholderText("L / P")
        self.birth_year = QLineEdit()
        self.birth_year.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}")))
        self.birth_year.setPlaceholderText(self.tr("mis. 1990"))
        self.category = QComboBox()
        fill_categories(self.category)
        # Typed, not popped open: Space in a plain combo opens its list and the rest of the
        # typing goes astray. The label completes as it is typed; Tab takes it.
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter([self.category.itemText(i) for i in range(self.category.count())])
        self.category.setCompleter(completer)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        category_edit = self.category.lineEdit()
        assert category_edit is not None  # an editable combo has one
        category_edit.setPlaceholderText(self.tr("ketik atau pilih"))
        category_edit.editingFinished.connect(self._settle_category)
        self.village = VillagePicker(near=near)
        self.default_region = (
            regions.lookup(session.region_code or "") if session.region_code else None
        )
        self.village.set_region(self.default_region, session.village_name or "")
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("0812-3456-7890")
        self.nik = NikEdit()  # digits while typed, masked once left
        self.nik.setPlaceholderText(self.tr("opsional"))
        self.guardian = QLineEdit()
        self.guardian.setPlaceholderText(self.tr("wajib bila di bawah 18 tahun"))
        self.consent_data = QCheckBox(self.tr("Setuju data dicatat untuk kegiatan ini"))
        # Unticked for each person; a click ticks it without taking the focus from the field
        # being typed in, so Enter still signs the person in.
        self.consent_data.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.consent_photo = QCheckBox(self.tr("Setuju difoto untuk dokumentasi"))
        self.signature = SignaturePad()
        clear_signature = QPushButton(self.tr("Hapus tanda tangan"))
        clear_signature.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear_signature.clicked.connect(self.signature.clear)
        rows = [
            (self.tr("&Nama"), self.name),
            (self.tr("Jenis &kelamin"), self.sex),
            (self.tr("&Tahun lahir"), self.birth_year),
            (self.tr("Kate&gori"), self.category),
            (self.tr("&Desa/Kelurahan"), self.village),
            (self.tr("No. &HP"), self.phone),
            (self.tr("N&IK"), self.nik),
            (self.tr("Orang tua/&wali"), self.guardian),
        ]
        for label, widget in rows:
            form.addRow(label, widget)
        form.addRow("", self.consent_data)
        form.addRow("", self.consent_photo)
        self.layout_rows = form
        self.signature_row = form.rowCount()  # this row and the next: hidden in paper mode
        form.addRow(self.tr("Tanda tangan"), self.signature)
        form.addRow("", clear_signature)
        fit_labels(form)
        self.fields = {
            "full_name": self.name,
            "sex": self.sex,
            "birth_year": self.birth_year,
            "phone": self.phone,
            "nik": self.nik,
            "guardian_name": self.guardian,
            "category": self.category,
            "village_name": self.village,
            "consent_data": self.consent_data,
        }
        for edit in (self.name, self.sex, self.birth_year, self.phone, self.nik, self.guardian):
            edit.returnPressed.connect(self.submitted.emit)
        # Enter saves from the consents, the category and the village too (as Alt+S does)
        EnterSaves(
            self,
            (self.category, self.village, self.consent_data, self.consent_photo),
            self.submitted.emit,
        )

    def set_paper(self, paper: bool) -> None:
        """Typing from a paper list: the signature is on the paper, so its pad is hidden."""
        self.signature.clear()
        for index in (self.signature_row, self.signature_row + 1):  # pad, "Hapus tanda tangan"
            self.layout_rows.setRowVisible(index, not paper)

    def _category_line(self, text: str) -> int | None:
        """The line named by ``text``: its label (any case) or the label's unique start, or a
        code or abbreviation (``irt``); 0 for no text; None when nothing matches."""
        key = " ".join(text.split()).casefold()
        if not key:
            return 0
        labels = [self.category.itemText(i).casefold() for i in range(self.category.count())]
        if key in labels:
            return labels.index(key)
        starts = [i for i, label in enumerate(labels) if label.startswith(key)]
        if len(starts) == 1:
            return starts[0]
        choice = find_category(text)
        return self.category.findText(choice.label) if choice is not None else None

    def _settle_category(self) -> None:
        """Choose the category that was typed. Text naming none stays as typed, to be refused
        with a message when the person is saved: typing is never thrown away."""
        index = self._category_line(self.category.currentText())
        if index is None or index < 0:
            return
        self.category.setCurrentIndex(index)
        self.category.setEditText(self.category.itemText(index))

    def _typed_category(self) -> tuple[str, str]:
        """The category code and the occupation as position; an unknown typed text as it is."""
        self._settle_category()
        text = self.category.currentText().strip()
        if text != self.category.itemText(self.category.currentIndex()):
            return text, ""  # not in the list: check_person refuses it, naming it
        choice = chosen_category(self.category)
        return (choice.code, choice.position) if choice else ("", "")

    def entry(self) -> PersonEntry:
        """The typed values."""
        category, position = self._typed_category()
        return typed_entry(
            self.village,
            name=self.name.text(),
            sex=self.sex.text(),
            birth_year=self.birth_year.text(),
            category=category,
            phone=self.phone.text(),
            nik=self.nik.text(),
            position=position,
        )

    def is_dirty(self) -> bool:
        """Whether anything has been typed, chosen or drawn for the person being entered."""
        edits = (self.name, self.sex, self.birth_year, self.phone, self.nik, self.guardian)
        return (
            any(edit.text().strip() for edit in edits)
            or bool(self.category.currentText().strip())
            or not self.signature.is_empty()
        )

    def clear(self) -> None:
        """Empty the form for the next person (the village stays the session's)."""
        for edit in (self.name, self.sex, self.birth_year, self.phone, self.nik, self.guardian):
            edit.setText("")  # unlike clear(), also empties the field's own undo history
        self.category.setCurrentIndex(0)
        self.category.setEditText("")
        self.village.set_region(
            self.default_region, self.village.text() if self.default_region is None else ""
        )
        self.consent_data.setChecked(False)  # consent is the person's to give (UU PDP)
        self.consent_photo.setChecked(False)
        self.signature.clear()
        self.name.setFocus()
