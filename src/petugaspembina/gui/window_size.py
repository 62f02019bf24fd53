"""Window sizes that fit the screen a window opens on (1366×768 laptops, with a task bar).

``fit_height``: a form as tall as its word-wrapped notes need at a width (a window's minimum
height counts each of them on one line, so their first and last lines were cut).
``fit_on_screen``: a window's preferred size, made smaller where the screen's free area (without
the task bar) is, and centred on it, so no window manager places it past the screen's edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

FRAME = 40  # room for a window's title bar and borders, before the window has one


def _free_area(window: QWidget) -> QRect | None:
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else None


def fit_height(window: QWidget, width: int) -> None:
    """Size ``window`` to ``width`` and the height its word-wrapped texts need at that width,
    no taller than the screen's free area."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    height = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else window.sizeHint().height()
    )
    free = _free_area(window)
    if free is not None:
        width, height = min(width, free.width()), min(height, free.height() - FRAME)
    window.resize(width, height)


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    """Size ``window`` to ``width``×``height`` or the screen's free area, whichever is smaller,
    and centre it there."""
    free = _free_area(window)
    if free is None:
        window.resize(width, height)
        return
    window.resize(min(width, free.width() - FRAME // 4), min(height, free.height() - FRAME))
    size = window.size()  # no smaller than the window's minimum
    window.move(
        free.x() + max(0, (free.width() - size.width()) // 2),
        free.y() + max(0, (free.height() - size.height() - FRAME) // 2),
    )
