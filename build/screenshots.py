"""Render the main screens and each document to PNG for docs/ (run under Xvfb; see docs/documents.md).

Usage: xvfb-run -a uv run python build/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from document_renders import render_documents  # build/, beside this script
from PySide6.QtWidgets import QApplication, QTabWidget

from petugaspembina.demo import generate
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.store.queries import list_sessions
from petugaspembina.store.store import Store

# Throwaway databases for pictures: encrypted like real ones, with a fixed password.
os.environ.setdefault("PETUGASPEMBINA_PASSWORD", "gambar-dokumentasi")

OUT = Path(__file__).resolve().parents[1] / "docs" / "img"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        # A fresh home: no window or column layout remembered from earlier runs.
        from petugaspembina.gui.launch import use_settings_folder
        from petugaspembina.paths import app_paths

        use_settings_folder(app_paths(Path(tmp) / "home"))
        store = Store.open(Path(tmp) / "demo.db")
        generate(store, seed=1, sessions=12)
        session_id = list_sessions(store)[0].id
        render_documents(store, Path(tmp))  # docs/img: the four documents, worst case
        window = MainWindow(store, demo=True)
        window.resize(1366, 768)  # the common screen of government-issue laptops
        window.show()
        for index, name in enumerate(("kegiatan", "peserta", "rujukan", "sinkronisasi", "dokumen")):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
            window.grab().save(str(OUT / f"layar-{name}.png"))
        _dialogs(app, store, session_id)
        window.close()
        store.close()
        # A new database: the empty list says what to do.
        empty = Store.open(Path(tmp) / "empty.db")
        window = MainWindow(empty)
        window.resize(1366, 768)
        window.show()
        window.tabs.setCurrentIndex(0)
        app.processEvents()
        window.grab().save(str(OUT / "layar-kegiatan-kosong.png"))
        window.close()
        empty.close()
        _desa_saya(app, Path(tmp))


def _desa_saya(app: QApplication, tmp: Path) -> None:
    """An officer's laptop: her desa binaan, one never visited (the overdue warning)."""
    from petugaspembina.demo_desa import seed_register
    from petugaspembina.profile import create_profile

    store = Store.open(tmp / "petugas.db")
    create_profile(
        store,
        "Dewi Kartika Sari",
        "199103122017122002",
        "Kantor Imigrasi Kelas I TPI Pontianak",
        "Analis Keimigrasian Ahli Muda",
    )
    generate(store, seed=1, sessions=12)
    seed_register(store, quiet="61.12.08.2013")
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentWidget(window.desa_saya)
    app.processEvents()
    window.grab().save(str(OUT / "layar-desa-saya.png"))
    window.close()
    store.close()


def _dialogs(app: QApplication, store: Store, session_id: str) -> None:
    from petugaspembina.gui.kiosk import KioskWindow
    from petugaspembina.gui.referral_dialog import ReferralDialog
    from petugaspembina.gui.session_editor import SessionEditor
    from petugaspembina.gui.signin_window import SignInWindow

    sign_in = SignInWindow(store, session_id)
    sign_in.resize(1150, 720)
    sign_in.show()
    sign_in.form.name.setText("Siti")
    sign_in.on_name_edited("Siti")
    sign_in.form.sex.setText("P")
    app.processEvents()
    sign_in.grab().save(str(OUT / "layar-daftar-hadir.png"))
    sign_in.form.clear()  # else closing asks whether to save the half-typed person
    sign_in.close()
    _paper_mode(app, store, session_id)
    kiosk = KioskWindow(store, session_id)
    kiosk.resize(1366, 768)
    kiosk.show()
    kiosk.name.setText("Rahmat Kusuma")
    kiosk.male.setChecked(True)
    kiosk.birth_year.setText("1982")
    kiosk._say(kiosk.tr("Selamat datang kembali! Anda sudah tercatat hadir. Terima kasih."))
    app.processEvents()
    kiosk.grab().save(str(OUT / "layar-kiosk.png"))
    kiosk._unlocked = True
    kiosk.close()
    _lock_screen(app, store)
    editor = SessionEditor(store, session_id)
    editor.show()
    app.processEvents()
    editor.grab().save(str(OUT / "layar-ubah-kegiatan.png"))
    strip = editor.photo_strip  # the photos render_documents added, tab "Dokumentasi"
    if strip is not None:
        tabs = editor.findChild(QTabWidget)
        tabs.setCurrentWidget(strip)
        strip.strip.setCurrentRow(1)
        while strip._pending:
            app.processEvents()
        editor.grab().save(str(OUT / "layar-dokumentasi.png"))
    editor.close()
    referral = store.rows("SELECT id FROM referrals WHERE deleted = 0 LIMIT 1")[0]["id"]
    dialog = ReferralDialog(store, referral_id=referral)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / "layar-rujukan-kasus.png"))
    dialog.close()
    _corrections(app, store)


