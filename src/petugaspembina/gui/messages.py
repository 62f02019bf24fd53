"""The one seam for message boxes and file pickers, with Indonesian buttons (Qt ships none)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """An information box with an OK button labelled "Tutup"."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.button(QMessageBox.StandardButton.Ok).setText("Tutup")
    box.exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText("Tutup")
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A Ya/Tidak question; True for Ya."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText("Ya")
    box.button(QMessageBox.StandardButton.No).setText("Tidak")
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_unsaved(parent: QWidget | None, title: str, text: str) -> str:
    """Unsaved typing before a window closes: "Simpan", "Buang" or "Batal" (the default, also
    Esc). Returns ``"save"``, ``"discard"`` or ``"cancel"``."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    save = box.addButton("Simpan", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Buang", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


def ask_choice(
    parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]], default: str
) -> str:
    """A question with named answers (``choices``: key and button text, the last one also
    answering Esc); returns the key of the button pressed (Esc: the last key)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    buttons = {}
    for index, (key, label) in enumerate(choices):
        role = (
            QMessageBox.ButtonRole.RejectRole
            if index == len(choices) - 1
            else QMessageBox.ButtonRole.AcceptRole
        )
        buttons[key] = box.addButton(label, role)
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[choices[-1][0]])
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), choices[-1][0])


def ask_while_missing(
    parent: QWidget | None,
    missing: Callable[[], list[str]],
    title: str,
    text: str,
    answers: tuple[str, str, str],
    fill: Callable[[], bool],
) -> bool:
    """Before printing something incomplete: while ``missing()`` names parts, list them in
    ``text`` ({0}) and offer ``answers`` — fill them (``fill``: False when that was cancelled),
    print as it is, cancel. True to print."""
    while parts := missing():
        fill_label, print_label, cancel_label = answers
        choice = ask_choice(
            parent,
            title,
            text.format("\n".join(f"• {part}" for part in parts)),
            [("fill", fill_label), ("print", print_label), ("cancel", cancel_label)],
            "fill",
        )
        if choice != "fill":
            return choice == "print"
        if not fill():
            return False
    return True


FOLDER_KEY = "folders/save-{kind}"


def documents_folder() -> Path:
    """The user's Documents folder (the home folder where the system names none or it does not
    exist: a dialog must never fall back to the folder the program was started from)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def start_folder(kind: str) -> Path:
    """Where a file dialog for ``kind`` opens: the folder used last for it, else the user's
    Pictures folder for photos and Documents for everything else."""
    last = QSettings().value(FOLDER_KEY.format(kind=kind))
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    if kind == "photos":
        pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        if pictures and Path(pictures).is_dir():
            return Path(pictures)
    return documents_folder()


def remember_folder(kind: str, folder: Path) -> None:
    QSettings().setValue(FOLDER_KEY.format(kind=kind), str(folder))


def ask_save_path(
    parent: QWidget | None, title: str, suggested: Path | str, pattern: str = "PDF (*.pdf)"
) -> Path | None:
    """Where to save a file; None when cancelled. The dialog opens on ``suggested``'s file name
    in the folder used last for the same kind of file (its extension: PDF, XLSX, CSV, key files),
    the first time in the user's Documents folder; any folder in ``suggested`` is ignored."""
    name = Path(suggested).name
    kind = Path(name).suffix.lstrip(".").lower() or "file"
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder(kind) / name), pattern)
    if not chosen:
        return None
    remember_folder(kind, Path(chosen).parent)
    return Path(chosen)


def _open_kind(pattern: str) -> str:
    """The kind of files an open dialog shows, from its pattern's first extension ("open-json")."""
    start = pattern.find("*.")
    suffix = pattern[start + 2 :].split(")")[0].split()[0].split(";")[0] if start >= 0 else ""
    return f"open-{suffix.lower() or 'file'}"


def ask_open_image(parent: QWidget | None, title: str, kind: str = "image") -> Path | None:
    """A PNG to load; None when cancelled."""
    return ask_open_file(parent, title, "Gambar PNG (*.png)", kind)


def open_file(path: Path) -> None:
    """Show a file in the system's viewer (a PDF reader for PDFs)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def saved(parent: QWidget | None, title: str, text: str, path: Path) -> str | None:
    """A file was saved: "Buka berkas" opens it, "Buka folder" opens its folder, "Tutup" neither.
    Returns ``"file"``, ``"folder"`` or None."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, parent
    )
    box.button(QMessageBox.StandardButton.Close).setText("Tutup")
    open_button = box.addButton("Buka berkas", QMessageBox.ButtonRole.AcceptRole)
    folder_button = box.addButton("Buka folder", QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(open_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_button:
        open_file(path)
        return "file"
    if clicked is folder_button:
        open_file(path.parent)
        return "folder"
    return None


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """One line of text (e.g. a reason); None when cancelled or left empty."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setOkButtonText("Simpan")
    dialog.setCancelButtonText("Batal")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue().strip() or None


def ask_folder(parent: QWidget | None, title: str, kind: str = "folder") -> Path | None:
    """A folder (USB stick, shared folder); None when cancelled. Opens on the folder chosen last
    for the same purpose (``kind``: "bundle" for the stick, "photos", "csv"…), the first time on
    the user's Documents folder, never on the folder the app was started from."""
    name = QFileDialog.getExistingDirectory(parent, title, str(start_folder(kind)))
    if not name:
        return None
    remember_folder(kind, Path(name))
    return Path(name)


def ask_open_files(
    parent: QWidget | None, title: str, pattern: str, kind: str | None = None
) -> list[Path]:
    """Files to open; empty when cancelled. Opens where files for the same purpose (``kind``,
    else the pattern's extension) were taken last, the first time on Documents."""
    kind = kind or _open_kind(pattern)
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(kind)), pattern)
    if names:
        remember_folder(kind, Path(names[0]).parent)
    return [Path(n) for n in names]


def ask_open_file(
    parent: QWidget | None, title: str, pattern: str, kind: str | None = None
) -> Path | None:
    """One file to open; None when cancelled. Opens like ``ask_open_files``."""
    kind = kind or _open_kind(pattern)
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), pattern)
    if not name:
        return None
    remember_folder(kind, Path(name).parent)
    return Path(name)


def button_box(
    dialog: QDialog, accept_text: str, on_accept: Callable[[], object], reject_text: str = "Batal"
) -> QDialogButtonBox:
    """OK/Cancel buttons with Indonesian labels (Qt has no Indonesian translation of its own)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(accept_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(reject_text)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def danger_box(
    parent: QWidget | None, title: str, text: str, act_text: str, keep_text: str = "Batal"
) -> QMessageBox:
    """The question before a destructive act: the act named on its button, keeping is the default
    (Enter or Esc never destroys anything)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    act = box.addButton(act_text, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(keep_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    act.setObjectName("act")
    return box


def confirm_danger(
    parent: QWidget | None, title: str, text: str, act_text: str, keep_text: str = "Batal"
) -> bool:
    """True only when the destructive button was pressed."""
    box = danger_box(parent, title, text, act_text, keep_text)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.objectName() == "act"


def show_status(label: QLabel, text: str, error: bool = False) -> None:
    """A message line under a form: errors in red, confirmations in green."""
    label.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
    label.setText(text)


def clear_when_changed(label: QLabel, *widgets: QWidget) -> None:
    """Empty the message ``label`` as soon as any of ``widgets`` is changed: an error about a
    field must not stay on screen after the person has acted on it."""
    for widget in widgets:
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(label.clear)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(label.clear)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(label.clear)
            widget.editTextChanged.connect(label.clear)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(label.clear)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(label.clear)
