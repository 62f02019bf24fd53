"""Photos of a session: records (synced) plus their JPEG bytes (stored once per SHA-256).

Adding takes a photo already prepared by ``core.imaging`` (downscaled, upright, stripped); the
bytes and the record are written in one transaction. Removing a photo erases it: the record is
blanked everywhere the erasure travels and the bytes are deleted (UU PDP: photos show faces).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core.imaging import PreparedPhoto, sha256_hex, strip_location
from ..core.records import Photo
from .errors import InvalidInput, NotFound
from .photo_blobs import PHOTOS, blob, forget_erased, store_blob
from .store import Edit, Store


@dataclass(frozen=True, slots=True)
class PhotoInfo:
    """One visible photo of a session, in the order of the annex."""

    id: str
    session_id: str
    sha256: str
    caption: str | None
    taken_at: str | None
    position: int
    keep_location: bool
    width: int | None
    height: int | None
    byte_size: int | None
    available: bool  # False while the bytes have not arrived (a photo part still to come)

    def to_json(self) -> dict[str, Any]:
        """For ``photos list --json``."""
        return {
            "id": self.id,
            "session_id": self.session_id,
            "sha256": self.sha256,
            "caption": self.caption,
            "taken_at": self.taken_at,
            "position": self.position,
            "keep_location": self.keep_location,
            "width": self.width,
            "height": self.height,
            "bytes": self.byte_size,
            "available": self.available,
        }


@dataclass(frozen=True, slots=True)
class Added:
    """The outcome of adding one photo: its record id, and whether it was already there."""

    photo_id: str
    duplicate: bool


def list_photos(store: Store, session_id: str) -> list[PhotoInfo]:
    """The session's visible photos in annex order (position, then time taken)."""
    rows = store.rows(
        f"""SELECT p.*, b.sha256 IS NOT NULL AS available FROM {PHOTOS} p
            LEFT JOIN photo_blobs b ON b.sha256 = p.sha256
            WHERE p.session_id = ? AND p.deleted = 0 AND p.sha256 IS NOT NULL
            ORDER BY p.position, p.taken_at, p.id""",
        (session_id,),
    )
    return [
        PhotoInfo(
            id=row["id"],
            session_id=row["session_id"],
            sha256=row["sha256"],
            caption=row["caption"],
            taken_at=row["taken_at"],
            position=int(row["position"] or 0),
            keep_location=bool(row["keep_location"]),
            width=row["width"],
            height=row["height"],
            byte_size=row["byte_size"],
            available=bool(row["available"]),
        )
        for row in rows
    ]


def photo_data(store: Store, digest: str) -> bytes | None:
    """The JPEG bytes of a photo, or None when they are not here."""
    return blob(store.conn, digest)


def session_must_exist(store: Store, session_id: str) -> None:
    if not store.rows("SELECT 1 FROM sessions WHERE id = ? AND deleted = 0", (session_id,)):
        raise NotFound("Kegiatan tidak ditemukan.")


def add_photo(
    store: Store,
    session_id: str,
    photo: PreparedPhoto,
    *,
    caption: str | None = None,
    keep_location: bool = False,
) -> Added:
    """Store a prepared photo for the session (one transaction).

    The same bytes already in this session are not added again; in another session they get a
    record of their own and share the stored bytes.
    """
    with store.transaction() as conn:
        session_must_exist(store, session_id)
        same = conn.execute(
            f"SELECT id FROM {PHOTOS} WHERE session_id = ? AND sha256 = ? AND deleted = 0",
            (session_id, photo.sha256),
        ).fetchone()
        if same:
            return Added(same[0], duplicate=True)
        store_blob(conn, photo.sha256, photo.data, photo.width, photo.height)
        conn.execute("DELETE FROM erased_photo_blobs WHERE sha256 = ?", (photo.sha256,))
        position = conn.execute(
            f"SELECT coalesce(max(position) + 1, 0) FROM {PHOTOS} "
            "WHERE session_id = ? AND deleted = 0",
            (session_id,),
        ).fetchone()[0]
        values = {
            "session_id": session_id,
            "sha256": photo.sha256,
            "caption": caption,
            "taken_at": photo.taken_at,
            "position": int(position),
            "keep_location": keep_location and photo.has_location,
            "width": photo.width,
            "height": photo.height,
            "byte_size": photo.size,
        }
        [photo_id] = store.write_many([Edit(PHOTOS, values)])
    return Added(photo_id, duplicate=False)


def _photo(store: Store, photo_id: str) -> Photo:
    try:
        return store.get(Photo, photo_id)
    except NotFound:
        raise NotFound("Foto tidak ditemukan.") from None


def set_caption(store: Store, photo_id: str, caption: str | None) -> None:
    """Change a photo's caption (empty clears it)."""
    current = _photo(store, photo_id)
    text = (caption or "").strip() or None
    if text != current.caption:
        store.write(PHOTOS, {"caption": text}, photo_id)


def move_photo(store: Store, photo_id: str, index: int) -> None:
    """Put a photo at ``index`` in its session's order; only positions that change are written."""
    photo = _photo(store, photo_id)
    order = [p.id for p in list_photos(store, photo.session_id)]
    if photo_id not in order:
        raise NotFound("Foto tidak ditemukan.")
    order.remove(photo_id)
    order.insert(max(0, min(index, len(order))), photo_id)
    current = {p.id: p.position for p in list_photos(store, photo.session_id)}
    edits = [
        Edit(PHOTOS, {"position": position}, pid)
        for position, pid in enumerate(order)
        if current[pid] != position
    ]
    if edits:
        store.write_many(edits)


def remove_photo(store: Store, photo_id: str) -> None:
    """Erase a photo: its record blanked here and wherever the erasure travels, its bytes deleted."""
    _photo(store, photo_id)
    store.erase([(PHOTOS, photo_id)])


def erase_session_photos(store: Store, session_id: str) -> int:
    """Erase every photo of a session (deleted ones too); returns how many."""
    ids = [
        r["id"]
        for r in store.rows(
            f"SELECT id FROM {PHOTOS} WHERE session_id = ? AND erased = 0", (session_id,)
        )
    ]
    if ids:
        store.erase([(PHOTOS, pid) for pid in ids])
    return len(ids)


def drop_location(store: Store, photo_id: str) -> None:
    """Remove the GPS position from a photo that kept it: new bytes, new hash, old bytes forgotten.

    A position once removed cannot come back (it was never stored).
    """
    photo = _photo(store, photo_id)
    if not photo.keep_location:
        return
    data = photo_data(store, photo.sha256)
    if data is None:
        raise InvalidInput(
            "Foto ini belum diterima di perangkat ini; lokasinya belum dapat dihapus."
        )
    stripped = strip_location(data)
    digest = sha256_hex(stripped)
    with store.transaction() as conn:
        store_blob(conn, digest, stripped, photo.width or 1, photo.height or 1)
        store.write(
            PHOTOS,
            {"sha256": digest, "keep_location": False, "byte_size": len(stripped)},
            photo_id,
        )
        forget_erased(conn, [photo.sha256])
