"""Photo parts (docs/sync.md "Photos"): the JPEG bytes of session photos travel in files of their
own next to the bundles, so a bundle of records stays small, and a photo the destination has
acknowledged (by a receipt) is never sent to it again.

A part carries photos addressed by SHA-256; the ``photos`` records that name them travel in
ordinary bundles. Each photo is checked on arrival (hash, JPEG, size, dimensions): a bad one is
refused with its reason, the others and every record still import.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..core.changes import canonical_json
from ..core.ids import is_device_id, is_record_id, new_record_id
from ..core.imaging import MAX_PHOTO_BYTES, PHOTO_TYPE, PhotoRefused, check_photo, sha256_hex
from ..store.photo_blobs import is_erased, store_blob
from ..store.store import Store
from .bundle import write_atomically
from .errors import BundleRejected
from .inputs import PHOTO_PART_PREFIX
from .reader import MAX_SEQ, parse_json

PHOTOS_FORMAT = "petugaspembina.photos"
PHOTOS_VERSION = 1
# Raw bytes per part: ~85 MiB as base64, well under the readers' 256 MiB, parsed in ~0.3 s.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_PHOTOS_PER_PART = 10_000
_PART_KEYS = frozenset(
    {
        "format",
        "format_version",
        "part_id",
        "created_at",
        "source",
        "counts",
        "photos_sha256",
        "photos",
    }
)
_ENTRY_KEYS = frozenset({"sha256", "type", "bytes", "data"})
_SHA256_RE = re.compile(r"[0-9a-f]{64}", re.ASCII)
_CREATED_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z", re.ASCII)


def photos_digest(hashes: list[str]) -> str:
    """sha256 hex of the canonical JSON of the part's photo hashes, in order (the part's id in
    receipts; each photo's own hash covers its bytes)."""
    return hashlib.sha256(canonical_json(hashes).encode("utf-8")).hexdigest()


def part_file_name(device_id: str, seq: int, number: int) -> str:
    """Neutral, and sorted after the bundles in a folder listing ("foto" > any hex digit)."""
    return f"{PHOTO_PART_PREFIX}{device_id[:8]}-{seq:05d}-{number}.json"


@dataclass(frozen=True, slots=True)
class PreparedPart:
    """A photo part built in memory, not yet written or recorded."""

    data: bytes
    part_id: str
    seq: int
    hashes: list[str]
    digest: str
    size: int


def unsent_photos(store: Store, destination: str, *, full: bool = False) -> list[str]:
    """Hashes of stored photos of visible records the destination has not been sent (``full``:
    has not acknowledged by a receipt), in session and annex order."""
    condition = "s.delivered_at IS NOT NULL" if full else "1"
    rows = store.conn.execute(
        f"""SELECT p.sha256 FROM photos p JOIN photo_blobs b ON b.sha256 = p.sha256
            WHERE p.deleted = 0 AND NOT EXISTS (
                SELECT 1 FROM photo_parts_sent_items i JOIN photo_parts_sent s
                ON s.part_id = i.part_id
                WHERE i.sha256 = p.sha256 AND s.destination = ? AND {condition})
            GROUP BY p.sha256 ORDER BY min(p.session_id), min(p.position)""",
        (destination,),
    )
    return [row[0] for row in rows]


def prepare_parts(store: Store, hashes: list[str], seq: int) -> Iterator[PreparedPart]:
    """The photo parts carrying ``hashes``, each at most ``MAX_PART_BYTES`` of photos."""
    batch: list[tuple[str, bytes]] = []
    size = 0
    for digest in hashes:
        row = store.conn.execute(
            "SELECT data FROM photo_blobs WHERE sha256 = ?", (digest,)
        ).fetchone()
        if row is None:
            continue
        data = bytes(row[0])
        if batch and (size + len(data) > MAX_PART_BYTES or len(batch) >= MAX_PHOTOS_PER_PART):
            yield _build(store, batch, seq)
            batch, size = [], 0
        batch.append((digest, data))
        size += len(data)
    if batch:
        yield _build(store, batch, seq)


