"""Fonts shipped as package data (DejaVu, free licence): nothing depends on system fonts."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS, SANS_BOLD, SERIF, SERIF_BOLD = "PP-Sans", "PP-Sans-Bold", "PP-Serif", "PP-Serif-Bold"
_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
}


@cache
def register_fonts() -> None:
    """Register the four faces with reportlab once per process."""
    folder = files("petugaspembina.resources").joinpath("fonts")
    for name, filename in _FILES.items():
        with folder.joinpath(filename).open("rb") as handle:
            pdfmetrics.registerFont(TTFont(name, handle))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
    )
    pdfmetrics.registerFontFamily(
        SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF, boldItalic=SERIF_BOLD
    )


def printable(text: str | None) -> str:
    """Text safe to draw: characters the shipped fonts lack (emoji, CJK…) become ``?`` rather
    than invisible gaps, so a name is never silently shortened."""
    if not text:
        return ""
    register_fonts()
    face = pdfmetrics.getFont(SANS).face
    widths = face.charWidths
    return "".join(ch if ord(ch) in widths or ch in "\n\t " else "?" for ch in text)
