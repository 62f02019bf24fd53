"""Photo-like test pictures made with Pillow: sky gradient, shapes, blur and sensor noise, JPEG with
EXIF (time taken, orientation, optionally a GPS position), like a phone's file."""

from __future__ import annotations

import io
import random

from PIL import ExifTags, Image, ImageChops, ImageDraw, ImageFilter

GPS = {
    ExifTags.GPS.GPSLatitudeRef: "S",
    ExifTags.GPS.GPSLatitude: (3.0, 47.0, 46.5),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (102.0, 15.0, 54.3),
}


def scene(width: int, height: int, seed: int = 0) -> Image.Image:
    """A picture with the statistics of a photo: smooth areas, edges, texture and noise."""
    rng = random.Random(seed)
    sky = Image.linear_gradient("L").resize((width, height))
    picture = Image.merge(
        "RGB",
        (
            sky.point(lambda v: 90 + v // 3),
            sky.point(lambda v: 130 + v // 4),
            sky.point(lambda v: 230 - v // 3),
        ),
    )
    draw = ImageDraw.Draw(picture)
    ground = int(height * rng.uniform(0.45, 0.65))
    draw.rectangle((0, ground, width, height), fill=(110, 95, 70))
    for _ in range(60):  # people, chairs, a banner, walls
        x = rng.randrange(width)
        y = rng.randrange(ground // 2, height)
        w = rng.randrange(width // 60, width // 8)
        h = rng.randrange(height // 30, height // 4)
        colour = tuple(rng.randrange(20, 240) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + w, y + h), fill=colour)
        else:
            draw.rectangle((x, y, x + w, y + h), fill=colour)
    for i in range(8):  # a line of text on a banner
        draw.text((width // 10 + i * width // 12, ground // 3), "SOSIALISASI", fill=(255, 255, 255))
    picture = picture.filter(ImageFilter.GaussianBlur(max(1, width // 1500)))
    grain = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    noise = grain.point(lambda v: 128 + (v - 128) * 20 // 128).convert("RGB")  # sensor noise
    return ImageChops.add(picture, noise, scale=1.0, offset=-128)


def phone_jpeg(
    width: int = 4000,
    height: int = 3000,
    *,
    seed: int = 0,
    orientation: int = 1,
    gps: bool = False,
    taken: str = "2026:06:14 09:30:00",
    offset: str | None = None,
    quality: int = 92,
) -> bytes:
    """JPEG bytes like a phone's: EXIF time taken, orientation, camera model, maybe GPS."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Contoh"
    exif[ExifTags.Base.Model] = "Ponsel 12MP"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.Exif] = {ExifTags.Base.DateTimeOriginal: taken}
    if offset is not None:  # EXIF 2.31: the camera's offset from UTC
        exif[ExifTags.IFD.Exif] |= {ExifTags.Base.OffsetTimeOriginal: offset}
    if gps:
        exif[ExifTags.IFD.GPSInfo] = GPS
    out = io.BytesIO()
    scene(width, height, seed).save(out, "JPEG", quality=quality, exif=exif)
    return out.getvalue()
