"""The chosen kegiatan stays chosen after the daftar hadir window closes (the lists reload), and
a single kegiatan is chosen from the start, so "Pilih kegiatan…" is never asked needlessly."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from petugaspembina.demo import generate
from petugaspembina.gui import messages
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.gui.signin_window import SignInWindow
from petugaspembina.store.store import Store


def test_the_chosen_kegiatan_stays_chosen_after_the_sign_in_window_closes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "data.sqlite3")
    generate(store, seed=5, sessions=3)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.sessions.table.selectRow(1)
    chosen = window.sessions.selected_id()
    window.on_sign_in_triggered()
    [signin] = [w for w in window.windows if isinstance(w, SignInWindow)]
    qtbot.addWidget(signin)
    signin.form.name.setText("Budi Santoso")
    signin.form.sex.setText("L")
    signin.form.birth_year.setText("1980")
    signin.form.consent_data.click()
    signin.form.submitted.emit()  # the list behind reloads with the new count
    signin.close()
    assert chosen is not None and window.sessions.selected_id() == chosen
    window.refresh()
    assert window.sessions.selected_id() == chosen


def test_a_single_kegiatan_is_chosen_without_asking(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(tmp_path / "data.sqlite3")
    generate(store, seed=5, sessions=1)
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda parent, title, text: warned.append(text))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.sessions.model.rowCount() == 1
    assert window.sessions.selected_id() == window.sessions.model.id_at(0)
    window.sessions.table.clearSelection()
    window.refresh()  # e.g. after the kiosk is left
    assert window.sessions.selected_id() == window.sessions.model.id_at(0)
    window.on_sign_in_triggered()
    assert warned == [] and any(isinstance(w, SignInWindow) for w in window.windows)
    for other in window.windows:
        qtbot.addWidget(other)
