"""The clerk's window at 1366×768: on every tab, each Alt+letter belongs to one control, in
Indonesian and in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from screen_checks import screen_problems, show_on_screen

from petugaspembina.demo_office import office_database
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.paths import app_paths


def _clashes(window: MainWindow) -> list[str]:
    found = []
    for index in range(window.tabs.count()):
        if not window.tabs.isTabVisible(index):
            continue
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        tab = window.tabs.tabText(index).replace("&", "")
        found += [f"[{tab}] {p}" for p in screen_problems(window) if "Alt+" in p]
    return found


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_tab_of_the_clerks_window_has_its_own_alt_letters(
    qtbot: QtBot, tmp_path: Path, home: Path, language: str
) -> None:
    from petugaspembina.gui.launch import install_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_language(app, "en") if language == "en" else None
    try:
        window = MainWindow(office_database(tmp_path / "kantor.sqlite3"), paths=app_paths(home))
        qtbot.addWidget(window)
        show_on_screen(qtbot, window)
        assert window.clerk is not None
        clashes = _clashes(window)
        assert clashes == [], "\n".join(clashes)
    finally:
        if translator is not None:
            app.removeTranslator(translator)
