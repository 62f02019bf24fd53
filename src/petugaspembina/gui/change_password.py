"""Berkas → Ganti kata sandi…: the current password, the new one twice.

The database key is re-wrapped under the new password (store/vault.change_password); the data
are not re-encrypted and the recovery key stays valid. The change is audited (never a password).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from ..store import vault
from ..store.errors import StoreError
from ..store.lock import record_password_changed
from ..store.store import Store
from . import messages
from .form_labels import fit_form_labels
from .password_dialogs import NewPasswordFields, hidden_field


class ChangePasswordDialog(QDialog):
    """Slots: on_save_clicked. ``changed`` is True once the new password is in use."""

    def __init__(self, store: Store, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.database = database
        self.changed = False
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Kata sandi baru berlaku mulai pembukaan berikutnya dan untuk membuka kunci "
                "aplikasi. Data tidak dienkripsi ulang; kunci pemulihan kantor tetap sama."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.current = hidden_field()
        form.addRow(self.tr("Kata sandi saat &ini"), self.current)
        self.fields = NewPasswordFields(self, form, new=True)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("change_password_error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addWidget(
            messages.button_box(self, self.tr("Simpan"), self.on_save_clicked, self.tr("Batal"))
        )
        self.current.setFocus()
        self.setMinimumWidth(480)
        fit_form_labels(self)

    def on_save_clicked(self) -> None:
        current = self.current.text()
        if not current:
            self._refuse(self.tr("Ketik kata sandi saat ini."), self.current)
            return
        problem = self.fields.problem()
        if problem:
            self._refuse(problem, self.fields.first)
            return
        if self.fields.password() == current:
            self._refuse(
                self.tr("Kata sandi baru sama dengan kata sandi saat ini."), self.fields.first
            )
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            vault.change_password(self.database, self.fields.password(), old_password=current)
        except vault.WrongPassword:
            self.current.clear()
            self._refuse(self.tr("Kata sandi saat ini salah. Kata sandi tidak diganti."), None)
            self.current.setFocus()
            return
        except StoreError as exc:
            self._refuse(str(exc), None)
            return
        finally:
            QApplication.restoreOverrideCursor()
        record_password_changed(self.store, "kata sandi lama")
        self.changed = True
        self.accept()

    def _refuse(self, text: str, focus: QWidget | None) -> None:
        self.error.setText(text)
        if focus is not None:
            focus.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store, database: Path) -> bool:
        """True when the password was changed."""
        dialog = cls(store, database, parent)
        dialog.exec()
        return dialog.changed
