"""Import: merge bundle files, each all-or-nothing, with a report per file (bad-inputs rows 1-21)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..store.audit import record_audit
from ..store.backup import backup
from ..store.errors import IntegrityConflict, StoreError
from ..store.store import Store
from .bundle import MAX_BUNDLE_BYTES
from .errors import BundleRejected
from .reader import ParsedBundle, read_bundle

Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class FileReport:
    """The outcome of one file: imported, already-imported, rejected or failed (retry is safe)."""

    file: str
    result: str
    message: str
    bundle_id: str | None = None
    new_records: int = 0
    changed_records: int = 0
    new_versions: int = 0
    conflicts: int = 0
    new_by_table: dict[str, int] = field(default_factory=dict)
    changed_by_table: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    quarantined_as: str | None = None

    def to_json(self) -> dict[str, Any]:
        """For ``import --json``."""
        return asdict(self)


def import_files(
    store: Store,
    files: Sequence[Path],
    *,
    quarantine: Path,
    backups: Path | None,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> list[FileReport]:
    """Import each file in turn; one bad file never stops the others."""
    if backups is not None and store.version_count() > 0:
        backup(store.conn, backups, "sebelum-impor")
    reports = []
    for index, path in enumerate(files):
        if progress:
            progress(index, len(files), path.name)
        reports.append(import_file(store, path, quarantine=quarantine, now=now))
    if progress:
        progress(len(files), len(files), "")
    return reports


def import_file(
    store: Store, path: Path, *, quarantine: Path, now: datetime | None = None
) -> FileReport:
    """Import one bundle file: validate it whole, then merge it in one transaction."""
    try:
        data = _read_local_copy(path)
    except BundleRejected as exc:
        report = FileReport(path.name, "rejected", str(exc.args[0]), problems=exc.problems)
        report.quarantined_as = _quarantine(path, quarantine, exc)
        return report
    return import_bytes(store, path, data, quarantine=quarantine, now=now)


def import_bytes(
    store: Store, path: Path, data: bytes, *, quarantine: Path | None, now: datetime | None = None
) -> FileReport:
    """Import a bundle already read into memory; ``path`` names it in the report and quarantine."""
    now = now or datetime.now(UTC)
    try:
        parsed = read_bundle(data, now)
        return _merge(store, path, parsed, now)
    except BundleRejected as exc:
        report = FileReport(path.name, "rejected", str(exc.args[0]), problems=exc.problems)
        report.quarantined_as = _quarantine(path, quarantine, exc)
        return report
    except IntegrityConflict as exc:
        rejected = BundleRejected("integrity", str(exc))
        report = FileReport(path.name, "rejected", str(exc))
        report.quarantined_as = _quarantine(path, quarantine, rejected)
        return report
    except (StoreError, sqlite3.Error, OSError) as exc:
        return FileReport(
            path.name,
            "failed",
            f"Impor dibatalkan, basis data tidak berubah; aman untuk dicoba lagi ({_reason(exc)}).",
        )


def _reason(exc: BaseException) -> str:
    text = str(exc)
    if "full" in text.lower() or getattr(exc, "errno", None) == 28:
        return "disk penuh"
    if "locked" in text.lower() or "busy" in text.lower():
        return "basis data sedang dipakai"
    return text


def _read_local_copy(path: Path) -> bytes:
    """The whole file in memory: later steps never touch the stick or share again."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BundleRejected("unreadable", f"Berkas tidak dapat dibaca: {exc.strerror}.") from exc
    if size > MAX_BUNDLE_BYTES:
        raise BundleRejected(
            "too-large",
            f"Bundel terlalu besar ({size / 1048576:.0f} MiB); batasnya "
            f"{MAX_BUNDLE_BYTES // 1048576} MiB.",
        )
    return path.read_bytes()


