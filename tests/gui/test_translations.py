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
