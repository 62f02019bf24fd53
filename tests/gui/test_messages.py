"""Save dialogs open in the user's Documents folder the first time, then in the folder used last
for the same kind of file — never in the program's folder (the process's current folder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from petugaspembina.gui import messages
from petugaspembina.store.store import Store


class FakeSaveDialog:
    """Notes where each save dialog opened; answers with the next path (or cancels with "")."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened: list[str] = []
        self.answers: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self.save)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self.folder)

    def save(self, parent: object, title: str, start: str, pattern: str) -> tuple[str, str]:
        self.opened.append(start)
        return self.answers.pop(0), pattern

    def folder(self, parent: object, title: str, start: str) -> str:
        self.opened.append(start)
        return self.answers.pop(0)


def test_the_first_save_opens_in_documents_not_the_program_folder(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # the program's folder
    dialog = FakeSaveDialog(monkeypatch)
    dialog.answers = [""]
    assert messages.ask_save_path(None, "Simpan PDF", "sertifikat-2026-11-20.pdf") is None
    assert dialog.opened == [str(messages.documents_folder() / "sertifikat-2026-11-20.pdf")]
    assert Path(dialog.opened[0]).is_absolute()
    assert Path(dialog.opened[0]).parent != tmp_path


def test_the_next_save_of_the_same_kind_opens_in_the_folder_used_last(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    reports = tmp_path / "laporan"
    reports.mkdir()
    dialog = FakeSaveDialog(monkeypatch)
    dialog.answers = [str(reports / "rekap-november.pdf"), "", ""]
    chosen = messages.ask_save_path(None, "Simpan rekap PDF", Path.home() / "rekap.pdf")
    assert chosen == reports / "rekap-november.pdf"
    messages.ask_save_path(None, "Simpan PDF", "daftar-hadir-2026-11-20.pdf")
    messages.ask_save_path(None, "Simpan rekap XLSX", "rekap.xlsx", "XLSX (*.xlsx)")
    assert dialog.opened[1:] == [
        str(reports / "daftar-hadir-2026-11-20.pdf"),
        str(messages.documents_folder() / "rekap.xlsx"),  # another kind: still Documents
    ]


def test_a_cancelled_save_keeps_the_last_folder_and_a_removed_one_falls_back_to_documents(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    usb = tmp_path / "flashdisk"
    usb.mkdir()
    dialog = FakeSaveDialog(monkeypatch)
    dialog.answers = [str(usb / "audit.csv"), "", ""]
    messages.ask_save_path(None, "Simpan catatan audit", "audit.csv", "CSV (*.csv)")
    messages.ask_save_path(None, "Simpan catatan audit", "audit.csv", "CSV (*.csv)")
    assert dialog.opened[1] == str(usb / "audit.csv")
    usb.rmdir()  # the stick was pulled out
    messages.ask_save_path(None, "Simpan catatan audit", "audit.csv", "CSV (*.csv)")
    assert dialog.opened[2] == str(messages.documents_folder() / "audit.csv")


def test_a_folder_to_save_in_is_remembered_for_its_kind(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = FakeSaveDialog(monkeypatch)
    dialog.answers = [str(tmp_path), ""]
    assert messages.ask_folder(None, "Folder untuk berkas CSV rekap", "csv") == tmp_path
    assert messages.ask_folder(None, "Folder untuk berkas CSV rekap", "csv") is None
    assert dialog.opened == [str(messages.documents_folder()), str(tmp_path)]


class FakeOpenDialogs(FakeSaveDialog):
    """Also the open dialogs: notes where each opened and answers with the next path(s)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__(monkeypatch)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self.open_many)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self.open_one)

    def open_many(
        self, parent: object, title: str, start: str, pattern: str
    ) -> tuple[list[str], str]:
        self.opened.append(start)
        answer = self.answers.pop(0)
        return ([answer] if answer else []), pattern

    def open_one(self, parent: object, title: str, start: str, pattern: str) -> tuple[str, str]:
        self.opened.append(start)
        return self.answers.pop(0), pattern


def test_sync_dialogs_open_in_documents_then_where_the_stick_was_not_the_program_folder(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: Store
) -> None:
    from petugaspembina.gui.sync_view import SyncView

    monkeypatch.chdir(tmp_path)  # the program's folder (e.g. the source tree)
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    view = SyncView(store)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    dialogs = FakeOpenDialogs(monkeypatch)
    dialogs.answers = ["", str(stick), ""]
    view.import_button.click()  # "Pilih bundel": Documents the first time, cancelled
    monkeypatch.setattr(messages, "confirm_danger", lambda *a: False)  # unsealed: Batal
    view.export_button.click()  # the export folder: the stick chosen
    view.import_button.click()  # "Pilih bundel" again: on the stick now
    documents = str(messages.documents_folder())
    assert dialogs.opened == [documents, documents, str(stick)]
    assert str(tmp_path) not in dialogs.opened[:2]


def test_key_and_photo_pickers_remember_their_own_folders(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    keys = tmp_path / "kunci"
    keys.mkdir()
    dialogs = FakeOpenDialogs(monkeypatch)
    dialogs.answers = [str(keys / "kunci-kantor.json"), "", ""]
    pattern = "Berkas kunci (*.json);;Semua (*)"
    assert messages.ask_open_file(None, "Pilih berkas kunci", pattern, "keys") is not None
    assert messages.ask_open_file(None, "Pilih berkas kunci", pattern, "keys") is None
    assert messages.ask_folder(None, "Pilih folder foto", "photos") is None
    assert dialogs.opened[:2] == [str(messages.documents_folder()), str(keys)]
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    expected = pictures if pictures and Path(pictures).is_dir() else messages.documents_folder()
    assert dialogs.opened[2] == str(expected)  # photos: Pictures, else Documents
    assert Path(dialogs.opened[2]).is_dir()