def _merge(store: Store, path: Path, parsed: ParsedBundle, now: datetime) -> FileReport:
    conn = store.conn
    known = conn.execute(
        "SELECT changes_sha256, imported_at FROM imported_bundles WHERE bundle_id = ?",
        (parsed.bundle_id,),
    ).fetchone()
    if known is not None:
        if known[0] != parsed.changes_sha256:
            raise BundleRejected(
                "integrity",
                "Bundel dengan id yang sama sudah diimpor dengan isi berbeda: berkas telah diubah.",
            )
        return FileReport(
            path.name,
            "already-imported",
            f"Sudah diimpor pada {known[1][:10]} — 0 perubahan.",
            bundle_id=parsed.bundle_id,
        )
    with store.transaction():
        result = store.apply_changes(parsed.changes)
        stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
        counts = {"new_versions": result.new_versions, "conflicts": result.conflicts}
        conn.execute(
            "INSERT INTO imported_bundles (bundle_id, changes_sha256, device_id, seq, imported_at, "
            "result, counts) VALUES (?, ?, ?, ?, ?, 'imported', ?)",
            (
                parsed.bundle_id,
                parsed.changes_sha256,
                parsed.device_id,
                parsed.seq,
                stamp,
                json.dumps(counts),
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO clock_flags (hlc, bundle_id, flagged_at) VALUES (?, ?, ?)",
            [(hlc, parsed.bundle_id, stamp) for hlc in parsed.suspect_clocks],
        )
        record_audit(
            conn, "import", hlc=result.max_hlc, detail=json.dumps(counts), source=parsed.bundle_id
        )
    report = FileReport(
        path.name,
        "imported",
        f"Diimpor: {sum(result.new_records.values())} rekaman baru, "
        f"{sum(result.changed_records.values())} rekaman berubah, {result.conflicts} konflik.",
        bundle_id=parsed.bundle_id,
        new_records=sum(result.new_records.values()),
        changed_records=sum(result.changed_records.values()),
        new_versions=result.new_versions,
        conflicts=result.conflicts,
        new_by_table=dict(result.new_records),
        changed_by_table=dict(result.changed_records),
    )
    report.warnings.extend(_warnings(store, parsed))
    return report


def _warnings(store: Store, parsed: ParsedBundle) -> list[str]:
    warnings = []
    if parsed.suspect_clocks:
        warnings.append(
            f"Jam perangkat pengirim mencurigakan ({len(parsed.suspect_clocks)} waktu di luar "
            "kewajaran); data tetap diimpor dan ditandai."
        )
    for missing in missing_seqs(store, parsed.device_id)[:5]:
        warnings.append(f"Bundel nomor {missing} dari perangkat ini belum diterima.")
    waiting = waiting_for_session(store)
    if waiting:
        warnings.append(f"{waiting} tanda hadir menunggu data kegiatannya (belum diterima).")
    if parsed.bidi_fields:
        warnings.append(
            f"{len(parsed.bidi_fields)} isian berisi karakter pengarah teks (bidi); periksa: "
            + ", ".join(parsed.bidi_fields[:5])
        )
    return warnings


def waiting_for_session(store: Store) -> int:
    """Sign-ins whose session has not arrived yet (children may come before parents)."""
    row = store.conn.execute(
        """SELECT count(*) FROM attendance a WHERE a.deleted = 0 AND a.session_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = a.session_id)"""
    ).fetchone()
    return int(row[0])


def missing_seqs(store: Store, device_id: str) -> list[int]:
    """Bundle numbers of a device below its newest imported one that never arrived."""
    seqs = {
        row[0]
        for row in store.conn.execute(
            "SELECT seq FROM imported_bundles WHERE device_id = ?", (device_id,)
        )
    }
    if not seqs:
        return []
    return [n for n in range(1, max(seqs)) if n not in seqs]


def _quarantine(path: Path, folder: Path | None, exc: BundleRejected) -> str | None:
    """Keep a copy of a rejected file with its reason; neutral name (time + content hash)."""
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        if exc.code in ("too-large", "unreadable") or not path.is_file():
            # Too large to keep (or unreadable): only the reason is recorded, the file stays unread.
            target = folder / f"{stamp}-{exc.code}.bundle"
        else:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            target = folder / f"{stamp}-{digest}.bundle"
            shutil.copyfile(path, target)
        target.with_suffix(".alasan.txt").write_text(f"{exc.code}\n{exc}\n", encoding="utf-8")
        return target.name
    except OSError:
        return None
