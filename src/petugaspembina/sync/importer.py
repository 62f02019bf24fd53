"""Import: merge bundle files, each all-or-nothing, with a report per file (bad-inputs rows 1-21)."""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature

from ..core.changes import Change
from ..core.collector import collections_paused
from ..core.display import short_date
from ..core.oserrors import describe_os_error
from ..core.private_files import private_folder, write_private_text
from ..store import deferred_indexes, vault
from ..store.audit import record_audit
from ..store.backup import backup_before_import
from ..store.db import checkpoint_truncate
from ..store.errors import IntegrityConflict, StoreError
from ..store.quarantine import read_quarantined as open_quarantined
from ..store.quarantine import write_quarantined
from ..store.sqlite import sqlite3
from ..store.store import Store
from .authorise import authorise
from .bundle import MAX_BUNDLE_BYTES, OFFICE_SIGN_CONTEXT
from .errors import BundleRejected
from .inputs import (
    BUNDLE_SUFFIX,
    UnreadableInput,
    read_whole,
    regular_file_size,
    side_file_note,
)
from .photo_parts import import_part, read_photo_part
from .reader import ParsedBundle, check_changes, parse_json, read_header
from .sealed import Opened, is_sealed, open_sealed
from .trust import enrolled_office, office_keys, relay_office_key

Progress = Callable[[int, int, str], None]

# Rejections of files that were never read: nothing to keep in quarantine.
UNREAD = frozenset({"too-large", "missing", "folder", "not-a-file", "unreadable"})


@dataclass(slots=True)
class FileReport:
    """The outcome of one file: imported, already-imported, skipped (a key file or receipt on
    the same stick, not a bundle), rejected or failed (retry is safe)."""

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
    kind: str = "bundle"  # or "photos": a photo part (docs/sync.md "Photos")

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
    allow_unsigned: bool = False,
) -> list[FileReport]:
    """Import each file in turn; one bad file never stops the others.

    When the backup before the import fails (disk full…), nothing is imported: every file gets a
    "failed" report saying why, and retrying later is safe.
    """
    if backups is not None and store.version_count() > 0:
        try:
            backup_before_import(store.conn, backups)
        except (StoreError, sqlite3.Error, OSError) as exc:
            message = (
                "Impor dibatalkan: cadangan sebelum impor gagal dibuat "
                f"({_reason(exc)}); basis data tidak berubah, aman untuk dicoba lagi."
            )
            return [FileReport(path.name, "failed", message) for path in files]
    # A large import into a small database sets the record tables' secondary indexes aside and
    # builds them once at the end, after an error too (store/deferred_indexes.py).
    bulk = deferred_indexes.worth_setting_aside(store.conn, _total_bytes(files))
    if bulk:
        try:
            deferred_indexes.set_aside(store.conn)
        except (StoreError, sqlite3.Error):  # busy: each file then gets its own report
            bulk = False
    erased_before = _erased_count(store)
    try:
        reports = _import_each(store, files, quarantine, now, progress, allow_unsigned, bulk)
    finally:
        if bulk:
            _build_indexes(store)
    if _erased_count(store) > erased_before:
        _clean_after_erasures(store, backups, quarantine)
    if progress:
        progress(len(files) + bulk, len(files) + bulk, "")
    return reports


def _import_each(
    store: Store,
    files: Sequence[Path],
    quarantine: Path,
    now: datetime | None,
    progress: Progress | None,
    allow_unsigned: bool,
    bulk: bool,
) -> list[FileReport]:
    """Import each file in turn (``bulk``: one step more follows, building the indexes)."""
    reports = []
    erased = _erased_count(store)
    missing = MissingSessions()
    for index, path in enumerate(files):
        if progress:
            progress(index, len(files) + bulk, path.name)
        report = import_file(
            store,
            path,
            quarantine=quarantine,
            now=now,
            allow_unsigned=allow_unsigned,
            missing=missing,
        )
        now_erased = _erased_count(store)
        if now_erased > erased:
            report.warnings.append(ERASURE_WARNING)
        erased = now_erased
        reports.append(report)
    if progress and bulk:  # the indexes take seconds at office scale: the bar shows the step
        progress(len(files), len(files) + 1, "")
    return reports


def _total_bytes(files: Sequence[Path]) -> int:
    total = 0
    for path in files:
        with contextlib.suppress(OSError):  # an unreadable file gets its own report later
            total += path.stat().st_size
    return total


