"""Stored PNG images (base64) for reportlab; a broken image is skipped, never a crash."""

from __future__ import annotations

import base64
import binascii
import io
from functools import lru_cache

from PIL import Image as PILImage
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image


@lru_cache(maxsize=16)
def image_bytes(data_b64: str | None) -> bytes | None:
    """The decoded image when it is a complete, readable picture; None when absent or damaged."""
    if not data_b64:
        return None
    try:
        raw = base64.b64decode(data_b64, validate=False)
        with PILImage.open(io.BytesIO(raw)) as picture:
            picture.load()  # decodes every pixel: a truncated PNG fails here, not in reportlab
            if picture.width < 1 or picture.height < 1:
                return None
    except (binascii.Error, ValueError, OSError, SyntaxError, PILImage.DecompressionBombError):
        return None
    return raw


def image_reader(data_b64: str | None) -> ImageReader | None:
    """An ImageReader (for drawing on a canvas) for a stored image, or None."""
    raw = image_bytes(data_b64)
    return ImageReader(io.BytesIO(raw)) if raw is not None else None


def image_flowable(data_b64: str | None, width: float, height: float) -> Image | None:
    """A platypus Image fitted into ``width`` × ``height`` (aspect kept), or None.

    ``Image`` wants a file name or a file object (an ImageReader made it fail with "expected str,
    bytes or os.PathLike object"), so it gets the bytes as a file.
    """
    raw = image_bytes(data_b64)
    if raw is None:
        return None
    return Image(io.BytesIO(raw), width, height, kind="proportional")
