"""The interface is Indonesian (the source language) with a complete English translation.

Fails when a translatable string was added to the code without being translated, or when the
.ts/.qm files are out of step with the code (run build/i18n.sh and translate).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "petugaspembina_en.ts"


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in tree.iter("context")
        for message in context.iter("message")
    }


def test_every_string_has_a_finished_english_translation() -> None:
    found = messages(TS)
    assert len(found) > 200
    unfinished = [
        source
        for (_, source), m in found.items()
        if m.find("translation") is None
        or m.find("translation").get("type") in ("unfinished", "obsolete")  # type: ignore[union-attr]
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_translation_source_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "src" / "petugaspembina" / "gui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(messages(fresh)) == set(messages(TS)), "run build/i18n.sh and translate"


def test_compiled_translation_is_used(qapp: QCoreApplication) -> None:
    translator = QTranslator()
    folder = files("petugaspembina.resources").joinpath("i18n")
    assert translator.load(QLocale("en"), "petugaspembina", "_", str(folder))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Kegiatan baru") == "New activity"
        assert QCoreApplication.translate("SignInWindow", "&Simpan (Enter)") == "&Save (Enter)"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_qt_own_dialogs_and_menus_are_indonesian(qapp: QCoreApplication) -> None:
    """Qt ships no Indonesian: the app's qt_id catalogue gives its file dialog, message box
    buttons and text-field menu in Indonesian when the interface is Indonesian."""
    from PySide6.QtWidgets import (
        QApplication,
        QDialogButtonBox,
        QFileDialog,
        QLabel,
        QMessageBox,
        QPushButton,
    )

    from petugaspembina.gui.launch import install_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install_language(app, "id") is not None
    try:
        tr = QCoreApplication.translate
        assert tr("QPlatformTheme", "Cancel") == "Batal"
        assert tr("QPlatformTheme", "&Yes") == "&Ya"
        assert tr("QPlatformTheme", "&No") == "&Tidak"
        assert tr("QPlatformTheme", "Open") == "Buka"
        assert tr("QPlatformTheme", "Save") == "Simpan"
        assert tr("QFileDialog", "File &name:") == "&Nama berkas:"
        assert tr("QLineEdit", "&Paste") == "&Tempel"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Hapus",
            "Hapus?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        assert sorted(b.text() for b in box.buttons()) == ["&Tidak", "&Ya"]
        dialog = QFileDialog(None, "Simpan rekap PDF")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"&Cari di:", "&Nama berkas:", "&Jenis berkas:"} <= labels
        [buttons] = dialog.findChildren(QDialogButtonBox)
        assert {b.text() for b in buttons.findChildren(QPushButton)} == {"&Simpan", "Batal"}
    finally:
        install_language(app, "en")  # back to no Indonesian catalogue for the other tests
        for translator in list(app.findChildren(QTranslator)):
            app.removeTranslator(translator)


def test_qt_catalogue_menus_keep_one_letter_per_item() -> None:
    """The Indonesian context menu of a text field gives each item its own Alt+letter."""
    from screen_checks import mnemonic

    found = messages(ROOT / "resources" / "qt_id.ts")
    for context in ("QLineEdit", "QWidgetTextControl"):
        letters = [
            mnemonic(m.findtext("translation") or "")
            for (name, source), m in found.items()
            if name == context and source.startswith(("&", "Cu&t", "Copy &"))
        ]
        letters = [letter for letter in letters if letter]
        assert len(letters) == len(set(letters)), context
    assert all((m.findtext("translation") or "").strip() for m in found.values())


def test_recap_chart_titles_and_notes_follow_the_window_language(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """In English every chart of Rekap has an English title (the recap's files stay
    Indonesian), and the note under the per-officer charts is English too."""
    from PySide6.QtWidgets import QApplication, QGroupBox

    from petugaspembina.demo import generate
    from petugaspembina.gui.launch import install_language
    from petugaspembina.gui.recap_view import RecapView
    from petugaspembina.store.recap import RecapFilter, compute_recap
    from petugaspembina.store.store import Store

    store = Store.open(tmp_path / "r.db")
    generate(store, seed=3, sessions=3)
    indonesian = {b.title for b in compute_recap(store, RecapFilter()).breakdowns}
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_language(app, "en")
    assert translator is not None
    try:
        view = RecapView(store)
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        qtbot.waitUntil(lambda: bool(view.charts), timeout=20_000)
        titles = [box.title() for box in view.charts_host.findChildren(QGroupBox)]
        assert "Sessions by type" in titles and "Referrals by receiving agency" in titles
        assert len(titles) == len(indonesian) and not set(titles) & indonesian, titles
        ages = [label for label, _ in view.charts["hadir_per_usia"].rows]
        assert ages[:2] == ["<18 years", "18–25 years"], ages
        assert "All regions" in view.totals.text() and "Semua wilayah" not in view.totals.text()
        notes = [label.text() for label in view.notes.values()]
        assert notes and all(n.startswith("Total (each counted once): ") for n in notes)
    finally:
        app.removeTranslator(translator)
        store.close()
