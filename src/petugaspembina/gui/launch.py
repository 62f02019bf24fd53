"""Starting the window: the real database (its password first; the first run asks for the
profile and the password), a throwaway demo database (encrypted with ``vault.DEMO_PASSWORD``), or
an offscreen self-test. Language and a chosen data location come from QSettings."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import tempfile
import threading
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME, ORG_NAME
from ..core.private_files import private_folder
from ..paths import AppPaths, app_paths
from ..store import vault
from ..store.errors import CorruptDatabase, StoreError
from ..store.store import Store
from . import errors
from .integrity import check_in_background, offer_backup

if TYPE_CHECKING:
    from .first_run import FirstRunAnswers

LANGUAGE_KEY = "ui/language"
DATABASE_KEY = "data/database"
CHECK_DELAY_MS = 1000


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


_installed: list[QTranslator] = []  # the translator of the language chosen last


def install_language(app: QApplication, language: str) -> QTranslator | None:
    """Load the translation of ``language``, replacing the one loaded before.

    English: the app's own texts (Indonesian is their source language). Indonesian: Qt's own
    texts — file dialog, message box buttons, the menus of text fields — which Qt ships only in
    English and other languages (resources/qt_id.ts).
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    name = "petugaspembina_en" if language == "en" else "qt_id"
    translator = QTranslator(app)
    folder = files("petugaspembina.resources").joinpath("i18n")
    if translator.load(name, str(folder)):
        app.installTranslator(translator)
        _installed.append(translator)
        return translator
    return None


def launch(db_path: Path, paths: AppPaths, *, demo: bool = False, explicit_db: bool = False) -> int:
    """Open the main window on ``db_path`` (or on a fresh demo database) and run the event loop."""
    app = _application(paths)
    settings = QSettings()
    early = None if demo else _unlock_in_background(_chosen_database(db_path, explicit_db))
    from .main_window import MainWindow  # imported while the key is derived (P1)

    errors.install(paths.logs)  # one handler for unexpected errors from here on
    install_language(app, str(settings.value(LANGUAGE_KEY, "id")))
    temp = None
    if demo:
        from ..demo import generate
        from ..demo_desa import seed_register

        temp = tempfile.TemporaryDirectory(prefix="petugaspembina-demo-")
        db_path = Path(temp.name) / "demo.sqlite3"
        vault.set_up(db_path, vault.DEMO_PASSWORD)  # documented: the throwaway demo only
        with Store.open(db_path) as store:
            generate(store, seed=1, sessions=12)
            seed_register(store, quiet="61.12.08.2013")
    else:
        paths.ensure()
        db_path = _chosen_database(db_path, explicit_db)
    if early is not None:
        early.join()
    try:
        if not demo and _is_new(db_path) and vault.password_from_env() is None:
            created = _new_database(db_path, settings)
            if created is None:
                return 0
            store = created
            install_language(app, str(settings.value(LANGUAGE_KEY, "id")))
        else:
            if not demo and not unlock_database(db_path, paths):
                return 0
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
    window = MainWindow(
        store,
        demo=demo,
        paths=paths,
        check_password=lambda text: vault.verify_password(db_path, text),
    )
    window.show()
    # Everything alive now (modules, Qt wrappers, region data) stays for the whole session:
    # freezing it keeps full collections, which hold the GIL, from walking it again while a
    # worker makes documents or imports (P9).
    gc.freeze()
    checked = store.path
    if checked is not None and not demo:

        def damaged(result: str) -> None:
            store.close()
            offer_backup(
                window,
                db_path,
                paths.backups,
                f"Pemeriksaan basis data {db_path.name} menemukan kerusakan: {result}",
            )
            app.quit()

        # After the first paint: the check reads every page and would slow the window's start.
        # The window as context: a window closed before then cancels the check.
        QTimer.singleShot(
            CHECK_DELAY_MS,
            window,
            lambda: check_in_background(window, checked, paths.backups, damaged),
        )
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


