"""Preparing a picture: downscaled, upright, stripped; hostile files each refused with a reason."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import ExifTags, Image

from petugaspembina.core.imaging import (
    MAX_LONG_SIDE,
    MAX_PHOTO_BYTES,
    PhotoRefused,
    check_photo,
    has_location,
    prepare_photo,
    strip_location,
)

from .imagegen import phone_jpeg, scene


def _exif(data: bytes) -> Image.Exif:
    with Image.open(io.BytesIO(data)) as picture:
        return picture.getexif()


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` (a decompression bomb's shape)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (width + 1) * 4, 9)  # a few rows of zeros; the rest missing
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", rows)
        + _png_chunk(b"IEND", b"")
    )


def test_phone_photo_is_downscaled_to_the_long_side(phone_photo: bytes) -> None:
    prepared = prepare_photo(phone_photo)
    assert (prepared.width, prepared.height) == (MAX_LONG_SIDE, 1200)
    with Image.open(io.BytesIO(prepared.data)) as picture:
        assert picture.format == "JPEG" and picture.size == (1600, 1200)
    assert prepared.size < len(phone_photo) / 5
    assert prepared.taken_at == "2026-06-14T09:30:00"


def test_orientation_is_applied_and_not_kept(gps_photo: bytes) -> None:
    prepared = prepare_photo(gps_photo)
    assert (prepared.width, prepared.height) == (1200, 1600)  # 2000×1500 turned a quarter
    assert ExifTags.Base.Orientation not in _exif(prepared.data)


def test_gps_position_is_removed_by_default(gps_photo: bytes) -> None:
    assert _exif(gps_photo).get_ifd(ExifTags.IFD.GPSInfo)
    prepared = prepare_photo(gps_photo)
    assert not prepared.has_location and not has_location(prepared.data)
    exif = _exif(prepared.data)
    assert ExifTags.Base.Model not in exif and ExifTags.Base.Make not in exif
    assert exif[ExifTags.Base.DateTime] == "2026:06:14 09:30:00"


def test_gps_position_is_kept_when_asked(gps_photo: bytes) -> None:
    prepared = prepare_photo(gps_photo, keep_location=True)
    assert prepared.has_location and has_location(prepared.data)
    gps = _exif(prepared.data).get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitudeRef] == "S"
    assert not has_location(strip_location(prepared.data))


def test_same_picture_gives_the_same_bytes(gps_photo: bytes) -> None:
    assert prepare_photo(gps_photo).sha256 == prepare_photo(gps_photo).sha256


def test_png_with_transparency_becomes_a_white_backed_jpeg() -> None:
    picture = Image.new("RGBA", (300, 200), (255, 0, 0, 0))
    out = io.BytesIO()
    picture.save(out, "PNG")
    prepared = prepare_photo(out.getvalue(), fallback_time="2026-06-14T10:00:00")
    with Image.open(io.BytesIO(prepared.data)) as result:
        assert result.mode == "RGB" and result.getpixel((10, 10))[0] > 240
    assert prepared.taken_at == "2026-06-14T10:00:00"


def test_png_bomb_is_refused_unopened() -> None:
    with pytest.raises(PhotoRefused, match="bom dekompresi"):
        prepare_photo(png_claiming(15_000, 15_000))


def test_huge_dimension_is_refused() -> None:
    with pytest.raises(PhotoRefused, match="Ukuran gambar tidak wajar"):
        prepare_photo(png_claiming(60_000, 2))


def test_truncated_jpeg_is_refused(phone_photo: bytes) -> None:
    with pytest.raises(PhotoRefused, match="terpotong"):
        prepare_photo(phone_photo[: len(phone_photo) // 2])


def test_not_an_image_is_refused() -> None:
    with pytest.raises(PhotoRefused, match="Bukan berkas gambar"):
        prepare_photo(b"%PDF-1.7\n" + b"x" * 2000)


def test_empty_file_is_refused() -> None:
    with pytest.raises(PhotoRefused, match="kosong"):
        prepare_photo(b"")


def test_received_photo_check_accepts_a_prepared_one(gps_photo: bytes) -> None:
    prepared = prepare_photo(gps_photo)
    assert check_photo(prepared.data) == (prepared.width, prepared.height)


def test_received_photo_over_the_long_side_is_refused() -> None:
    out = io.BytesIO()
    scene(2400, 1000).save(out, "JPEG", quality=50)
    with pytest.raises(PhotoRefused, match="melebihi batas 1600"):
        check_photo(out.getvalue())


def test_received_png_is_refused() -> None:
    out = io.BytesIO()
    Image.new("RGB", (20, 20)).save(out, "PNG")
    with pytest.raises(PhotoRefused, match="Bukan foto JPEG"):
        check_photo(out.getvalue())


def test_received_photo_over_the_byte_limit_is_refused() -> None:
    with pytest.raises(PhotoRefused, match="terlalu besar"):
        check_photo(b"\xff\xd8\xff" + b"\x00" * MAX_PHOTO_BYTES)


def test_received_truncated_photo_is_refused() -> None:
    data = prepare_photo(phone_jpeg(800, 600, seed=5)).data
    with pytest.raises(PhotoRefused, match="terpotong"):
        check_photo(data[: len(data) // 2])


def test_the_cameras_offset_from_utc_is_kept_with_the_time_taken() -> None:
    prepared = prepare_photo(phone_jpeg(800, 600, offset="+08:00"))
    assert prepared.taken_at == "2026-06-14T09:30:00+08:00"
    with Image.open(io.BytesIO(prepared.data)) as stored:  # and stays in the stored JPEG
        assert stored.getexif().get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.OffsetTime] == "+08:00"
    odd = prepare_photo(phone_jpeg(800, 600, offset="+99:99"))  # not an offset: ignored
    assert odd.taken_at == "2026-06-14T09:30:00"