def _build_indexes(store: Store) -> None:
    """Build the indexes a bulk import set aside; on failure (disk full…) they stay noted and
    ``Store.open`` builds them at the next start."""
    with contextlib.suppress(sqlite3.Error, StoreError):
        deferred_indexes.build_again(store.conn)


ERASURE_WARNING = (
    "Bundel ini membawa penghapusan data pribadi (UU PDP): cadangan lama diganti dengan cadangan "
    "baru dan bundel karantina yang memuatnya dihapus."
)


def _erased_count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM erased").fetchone()[0])


def _clean_after_erasures(store: Store, backups: Path | None, quarantine: Path) -> None:
    """An import brought erasures: leave nothing of those records in the file, the backups made
    before, or the quarantine (searched by record id: a bundle names every record it holds)."""
    from ..store.erasure import PersonTraces, scrub_file
    from .quarantine import clean_after_erasure

    scrub_file(store)
    ids = tuple(str(r["rid"]) for r in store.rows("SELECT rid FROM erased"))
    purge, cleared = clean_after_erasure(store, backups, quarantine, PersonTraces(ids, ()))
    with store.transaction():
        record_audit(
            store.conn,
            "erase-files",
            detail=f"cadangan_dihapus:{purge.removed if purge else 0},"
            f"karantina_dihapus:{cleared.removed if cleared else 0}",
        )
    checkpoint_truncate(store.conn)


def import_file(
    store: Store,
    path: Path,
    *,
    quarantine: Path,
    now: datetime | None = None,
    allow_unsigned: bool = False,
    missing: MissingSessions | None = None,
) -> FileReport:
    """Import one bundle file: validate it whole, then merge it in one transaction.

    ``missing``: carried from one file to the next by ``import_files`` (see MissingSessions)."""
    try:
        data = _read_local_copy(path)
    except BundleRejected as exc:
        report = FileReport(path.name, "rejected", str(exc.args[0]), problems=exc.problems)
        report.quarantined_as = _quarantine(store, path, quarantine, exc)
        return report
    note = side_file_note(data)
    if note is not None:  # a key file or receipt on the same stick: not refused, not quarantined
        return FileReport(path.name, "skipped", note)
    return import_bytes(
        store,
        path,
        data,
        quarantine=quarantine,
        now=now,
        allow_unsigned=allow_unsigned,
        missing=missing,
    )


UNSIGNED_WARNING = "Bundel tidak bertanda tangan: pengirimnya tidak dapat dipastikan."


def import_bytes(
    store: Store,
    path: Path,
    data: bytes,
    *,
    quarantine: Path | None,
    now: datetime | None = None,
    allow_unsigned: bool = False,
    missing: MissingSessions | None = None,
) -> FileReport:
    """Import a bundle already read into memory; ``path`` names it in the report and quarantine.

    At an office with keys only sealed bundles from enrolled, unrevoked devices are taken (plain
    ones too when ``allow_unsigned``), and every bundle passes the authorisation rules.
    """
    with collections_paused():  # see core/collector.py; the part's objects die inside
        return _import_bytes(store, path, data, quarantine, now, allow_unsigned, missing)


def _import_bytes(
    store: Store,
    path: Path,
    data: bytes,
    quarantine: Path | None,
    now: datetime | None,
    allow_unsigned: bool,
    missing: MissingSessions | None,
) -> FileReport:
    now = now or datetime.now(UTC)
    try:
        plain, opened = _unseal(store, data)
        if _PHOTOS_MARK in plain[:200]:
            return _import_photos(store, path, plain, opened, now, allow_unsigned)
        parsed, signer = _read_trusted(store, plain, opened, now, allow_unsigned)
        report = _merge(store, path, parsed, now, missing)
        if signer is None:
            report.warnings.insert(0, UNSIGNED_WARNING)
        elif report.result == "imported":
            report.message += f" Bertanda tangan {signer}."
        return report
    except BundleRejected as exc:
        report = FileReport(path.name, "rejected", str(exc.args[0]), problems=exc.problems)
        report.quarantined_as = _quarantine(store, path, quarantine, exc)
        return report
    except IntegrityConflict as exc:
        rejected = BundleRejected("integrity", str(exc))
        report = FileReport(path.name, "rejected", str(exc))
        report.quarantined_as = _quarantine(store, path, quarantine, rejected)
        return report
    except (StoreError, sqlite3.Error, OSError) as exc:
        return FileReport(
            path.name,
            "failed",
            f"Impor dibatalkan, basis data tidak berubah; aman untuk dicoba lagi ({_reason(exc)}).",
        )