def _lock_screen(app: QApplication, store: Store) -> None:
    """The password prompt at start, and the app lock over the whole screen with its way out
    through the recovery key (docs/app.md "App lock")."""
    from petugaspembina.gui.lock_screen import LockScreen
    from petugaspembina.gui.password_dialogs import PasswordDialog

    assert store.path is not None
    prompt = PasswordDialog(store.path)
    prompt.show()
    app.processEvents()
    prompt.grab().save(str(OUT / "layar-kata-sandi.png"))
    prompt.close()

    screen = LockScreen(store, lambda text: False)
    screen.resize(1366, 768)
    screen.show()
    app.processEvents()
    screen.grab().save(str(OUT / "layar-kunci.png"))
    screen.allow_close()
    screen.close()


def _paper_mode(app: QApplication, store: Store, session_id: str) -> None:
    """The sign-in window in "Dari kertas" mode, two people of a paper list already typed."""
    from petugaspembina.gui.signin_window import SignInWindow

    window = SignInWindow(store, session_id)
    window.resize(1150, 720)
    window.show()
    window.paper_mode.setChecked(True)
    for name, sex, year in (("Rahmawati", "P", "1979"), ("Dedi Kurniawan", "L", "1987")):
        window.form.name.setText(name)
        window.form.sex.setText(sex)
        window.form.birth_year.setText(year)
        window._save(person=None, policy="new")
    window.form.name.setText("Noor Jannah")
    app.processEvents()
    window.grab().save(str(OUT / "layar-daftar-hadir-kertas.png"))
    window.form.clear()
    window.close()


def _corrections(app: QApplication, store: Store) -> None:
    from petugaspembina.gui.agencies_dialog import AgenciesDialog
    from petugaspembina.gui.deleted_sessions_dialog import DeletedSessionsDialog
    from petugaspembina.gui.person_dialog import PersonDialog
    from petugaspembina.store.corrections import delete_session, restore_session

    person = store.rows(
        "SELECT id FROM people WHERE deleted = 0 AND nik IS NOT NULL ORDER BY full_name LIMIT 1"
    )[0]["id"]
    for dialog, name in (
        (PersonDialog(store, person), "ubah-peserta"),
        (AgenciesDialog(store), "instansi"),
    ):
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / f"layar-{name}.png"))
        dialog.close()
    deleted = list_sessions(store)[-1].id  # the oldest, deleted and restored again
    delete_session(store, deleted)
    restore = DeletedSessionsDialog(store)
    restore.show()
    app.processEvents()
    restore.grab().save(str(OUT / "layar-kegiatan-terhapus.png"))
    restore.close()
    restore_session(store, deleted)
    _audit(app, store)


def _audit(app: QApplication, store: Store) -> None:
    """Catatan audit after one person was erased (the last screen: the erasure stays)."""
    from petugaspembina.erase import erase_everywhere
    from petugaspembina.gui.audit_dialog import AuditDialog

    person = store.rows("SELECT id FROM people WHERE deleted = 0 ORDER BY full_name LIMIT 1")
    erase_everywhere(store, person[0]["id"], None)
    dialog = AuditDialog(store)
    dialog.resize(1200, 640)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / "layar-catatan-audit.png"))
    dialog.close()


if __name__ == "__main__":
    main()
