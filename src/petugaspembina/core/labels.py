"""Labels of enumeration codes for display; unknown codes (from newer apps) show as they are."""

from __future__ import annotations

from .enums import Labelled


def label_of(enum: type[Labelled], code: object) -> str:
    """The Indonesian label of ``code``, the code itself if unknown, or "" for none."""
    if code is None or code == "":
        return ""
    text = str(code)
    return enum(text).label if text in enum.codes() else text
