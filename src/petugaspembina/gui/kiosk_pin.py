"""The officer's PIN for the kiosk: chosen once (typed twice, 4–8 digits), asked to leave."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from . import messages
from .form_labels import fit_form_labels


class PinDialog(QDialog):
    """Ask for a PIN; when choosing a new one, twice, and it stays open until both agree."""

    def __init__(
        self, title: str, confirm: bool, parent: QWidget | None = None, hint: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.confirm = confirm
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        if confirm:
            note = QLabel(
                hint
                or self.tr(
                    "Pilih PIN 4–8 angka. PIN ini diminta saat keluar dari mode kiosk; "
                    "jangan beri tahu peserta."
                )
            )
            note.setWordWrap(True)
            form.addRow(note)
        self.pin = self._pin_edit()
        form.addRow(self.tr("&PIN petugas"), self.pin)
        self.again = self._pin_edit()
        if confirm:
            form.addRow(self.tr("&Ulangi PIN"), self.again)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        form.addRow(self.error)
        form.addRow(messages.button_box(self, self.tr("OK"), self.on_ok_clicked, self.tr("Batal")))
        self.pin.setFocus()
        if parent is not None:  # a dialog window does not take its parent's font by itself
            for widget in (self, *self.findChildren(QWidget)):  # (nor do its fields under the
                widget.setFont(parent.font())  # kiosk's style sheet): the kiosk's large type
        fit_form_labels(self)

    def _pin_edit(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(8)
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), edit))
        edit.setPlaceholderText(self.tr("4–8 angka"))
        return edit

    def on_ok_clicked(self) -> None:
        """Accept, unless a new PIN is too short or the two entries differ (then say which)."""
        if self.confirm:
            if not 4 <= len(self.pin.text()) <= 8:
                self.error.setText(self.tr("PIN harus 4 sampai 8 angka."))
                self.pin.setFocus()
                return
            if self.pin.text() != self.again.text():
                self.error.setText(self.tr("Kedua PIN tidak sama. Ketik PIN yang sama dua kali."))
                self.again.clear()
                self.again.setFocus()
                return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, confirm: bool = False, hint: str | None = None
    ) -> str | None:
        """The PIN typed, or None when cancelled; ``hint`` replaces the note on choosing one."""
        dialog = cls(title, confirm, parent, hint)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.pin.text()
