#!/usr/bin/env bash
# Build the one-folder app with PyInstaller and run its self-test.
# Result: build/dist/petugaspembina/petugaspembina (Windows: petugaspembina.exe).
set -euo pipefail
cd "$(dirname "$0")/.."
uv run pyinstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller-work --distpath build/dist installer.spec
app=build/dist/petugaspembina/petugaspembina
echo "Built: $app ($(du -sh build/dist/petugaspembina | cut -f1))"
QT_QPA_PLATFORM=offscreen "$app" --self-test
