"""The background work of importing bundle files, shared by the Sinkronisasi tab and Kotak masuk."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..paths import AppPaths
from ..store.store import Store
from .worker import Progress


def import_work(
    db_path: Path, files: Sequence[Path], paths: AppPaths, allow_unsigned: bool = False
) -> Callable[[Progress], list[Any]]:
    """A task for ``run_task``: import ``files`` on the worker's own connection; the reports."""

    def work(progress: Progress) -> list[Any]:
        from ..sync.importer import import_files

        with Store.open(db_path, full_check=False) as store:  # checked at start
            return import_files(
                store,
                list(files),
                quarantine=paths.quarantine,
                backups=paths.backups,
                progress=lambda done, total, name: progress(done, total),
                allow_unsigned=allow_unsigned,
            )

    return work
