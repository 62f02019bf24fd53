"""Receipts that travel on a stick: the office writes them beside the bundles it imported, the
officer's app reads them back from the folders it exported to (docs/sync.md "Receipts on a
stick")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.oserrors import describe_os_error
from ..store.store import Store
from .errors import BundleRejected
from .importer import FileReport
from .inputs import BUNDLE_SUFFIX, RECEIPT_PREFIX
from .outbox import NETWORK, entries
from .receipts import read_receipt, write_receipts
from .trust import office_keys


@dataclass(frozen=True, slots=True)
class ReceiptsWritten:
    """What writing receipts beside imported bundles did. ``signed`` False: this database has
    no office keys, so nothing was written (an officer's app accepts only its office's
    signature)."""

    signed: bool
    written: int = 0
    folders: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def write_receipts_beside(
    store: Store, files: Sequence[Path], reports: Sequence[FileReport]
) -> ReceiptsWritten:
    """A signed receipt for each imported bundle, in the folder its file came from.

    ``reports`` are ``import_files``'s, one per file in the same order. A folder that cannot be
    written (a read-only stick) gets its own error; the others are still written."""
    if office_keys(store) is None:
        return ReceiptsWritten(signed=False)
    by_folder: dict[Path, list[FileReport]] = {}
    for path, report in zip(files, reports, strict=True):
        by_folder.setdefault(path.parent, []).append(report)
    written, folders, errors = 0, [], []
    for folder, folder_reports in by_folder.items():
        try:
            made = write_receipts(store, folder_reports, folder)
        except OSError as exc:
            errors.append(
                f"Tanda terima tidak dapat ditulis ke {folder}: {describe_os_error(exc)}."
            )
            continue
        if made:
            written += len(made)
            folders.append(folder)
    return ReceiptsWritten(True, written, folders, errors)


@dataclass(frozen=True, slots=True)
class ReceiptsRead:
    """What looking for receipts in the export folders found."""

    confirmed: int
    problems: list[str]


def receipt_path(folder: Path, bundle_id: str) -> Path:
    """Where the office writes the receipt of ``bundle_id`` in ``folder``."""
    return folder / f"{RECEIPT_PREFIX}{bundle_id}{BUNDLE_SUFFIX}"


def read_folder_receipts(store: Store, extra: Path | None = None) -> ReceiptsRead:
    """Confirm unconfirmed bundles whose receipt lies in a folder they were exported to (or in
    ``extra``, a folder just chosen: the same stick may be mounted elsewhere now).

    Each receipt is checked like ``petugaspembina receipt`` does (the enrolled office's
    signature); a bad one is reported and its bundle stays unconfirmed."""
    waiting = [e for e in entries(store) if e.status != "confirmed"]
    folders = {Path(e.destination) for e in waiting if e.destination != NETWORK}
    if extra is not None:
        folders.add(extra)
    confirmed, problems = set(), []
    for bundle_id in dict.fromkeys(e.bundle_id for e in waiting):
        for folder in sorted(folders):
            path = receipt_path(folder, bundle_id)
            try:
                if not path.is_file():
                    continue
            except OSError:  # a stick pulled out while looking
                continue
            try:
                read_receipt(store, path)
            except BundleRejected as exc:
                problems.append(f"{path.name}: {exc}")
                continue
            confirmed.add(bundle_id)
            break
    return ReceiptsRead(len(confirmed), problems)
