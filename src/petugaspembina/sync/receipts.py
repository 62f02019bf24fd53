"""Receipts: the office confirms a bundle; the officer's app marks it delivered (sync.md "Receipt")."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..store.store import Store
from .bundle import write_atomically
from .errors import BundleRejected
from .importer import FileReport
from .inputs import BUNDLE_SUFFIX, RECEIPT_PREFIX, UnreadableInput, read_whole, regular_file_size
from .reader import parse_json

RECEIPT_FORMAT = "petugaspembina.receipt"


def receipt_for(report: FileReport, changes_sha256: str) -> dict[str, Any]:
    """The receipt of one imported (or already imported) bundle."""
    return {
        "format": RECEIPT_FORMAT,
        "bundle_id": report.bundle_id,
        "changes_sha256": changes_sha256,
        "result": report.result,
        "counts": {"new_versions": report.new_versions, "conflicts": report.conflicts},
        "imported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def write_receipts(store: Store, reports: list[FileReport], folder: Path) -> list[Path]:
    """One receipt file per imported or already-imported bundle."""
    written = []
    for report in reports:
        if report.result not in ("imported", "already-imported") or not report.bundle_id:
            continue
        row = store.conn.execute(
            "SELECT changes_sha256 FROM imported_bundles WHERE bundle_id = ?", (report.bundle_id,)
        ).fetchone()
        path = folder / f"{RECEIPT_PREFIX}{report.bundle_id}{BUNDLE_SUFFIX}"
        data = json.dumps(receipt_for(report, row[0]), ensure_ascii=False, indent=1)
        write_atomically(path, data.encode("utf-8"))
        written.append(path)
    return written


def read_receipt(store: Store, path: Path) -> str:
    """Mark the export named by a receipt as delivered; returns a message."""
    try:
        doc = parse_json(read_whole(path)) if regular_file_size(path) < 1_000_000 else None
    except UnreadableInput as exc:
        raise BundleRejected(exc.code, str(exc)) from exc
    if not isinstance(doc, dict) or doc.get("format") != RECEIPT_FORMAT:
        raise BundleRejected("not-a-receipt", "Bukan berkas tanda terima Petugas Pembina.")
    with store.transaction() as conn:
        updated = conn.execute(
            "UPDATE exports SET delivered_at = ? WHERE bundle_id = ? AND changes_sha256 = ?",
            (doc.get("imported_at"), doc.get("bundle_id"), doc.get("changes_sha256")),
        ).rowcount
    if not updated:
        raise BundleRejected(
            "unknown-receipt", "Tanda terima ini bukan untuk bundel dari perangkat ini."
        )
    return f"Bundel {doc['bundle_id']} tercatat sudah diterima kantor."
