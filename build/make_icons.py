"""Render resources/petugaspembina.svg to the app's PNG icon and the Windows .ico.

Usage: uv run python build/make_icons.py   (QT_QPA_PLATFORM=offscreen works)
The .ico holds PNG-compressed images (supported since Windows Vista), written without Pillow.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "petugaspembina.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub is wrong
    return bytes(data.data())


def ico(images: list[tuple[int, bytes]]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, payload = b"", b""
    for size, png in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + entries + payload


def main() -> None:
    QGuiApplication(sys.argv[:1])
    pngs = [(size, render_png(size)) for size in SIZES]
    (ROOT / "resources" / "petugaspembina.ico").write_bytes(ico(pngs))
    icons = ROOT / "src" / "petugaspembina" / "resources" / "icons"
    icons.mkdir(parents=True, exist_ok=True)
    (icons / "petugaspembina.png").write_bytes(dict(pngs)[256])


if __name__ == "__main__":
    main()
