"""Kiosk mode: participants sign themselves in on a full-screen form in large type.

Nobody can see other people's records here (no search, no list); leaving needs the officer's PIN.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.records import Session
from ..store.errors import InvalidInput, StoreError
from ..store.pin import check_pin, has_pin, set_pin
from ..store.signin import AlreadySignedIn, sign_in
from ..store.store import Store
from . import messages
from .signin_window import SignInForm


class PinDialog(QDialog):
    """Ask for a PIN (twice when choosing a new one)."""

    def __init__(self, title: str, confirm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        form.addRow(self.tr("PIN petugas"), self.pin)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setMaxLength(8)
        if confirm:
            form.addRow(self.tr("Ulangi PIN"), self.again)
        buttons = messages.button_box(self, self.tr("OK"), self.accept, self.tr("Batal"))
        form.addRow(buttons)
        self.confirm = confirm

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, confirm: bool = False) -> str | None:
        """The PIN typed, or None when cancelled or the two entries differ."""
        dialog = cls(title, confirm, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if confirm and dialog.pin.text() != dialog.again.text():
            return None
        return dialog.pin.text()


class KioskWindow(QWidget):
    """Signals: changed() after each sign-in."""

    changed = Signal()

    def __init__(self, store: Store, session_id: str) -> None:
        super().__init__()
        self.store = store
        self.session = store.get(Session, session_id)
        self._unlocked = False
        self.setWindowTitle(self.tr("Daftar hadir mandiri"))
        font = QFont(self.font())
        font.setPointSize(18)
        self.setFont(font)
        layout = QVBoxLayout(self)
        title = QLabel(
            self.tr(
                "<h1>Selamat datang</h1><p>{0}</p><p>Isi data Anda lalu tekan <b>Simpan</b>.</p>"
            ).format(self.session.title or "")
        )
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.form = SignInForm(self.session)
        self.form.name.setPlaceholderText(self.tr("Nama lengkap"))
        layout.addWidget(self.form)
        self.save = QPushButton(self.tr("Simpan"))
        self.save.setMinimumHeight(60)
        layout.addWidget(self.save)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.save.clicked.connect(self.on_save_clicked)
        self.form.submitted.connect(self.on_save_clicked)

    @classmethod
    def start(cls, parent: QWidget | None, store: Store, session_id: str) -> KioskWindow | None:
        """Open the kiosk full screen; the officer chooses a PIN the first time."""
        if not has_pin(store):
            pin = PinDialog.ask(parent, "PIN untuk keluar dari mode kiosk", confirm=True)
            if pin is None:
                return None
            try:
                set_pin(store, pin)
            except InvalidInput as exc:
                messages.warn(parent, "Mode kiosk", str(exc))
                return None
        window = cls(store, session_id)
        window.showFullScreen()
        return window

    def on_save_clicked(self) -> None:
        try:
            sign_in(
                self.store,
                self.session.id,
                entry=self.form.entry(),
                signature_png=self.form.signature.png_base64(),
                consent_data=self.form.consent_data.isChecked(),
                consent_photo=self.form.consent_photo.isChecked(),
                guardian_name=self.form.guardian.text().strip() or None,
                via="kiosk",
            )
        except AlreadySignedIn:
            # Never name or number anyone here: the next participant is reading the screen.
            self._say(self.tr("Anda sudah tercatat hadir. Terima kasih."), error=False)
            self.form.clear()
            return
        except (InvalidInput, StoreError) as exc:
            self._say(str(exc), error=True)
            return
        self.form.clear()
        self._say(self.tr("Terima kasih, Anda sudah tercatat hadir."), error=False)
        QTimer.singleShot(4000, self.message, self.message.clear)  # cancelled if the kiosk closes
        self.changed.emit()

    def _say(self, text: str, error: bool) -> None:
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        self.message.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unlocked:
            event.accept()
            return
        pin = PinDialog.ask(self, self.tr("Keluar dari mode kiosk"))
        if pin is not None and check_pin(self.store, pin):
            self._unlocked = True
            event.accept()
        else:
            if pin is not None:
                self._say(self.tr("PIN salah."), error=True)
            event.ignore()
