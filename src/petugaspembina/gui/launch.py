"""Starting the window: the real database (its password first; the first run asks for the
profile and the password), a throwaway demo database (encrypted with ``vault.DEMO_PASSWORD``), or
an offscreen self-test. Language and a chosen data location come from QSettings.

The password prompt comes before the window's modules are loaded; they load while the officer
types (gui/start_up.py, docs/benchmarks.md P1). So this module imports little at the top: Qt's
widgets, the store and the window are imported where they are first needed.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, QTranslator

from .. import APP_NAME, ORG_NAME
from ..core.private_files import private_folder
from ..paths import AppPaths, app_paths
from ..store import vault
from ..store.errors import StoreError
from . import start_up
from .gui_thread_gc import GuiThreadCollector

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from ..store.store import Store
    from .first_run import FirstRunAnswers
    from .password_dialogs import PasswordDialog

LANGUAGE_KEY = "ui/language"
DATABASE_KEY = "data/database"
CHECK_DELAY_MS = 1000


# The session's garbage collector on the GUI thread (gui_thread_gc.py), kept alive here.
_collectors: list[GuiThreadCollector] = []


def use_settings_folder(paths: AppPaths | None) -> None:
    """UI settings (INI) live in the app's config folder, so PETUGASPEMBINA_HOME or --home keeps
    a portable install, and every test, out of the user's real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    if paths is not None:
        private_folder(paths.config)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config))


def _application(paths: AppPaths | None = None) -> QApplication:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

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
    use_settings_folder(paths)
    if not demo:
        db_path = _chosen_database(db_path, explicit_db)
    typed = start_up.typed_password()  # the start-time benchmark types it at the prompt
    # With the password given, the key is derived on a thread while Qt and the window load.
    early = None if demo or typed else _unlock_in_background(db_path)
    app = _application(paths)
    settings = QSettings()
    language = str(settings.value(LANGUAGE_KEY, "id"))
    install_language(app, language)
    window_lock = None
    if not demo:
        from .single_instance import claim

        window_lock = claim(db_path)
        if window_lock is None:
            _already_open(db_path)
            return 1
    try:
        return _start(app, db_path, paths, settings, language, demo, early, typed)
    finally:
        if window_lock is not None:
            window_lock.unlock()


def _already_open(db_path: Path) -> None:
    """The second start on a database open in a window: say so, open nothing."""
    from PySide6.QtWidgets import QApplication

    from .messages import inform

    inform(
        None,
        APP_NAME,
        QApplication.translate(
            "Launch",
            "Petugas Pembina sudah terbuka pada basis data ini ({name}). Gunakan jendela yang "
            "sudah terbuka (lihat bilah tugas).",
        ).format(name=db_path.name),
    )


def _start(
    app: QApplication,
    db_path: Path,
    paths: AppPaths,
    settings: QSettings,
    language: str,
    demo: bool,
    early: threading.Thread | None,
    typed: str | None,
) -> int:
    _FIRST_RUN_NOW.clear()
    loader = start_up.Preloader(paths.logs, app)
    loader.start()  # runs while a dialog waits for the officer (the password, the first run)
    temp = None
    if demo:
        loader.finish()
        temp = tempfile.TemporaryDirectory(prefix="petugaspembina-demo-")
        db_path = _demo_database(Path(temp.name))
    else:
        paths.ensure()
    if early is not None:
        loader.finish()
        early.join()
    try:
        store = _open(db_path, paths, settings, demo, loader, typed)
    except _GaveUp as exc:
        return exc.code
    except StoreError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    if store is None:
        return 0
    if str(settings.value(LANGUAGE_KEY, "id")) != language:  # chosen at the first run
        install_language(app, str(settings.value(LANGUAGE_KEY, "id")))
    loader.finish()  # after the first run's questions too: the error handler, the window
    return _run_window(app, store, db_path, paths, demo, temp)


def _delete_now(window: QWidget) -> None:
    """Delete the closed window, and every dialog it still owns, while Qt is running. Left to
    Python's exit they were torn down after the application object, which Qt reports as
    "QObject: shared QObject was deleted directly" and which may crash the exit."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    if shiboken6.isValid(window):
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class _GaveUp(Exception):
    """The start ends with ``code`` (e.g. a damaged database whose backup was not taken)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _demo_database(folder: Path) -> Path:
    from ..demo import generate
    from ..demo_desa import seed_register
    from ..store.store import Store

    db_path = folder / "demo.sqlite3"
    vault.set_up(db_path, vault.DEMO_PASSWORD)  # documented: the throwaway demo only
    with Store.open(db_path) as store:
        generate(store, seed=1, sessions=12)
        seed_register(store, quiet="61.12.08.2013")
    return db_path


