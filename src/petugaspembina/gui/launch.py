"""Starting the window: the real database, a throwaway demo one, or an offscreen self-test."""

from __future__ import annotations

import os
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME, ORG_NAME
from ..paths import AppPaths
from ..store.errors import StoreError
from ..store.store import Store


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    icon = files("petugaspembina.resources").joinpath("icons", "petugaspembina.png")
    app.setWindowIcon(QIcon(str(icon)))
    return app


def launch(db_path: Path, paths: AppPaths, *, demo: bool = False) -> int:
    """Open the main window on ``db_path`` (or on a fresh demo database) and run the event loop."""
    from .main_window import MainWindow

    app = _application()
    temp = None
    if demo:
        from ..demo import generate

        temp = tempfile.TemporaryDirectory(prefix="petugaspembina-demo-")
        db_path = Path(temp.name) / "demo.sqlite3"
        with Store.open(db_path) as store:
            generate(store, seed=1, sessions=12)
    else:
        paths.ensure()
    try:
        store = Store.open(db_path)
    except StoreError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    window = MainWindow(store, demo=demo, paths=paths)
    window.show()
    if os.environ.get("PETUGASPEMBINA_EXIT_AFTER_START"):  # start-time benchmark (P1, P10)
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    store.close()
    if temp is not None:
        temp.cleanup()
    return code


def show_offscreen_once(db_path: Path) -> None:
    """Create and show the main window once, process events, close (for ``--self-test``)."""
    from .main_window import MainWindow

    app = _application()
    with Store.open(db_path) as store:
        window = MainWindow(store)
        window.show()
        app.processEvents()
        if not window.isVisible():
            raise RuntimeError("jendela utama tidak tampil")
        window.close()
