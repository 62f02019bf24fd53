"""Starting the window: the real database (first run asks for the profile), a throwaway demo
database, or an offscreen self-test. Language and a chosen data location come from QSettings."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME, ORG_NAME
from ..core.private_files import private_folder
from ..paths import AppPaths, app_paths
from ..store.errors import CorruptDatabase, StoreError
from ..store.store import Store
from . import errors
from .integrity import check_in_background, offer_backup

LANGUAGE_KEY = "ui/language"
DATABASE_KEY = "data/database"


def use_settings_folder(paths: AppPaths | None) -> None:
    """UI settings (INI) live in the app's config folder, so PETUGASPEMBINA_HOME or --home keeps
    a portable install, and every test, out of the user's real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    if paths is not None:
        private_folder(paths.config)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config))


def _application(paths: AppPaths | None = None) -> QApplication:
    use_settings_folder(paths or app_paths())
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    icon = files("petugaspembina.resources").joinpath("icons", "petugaspembina.png")
    app.setWindowIcon(QIcon(str(icon)))
    return app


def install_language(app: QApplication, language: str) -> QTranslator | None:
    """Load the English translation when chosen (Indonesian is the source language)."""
    if language != "en":
        return None
    translator = QTranslator(app)
    folder = files("petugaspembina.resources").joinpath("i18n")
    if translator.load(QLocale("en"), "petugaspembina", "_", str(folder)):
        app.installTranslator(translator)
        return translator
    return None


def launch(db_path: Path, paths: AppPaths, *, demo: bool = False, explicit_db: bool = False) -> int:
    """Open the main window on ``db_path`` (or on a fresh demo database) and run the event loop."""
    from .main_window import MainWindow

    app = _application(paths)
    errors.install(paths.logs)  # one handler for unexpected errors from here on
    settings = QSettings()
    install_language(app, str(settings.value(LANGUAGE_KEY, "id")))
    temp = None
    if demo:
        from ..demo import generate

        temp = tempfile.TemporaryDirectory(prefix="petugaspembina-demo-")
        db_path = Path(temp.name) / "demo.sqlite3"
        with Store.open(db_path) as store:
            generate(store, seed=1, sessions=12)
    else:
        paths.ensure()
        chosen = settings.value(DATABASE_KEY)
        if chosen and not explicit_db:
            db_path = Path(str(chosen))
    try:
        try:
            store = Store.open(db_path, full_check=False)
        except CorruptDatabase as exc:
            if not offer_backup(None, db_path, paths.backups, str(exc)):
                return 1
            store = Store.open(db_path, full_check=False)
        if not demo and not first_run_done(store):
            opened = _first_run(store, db_path, settings)
            if opened is None:
                store.close()
                return 0
            store = opened
            install_language(app, str(settings.value(LANGUAGE_KEY, "id")))
    except StoreError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    window = MainWindow(store, demo=demo, paths=paths)
    window.show()
    # Everything alive now (modules, Qt wrappers, region data) stays for the whole session:
    # freezing it keeps full collections, which hold the GIL, from walking it again while a
    # worker makes documents or imports (P9).
    gc.freeze()
    if store.path is not None and not demo:

        def damaged(result: str) -> None:
            store.close()
            offer_backup(
                window,
                db_path,
                paths.backups,
                f"Pemeriksaan basis data {db_path.name} menemukan kerusakan: {result}",
            )
            app.quit()

        check_in_background(window, store.path, paths.backups, damaged)
    if os.environ.get("PETUGASPEMBINA_EXIT_AFTER_START"):  # start-time benchmark (P1, P10)
        QTimer.singleShot(0, app.quit)
        app.exec()
        # Start-to-interactive is measured: do not wait for the background check to finish.
        os._exit(0)
    code = app.exec()
    store.close()
    if temp is not None:
        temp.cleanup()
    return code


def first_run_done(store: Store) -> bool:
    """Whether this database has its officer profile (benchmarks and tests may skip it)."""
    from ..profile import OFFICER_KEY

    return bool(store.meta(OFFICER_KEY)) or bool(os.environ.get("PETUGASPEMBINA_NO_FIRST_RUN"))


def _first_run(store: Store, db_path: Path, settings: QSettings) -> Store | None:
    from ..profile import create_profile
    from .first_run import FirstRunDialog

    answers = FirstRunDialog.ask(None, db_path)
    if answers is None:
        return None
    if answers.database != db_path:
        store.close()
        answers.database.parent.mkdir(parents=True, exist_ok=True)
        store = Store.open(answers.database)
        settings.setValue(DATABASE_KEY, str(answers.database))
    settings.setValue(LANGUAGE_KEY, answers.language)
    create_profile(store, answers.name, answers.nip, answers.office, answers.position)
    from .clerk_tabs import set_role

    set_role(store, answers.role)
    return store


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
