"""The database password in the window: asked at start, chosen at first run, the recovery key
shown once, and an old plain database encrypted with progress (docs/security.md).

- ``PasswordDialog.ask(parent, database)``: unlocks the database (True) or was cancelled (False).
  Wrong passwords in a row make the next try wait longer (2, 4, 8 … seconds, as the kiosk PIN);
  the count survives a restart (Qt settings). "Lupa kata sandi?" opens with the recovery key and
  sets a new password.
- ``NewPasswordFields``: two hidden fields and the length rule, for the first run and for an old
  database.
- ``RecoveryKeyDialog.show_once(parent, code)``: the recovery key, closed only after "Saya sudah
  mencatat kunci pemulihan" is ticked.
- ``encrypt_old_database(parent, database, backups)``: the conversion on a worker thread behind a
  progress dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..store import vault
from ..store.errors import StoreError
from . import messages
from .form_labels import fit_form_labels

FAILURES_KEY = "security/wrong_passwords"


def _delay(failures: int) -> int:
    from ..store.pin import wrong_pin_delay  # the store's modules load while the officer types

    return wrong_pin_delay(failures)


def hidden_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class NewPasswordFields(QWidget):
    """A new password typed twice, with the rule on screen; ``problem()`` says what is wrong."""

    def __init__(
        self, parent: QWidget | None = None, form: QFormLayout | None = None, new: bool = False
    ) -> None:
        """With ``form`` the rows join that form (labels aligned with its own); else this widget
        lays them out itself. ``new``: labelled "Kata sandi baru" (beside the current one)."""
        super().__init__(parent)
        if form is None:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
        else:
            self.hide()
        self.first = hidden_field()
        self.second = hidden_field()
        if new:
            form.addRow(self.tr("Kata sandi &baru"), self.first)
            form.addRow(self.tr("&Ulangi kata sandi baru"), self.second)
        else:
            form.addRow(self.tr("Kata &sandi"), self.first)
            form.addRow(self.tr("&Ulangi kata sandi"), self.second)
        rule = QLabel(
            self.tr(
                "Minimal {0} karakter. Kata sandi ini membuka data di laptop ini; "
                "tanpa kata sandi atau kunci pemulihan, data tidak dapat dibuka."
            ).format(vault.MIN_PASSWORD_LENGTH)
        )
        rule.setWordWrap(True)
        form.addRow(rule)

    def password(self) -> str:
        return self.first.text()

    def problem(self) -> str | None:
        """Why the typed password cannot be used (Indonesian), or None."""
        if self.first.text() != self.second.text():
            return self.tr("Kedua kata sandi tidak sama.")
        problem = vault.password_problem(self.first.text())
        if problem is None:
            return None
        if len(self.first.text()) < vault.MIN_PASSWORD_LENGTH:
            return self.tr("Kata sandi minimal {0} karakter.").format(vault.MIN_PASSWORD_LENGTH)
        return self.tr("Kata sandi tidak boleh diawali atau diakhiri spasi.")


class PasswordDialog(QDialog):
    """Asks the database password before the main window opens."""

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.unlocked = False
        self.setWindowTitle(self.tr("Buka Petugas Pembina"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Data di laptop ini terenkripsi. Ketik kata sandi untuk membukanya.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.password = hidden_field()
        form.addRow(self.tr("Kata &sandi"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.forgot = QPushButton(self.tr("Lupa kata sandi? Pakai kunci pemulihan…"))
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(self.on_forgot_clicked)
        layout.addWidget(self.forgot, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons = messages.button_box(
            self, self.tr("Buka"), self.on_open_clicked, self.tr("Keluar")
        )
        layout.addWidget(self.buttons)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.wait = QTimer(self)
        self.wait.timeout.connect(self._tick)
        self.remaining = 0
        self.settings = QSettings()
        failures = self.failures()
        if failures:
            self._start_wait(_delay(failures))
        self.password.setFocus()
        self.setMinimumWidth(420)
        fit_form_labels(self)

    def failures(self) -> int:
        return int(str(self.settings.value(FAILURES_KEY, 0) or 0))

    def _start_wait(self, seconds: int) -> None:
        self.remaining = seconds
        self.password.setEnabled(False)
        self.open_button.setEnabled(False)
        self._tick()
        self.wait.start(1000)

    def _tick(self) -> None:
        if self.remaining <= 0:
            self.wait.stop()
            self.password.setEnabled(True)
            self.open_button.setEnabled(True)
            self.error.setText(self.tr("Kata sandi salah. Silakan coba lagi."))
            self.password.setFocus()
            return
        self.error.setText(
            self.tr("Kata sandi salah. Coba lagi dalam {0} detik.").format(self.remaining)
        )
        self.remaining -= 1

    def on_open_clicked(self) -> None:
        if not self.password.text():
            self.error.setText(self.tr("Ketik kata sandi."))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            vault.unlock(self.database, self.password.text())
        except vault.WrongPassword:
            failures = self.failures() + 1
            self.settings.setValue(FAILURES_KEY, failures)
            self.password.clear()
            self._start_wait(_delay(failures))
            return
        except StoreError as exc:
            self.error.setText(str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.settings.setValue(FAILURES_KEY, 0)
        self.unlocked = True
        self.accept()

    def on_forgot_clicked(self) -> None:
        if RecoveryDialog.ask(self, self.database):
            self.settings.setValue(FAILURES_KEY, 0)
            self.unlocked = True
            self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        database: Path,
        shown: Callable[[PasswordDialog], None] | None = None,
    ) -> bool:
        """True when the database is now unlocked. ``shown`` is called once the dialog takes
        keys (the start-time benchmark, gui/start_up.py)."""
        dialog = cls(database, parent)
        if shown is not None:
            dialog.show()
            QTimer.singleShot(0, dialog, lambda: shown(dialog))
        dialog.exec()
        return dialog.unlocked


def level_labels(form: QFormLayout) -> None:
    """Each label of ``form`` as tall as its field, its text in the middle: level with the text
    typed in the field also where a style sheet makes the fields taller (the lock screen's)."""
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = label_item.widget() if label_item is not None else None
        field = field_item.widget() if field_item is not None else None
        if isinstance(label, QLabel) and field is not None:
            field.ensurePolished()
            label.setMinimumHeight(max(field.minimumHeight(), field.sizeHint().height()))
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class RecoveryDialog(QDialog):
    """Opens with the office's recovery key and sets a new password."""

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.done_ok = False
        self.setWindowTitle(self.tr("Kunci pemulihan"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Ketik kunci pemulihan yang dicatat saat basis data ini dibuat (8 kelompok "
                "huruf dan angka; disimpan kantor, atau kepala kantor untuk komputer kantor), "
                "lalu pilih kata sandi baru."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-…")
        self.code.ensurePolished()  # on the lock screen its style sheet sets a larger font
        # The whole key in sight while it is typed (39 characters).
        self.code.setMinimumWidth(self.code.fontMetrics().horizontalAdvance("W" * 36))
        form.addRow(self.tr("&Kunci pemulihan"), self.code)
        # One form for the key and the new password: their fields line up under each other.
        self.fields = NewPasswordFields(self, form)
        layout.addLayout(form)
        level_labels(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addWidget(
            messages.button_box(self, self.tr("Simpan"), self.on_save_clicked, self.tr("Batal"))
        )
        fit_form_labels(self)

    def on_save_clicked(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.error.setText(problem)
            return
        try:
            vault.parse_recovery(self.code.text())
        except vault.WrongPassword:
            self.error.setText(
                self.tr("Kunci pemulihan terdiri atas 32 huruf dan angka (8 kelompok).")
            )
            self.code.setFocus()
            return
        try:
            vault.change_password(self.database, self.fields.password(), recovery=self.code.text())
        except vault.WrongPassword:
            self.error.setText(self.tr("Kunci pemulihan salah."))
            self.code.setFocus()
            return
        except StoreError as exc:
            self.error.setText(str(exc))
            return
        self.done_ok = True
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, database: Path) -> bool:
        dialog = cls(database, parent)
        dialog.exec()
        return dialog.done_ok


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown once; closes only when the officer confirms noting it."""

    def __init__(self, code: str, parent: QWidget | None = None, *, office: bool = False) -> None:
        """``office``: this is the office's own computer (kept there, not handed to anyone)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kunci pemulihan"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Catat kunci pemulihan ini dan serahkan ke kepala kantor untuk disimpan di "
                "brankas, terpisah dari komputer ini. Kunci ini membuka data bila kata sandi "
                "terlupa, dan hanya ditampilkan sekali ini."
            )
            if office
            else self.tr(
                "Catat kunci pemulihan ini dan serahkan ke kantor untuk disimpan. Kunci ini "
                "membuka data bila kata sandi terlupa, dan hanya ditampilkan sekali ini."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code = QLabel(code)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.code)
        copy = QPushButton(self.tr("Salin"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(code))
        layout.addWidget(copy, 0, Qt.AlignmentFlag.AlignCenter)
        self.noted = QCheckBox(self.tr("Saya sudah mencatat kunci pemulihan"))
        layout.addWidget(self.noted)
        self.next = QPushButton(self.tr("Lanjut"))
        self.next.setEnabled(False)
        self.next.clicked.connect(self.accept)
        self.noted.toggled.connect(self.next.setEnabled)
        layout.addWidget(self.next, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(520)

    def reject(self) -> None:  # Esc or the close button: only after the tick
        if self.noted.isChecked():
            super().reject()

    @classmethod
    def show_once(cls, parent: QWidget | None, code: str, *, office: bool = False) -> None:
        cls(code, parent, office=office).exec()


class NewPasswordDialog(QDialog):
    """A new password for a database that has none yet (an old plain database)."""

    def __init__(self, intro_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("Kata sandi basis data"))
        layout = QVBoxLayout(self)
        intro = QLabel(intro_text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.fields = NewPasswordFields()
        layout.addWidget(self.fields)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        layout.addWidget(
            messages.button_box(self, self.tr("Lanjut"), self.on_next_clicked, self.tr("Keluar"))
        )
        self.setMinimumWidth(460)
        fit_form_labels(self)

    def on_next_clicked(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.error.setText(problem)
            return
        self.chosen = self.fields.password()
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, intro_text: str) -> str | None:
        dialog = cls(intro_text, parent)
        dialog.exec()
        return dialog.chosen


def encrypt_old_database(
    parent: QWidget | None, database: Path, backups: Path, quarantine: Path
) -> str | None:
    """Encrypt a plain database in place behind a progress dialog, then the plain backups and
    quarantined bundles of the older version; None when done, else why not."""
    from ..store.conversion import encrypt_old_copies, encrypt_plain_database

    dialog = QProgressDialog(
        QApplication.translate("PasswordDialog", "Mengenkripsi basis data…"), "", 0, 1000, parent
    )
    dialog.setCancelButton(None)
    dialog.setWindowTitle(QApplication.translate("PasswordDialog", "Mohon tunggu"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    state: dict[str, object] = {"fraction": 0.0, "step": "", "error": None, "done": False}

    def progress(fraction: float, step: str) -> None:
        state["fraction"], state["step"] = fraction, step

    def work() -> None:
        try:
            encrypt_plain_database(database, backups=backups, progress=progress)
            key = vault.key_for(database)
            if key is not None:
                progress(1.0, "Mengenkripsi cadangan dan karantina lama…")
                encrypt_old_copies(backups, quarantine, key)
        except StoreError as exc:
            state["error"] = str(exc)
        except Exception as exc:  # shown to the officer; the old file is left as it was
            state["error"] = f"{type(exc).__name__}: {exc}"
        finally:
            state["done"] = True

    loop = QEventLoop()
    timer = QTimer()

    def poll() -> None:
        dialog.setValue(int(float(str(state["fraction"])) * 1000))
        if state["step"]:
            dialog.setLabelText(str(state["step"]))
        if state["done"]:
            timer.stop()
            loop.quit()

    timer.timeout.connect(poll)
    timer.start(50)
    dialog.show()
    threading.Thread(target=work, name="petugaspembina-encrypt", daemon=True).start()
    loop.exec()
    dialog.close()
    error = state["error"]
    return str(error) if error else None
