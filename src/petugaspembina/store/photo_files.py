"""Adding photo files to a session: a folder stands for the pictures inside it (a camera card's
DCIM folders too); each file is prepared on one of two threads (Pillow works outside the GIL) and
stored in order on the caller's thread, one transaction per photo."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.imaging import MAX_SOURCE_BYTES, PhotoRefused, PreparedPhoto, prepare_photo
from ..core.oserrors import describe_os_error
from .photos import add_photo, session_must_exist
from .store import Store

PICTURE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp"})
MAX_FILES = 1000
WORKERS = 2


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """One file: ``added``, ``duplicate`` (already in this session) or ``refused`` with a reason."""

    file: str
    result: str
    message: str
    photo_id: str | None = None


def picture_files(paths: Sequence[Path]) -> list[Path]:
    """Files as given; a folder stands for the pictures in it and its subfolders, by name."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in PICTURE_SUFFIXES
                    and p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return found[:MAX_FILES]


def _prepare(path: Path, keep_location: bool) -> PreparedPhoto:
    try:
        if not path.exists():
            raise PhotoRefused("Berkas tidak ada.")
        if not path.is_file():
            raise PhotoRefused("Bukan berkas biasa.")
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise PhotoRefused(
                f"Berkas terlalu besar ({size / 1048576:.0f} MB); batasnya "
                f"{MAX_SOURCE_BYTES // 1048576} MB."
            )
        data = path.read_bytes()
        # The laptop's own zone goes with it: shown as WIB/WITA/WIT (or UTC±h), never zoneless.
        modified = datetime.fromtimestamp(path.stat().st_mtime).astimezone().replace(microsecond=0)
    except OSError as exc:
        raise PhotoRefused(describe_os_error(exc)) from exc
    return prepare_photo(data, keep_location=keep_location, fallback_time=modified.isoformat())


def _prepared(
    paths: Sequence[Path], keep_location: bool
) -> Iterator[tuple[Path, PreparedPhoto | PhotoRefused]]:
    """Each file prepared, in the given order, two at a time."""
    pool = ThreadPoolExecutor(WORKERS)
    try:
        futures = [(path, pool.submit(_prepare, path, keep_location)) for path in paths]
        for path, future in futures:
            try:
                result: PreparedPhoto | PhotoRefused = future.result()
            except PhotoRefused as exc:
                result = exc
            except Exception as exc:
                result = PhotoRefused(f"Berkas gambar tidak dapat dibaca ({type(exc).__name__}).")
            yield path, result
    finally:  # cancelled or failed: files not started are never read
        pool.shutdown(wait=True, cancel_futures=True)


def add_photo_files(
    store: Store,
    session_id: str,
    paths: Sequence[Path],
    *,
    caption: str | None = None,
    keep_location: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[FileOutcome]:
    """Prepare and store each picture; a refused file never stops the others."""
    session_must_exist(store, session_id)
    files = picture_files(paths)
    outcomes: list[FileOutcome] = []
    if progress:
        progress(0, len(files))
    for done, (path, prepared) in enumerate(_prepared(files, keep_location), start=1):
        if isinstance(prepared, PhotoRefused):
            outcomes.append(FileOutcome(path.name, "refused", str(prepared)))
        else:
            added = add_photo(
                store, session_id, prepared, caption=caption, keep_location=keep_location
            )
            if added.duplicate:
                outcomes.append(
                    FileOutcome(
                        path.name,
                        "duplicate",
                        "Foto ini sudah ada di kegiatan ini.",
                        added.photo_id,
                    )
                )
            else:
                outcomes.append(FileOutcome(path.name, "added", "Ditambahkan.", added.photo_id))
        if progress:
            progress(done, len(files))
    return outcomes
