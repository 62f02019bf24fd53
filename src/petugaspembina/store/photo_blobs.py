"""Photo bytes, stored once per SHA-256 in ``photo_blobs`` (local, never a field version).

Erasing a photo record (locally or by an imported erasure) removes its bytes unless another,
unerased photo record names the same hash, and notes the hash in ``erased_photo_blobs`` so a photo
part arriving later does not bring them back (docs/sync.md "Photos").
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from .sqlite import sqlite3

PHOTOS = "photos"


def photo_hashes(conn: sqlite3.Connection, photo_ids: Iterable[str]) -> set[str]:
    """Every hash any version of these photo records named (read before an erasure blanks them)."""
    ids = sorted(set(photo_ids))
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            f"""SELECT DISTINCT json_extract(value, '$') FROM fv WHERE tbl = '{PHOTOS}'
                AND field = 'sha256' AND rid IN ({",".join("?" * len(chunk))})""",
            chunk,
        )
        found.update(row[0] for row in rows if isinstance(row[0], str))
    return found


def forget_erased(conn: sqlite3.Connection, hashes: Iterable[str]) -> int:
    """After an erasure (same transaction): tombstone the hashes, delete bytes no unerased photo
    record still names; returns how many were deleted."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    deleted = 0
    for digest in sorted(set(hashes)):
        if conn.execute(
            f"SELECT 1 FROM {PHOTOS} WHERE sha256 = ? AND erased = 0", (digest,)
        ).fetchone():
            continue
        conn.execute(
            "INSERT OR IGNORE INTO erased_photo_blobs (sha256, erased_at) VALUES (?, ?)",
            (digest, stamp),
        )
        deleted += conn.execute("DELETE FROM photo_blobs WHERE sha256 = ?", (digest,)).rowcount
    return deleted


def store_blob(conn: sqlite3.Connection, digest: str, data: bytes, width: int, height: int) -> bool:
    """Keep the bytes of a photo (inside the caller's transaction); False when already here."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    cursor = conn.execute(
        "INSERT OR IGNORE INTO photo_blobs (sha256, data, width, height, stored_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (digest, data, width, height, stamp),
    )
    return cursor.rowcount > 0


def blob(conn: sqlite3.Connection, digest: str) -> bytes | None:
    """The stored bytes of a photo, or None when they have not arrived (or were erased)."""
    row = conn.execute("SELECT data FROM photo_blobs WHERE sha256 = ?", (digest,)).fetchone()
    return bytes(row[0]) if row else None


def is_erased(conn: sqlite3.Connection, digest: str) -> bool:
    """Whether this hash belongs to an erased photo that no unerased record names."""
    if conn.execute(
        f"SELECT 1 FROM {PHOTOS} WHERE sha256 = ? AND erased = 0", (digest,)
    ).fetchone():
        return False
    return (
        conn.execute("SELECT 1 FROM erased_photo_blobs WHERE sha256 = ?", (digest,)).fetchone()
        is not None
    )
