"""Session photos: make a phone's or camera's picture fit to keep and send, and check one received.

``prepare_photo`` turns any picture Pillow can read into a JPEG whose long side is at most
``MAX_LONG_SIDE`` px, turned upright by its EXIF orientation, with every EXIF tag removed except
the time it was taken (and the GPS position when the officer keeps it for that photo).
``check_photo`` is what a bundle reader runs on a photo that arrived (docs/sync.md "Photos").

Hostile files are refused with an Indonesian reason before their pixels are decoded: the header
gives the size, and a picture claiming more than ``MAX_SOURCE_PIXELS`` or a side over
``MAX_SIDE`` is never decoded (a "decompression bomb" is a tiny file claiming a huge picture).
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from datetime import datetime

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

MAX_LONG_SIDE = 1600
# Chosen by measurement (docs/benchmarks.md "Photos"): the smallest quality at which text on a
# banner and faces stay clean at A4 print size; 85+ grows files ~40% for no visible gain.
JPEG_QUALITY = 80
MAX_SOURCE_BYTES = 80 * 1024 * 1024  # a RAW-sized JPEG from a 108 MP phone is ~40 MB
MAX_SOURCE_PIXELS = 120_000_000  # 108 MP phones; JPEGs are decoded at 1/2…1/8 scale (draft)
MAX_SIDE = 20_000  # one side longer than this is no photo (a strip of pixels built to hurt)
MAX_PHOTO_BYTES = 4 * 1024 * 1024  # a stored photo; ~0.2–0.9 MB in practice
PHOTO_TYPE = "image/jpeg"
_JPEG_MAGIC = b"\xff\xd8\xff"
_DATE_TAGS = (ExifTags.Base.DateTimeOriginal, ExifTags.Base.DateTimeDigitized)
# Each time's offset from UTC (EXIF 2.31), where the camera records one: "+07:00".
_OFFSET_OF = {
    ExifTags.Base.DateTimeOriginal: ExifTags.Base.OffsetTimeOriginal,
    ExifTags.Base.DateTimeDigitized: ExifTags.Base.OffsetTimeDigitized,
    ExifTags.Base.DateTime: ExifTags.Base.OffsetTime,
}
_OFFSET = re.compile(r"[+-](0\d|1[0-4]):[0-5]\d")


class PhotoRefused(ValueError):
    """A picture that cannot be taken; ``str(exc)`` is the Indonesian reason for the officer."""


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    """A photo ready to store: JPEG bytes, their SHA-256 and what the record says about them."""

    data: bytes
    sha256: str
    width: int
    height: int
    taken_at: str | None
    has_location: bool

    @property
    def size(self) -> int:
        """Bytes of the stored JPEG."""
        return len(self.data)


def sha256_hex(data: bytes) -> str:
    """The content address of stored photo bytes."""
    return hashlib.sha256(data).hexdigest()


def _open(data: bytes) -> Image.Image:
    """Open (header only) and check the announced size; raises PhotoRefused."""
    if not data:
        raise PhotoRefused("Berkas kosong, bukan foto.")
    if len(data) > MAX_SOURCE_BYTES:
        raise PhotoRefused(
            f"Berkas terlalu besar ({len(data) / 1048576:.0f} MB); batasnya "
            f"{MAX_SOURCE_BYTES // 1048576} MB."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoRefused(_bomb_message()) from exc
    except UnidentifiedImageError as exc:
        raise PhotoRefused("Bukan berkas gambar yang dikenal (foto JPEG atau PNG).") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise PhotoRefused("Berkas gambar rusak dan tidak dapat dibaca.") from exc
    width, height = picture.size
    if width < 1 or height < 1 or max(width, height) > MAX_SIDE:
        raise PhotoRefused(
            f"Ukuran gambar tidak wajar ({width}×{height} piksel); sisi terpanjang paling "
            f"banyak {MAX_SIDE} piksel."
        )
    if width * height > MAX_SOURCE_PIXELS:
        raise PhotoRefused(_bomb_message())
    return picture


def _bomb_message() -> str:
    return (
        f"Gambar mengaku berukuran lebih dari {MAX_SOURCE_PIXELS // 1_000_000} megapiksel "
        "(kemungkinan 'bom dekompresi'); ditolak tanpa dibuka."
    )


def _decode(picture: Image.Image) -> Image.Image:
    """Decode the pixels (JPEGs at the smallest scale still ≥ the target); raises PhotoRefused."""
    if picture.format == "JPEG":  # decode at 1/2, 1/4 or 1/8 scale while still ≥ the target
        scale = min(1.0, MAX_LONG_SIDE / max(picture.size))
        picture.draft("RGB", (int(picture.width * scale), int(picture.height * scale)))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoRefused(_bomb_message()) from exc
    except OSError as exc:
        if "truncated" in str(exc):
            raise PhotoRefused(
                "Berkas foto terpotong (tidak lengkap); salin ulang dari kamera atau ponsel."
            ) from exc
        raise PhotoRefused("Berkas gambar rusak dan tidak dapat dibaca.") from exc
    except (SyntaxError, ValueError) as exc:
        raise PhotoRefused("Berkas gambar rusak dan tidak dapat dibaca.") from exc
    return picture


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return value.strip("\x00 ") if isinstance(value, str) else None


def _taken_at(exif: Image.Exif) -> str | None:
    """The EXIF time the photo was taken, ISO 8601: with the camera's offset from UTC when it
    records one, else without zone (the camera's clock)."""
    inner = exif.get_ifd(ExifTags.IFD.Exif)
    for tag in (*_DATE_TAGS, ExifTags.Base.DateTime):
        value = _text(inner.get(tag) if tag in _DATE_TAGS else exif.get(tag))
        if value is None:
            continue
        try:
            moment = datetime.strptime(value[:19], "%Y:%m:%d %H:%M:%S")
        except ValueError:
            continue
        offset = _text(inner.get(_OFFSET_OF[tag]))
        if offset and _OFFSET.fullmatch(offset):
            return f"{moment.isoformat()}{offset}"
        return moment.isoformat()
    return None


def _kept_exif(exif: Image.Exif, taken_at: str | None, keep_location: bool) -> Image.Exif:
    """Only the time taken, and the GPS position when kept: no camera serial, no thumbnail."""
    kept = Image.Exif()
    if taken_at:
        moment = datetime.fromisoformat(taken_at)
        kept[ExifTags.Base.DateTime] = moment.strftime("%Y:%m:%d %H:%M:%S")
        if moment.utcoffset() is not None:
            kept[ExifTags.IFD.Exif] = {
                ExifTags.Base.OffsetTime: moment.replace(microsecond=0).isoformat()[19:]
            }
    if keep_location:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        if gps:
            kept[ExifTags.IFD.GPSInfo] = dict(gps)
    return kept


def prepare_photo(
    data: bytes, *, keep_location: bool = False, fallback_time: str | None = None
) -> PreparedPhoto:
    """Downscale, turn upright and strip a picture; raises PhotoRefused with the reason.

    ``fallback_time`` (the file's modification time) is the time taken when EXIF has none.
    """
    picture = _open(data)
    with picture:
        exif = picture.getexif()
        taken_at = _taken_at(exif) or fallback_time
        decoded = _decode(picture)
        upright = ImageOps.exif_transpose(decoded)
        if upright.mode != "RGB":
            if "A" in upright.getbands() or upright.mode == "P":
                background = Image.new("RGB", upright.size, "white")
                rgba = upright.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                upright = background
            else:
                upright = upright.convert("RGB")
        # Bicubic: from the decoder's 1/2…1/8 scale the last step is small (2000 → 1600 px for a
        # 12 MP photo), where it looks like Lanczos and takes a third less time (benchmarks.md).
        upright.thumbnail((MAX_LONG_SIDE, MAX_LONG_SIDE), Image.Resampling.BICUBIC)
        kept = _kept_exif(exif, taken_at, keep_location)
        out = io.BytesIO()
        upright.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False, exif=kept)
    stored = out.getvalue()
    return PreparedPhoto(
        stored,
        sha256_hex(stored),
        upright.width,
        upright.height,
        taken_at,
        ExifTags.IFD.GPSInfo in kept,
    )


