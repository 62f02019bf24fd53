"""Quitting leaves nothing for Qt to complain about: the window and the dialogs it owns are
deleted while Qt still runs (a dialog left to Python's exit printed "QObject: shared QObject
was deleted directly. The program is malformed and may crash." and could crash the exit)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

# The app as an officer quits it: the window opened, Profil kantor opened and cancelled, Keluar.
SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from petugaspembina.gui import launch
    from petugaspembina.paths import app_paths

    def run(app):
        window = next(w for w in QApplication.topLevelWidgets() if w.isVisible())
        QTimer.singleShot(50, lambda: QApplication.activeModalWidget().reject())
        window.documents_view.on_office_clicked()  # Profil kantor…, then Batal
        window.close()  # Berkas → Keluar (Ctrl+Q)
        return 0

    QApplication.exec = run
    paths = app_paths(sys.argv[1])
    sys.exit(launch.launch(paths.database, paths, demo=True))
    """
)


def test_quitting_after_the_office_profile_dialog_prints_no_qt_warning(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "home")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    warnings = [
        line
        for line in done.stderr.splitlines()
        if line.strip() and "propagateSizeHints" not in line  # the offscreen plugin's own note
    ]
    assert done.returncode == 0, done.stderr
    assert warnings == [], warnings