def _chosen_database(db_path: Path, explicit_db: bool) -> Path:
    """``db_path``, or the data location chosen at the first run (unless ``--db`` was given)."""
    chosen = QSettings().value(DATABASE_KEY)
    return Path(str(chosen)) if chosen and not explicit_db else db_path


def _unlock_in_background(db_path: Path) -> threading.Thread | None:
    """With ``PETUGASPEMBINA_PASSWORD``, derive the key on a thread (Argon2id leaves the GIL)
    while the window's modules load; a wrong one is left for the password dialog."""
    given = vault.password_from_env()
    if given is None or not vault.is_set_up(db_path):
        return None

    def work() -> None:
        with contextlib.suppress(vault.VaultError):
            vault.unlock(db_path, given)

    thread = threading.Thread(target=work, name="petugaspembina-unlock", daemon=True)
    thread.start()
    return thread


def _is_new(db_path: Path) -> bool:
    """No database yet (or an empty file) and no key file: the first run sets the password."""
    if vault.is_set_up(db_path):
        return False
    return not db_path.exists() or db_path.stat().st_size == 0


def unlock_database(db_path: Path, paths: AppPaths) -> bool:
    """Before the window: the password dialog, or for an old plain database a new password, the
    recovery key and the conversion with progress. False when the officer gave up."""
    from .password_dialogs import (
        NewPasswordDialog,
        PasswordDialog,
        RecoveryKeyDialog,
        encrypt_old_database,
    )

    if vault.key_for(db_path) is not None:
        return True
    given = vault.password_from_env()
    if vault.is_set_up(db_path):
        if given is not None:
            try:
                vault.unlock(db_path, given)
                return True
            except vault.WrongPassword:
                pass
        return PasswordDialog.ask(None, db_path)
    if not vault.is_plain(db_path):
        return True  # a damaged file: Store.open says so and offers a backup
    password = given or NewPasswordDialog.ask(
        None,
        QApplication.translate(
            "PasswordDialog",
            "Basis data ini dibuat versi lama dan belum terenkripsi. Pilih kata sandi: data "
            "akan dienkripsi sekarang (sebuah cadangan dibuat dulu).",
        ),
    )
    if password is None:
        return False
    code = vault.set_up(db_path, password)
    RecoveryKeyDialog.show_once(None, code)
    failed = encrypt_old_database(None, db_path, paths.backups, paths.quarantine)
    if failed is not None:
        raise StoreError(failed)
    return True


def _new_database(db_path: Path, settings: QSettings) -> Store | None:
    """First run without a database: profile and password, the recovery key once, then create."""
    from .first_run import FirstRunDialog
    from .password_dialogs import RecoveryKeyDialog

    answers = FirstRunDialog.ask(None, db_path, ask_password=True)
    if answers is None or answers.password is None:
        return None
    answers.database.parent.mkdir(parents=True, exist_ok=True)
    code = vault.set_up(answers.database, answers.password)
    RecoveryKeyDialog.show_once(None, code)
    store = Store.open(answers.database)
    if answers.database != db_path:
        settings.setValue(DATABASE_KEY, str(answers.database))
    _apply_answers(store, answers, settings)
    return store


def _first_run(store: Store, db_path: Path, settings: QSettings) -> Store | None:
    from .first_run import FirstRunDialog

    answers = FirstRunDialog.ask(None, db_path)
    if answers is None:
        return None
    if answers.database != db_path:
        store.close()
        answers.database.parent.mkdir(parents=True, exist_ok=True)
        store = Store.open(answers.database)
        settings.setValue(DATABASE_KEY, str(answers.database))
    _apply_answers(store, answers, settings)
    return store


def _apply_answers(store: Store, answers: FirstRunAnswers, settings: QSettings) -> None:
    from ..profile import create_profile
    from .clerk_tabs import set_role

    settings.setValue(LANGUAGE_KEY, answers.language)
    create_profile(store, answers.name, answers.nip, answers.office, answers.position)
    set_role(store, answers.role)


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
