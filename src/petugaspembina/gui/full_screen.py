"""Showing a window over the whole screen, also where no window manager does it (Xvfb, tests)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def show_full_screen(window: QWidget, near: QWidget | None = None) -> None:
    """Show ``window`` full screen on the screen of ``near`` (else the primary screen)."""
    screen = (near.screen() if near is not None else None) or QApplication.primaryScreen()
    window.showFullScreen()
    if window.geometry() != screen.geometry():  # no window manager made it full screen
        window.setGeometry(screen.geometry())
        window.setWindowState(Qt.WindowState.WindowFullScreen)
    window.activateWindow()
