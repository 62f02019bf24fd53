"""Start-up safety: the full database check in the background, and restoring from a backup
when a database is damaged (bad-inputs row 35) — the damaged file is kept, never overwritten."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..core.display import short_date
from ..store.backup import backup, list_backups, newest_good_backup, restore
from ..store.db import quick_check
from ..store.errors import StoreError
from ..store.store import Store
from . import messages
from .worker import Progress, run_task


def offer_backup(parent: QWidget | None, database: Path, backups: Path, reason: str) -> bool:
    """Say what is wrong and offer the newest good backup; True when one was put in place."""
    found = newest_good_backup(backups)
    if found is None:
        messages.warn(
            parent,
            "Basis data rusak",
            f"{reason}\n\nTidak ada cadangan yang baik. "
            "Berkas tidak diubah; hubungi petugas TI kantor.",
        )
        return False
    local = found.taken_at.astimezone()  # the laptop's own zone: a backup is a local event
    when = f"{short_date(local.date())} {local:%H:%M}"
    question = (
        f"{reason}\n\nPulihkan dari cadangan terbaru ({when})? Berkas yang rusak "
        "disimpan dengan nama lain, tidak ditimpa."
    )
    if not messages.confirm(parent, "Basis data rusak", question):
        return False
    try:
        kept = restore(found.path, database)
    except StoreError as exc:
        messages.warn(parent, "Basis data rusak", str(exc))
        return False
    messages.inform(
        parent,
        "Basis data dipulihkan",
        f"Cadangan {when} dipulihkan. Berkas rusak disimpan sebagai "
        f"{kept.name if kept else '-'}. Buka ulang aplikasi.",
    )
    return True


def check_in_background(
    parent: QWidget, database: Path, backups: Path, on_damaged: Callable[[str], None]
) -> None:
    """Run ``quick_check`` on a worker, then the daily backup when the newest is a day old;
    ``on_damaged(result)`` runs on the GUI thread when the check fails."""

    def work(progress: Progress) -> str:
        result = quick_check(database)
        if result == "ok":
            newest = list_backups(backups)
            if not newest or datetime.now(UTC) - newest[0].taken_at > timedelta(days=1):
                with Store.open(database, full_check=False) as store:
                    backup(store.conn, backups, "harian")
        return result

    def done(result: str) -> None:
        if result != "ok":
            on_damaged(result)

    run_task(parent, "Memeriksa basis data…", work, done, on_damaged, quiet=True)
