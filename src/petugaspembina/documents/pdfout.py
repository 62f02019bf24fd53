"""Writing PDFs safely: to a temporary file beside the target, then renamed (bad-inputs row 34)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..core.oserrors import describe_os_error


class OutputError(Exception):
    """The PDF could not be written; the message says why, in Indonesian."""


def check_output(target: Path) -> Path:
    """Refuse an output path before anything is numbered or logged: it must end in .pdf and its
    folder must exist and be writable."""
    if target.suffix.lower() != ".pdf":
        raise OutputError(f"Nama berkas keluaran harus berakhiran .pdf (bukan '{target.name}').")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"Folder tujuan {folder} tidak ada.")
    if target.is_dir():
        raise OutputError(f"{target} adalah folder, bukan berkas.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"Folder tujuan {folder} tidak dapat ditulisi.")
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(f"Berkas {target.name} tidak dapat ditimpa (hanya-baca).")
    return target


def write_pdf(target: Path, render: Callable[[str], object]) -> Path:
    """Call ``render(temp_path)`` then move the result onto ``target``; nothing half-written stays."""
    check_output(target)
    folder = target.parent
    try:
        handle, temp = tempfile.mkstemp(prefix=".pp-", suffix=".pdf", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"Tidak dapat menulis ke folder {folder}: {describe_os_error(exc)}."
        ) from exc
    os.close(handle)
    try:
        render(temp)
        os.replace(temp, target)
    except PermissionError as exc:
        raise OutputError(
            f"Berkas {target.name} tidak dapat ditimpa; tutup dulu jika sedang dibuka di penampil "
            "PDF, lalu coba lagi."
        ) from exc
    except OSError as exc:
        raise OutputError(f"Gagal menulis {target.name}: {describe_os_error(exc)}.") from exc
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return target
