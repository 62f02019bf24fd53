"""The lock screen: a full-screen window that shows nothing of the data, only a password field.

It checks what is typed with the ``check`` it is given (the officer's password, or the kiosk PIN
where the app has no password yet), and after a wrong one refuses every try until the wait of
store.lock.try_unlock has passed. It cannot be closed except by unlocking.

With a password, "Lupa kata sandi? Pakai kunci pemulihan…" opens with the office's recovery key
and sets a new password (gui/password_dialogs.RecoveryDialog: the key is re-wrapped, the data
are not touched)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..store.lock import record_password_changed, try_unlock, unlocked_with_recovery
from ..store.store import Store

_clock = time.monotonic  # tests move time forward


class LockScreen(QWidget):
    """Signals: unlocked() once the right password was typed."""

    unlocked = Signal()

    def __init__(
        self,
        store: Store,
        check: Callable[[str], bool],
        pin: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``parent`` (the officer's window) owns it; it is still a window of its own."""
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.check = check
        self.pin = pin
        self._closing = False
        self._wait_until = 0.0
        self.setObjectName("lock_screen")
        self.setWindowTitle(self.tr("{0} — terkunci").format(APP_NAME))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet(
            "QWidget { font-size: 13pt; }"
            "QWidget#lock_screen { background: #263238; }"
            "QFrame#lock_box { background: #eceff1; border-radius: 12px; }"
            "QLineEdit, QPushButton { min-height: 36px; }"
        )
        title = QLabel(self.tr("{0} terkunci").format(APP_NAME))
        title.setStyleSheet("font-size: 20pt; font-weight: bold")
        note = QLabel(
            self.tr(
                "Data tidak ditampilkan selama aplikasi terkunci. Ketik PIN petugas untuk "
                "membuka; jendela yang terbuka kembali seperti semula."
            )
            if pin
            else self.tr(
                "Data tidak ditampilkan selama aplikasi terkunci. Ketik kata sandi untuk "
                "membuka; jendela yang terbuka kembali seperti semula."
            )
        )
        note.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMinimumWidth(280)
        self.password.returnPressed.connect(self.on_unlock_clicked)
        self.unlock_button = QPushButton(self.tr("&Buka kunci"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.on_unlock_clicked)
        label = QLabel(self.tr("&PIN petugas") if pin else self.tr("&Kata sandi"))
        label.setBuddy(self.password)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(label)
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(48)
        self.message.setStyleSheet("color: #b00020; font-weight: bold; font-size: 13pt")
        self.forgot = QPushButton(self.tr("Lupa kata sandi? Pakai kunci pemulihan…"))
        self.forgot.setObjectName("lock_forgot")
        self.forgot.setFlat(True)
        self.forgot.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot.setStyleSheet(
            "QPushButton#lock_forgot { color: #0d47a1; text-decoration: underline; border: none;"
            " text-align: left; min-height: 28px; }"
        )
        self.forgot.clicked.connect(self.on_forgot_clicked)
        self.forgot.setVisible(not pin and store.path is not None)
        box = self.box = QFrame()
        box.setObjectName("lock_box")
        box.setFixedWidth(640)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(32, 28, 32, 20)
        # A box aligned in its window gets the height of its hint, which counts the note's lines
        # at another width: the note keeps the height of its lines in the box.
        note.setMinimumHeight(note.heightForWidth(640 - 2 * 32))
        inner.setSpacing(14)
        inner.addWidget(title)
        inner.addWidget(note)
        inner.addLayout(row)
        inner.addWidget(self.message)
        inner.addWidget(self.forgot, 0, Qt.AlignmentFlag.AlignLeft)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

    def reset(self) -> None:
        """Empty the field for the next time the screen shows (the message of a wait stays)."""
        self.password.clear()
        if self._waiting() <= 0:
            self.message.clear()
        self.password.setFocus()

    def on_unlock_clicked(self) -> None:
        typed = self.password.text()
        self.password.clear()
        self.password.setFocus()
        if self._waiting() > 0:
            self._tick()
            return
        if not typed:
            self._say(
                self.tr("Ketik PIN petugas terlebih dahulu.")
                if self.pin
                else self.tr("Ketik kata sandi terlebih dahulu.")
            )
            return
        delay = try_unlock(self.store, self.check, typed)
        if delay is None:
            self.message.clear()
            self._countdown.stop()
            self.unlocked.emit()
            return
        self._wait_until = _clock() + delay
        self._countdown.start()
        self._tick()

    def on_forgot_clicked(self) -> None:
        """The recovery key and a new password: unlocked once both are right."""
        from .password_dialogs import RecoveryDialog

        if self.store.path is None:
            return
        self.box.hide()  # the dialog stands alone, centred, not over half of the password box
        try:
            recovered = RecoveryDialog.ask(self, self.store.path)
        finally:
            self.box.show()
        if not recovered:
            self.password.setFocus()
            return
        unlocked_with_recovery(self.store)
        record_password_changed(self.store, "kunci pemulihan")
        self._wait_until = 0.0
        self._countdown.stop()
        self.message.clear()
        self.unlocked.emit()

    def _waiting(self) -> float:
        return self._wait_until - _clock()

    def _tick(self) -> None:
        """Say how long the next try must wait; clear the message once it may."""
        wait = self._waiting()
        if wait <= 0:
            self._countdown.stop()
            self.message.clear()
            return
        seconds = math.ceil(wait)
        self._say(
            (
                self.tr("PIN salah. Coba lagi dalam {0} detik.")
                if self.pin
                else self.tr("Kata sandi salah. Coba lagi dalam {0} detik.")
            ).format(seconds)
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def allow_close(self) -> None:
        """Let the next close() through (after unlocking, or when the app quits)."""
        self._closing = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing:
            self._closing = False
            self._countdown.stop()
            event.accept()
        else:
            event.ignore()  # Alt+F4 does not unlock

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.password.clear()
            return
        super().keyPressEvent(event)
