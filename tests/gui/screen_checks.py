"""What a person sees of a window on a small laptop screen, as checks tests can reuse.

``walk(qtbot, window)`` shows a window as it would appear on a 1366×768 screen (a main window or
kiosk fills it, a dialog is centred on it), visits every tab of every tab widget in it, and
returns the problems a person would trip on:

- two controls answering the same Alt+letter in one window (what is visible together: the menu
  bar, the tab bars, and the controls of the current tabs);
- a literal "&" shown in a label (a label with "&W" but no buddy shows "&W", not W underlined);
- a visible control lying (partly) outside the screen, so it cannot be seen or clicked. Controls
  inside a scroll area count only for the part the scroll area shows;
- a form label narrower than the ink of its text (its last letter cut: ``gui/form_labels.py``);
- a word-wrapped text given fewer lines than it needs (its first or last line cut);
- two input fields drawn over each other (a squeezed form).

Journey tests call ``walk`` (or ``screen_problems`` on a window they already placed) with another
``screen`` rectangle, e.g. ``QRect(0, 0, 1280, 720)``.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6 import QtGui
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

SCREEN = QRect(0, 0, 1366, 768)


def mnemonic(text: str) -> str | None:
    """The Alt+letter of a text ("Je&nis" → "n"), or None; "&&" is a plain "&"."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] != "&":
                return text[index + 1].lower()
            index += 1
        index += 1
    return None


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _showing(widget: QWidget, window: QWidget) -> bool:
    """Visible on screen (not on a hidden tab), in ``window`` itself (not a child dialog)."""
    return widget.isVisible() and widget.window() is window


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Every Alt+letter active in ``window`` now, with the texts that claim it."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        key = mnemonic(text)
        if key is not None:
            found[key].append(text)

    for widget in window.findChildren(QWidget):
        if not _showing(widget, window):
            continue
        if (isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QTabBar)) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.isVisible():
                    add(action.text())
    return found


def _literal_ampersand(label: QLabel) -> bool:
    text = label.text()
    if label.buddy() is not None or "&" not in text:
        return False
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    return not rich  # in rich text "&" starts an entity; in plain text it is shown as is


def _shown_rect(widget: QWidget) -> QRect:
    """The widget's rectangle in screen coordinates, cut to what scroll areas around it show."""
    rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
        ):
            rect = rect.intersected(QRect(parent.mapToGlobal(QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect


def cut_labels(window: QWidget) -> list[str]:
    """The shown form labels of ``window`` narrower than the ink of their text."""
    from petugaspembina.gui.form_labels import ink_width

    found = []
    for form in window.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if (
                isinstance(label, QLabel)
                and label.text()
                and not label.wordWrap()
                and _showing(label, window)
                and label.width() < ink_width(label)
            ):
                found.append(label.text())
    return found


def cut_wrapped_texts(window: QWidget) -> list[str]:
    """The shown word-wrapped labels of ``window`` lower than their lines need at their width."""
    return [
        label.text()
        for label in window.findChildren(QLabel)
        if label.wordWrap()
        and label.text()
        and _showing(label, window)
        and label.height() < label.heightForWidth(label.width())
    ]


FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox)


def overlapping_fields(window: QWidget) -> list[str]:
    """The pairs of shown input fields of ``window`` that lie (partly) over each other."""
    fields = [
        field
        for field in window.findChildren(QWidget)
        if isinstance(field, FIELDS)
        and not isinstance(field.parentWidget(), FIELDS)  # a combo's or date's own line edit
        and _showing(field, window)
    ]
    rects = [QRect(field.mapTo(window, QPoint(0, 0)), field.size()) for field in fields]
    return [
        f"{_name(a)} / {_name(b)}"
        for i, (a, ra) in enumerate(zip(fields, rects, strict=True))
        for b, rb in zip(fields[i + 1 :], rects[i + 1 :], strict=True)
        if ra.intersects(rb)
    ]


def screen_problems(window: QWidget, screen: QRect = SCREEN) -> list[str]:
    """The problems of ``window`` as shown now (see the module's text)."""
    title = window.windowTitle() or _name(window)
    problems = [
        f"{title}: Alt+{key.upper()} dipakai oleh {', '.join(repr(t) for t in texts)}"
        for key, texts in sorted(mnemonics(window).items())
        if len(texts) > 1
    ]
    frame = window.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"{title}: jendela {frame.getRect()} melewati layar {screen.getRect()}")
    problems += [f"{title}: label terpotong: {text!r}" for text in cut_labels(window)]
    problems += [f"{title}: teks terpotong: {text!r}" for text in cut_wrapped_texts(window)]
    problems += [f"{title}: kolom bertumpuk: {pair}" for pair in overlapping_fields(window)]
    for widget in window.findChildren(QWidget):
        if not _showing(widget, window) or widget.width() <= 0 or widget.height() <= 0:
            continue
        if isinstance(widget, QLabel) and _literal_ampersand(widget):
            problems.append(f"{title}: label menampilkan '&' apa adanya: {widget.text()!r}")
        shown = _shown_rect(widget)
        if shown.isValid() and not screen.contains(shown):
            what = getattr(widget, "text", lambda: "")() if hasattr(widget, "text") else ""
            problems.append(
                f"{title}: {_name(widget)} {what!r} di {shown.getRect()} di luar layar "
                f"{screen.getRect()}"
            )
    return problems


def show_on_screen(qtbot: QtBot, window: QWidget, screen: QRect = SCREEN) -> None:
    """Show ``window`` as on a ``screen``-sized laptop: a main window or full-screen window
    fills the screen, anything else keeps its own size, centred."""
    full = isinstance(window, QMainWindow) or bool(
        window.windowState() & Qt.WindowState.WindowFullScreen
    )
    if isinstance(window, QDialog):
        window.setModal(False)  # exec() would block the test; the layout is the same
    window.show()
    qtbot.waitExposed(window)
    # The window frame (title bar, borders) is part of what must fit on the screen.
    frame, inner = window.frameGeometry(), window.geometry()
    left, top = inner.x() - frame.x(), inner.y() - frame.y()
    right, bottom = frame.right() - inner.right(), frame.bottom() - inner.bottom()
    if full:
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.setGeometry(screen.adjusted(left, top, -right, -bottom))
    else:
        size = window.size().expandedTo(window.minimumSizeHint())
        window.resize(size)
        width, height = size.width() + left + right, size.height() + top + bottom
        window.move(
            screen.x() + (screen.width() - width) // 2,
            screen.y() + max(0, (screen.height() - height) // 2),
        )
    QApplication.processEvents()


def walk(qtbot: QtBot, window: QWidget, screen: QRect = SCREEN) -> list[str]:
    """Show ``window`` on ``screen``, visit every tab of every tab widget, return the problems."""
    show_on_screen(qtbot, window, screen)
    problems = screen_problems(window, screen)
    for tabs in window.findChildren(QTabWidget):
        if tabs.window() is not window:
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            problems += [
                f"[{tabs.tabText(index).replace('&', '')}] {p}"
                for p in screen_problems(window, screen)
            ]
        tabs.setCurrentIndex(current)
    return sorted(set(problems), key=problems.index)