def _open(
    db_path: Path,
    paths: AppPaths,
    settings: QSettings,
    demo: bool,
    loader: start_up.Preloader,
    typed: str | None,
) -> Store | None:
    """The database unlocked and open (after the first run's questions when it has none yet);
    None when the officer gave up."""
    if not demo and _is_new(db_path) and vault.password_from_env() is None:
        return _new_database(db_path, settings)
    shown = start_up.submit_when_ready(loader, typed) if typed else None
    if not demo and not unlock_database(db_path, paths, shown):
        return None
    start_up.mark("unlocked")
    loader.finish()
    from ..store.errors import CorruptDatabase
    from ..store.store import Store
    from .integrity import offer_backup

    try:
        store = Store.open(db_path, full_check=False)
    except CorruptDatabase as exc:
        if not offer_backup(None, db_path, paths.backups, str(exc)):
            raise _GaveUp(1) from exc
        store = Store.open(db_path, full_check=False)
    if not demo and not first_run_done(store):
        opened = _first_run(store, db_path, settings)
        if opened is None:
            store.close()
        return opened
    return store


def _run_window(
    app: QApplication,
    store: Store,
    db_path: Path,
    paths: AppPaths,
    demo: bool,
    temp: tempfile.TemporaryDirectory[str] | None,
) -> int:
    from .integrity import check_in_background, offer_backup
    from .main_window import MainWindow

    window = MainWindow(
        store,
        demo=demo,
        paths=paths,
        check_password=lambda text: vault.verify_password(db_path, text),
    )
    window.show()
    if _FIRST_RUN_NOW and not demo:
        from .office_dialog import offer_after_first_run

        # Once the window is up: the first certificate must not carry a DRAF banner unknowingly.
        def offer() -> None:
            if offer_after_first_run(window, store):
                window.documents_view.reload_draft_note()

        QTimer.singleShot(0, window, offer)
    # Everything alive now (modules, Qt wrappers, region data) stays for the whole session:
    # freezing it keeps full collections, which hold the GIL, from walking it again while a
    # worker makes documents or imports (P9).
    gc.freeze()
    # From here on only the GUI thread collects (a worker collecting a widget's cycle crashes).
    _collectors.append(GuiThreadCollector(app))
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

        def interactive() -> None:
            start_up.mark("window")
            start_up.write_marks()
            app.quit()

        QTimer.singleShot(0, interactive)
        app.exec()
        # Start-to-interactive is measured: do not wait for the background check to finish.
        os._exit(0)
    code = app.exec()
    _delete_now(window)
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


def unlock_database(
    db_path: Path,
    paths: AppPaths,
    shown: Callable[[PasswordDialog], None] | None = None,
) -> bool:
    """Before the window: the password dialog, or for an old plain database a new password, the
    recovery key and the conversion with progress. False when the officer gave up. ``shown``:
    see ``PasswordDialog.ask`` (the start-time benchmark)."""
    from PySide6.QtWidgets import QApplication

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
        if given is not None and shown is None:
            try:
                vault.unlock(db_path, given)
                return True
            except vault.WrongPassword:
                pass
        return PasswordDialog.ask(None, db_path, shown)
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
    RecoveryKeyDialog.show_once(None, code, office=answers.role == "kantor")
    from ..store.store import Store

    store = Store.open(answers.database)
    if answers.database != db_path:
        settings.setValue(DATABASE_KEY, str(answers.database))
    _apply_answers(store, answers, settings)
    return store


# Set when this start ran the first-run questions: the window then offers the office profile.
_FIRST_RUN_NOW: list[bool] = []


def _first_run(store: Store, db_path: Path, settings: QSettings) -> Store | None:
    from .first_run import FirstRunDialog

    answers = FirstRunDialog.ask(None, db_path)
    if answers is None:
        return None
    if answers.database != db_path:
        from ..store.store import Store

        store.close()
        answers.database.parent.mkdir(parents=True, exist_ok=True)
        store = Store.open(answers.database)
        settings.setValue(DATABASE_KEY, str(answers.database))
    _apply_answers(store, answers, settings)
    return store


def _apply_answers(store: Store, answers: FirstRunAnswers, settings: QSettings) -> None:
    from ..profile import create_profile, set_role

    _FIRST_RUN_NOW.append(True)
    settings.setValue(LANGUAGE_KEY, answers.language)
    create_profile(store, answers.name, answers.nip, answers.office, answers.position)
    set_role(store, answers.role)


def show_offscreen_once(db_path: Path) -> None:
    """Create and show the main window once, process events, close (for ``--self-test``)."""
    from ..store.store import Store
    from .main_window import MainWindow

    app = _application()
    with Store.open(db_path) as store:
        window = MainWindow(store)
        window.show()
        app.processEvents()
        if not window.isVisible():
            raise RuntimeError("jendela utama tidak tampil")
        window.close()