def strip_location(data: bytes) -> bytes:
    """The stored JPEG without its GPS position (re-encoded at the same quality)."""
    with Image.open(io.BytesIO(data)) as picture:
        exif = picture.getexif()
        taken = _taken_at(exif)
        picture.load()
        out = io.BytesIO()
        picture.save(
            out,
            "JPEG",
            quality=JPEG_QUALITY,
            optimize=True,
            exif=_kept_exif(exif, taken, keep_location=False),
        )
    return out.getvalue()


def has_location(data: bytes) -> bool:
    """Whether a stored JPEG carries a GPS position."""
    with Image.open(io.BytesIO(data)) as picture:
        return bool(picture.getexif().get_ifd(ExifTags.IFD.GPSInfo))


def check_photo(data: bytes) -> tuple[int, int]:
    """Check a received photo: a complete JPEG within the stored limits; returns (width, height).

    Raises PhotoRefused with the reason.
    """
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoRefused(
            f"Foto terlalu besar ({len(data) / 1048576:.1f} MB); batasnya "
            f"{MAX_PHOTO_BYTES // 1048576} MB."
        )
    if not data.startswith(_JPEG_MAGIC):
        raise PhotoRefused("Bukan foto JPEG.")
    picture = _open(data)
    with picture:
        if picture.format != "JPEG":
            raise PhotoRefused("Bukan foto JPEG.")
        if max(picture.size) > MAX_LONG_SIDE:
            raise PhotoRefused(
                f"Foto {picture.width}×{picture.height} piksel melebihi batas {MAX_LONG_SIDE} "
                "piksel."
            )
        _decode(picture)
        return picture.size
