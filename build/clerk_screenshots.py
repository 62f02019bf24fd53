"""Render the office clerk's tabs and the recap PDF to PNG for docs/img (run under Xvfb).

Usage: xvfb-run -a uv run python build/clerk_screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from petugaspembina.demo_office import build_office_inbox, office_database
from petugaspembina.documents.recap_pdf import render_recap_pdf
from petugaspembina.gui.main_window import MainWindow
from petugaspembina.store.recap import RecapFilter, compute_recap
from petugaspembina.store.store import Store
from petugaspembina.sync.importer import import_files
from petugaspembina.sync.inbox import bundle_files

# Throwaway databases for pictures: encrypted like real ones, with a fixed password.
os.environ.setdefault("PETUGASPEMBINA_PASSWORD", "gambar-dokumentasi")

OUT = Path(__file__).resolve().parents[1] / "docs" / "img"
YEAR = RecapFilter("2026-01-01", "2026-12-31")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        from petugaspembina.gui.launch import use_settings_folder
        from petugaspembina.paths import app_paths

        use_settings_folder(app_paths(tmp / "home"))  # nothing remembered from earlier runs
        inbox = build_office_inbox(tmp / "kantor")
        store = office_database(tmp / "kantor" / "kantor.sqlite3")
        reports = import_files(
            store, bundle_files([inbox.folder]), quarantine=tmp / "q", backups=None
        )
        window = MainWindow(store)
        window.resize(1366, 768)
        window.show()
        assert window.clerk is not None
        window.clerk.inbox.show_reports(reports)
        window.clerk.recap.set_period(YEAR)
        while window.clerk.recap.recap is None or window.clerk.recap.recap.filter != YEAR:
            app.processEvents()  # the recap is computed on a worker thread
        for index, shot in enumerate(("kotak-masuk", "konflik", "duplikat", "rekap")):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
            window.grab().save(str(OUT / f"layar-kantor-{shot}.png"))
        _desa_binaan(app, window, store)  # the register's figures appear in the recap too
        pdf = render_recap_pdf(store, compute_recap(store, YEAR), tmp / "rekap.pdf")
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "2", str(pdf), str(tmp / "rekap")],
            check=True,
        )
        for page in sorted(tmp.glob("rekap-*.png")):
            number = page.stem.rsplit("-", 1)[1].lstrip("0")
            page.replace(OUT / f"rekap-halaman-{number}.png")
        window.close()
        store.close()


def _desa_binaan(app: QApplication, window: MainWindow, store: Store) -> None:
    """The office's Desa Binaan tab over a register of the officers' villages, and the dialog
    that registers villages from a pembentukan session."""
    from petugaspembina.demo_desa import seed_register
    from petugaspembina.gui.desa_dialog import DesaBinaanDialog

    clerk = store.meta("officer_id")
    officers = [
        r["id"]
        for r in store.rows("SELECT id FROM officers WHERE deleted = 0 ORDER BY name")
        if r["id"] != clerk
    ]
    seed_register(store, villages=4, quiet="61.12.08.2013", officers=officers)
    assert window.clerk is not None
    window.refresh()
    window.tabs.setCurrentWidget(window.clerk.desa)
    app.processEvents()
    window.grab().save(str(OUT / "layar-kantor-desa-binaan.png"))
    session = store.rows(
        "SELECT id FROM sessions WHERE deleted = 0 ORDER BY session_type = 'pembentukan' DESC, "
        "date LIMIT 1"
    )[0]["id"]
    dialog = DesaBinaanDialog(store, session_id=session)
    dialog.sk_number.setText("W.16-UM.01.01-052/2026")
    dialog.set_officer_checked(officers[0])
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / "layar-kantor-desa-binaan-baru.png"))
    dialog.close()


if __name__ == "__main__":
    main()