def _build(store: Store, photos: list[tuple[str, bytes]], seq: int) -> PreparedPart:
    hashes = [digest for digest, _ in photos]
    digest = photos_digest(hashes)
    part_id = new_record_id()
    size = sum(len(data) for _, data in photos)
    head = {
        "format": PHOTOS_FORMAT,
        "format_version": PHOTOS_VERSION,
        "part_id": part_id,
        "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source": {"device_id": store.device_id, "seq": seq},
        "counts": {"photos": len(photos), "bytes": size},
        "photos_sha256": digest,
    }
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    entries = ",".join(
        f'{{"bytes":{len(data)},"data":"{base64.b64encode(data).decode()}",'
        f'"sha256":"{sha}","type":"{PHOTO_TYPE}"}}'
        for sha, data in photos
    )
    data = (text[:-1] + ',"photos":[' + entries + "]}").encode("utf-8")
    return PreparedPart(data, part_id, seq, hashes, digest, size)


def record_part(store: Store, part: PreparedPart, destination: str) -> None:
    """After the file is safely written: these photos count as sent to ``destination``."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO photo_parts_sent (part_id, destination, created_at, photos_sha256) "
            "VALUES (?, ?, ?, ?)",
            (
                part.part_id,
                destination,
                datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                part.digest,
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO photo_parts_sent_items (part_id, sha256) VALUES (?, ?)",
            [(part.part_id, digest) for digest in part.hashes],
        )


def write_part(path: Path, data: bytes | tuple[bytes, ...]) -> None:
    """Written like a bundle: temporary file, fsync, rename."""
    write_atomically(path, data)


# -- reading -------------------------------------------------------------------------------------


@dataclass(slots=True)
class ParsedPart:
    """A photo part whose frame checked out; ``photos`` holds the good photos, ``problems`` the
    reasons the others were refused."""

    part_id: str
    device_id: str
    seq: int
    digest: str
    photos: list[tuple[str, bytes, int, int]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def is_photo_part(doc: Any) -> bool:
    """True for a parsed plain photo part."""
    return isinstance(doc, dict) and doc.get("format") == PHOTOS_FORMAT


def read_photo_part(data: bytes) -> ParsedPart:
    """Check a photo part; raises BundleRejected when its frame is wrong (nothing is taken)."""
    doc = parse_json(data)
    if not is_photo_part(doc):
        raise BundleRejected("not-a-bundle", "Bukan berkas foto Petugas Pembina.")
    return check_part(doc)


def check_part(doc: dict[str, Any]) -> ParsedPart:
    """The frame (format, ids, counts, digest), then each photo on its own."""
    version = doc.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > PHOTOS_VERSION:
        raise BundleRejected(
            "newer",
            f"Berkas foto dibuat oleh versi aplikasi yang lebih baru (format {version}) — "
            "perbarui aplikasi ini.",
        )
    source = doc.get("source")
    photos = doc.get("photos")
    counts = doc.get("counts")
    if (
        set(doc) != _PART_KEYS
        or version != PHOTOS_VERSION
        or not is_record_id(doc.get("part_id"))
        or not isinstance(doc.get("created_at"), str)
        or not _CREATED_RE.fullmatch(doc["created_at"])
        or not isinstance(source, dict)
        or set(source) != {"device_id", "seq"}
        or not is_device_id(source.get("device_id"))
        or not isinstance(source.get("seq"), int)
        or isinstance(source.get("seq"), bool)
        or not 1 <= source["seq"] <= MAX_SEQ
        or not isinstance(doc.get("photos_sha256"), str)
        or not _SHA256_RE.fullmatch(doc["photos_sha256"])
        or not isinstance(photos, list)
        or len(photos) > MAX_PHOTOS_PER_PART
        or not isinstance(counts, dict)
        or set(counts) != {"photos", "bytes"}
    ):
        raise BundleRejected(
            "invalid", "Berkas foto tidak sah (kepala berkas tidak sesuai format)."
        )
    hashes = [p.get("sha256") if isinstance(p, dict) else None for p in photos]
    texts = [h for h in hashes if isinstance(h, str)]
    if len(texts) != len(hashes) or photos_digest(texts) != doc["photos_sha256"]:
        raise BundleRejected(
            "damaged", "Berkas foto rusak atau telah diubah (checksum tidak cocok)."
        )
    if counts.get("photos") != len(photos):
        raise BundleRejected("damaged", "Berkas foto rusak atau telah diubah (jumlah tidak cocok).")
    parsed = ParsedPart(doc["part_id"], source["device_id"], source["seq"], doc["photos_sha256"])
    for index, entry in enumerate(photos, start=1):
        try:
            parsed.photos.append(_check_entry(entry))
        except PhotoRefused as exc:
            name = str(entry.get("sha256", ""))[:12] if isinstance(entry, dict) else ""
            parsed.problems.append(f"foto #{index} ({name}…): {exc}")
    return parsed


def _check_entry(entry: Any) -> tuple[str, bytes, int, int]:
    """(sha256, bytes, width, height) of a good photo; raises PhotoRefused with the reason."""
    if not isinstance(entry, dict) or set(entry) != _ENTRY_KEYS:
        raise PhotoRefused("entri harus objek dengan sha256, type, bytes, data.")
    digest, kind, size, text = entry["sha256"], entry["type"], entry["bytes"], entry["data"]
    if not isinstance(digest, str) or not _SHA256_RE.fullmatch(digest):
        raise PhotoRefused("sha256 harus 64 digit heksadesimal huruf kecil.")
    if kind != PHOTO_TYPE:
        raise PhotoRefused(f"jenis {str(kind)[:40]!r} tidak diterima; hanya {PHOTO_TYPE}.")
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= MAX_PHOTO_BYTES:
        raise PhotoRefused(
            f"ukuran foto harus 1–{MAX_PHOTO_BYTES} byte (foto terlalu besar ditolak)."
        )
    if not isinstance(text, str) or len(text) > (MAX_PHOTO_BYTES * 4) // 3 + 4:
        raise PhotoRefused("data foto harus base64 dan tidak lebih besar dari batasnya.")
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PhotoRefused("data foto bukan base64 yang sah.") from exc
    if len(data) != size:
        raise PhotoRefused(f"ukuran data ({len(data)} byte) tidak sama dengan {size} byte.")
    if sha256_hex(data) != digest:
        raise PhotoRefused("isi foto tidak cocok dengan SHA-256-nya (rusak atau diubah).")
    width, height = check_photo(data)
    return digest, data, width, height


@dataclass(frozen=True, slots=True)
class PartOutcome:
    """What importing a photo part did."""

    stored: int
    present: int
    erased: int
    refused: int
    already_imported_on: str | None = None


def import_part(store: Store, parsed: ParsedPart, now: datetime) -> PartOutcome:
    """Keep the good photos of a checked part (one transaction); erased photos stay erased."""
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    with store.transaction() as conn:
        known = conn.execute(
            "SELECT photos_sha256, imported_at FROM imported_photo_parts WHERE part_id = ?",
            (parsed.part_id,),
        ).fetchone()
        if known is not None:
            if known[0] != parsed.digest:
                raise BundleRejected(
                    "integrity",
                    "Berkas foto dengan id yang sama sudah diimpor dengan isi berbeda: "
                    "berkas telah diubah.",
                )
            return PartOutcome(0, 0, 0, 0, already_imported_on=str(known[1])[:10])
        stored = present = erased = 0
        for digest, data, width, height in parsed.photos:
            if is_erased(conn, digest):
                erased += 1
            elif store_blob(conn, digest, data, width, height):
                stored += 1
            else:
                present += 1
        conn.execute(
            "INSERT INTO imported_photo_parts (part_id, photos_sha256, device_id, imported_at, "
            "stored, refused) VALUES (?, ?, ?, ?, ?, ?)",
            (parsed.part_id, parsed.digest, parsed.device_id, stamp, stored, len(parsed.problems)),
        )
    return PartOutcome(stored, present, erased, len(parsed.problems))
