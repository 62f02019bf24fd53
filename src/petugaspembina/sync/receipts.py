"""Receipts: the office confirms a bundle; the officer's app marks it delivered (sync.md "Receipt")."""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature

from ..core.changes import canonical_json
from ..core.ids import is_record_id
from ..store.store import Store
from .bundle import write_atomically
from .errors import BundleRejected
from .importer import FileReport
from .inputs import BUNDLE_SUFFIX, RECEIPT_PREFIX, UnreadableInput, read_whole, regular_file_size
from .reader import parse_json
from .trust import EnrolledOffice, enrolled_office, office_keys

RECEIPT_FORMAT = "petugaspembina.receipt"
_SHA256_RE = re.compile(r"[0-9a-f]{64}", re.ASCII)
_STAMP_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z", re.ASCII)


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
        path = folder / f"{RECEIPT_PREFIX}{report.bundle_id}{BUNDLE_SUFFIX}"
        doc = signed_receipt(store, report, imported_digest(store, report.bundle_id))
        data = json.dumps(doc, ensure_ascii=False, indent=1)
        write_atomically(path, data.encode("utf-8"))
        written.append(path)
    return written


def imported_digest(store: Store, bundle_id: str) -> str:
    """The checksum a receipt names: a bundle's changes, or a photo part's list of photos."""
    row = store.conn.execute(
        "SELECT changes_sha256 FROM imported_bundles WHERE bundle_id = ? UNION ALL "
        "SELECT photos_sha256 FROM imported_photo_parts WHERE part_id = ?",
        (bundle_id, bundle_id),
    ).fetchone()
    return str(row[0])


def signed_receipt(store: Store, report: FileReport, changes_sha256: str) -> dict[str, Any]:
    """``receipt_for``, signed by the office when this database has office keys."""
    doc = receipt_for(report, changes_sha256)
    keys = office_keys(store)
    if keys is not None:  # signed by the office, checked by the officer's app
        doc["kid"] = keys.kid
        doc["signature"] = base64.b64encode(keys.signing.sign(_receipt_message(doc))).decode()
    return doc


def receipt_problems(doc: dict[str, Any]) -> list[str]:
    """What is wrong with the fields of a receipt (types checked before any SQL sees them)."""
    problems = []
    if not is_record_id(doc.get("bundle_id")):
        problems.append("bundle_id harus UUID huruf kecil.")
    digest = doc.get("changes_sha256")
    if not isinstance(digest, str) or not _SHA256_RE.fullmatch(digest):
        problems.append("changes_sha256 harus 64 digit heksadesimal.")
    stamp = doc.get("imported_at")
    if not isinstance(stamp, str) or not _STAMP_RE.fullmatch(stamp):
        problems.append("imported_at harus waktu UTC YYYY-MM-DDTHH:MM:SSZ.")
    return problems


_RECEIPT_CONTEXT = b"petugaspembina.receipt/1\n"
_SIGNED_KEYS = ("format", "bundle_id", "changes_sha256", "result", "counts", "imported_at", "kid")


def _receipt_message(doc: dict[str, Any]) -> bytes:
    signed = {key: doc.get(key) for key in _SIGNED_KEYS}
    return _RECEIPT_CONTEXT + canonical_json(signed).encode("utf-8")


def _check_signature(doc: dict[str, Any], office: EnrolledOffice) -> None:
    """With an enrolled office a receipt counts only when that office signed it."""
    signature = doc.get("signature")
    if doc.get("kid") != office.kid or not isinstance(signature, str):
        raise BundleRejected(
            "unsigned-receipt", "Tanda terima tidak ditandatangani kantor yang terdaftar."
        )
    try:
        office.signing_key.verify(base64.b64decode(signature, validate=True), _receipt_message(doc))
    except (InvalidSignature, binascii.Error, ValueError) as exc:
        raise BundleRejected(
            "bad-signature", "Tanda tangan tanda terima tidak cocok dengan kunci kantor."
        ) from exc


def read_receipt(store: Store, path: Path) -> str:
    """Mark the export named by a receipt as delivered; returns a message."""
    try:
        data = read_whole(path) if regular_file_size(path) < 1_000_000 else b""
    except UnreadableInput as exc:
        raise BundleRejected(exc.code, str(exc)) from exc
    try:
        doc = parse_json(data)
    except BundleRejected:
        doc = None
    return accept_receipt(store, doc)


def accept_receipt(store: Store, doc: Any) -> str:
    """Check a parsed receipt and mark its export delivered (and its outbox rows confirmed)."""
    if not isinstance(doc, dict) or doc.get("format") != RECEIPT_FORMAT:
        raise BundleRejected("not-a-receipt", "Bukan berkas tanda terima Petugas Pembina.")
    problems = receipt_problems(doc)
    if problems:
        raise BundleRejected("invalid", "Tanda terima tidak sah:", problems)
    office = enrolled_office(store)
    if office is not None:
        _check_signature(doc, office)
    with store.transaction() as conn:
        updated = conn.execute(
            "UPDATE exports SET delivered_at = ? WHERE bundle_id = ? AND changes_sha256 = ?",
            (doc.get("imported_at"), doc.get("bundle_id"), doc.get("changes_sha256")),
        ).rowcount
        if not updated:  # a photo part: its photos are never sent to that office again
            updated = conn.execute(
                "UPDATE photo_parts_sent SET delivered_at = ? WHERE part_id = ? "
                "AND photos_sha256 = ?",
                (doc.get("imported_at"), doc.get("bundle_id"), doc.get("changes_sha256")),
            ).rowcount
        if updated:  # one receipt confirms the bundle or part whichever way it travelled
            conn.execute(
                "UPDATE outbox SET status = 'confirmed', confirmed_at = ?, last_error = NULL "
                "WHERE bundle_id = ?",
                (doc.get("imported_at"), doc.get("bundle_id")),
            )
    if not updated:
        raise BundleRejected(
            "unknown-receipt", "Tanda terima ini bukan untuk bundel dari perangkat ini."
        )
    return f"Bundel {doc['bundle_id']} tercatat sudah diterima kantor."
