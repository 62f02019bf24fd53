#!/usr/bin/env bash
# Refresh the English translation source from the code, then compile it for the app.
# Translate new entries in resources/petugaspembina_en.ts (Qt Linguist: pyside6-linguist) first.
set -euo pipefail
cd "$(dirname "$0")/.."
uv run pyside6-lupdate src/petugaspembina/gui/*.py -ts resources/petugaspembina_en.ts -no-obsolete -locations none
uv run pyside6-lrelease resources/petugaspembina_en.ts \
  -qm src/petugaspembina/resources/i18n/petugaspembina_en.qm
# Qt's own dialogs and menus (file dialog, message box buttons, text menus) in Indonesian: Qt ships
# no Indonesian translation of its own, so resources/qt_id.ts is kept by hand (Qt's source texts).
uv run pyside6-lrelease resources/qt_id.ts -qm src/petugaspembina/resources/i18n/qt_id.qm