def _unseal(store: Store, data: bytes) -> tuple[bytes, Opened | None]:
    """The plain bytes of a file, opened first when it is sealed (None: it was not)."""
    if _SEALED_MARK not in data[:200]:
        return data, None
    doc = parse_json(data)
    if not is_sealed(doc):
        raise BundleRejected("not-a-bundle", "Bukan berkas bundel Petugas Pembina.")
    opened = open_sealed(store, doc)
    return opened.plain, opened


def _refuse_unsigned_here(store: Store, allow_unsigned: bool) -> None:
    if office_keys(store) is not None and not allow_unsigned:
        raise BundleRejected(
            "unsigned",
            "Bundel tidak bertanda tangan: kantor ini hanya menerima bundel tersegel dari "
            'perangkat terdaftar (untuk menerimanya sekali ini: centang "Terima bundel tanpa '
            'tanda tangan" di tab Sinkronisasi, atau --allow-unsigned).',
        )


def _read_trusted(
    store: Store, plain: bytes, opened: Opened | None, now: datetime, allow_unsigned: bool
) -> tuple[ParsedBundle, str | None]:
    """The checked bundle and the enrolled device that signed it (None: not signed).

    A bundle already imported (same id, same checksum) is returned after the checks of its header
    and signature, with its changes unchecked: merging it changes nothing (P5).
    """
    keys = office_keys(store)
    relay = False
    if opened is not None:
        parsed = read_header(plain)
        if (parsed.bundle_id, parsed.device_id, parsed.seq) != (
            opened.bundle_id,
            opened.device_id,
            opened.seq,
        ):
            raise BundleRejected(
                "damaged", "Isi bundel tersegel tidak sesuai amplopnya (telah diubah)."
            )
        signer: str | None = f"perangkat terdaftar {opened.device_id[:8]}"
    else:
        parsed = read_header(plain)
        signer = _office_signer(store, parsed)
        relay = keys is not None and signer is not None
        if signer is None:
            _refuse_unsigned_here(store, allow_unsigned)
    if _imported_checksum(store, parsed.bundle_id) == parsed.changes_sha256:
        return parsed, signer
    check_changes(parsed, now)
    if keys is not None and parsed.device_id != store.device_id:
        authorise(store, parsed.changes, parsed.device_id, relay=relay)
    return parsed, signer


