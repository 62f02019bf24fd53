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

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

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


def leave_out_other_offices(parent: QWidget, store: Store, files: list[Path]) -> list[Path] | None:
    """At an office: ask before merging bundles made by another office's officers (naming that
    office); the files to import, or None when the clerk cancelled (docs/clerk.md)."""
    from PySide6.QtCore import QCoreApplication

    from ..profile import OFFICE_ROLE, role_of
    from ..sync.origin import foreign_bundles
    from . import messages

    if role_of(store) != OFFICE_ROLE:
        return files
    foreign = foreign_bundles(store, files)
    if not foreign:
        return files

    lines = [
        QCoreApplication.translate("ImportTask", "• {0}: {1}, petugas {2}").format(
            item.path.name, item.office, item.officer or "-"
        )
        for item in foreign[:8]
    ]
    if len(foreign) > 8:
        lines.append(
            QCoreApplication.translate("ImportTask", "• … dan {0} bundel lain").format(
                len(foreign) - 8
            )
        )
    text = QCoreApplication.translate(
        "ImportTask",
        "{0} bundel dibuat petugas kantor lain, bukan {1}:\n\n{2}\n\nBila digabungkan, "
        "kegiatan dan peserta kantor lain ikut masuk data dan rekap kantor ini. Lewati "
        "bundel itu bila flashdisk tertukar.",
    ).format(len(foreign), store.meta("office") or "-", "\n".join(lines))
    choice = messages.ask_choice(
        parent,
        QCoreApplication.translate("ImportTask", "Bundel dari kantor lain"),
        text,
        [
            ("skip", QCoreApplication.translate("ImportTask", "Lewati bundel kantor lain")),
            ("all", QCoreApplication.translate("ImportTask", "Gabungkan semua")),
            ("cancel", QCoreApplication.translate("ImportTask", "Batal")),
        ],
        "skip",
    )
    if choice == "cancel":
        return None
    if choice == "all":
        return files
    left_out = {item.path for item in foreign}
    return [path for path in files if path not in left_out]
