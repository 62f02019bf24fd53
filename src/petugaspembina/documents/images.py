"""Stored PNG images (base64) as reportlab images; a broken image is skipped, never a crash."""

from __future__ import annotations

import base64
import binascii
import io

from reportlab.lib.utils import ImageReader


def image_reader(data_b64: str | None) -> ImageReader | None:
    """An ImageReader for a stored PNG, or None when absent or unreadable."""
    if not data_b64:
        return None
    try:
        return ImageReader(io.BytesIO(base64.b64decode(data_b64)))
    except (binascii.Error, ValueError, OSError):
        return None