def _imported_checksum(store: Store, bundle_id: str) -> str | None:
    """The changes checksum recorded when ``bundle_id`` was imported here, None if it never was."""
    row = store.conn.execute(
        "SELECT changes_sha256 FROM imported_bundles WHERE bundle_id = ?", (bundle_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def _import_photos(
    store: Store,
    path: Path,
    plain: bytes,
    opened: Opened | None,
    now: datetime,
    allow_unsigned: bool,
) -> FileReport:
    """A photo part (docs/sync.md "Photos"): the good photos kept, the bad ones listed."""
    parsed = read_photo_part(plain)
    if opened is not None:
        if (parsed.part_id, parsed.device_id, parsed.seq) != (
            opened.bundle_id,
            opened.device_id,
            opened.seq,
        ):
            raise BundleRejected(
                "damaged", "Isi berkas foto tersegel tidak sesuai amplopnya (telah diubah)."
            )
    else:
        _refuse_unsigned_here(store, allow_unsigned)
    outcome = import_part(store, parsed, now)
    if outcome.already_imported_on is not None:
        return FileReport(
            path.name,
            "already-imported",
            f"Sudah diimpor pada {short_date(outcome.already_imported_on)} — 0 perubahan.",
            bundle_id=parsed.part_id,
            kind="photos",
        )
    message = (
        f"Foto diterima: {outcome.stored} disimpan, {outcome.present} sudah ada"
        + (f", {outcome.erased} sudah dihapus permanen (tidak disimpan)" if outcome.erased else "")
        + (f", {outcome.refused} ditolak" if outcome.refused else "")
        + "."
    )
    report = FileReport(
        path.name,
        "imported",
        message,
        bundle_id=parsed.part_id,
        problems=parsed.problems,
        kind="photos",
    )
    if opened is None:
        report.warnings.append(UNSIGNED_WARNING)
    else:
        report.message += f" Bertanda tangan perangkat terdaftar {opened.device_id[:8]}."
    if parsed.problems:
        report.warnings.append(
            f"{outcome.refused} foto ditolak (alasannya di bawah); data kegiatan tetap diimpor."
        )
    return report


def _office_signer(store: Store, parsed: ParsedBundle) -> str | None:
    """ "kantor terdaftar <kid>" when an office enrolled here signed this plain bundle, else None.

    On an officer's device that is the enrolled office; at an office, an office enrolled as a
    relay. A signature by such an office that does not verify refuses the bundle; a signature by
    any other office key counts as no signature (this database cannot check it).
    """
    signature = parsed.signature
    if signature is None:
        return None
    if office_keys(store) is not None:
        key = relay_office_key(store, signature["kid"])
    else:
        office = enrolled_office(store)
        key = office.signing_key if office is not None and office.kid == signature["kid"] else None
    if key is None:
        return None
    try:
        key.verify(
            base64.b64decode(signature["sig"], validate=True),
            OFFICE_SIGN_CONTEXT + str(parsed.header_sha256).encode(),
        )
    except (InvalidSignature, binascii.Error, ValueError) as exc:
        raise BundleRejected(
            "bad-signature", "Tanda tangan kantor pada bundel ini tidak cocok (telah diubah)."
        ) from exc
    return f"kantor terdaftar {signature['kid']}"


_SEALED_MARK = b'"petugaspembina.sealed-bundle"'
_PHOTOS_MARK = b'"petugaspembina.photos"'


def _reason(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    if "full" in text.lower():
        return "disk penuh"
    if "locked" in text.lower() or "busy" in text.lower():
        return "basis data sedang dipakai"
    return text


def _read_local_copy(path: Path) -> bytes:
    """The whole file in memory: later steps never touch the stick or share again."""
    try:
        size = regular_file_size(path)
        if size > MAX_BUNDLE_BYTES:
            raise BundleRejected(
                "too-large",
                f"Bundel terlalu besar ({size / 1048576:.0f} MiB); batasnya "
                f"{MAX_BUNDLE_BYTES // 1048576} MiB.",
            )
        return read_whole(path)
    except UnreadableInput as exc:
        if exc.code == "folder":  # folders given to import were opened; this one held no bundle
            message = f"Folder ini tidak berisi berkas bundel ({BUNDLE_SUFFIX})."
            raise BundleRejected(exc.code, message) from exc
        raise BundleRejected(exc.code, str(exc)) from exc


def _merge(
    store: Store,
    path: Path,
    parsed: ParsedBundle,
    now: datetime,
    missing: MissingSessions | None = None,
) -> FileReport:
    conn = store.conn
    with store.transaction():
        # Looked up inside the write transaction: a second process importing the same bundle at
        # the same time waits here, then finds it already imported.
        known = conn.execute(
            "SELECT changes_sha256, imported_at FROM imported_bundles WHERE bundle_id = ?",
            (parsed.bundle_id,),
        ).fetchone()
        if known is None and not parsed.checked:
            # Found imported before the transaction, gone now (a backup restored meanwhile):
            # its changes were never checked, so nothing is merged; a retry checks them.
            raise StoreError("bundel berubah status selama impor")
        if known is not None:
            if known[0] != parsed.changes_sha256:
                raise BundleRejected(
                    "integrity",
                    "Bundel dengan id yang sama sudah diimpor dengan isi berbeda: "
                    "berkas telah diubah.",
                )
            return FileReport(
                path.name,
                "already-imported",
                f"Sudah diimpor pada {short_date(known[1][:10])} — 0 perubahan.",
                bundle_id=parsed.bundle_id,
            )
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
    report.warnings.extend(_warnings(store, parsed, missing))
    return report


def _warnings(
    store: Store, parsed: ParsedBundle, missing: MissingSessions | None = None
) -> list[str]:
    warnings = []
    if parsed.suspect_clocks:
        warnings.append(
            f"Jam perangkat pengirim mencurigakan ({len(parsed.suspect_clocks)} waktu di luar "
            "kewajaran); data tetap diimpor dan ditandai."
        )
    if not parsed.header_bound:
        warnings.append(
            "Bundel versi lama: kepala bundel tidak dilindungi checksum (ekspor ulang dianjurkan)."
        )
    for first, last in missing_seqs(store, parsed.device_id)[:5]:
        numbers = str(first) if first == last else f"{first}–{last}"
        warnings.append(f"Bundel nomor {numbers} dari perangkat ini belum diterima.")
    waiting = waiting_for_session(store, missing, parsed.changes)
    if waiting:
        warnings.append(f"{waiting} tanda hadir menunggu data kegiatannya (belum diterima).")
    if parsed.bidi_fields:
        warnings.append(
            f"{len(parsed.bidi_fields)} isian berisi karakter pengarah teks (bidi); periksa: "
            + ", ".join(parsed.bidi_fields[:5])
        )
    return warnings


@dataclass(slots=True)
class MissingSessions:
    """The session ids that sign-ins name and that have not arrived, kept from one part of an
    import to the next: a part then looks only at the sign-ins it brought and at these, instead
    of every sign-in in the database (a count per part that grew with the database, P6).

    Sessions are never removed, so a part can only add missing ids through its own sign-ins.
    Another program importing into the same file between two parts is not seen until the next
    import starts from a full count."""

    ids: set[str] | None = None


def waiting_for_session(
    store: Store, missing: MissingSessions | None = None, changes: Sequence[Change] = ()
) -> int:
    """Sign-ins whose session has not arrived yet (children may come before parents).

    With ``missing`` from the previous part of the same import, only the sign-ins of ``changes``
    (this part's) and the sessions missing before are looked at."""
    conn = store.conn
    if missing is None or missing.ids is None:
        ids = {
            row[0]
            for row in conn.execute(
                """SELECT DISTINCT a.session_id FROM attendance a WHERE a.session_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = a.session_id)"""
            )
        }
    else:
        signins = sorted({c.id for c in changes if c.table == "attendance"})
        ids = {
            row[0]
            for row in conn.execute(
                """SELECT DISTINCT a.session_id FROM json_each(?) j
                   CROSS JOIN attendance a ON a.id = j.value WHERE a.session_id IS NOT NULL""",
                (json.dumps(signins),),
            )
        }
        ids = {
            sid
            for sid in ids | missing.ids
            if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (sid,)).fetchone() is None
        }
    if missing is not None:
        missing.ids = ids
    if not ids:
        return 0
    row = conn.execute(
        """SELECT count(*) FROM json_each(?) j CROSS JOIN attendance a
           ON a.session_id = j.value WHERE a.deleted = 0""",
        (json.dumps(sorted(ids)),),
    ).fetchone()
    return int(row[0])


def missing_seqs(store: Store, device_id: str) -> list[tuple[int, int]]:
    """Ranges (first, last) of a device's bundle numbers below its newest imported one that never
    arrived; computed in SQL from the numbers present, so a huge number costs nothing."""
    rows = store.conn.execute(
        """SELECT seq + 1, next - 1 FROM (
               SELECT seq, lead(seq) OVER (ORDER BY seq) AS next
               FROM (SELECT 0 AS seq UNION SELECT seq FROM imported_bundles WHERE device_id = ?))
           WHERE next > seq + 1 ORDER BY seq""",
        (device_id,),
    )
    return [(int(first), int(last)) for first, last in rows]


def _quarantine(store: Store, path: Path, folder: Path | None, exc: BundleRejected) -> str | None:
    """Keep a copy of a rejected file with its reason; neutral name (time + content hash); the copy
    is sealed under the database key (``store/quarantine.py``)."""
    if folder is None:
        return None
    try:
        private_folder(folder)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        if exc.code in UNREAD:
            # Never read (too large, missing, a folder, a FIFO): no copy to keep or claim; a file
            # that exists but could not be taken gets a note of the reason.
            if exc.code in ("too-large", "unreadable"):
                note = folder / f"{stamp}-{exc.code}.alasan.txt"
                write_private_text(note, f"{exc.code}\n{exc}\n")
            return None
        data = read_whole(path)
        target = folder / f"{stamp}-{hashlib.sha256(data).hexdigest()[:12]}.bundle"
        key = vault.key_for(store.path) if store.path is not None else None
        if key is None:
            return None  # an in-memory database has no key: nothing is kept in clear
        write_quarantined(target, data, key)
        write_private_text(target.with_suffix(".alasan.txt"), f"{exc.code}\n{exc}\n")
        return target.name
    except UnreadableInput:
        return None
    except OSError:
        return None


def read_quarantined(path: Path) -> bytes:
    """The bytes of a bundle ``_quarantine`` kept: the one place that reads quarantine files back
    (an erasure searches them for the person it erases). A file no unlocked key opens is
    UnreadableInput: counted as not checked, never guessed at."""
    try:
        return open_quarantined(path)
    except (StoreError, OSError) as exc:
        raise UnreadableInput("unreadable", str(exc)) from exc
