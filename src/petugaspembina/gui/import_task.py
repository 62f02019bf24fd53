"""The background work of importing bundle files, shared by the Sinkronisasi tab and Kotak masuk:
the import, then (at an office with keys) a signed receipt beside each imported bundle."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import AppPaths
from ..store.store import Store
from .worker import Progress

if TYPE_CHECKING:  # loaded by the worker only: it pulls in the cryptography package (P1)
    from ..sync.folder_receipts import ReceiptsWritten


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """The reports, one per file, and what writing the receipts did (``sync.folder_receipts``)."""

    reports: list[Any]
    receipts: ReceiptsWritten


def import_work(
    db_path: Path, files: Sequence[Path], paths: AppPaths, allow_unsigned: bool = False
) -> Callable[[Progress], ImportOutcome]:
    """A task for ``run_task``: import ``files`` on the worker's own connection, then write the
    receipts into the folders the bundles came from."""

    def work(progress: Progress) -> ImportOutcome:
        from ..sync.folder_receipts import write_receipts_beside
        from ..sync.importer import import_files

        with Store.open(db_path, full_check=False) as store:  # checked at start
            reports = import_files(
                store,
                list(files),
                quarantine=paths.quarantine,
                backups=paths.backups,
                progress=lambda done, total, name: progress(done, total),
                allow_unsigned=allow_unsigned,
            )
            return ImportOutcome(reports, write_receipts_beside(store, list(files), reports))

    return work


def receipts_text(receipts: ReceiptsWritten) -> str:
    """The result line about the receipts an import wrote (or why none were written)."""
    from PySide6.QtCore import QCoreApplication

    if not receipts.signed:
        return QCoreApplication.translate(
            "ImportTask",
            "Tanda terima tidak ditulis: kantor ini belum punya kunci kantor (Perangkat dan "
            "kunci…), jadi laptop petugas tidak dapat memeriksanya.",
        )
    lines = []
    if receipts.written:
        lines.append(
            QCoreApplication.translate(
                "ImportTask",
                "{0} tanda terima bertanda tangan kantor ditulis ke {1}; petugas membawa "
                "flashdisk itu kembali agar bundelnya tercatat diterima.",
            ).format(receipts.written, ", ".join(str(f) for f in receipts.folders))
        )
    lines.extend(receipts.errors)
    return "\n".join(lines)
