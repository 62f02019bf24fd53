"""The first run leads to the office profile, so the first certificate does not carry a DRAF
banner unknowingly: the question comes once the window is up, and only after a first run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from petugaspembina.documents.office import missing_fields
from petugaspembina.gui.first_run import FirstRunAnswers, FirstRunDialog
from petugaspembina.gui.office_dialog import OfficeDialog
from petugaspembina.gui.password_dialogs import RecoveryKeyDialog
from petugaspembina.paths import AppPaths, app_paths
from petugaspembina.store import vault
from petugaspembina.store.store import Store


def _start(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, paths: AppPaths, answer: str | None
) -> list[tuple[str, str, list[str]]]:
    """launch() as the officer would meet it; ``answer`` is the button pressed on the office
    profile question (None: no question expected). Returns what each question showed."""
    from petugaspembina.gui import launch as launcher

    asked: list[tuple[str, str, list[str]]] = []

    def reply() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, reply)
            return
        default = box.defaultButton()
        asked.append(
            (box.text(), default.text() if default else "", [b.text() for b in box.buttons()])
        )
        next(b for b in box.buttons() if b.text() == answer).click()

    def run_and_close(*args: object) -> int:
        from petugaspembina.gui import worker

        if answer is not None:
            QTimer.singleShot(0, reply)
        qtbot.waitUntil(lambda: worker._running == 0, timeout=20_000)  # the start-up check
        for _ in range(5):
            QApplication.processEvents()
        for window in [w for w in QApplication.topLevelWidgets() if w.isVisible()]:
            window.close()
            window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return 0

    monkeypatch.setattr(QApplication, "exec", run_and_close)
    assert launcher.launch(paths.database, paths, explicit_db=True) == 0
    return asked


@pytest.fixture
def new_laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.delenv(vault.PASSWORD_ENV)
    paths = app_paths(tmp_path / "home")
    answers = FirstRunAnswers(
        "Dewi", "199103122017122002", "Kanim Kerinci", None, "id", paths.database,
        password="sandi-petugas-baru",
    )  # fmt: skip
    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(lambda cls, *a, **k: answers))
    monkeypatch.setattr(RecoveryKeyDialog, "show_once", classmethod(lambda c, *a, **k: None))
    return paths


def _missing(paths: AppPaths) -> list[str]:
    vault.forget()
    vault.unlock(paths.database, "sandi-petugas-baru")
    with Store.open(paths.database) as store:
        return missing_fields(store)


def test_first_run_offers_the_office_profile_and_later_leaves_it_for_the_dokumen_tab(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, new_laptop: AppPaths
) -> None:
    asked = _start(qtbot, monkeypatch, new_laptop, "Nanti")
    assert len(asked) == 1
    text, default, buttons = asked[0]
    assert "DRAF" in text and "Nama penanda tangan" in text and "tab Dokumen" in text
    assert default == "Isi profil kantor…" and buttons[-1] == "Nanti"
    assert "Nama penanda tangan" in _missing(new_laptop)  # nothing filled in for the officer


def test_first_run_fill_in_now_completes_the_profile(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, new_laptop: AppPaths
) -> None:
    seen: list[str] = []

    def fill(dialog: OfficeDialog) -> int:
        seen.append(dialog.missing_note.text())
        dialog.edits["address"].setText("Jl. Jenderal Sudirman No. 1, Sungai Penuh")
        dialog.edits["signatory_name"].setText("Budi Santoso")
        dialog.edits["signatory_nip"].setText("197501012000031001")
        dialog.on_save_clicked()
        return dialog.result()

    monkeypatch.setattr(OfficeDialog, "exec", fill)
    asked = _start(qtbot, monkeypatch, new_laptop, "Isi profil kantor…")
    assert len(asked) == 1 and seen and "DRAF" in seen[0]
    assert _missing(new_laptop) == []  # the first certificate has no DRAF banner


def test_a_later_start_does_not_ask_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, new_laptop: AppPaths
) -> None:
    _start(qtbot, monkeypatch, new_laptop, "Nanti")
    vault.forget()
    from petugaspembina.gui import launch as launcher

    monkeypatch.setattr(
        launcher,
        "unlock_database",
        lambda *a, **k: vault.unlock(new_laptop.database, "sandi-petugas-baru") or True,
    )
    assert _start(qtbot, monkeypatch, new_laptop, None) == []
