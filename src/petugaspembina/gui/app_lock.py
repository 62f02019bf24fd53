"""The app lock: after N idle minutes, or on Ctrl+L, every window of the app stops showing data
until the officer's password is typed on the lock screen.

How it works (docs/app.md "App lock"):

- **Idle**: one application-wide event filter notes the time of keyboard and mouse input (at
  most every half second, so typing costs nothing); a QTimer looks now and then whether the
  idle minutes have passed. Input in the kiosk does not count: participants signing in there do
  not keep the officer's window open.
- **Locking** covers every window except the kiosk: each window's own widgets are hidden and its
  title becomes "Petugas Pembina — terkunci". Windows are covered rather than hidden because
  hiding a dialog that is waiting for an answer (``exec()``) would cancel it and lose what was
  typed; covered, it comes back as it was. A window that appears while locked (a message at the
  end of a background job, the lists when the kiosk is left) is covered before it is drawn.
- The **lock screen** (gui/lock_screen.py) is a full-screen, application-modal window, so the
  covered dialogs under it take no input either. While the kiosk is open it is not shown: the
  kiosk keeps taking sign-ins; leaving the kiosk still needs its PIN, and then the lock screen
  appears over the (covered) officer's window.
- **Unlocking** takes the ``check_password`` given to the main window. Without one (a database
  that has no password yet) the kiosk PIN unlocks; with no PIN either, Ctrl+L first asks the
  officer to choose one, and the idle lock waits until there is one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QToolTip, QWidget

from .. import APP_NAME
from ..store.errors import InvalidInput
from ..store.lock import idle_minutes, record_lock_event
from ..store.pin import check_pin, has_pin, set_pin
from ..store.store import Store
from . import messages
from .full_screen import show_full_screen
from .kiosk_pin import PinDialog
from .lock_screen import LockScreen

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
_WINDOW_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog)
_monotonic = time.monotonic  # tests move the clocks
_wall = time.time


@dataclass
class _Cover:
    window: QWidget
    title: str
    hidden: list[QWidget]


def in_kiosk(widget: QWidget) -> bool:
    """Whether ``widget`` is the kiosk or belongs to it (its PIN dialog, its messages)."""
    from .kiosk import KioskWindow

    current: QWidget | None = widget.window()
    while current is not None:
        if isinstance(current, KioskWindow):
            return True
        parent = current.parentWidget()
        current = parent.window() if parent is not None else None
    return False


def kiosk_open() -> bool:
    """Whether a kiosk window is on screen."""
    from .kiosk import KioskWindow

    return any(isinstance(w, KioskWindow) and w.isVisible() for w in QApplication.topLevelWidgets())


class AppLock(QObject):
    """The lock of one main window. Signals: locked_changed(bool)."""

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        check_password: Callable[[str], bool] | None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.check_password = check_password
        self.locked = False
        self.screen: LockScreen | None = None
        self._covers: list[_Cover] = []
        self._focus: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check_idle)
        self._idle = 600.0
        self._last = self._last_wall = 0.0
        self._throttle = 0.5
        self._stopped = False
        self.set_idle_seconds(idle_minutes(store) * 60)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # -- idle ---------------------------------------------------------------------------------
    def set_idle_seconds(self, seconds: float) -> None:
        """Lock after ``seconds`` without keyboard or mouse (the setting is in minutes; tests
        use fractions of a second). The timer looks every quarter of that, at most every 15 s."""
        self._idle = seconds
        self._throttle = min(0.5, seconds / 10)
        self._timer.setInterval(max(50, int(min(seconds / 4, 15) * 1000)))
        self.touch()
        if not self._stopped:
            self._timer.start()

    def idle_seconds(self) -> float:
        return self._idle

    def touch(self) -> None:
        """The officer is here: the idle time starts again."""
        self._last, self._last_wall = _monotonic(), _wall()

    def idle_for(self) -> float:
        """Seconds since the officer's last key or mouse movement. The larger of the monotonic
        and the wall clock: the first ignores clock changes, the second counts a laptop's sleep
        (the monotonic clock may stop while the lid is closed)."""
        return max(_monotonic() - self._last, _wall() - self._last_wall)

    def _check_idle(self) -> None:
        if not self.locked and self.idle_for() >= self._idle:
            self.on_idle()

    def stop(self) -> None:
        """The window is closing: no more locking, and the lock screen goes with it."""
        self._stopped = True
        self._timer.stop()
        if self.screen is not None:
            self.screen.allow_close()
            self.screen.close()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT:
            if (
                not self.locked
                and _monotonic() - self._last >= self._throttle
                and isinstance(watched, QWidget)
                and not in_kiosk(watched)
            ):
                self.touch()
        elif kind == QEvent.Type.Show and self.locked and isinstance(watched, QWidget):
            self._on_window_shown(watched)
        return False

    def on_idle(self) -> None:
        if not self.can_unlock():
            self.window.statusBar().showMessage(
                self.tr(
                    "Kunci otomatis belum aktif: tekan Ctrl+L untuk memilih PIN pembuka kunci."
                ),
                60_000,
            )
            self.touch()  # said once per idle spell
            return
        self.lock("otomatis")

    # -- locking ------------------------------------------------------------------------------
    def can_unlock(self) -> bool:
        """A password check was given, or a kiosk PIN stands in for it."""
        return self.check_password is not None or has_pin(self.store)

    def lock_now(self) -> bool:
        """Ctrl+L: lock at once; without a password or PIN, the officer first chooses a PIN.
        False when that was cancelled."""
        if not self.can_unlock():
            pin = PinDialog.ask(
                self.window,
                self.tr("PIN pembuka kunci"),
                confirm=True,
                hint=self.tr(
                    "Pilih PIN 4–8 angka untuk membuka aplikasi setelah terkunci. PIN yang sama "
                    "dipakai untuk keluar dari mode kiosk; jangan beri tahu orang lain."
                ),
            )
            if pin is None:
                return False
            try:
                set_pin(self.store, pin)
            except InvalidInput as exc:
                messages.warn(self.window, APP_NAME, str(exc))
                return False
        self.lock("manual")
        return True

    def lock(self, reason: str = "manual") -> None:
        """Cover every window but the kiosk and show the lock screen (once the kiosk is left).
        ``reason`` (``manual`` or ``otomatis``) goes to the audit log."""
        if self.locked:
            return
        self.locked = True
        self._focus = QApplication.focusWidget()
        record_lock_event(self.store, "app_locked", reason)
        for _ in range(10):  # an open drop-down list or menu shows its items: close it
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        QToolTip.hideText()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                self._cover(widget)
        self.locked_changed.emit(True)
        self.present()

    def present(self) -> None:
        """Show the lock screen over the officer's window, unless the kiosk is open."""
        if not self.locked or kiosk_open():
            return
        screen = self._lock_screen()
        active = QApplication.activeModalWidget()
        if screen.isVisible() and (active is None or not self._of_lock_screen(active)):
            # A message that waits for an answer opened after the lock screen would take every
            # key while covered (blank): shown again, the lock screen is the newest modal window.
            screen.hide()
        if not screen.isVisible():
            show_full_screen(screen, self.window)
        screen.raise_()
        screen.activateWindow()
        screen.reset()

    def _lock_screen(self) -> LockScreen:
        if self.screen is None:
            # Owned by the window (a Python-owned window deleted by the garbage collector in the
            # middle of Qt's event handling can crash the app).
            if self.check_password is not None:
                self.screen = LockScreen(self.store, self.check_password, parent=self.window)
            else:
                self.screen = LockScreen(self.store, self._check_pin, True, self.window)
            self.screen.unlocked.connect(self.unlock)
        return self.screen

    def _check_pin(self, pin: str) -> bool:
        return check_pin(self.store, pin)

    def unlock(self) -> None:
        """The right password was typed: every window shows again as it was."""
        if self.screen is not None:
            self.screen.allow_close()
            self.screen.close()
        for cover in self._covers:
            if not shiboken6.isValid(cover.window):
                continue
            for child in cover.hidden:
                if shiboken6.isValid(child):
                    child.show()
            cover.window.setWindowTitle(cover.title)
        self._covers.clear()
        self.locked = False
        self.touch()
        self.locked_changed.emit(False)
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.window().activateWindow()
            focus.setFocus()
        else:
            self.window.activateWindow()

    # -- covering windows ---------------------------------------------------------------------
    def _of_lock_screen(self, widget: QWidget) -> bool:
        """The lock screen or a dialog it opened (the recovery key): shown, not covered."""
        current: QWidget | None = widget
        while current is not None:
            if current is self.screen:
                return True
            current = current.parentWidget()
        return False

    def _coverable(self, widget: QWidget) -> bool:
        return (
            widget.isWindow()
            and widget.windowType() in _WINDOW_TYPES
            and not self._of_lock_screen(widget)
            and not in_kiosk(widget)
            and not any(cover.window is widget for cover in self._covers)
        )

    def _cover(self, window: QWidget) -> None:
        """Hide the window's own widgets (its menu bar, lists, fields…) and its title."""
        if not self._coverable(window):
            return
        hidden = [
            child
            for child in window.children()
            if isinstance(child, QWidget) and not child.isWindow() and not child.isHidden()
        ]
        for child in hidden:
            child.hide()
        self._covers.append(_Cover(window, window.windowTitle(), hidden))
        window.setWindowTitle(self.tr("{0} — terkunci").format(APP_NAME))

    def _on_window_shown(self, widget: QWidget) -> None:
        if not widget.isWindow() or self._of_lock_screen(widget):
            return
        self._cover(widget)
        if widget is self.window or any(cover.window is widget for cover in self._covers):
            # Drawn over the lock screen otherwise (the lists after leaving the kiosk, a message
            # at the end of a background job): bring the lock screen back on top.
            QTimer.singleShot(0, self.present)
