"""Erasing a person so that nothing is left behind on this laptop, and the report of it.

``erase_everywhere`` erases the person in the database (``store.erasure``), then replaces the
backups made before (``store.backup.replace_backups``), removes damaged database copies kept
aside by a restore, and removes quarantined bundles that mention the person
(``sync.quarantine``). ``describe`` words the report for the window and the command line: counts
only, never a value. docs/security.md "Erasure" says what is erased where and what cannot be.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .core.records import BY_TABLE
from .paths import AppPaths
from .store.audit import record_audit
from .store.backup import BackupPurge
from .store.db import checkpoint_truncate
from .store.erasure import DatabaseErasure, erase_person_data, person_traces
from .store.store import Store
from .sync.quarantine import QuarantinePurge, clean_after_erasure

DAMAGED_MARK = ".rusak-"  # store.backup.restore keeps a replaced file as <name>.rusak-<time>


@dataclass(frozen=True, slots=True)
class ErasureReport:
    """What was erased where (counts), and what the app could not reach."""

    database: DatabaseErasure
    backups: BackupPurge | None  # None: no app folders (a throwaway demo database)
    quarantine: QuarantinePurge | None
    damaged_copies: int = 0


def erase_everywhere(store: Store, person_id: str, paths: AppPaths | None) -> ErasureReport:
    """Erase the person in the database, its backups, damaged copies and the quarantine.

    ``paths`` None (the demo database) touches no file outside the database.

    Raises:
        NotFound: no such person, or already erased.
    """
    traces = person_traces(store, person_id)  # read before the values are blanked
    database = erase_person_data(store, person_id)
    backups, quarantine = clean_after_erasure(
        store,
        paths.backups if paths else None,
        paths.quarantine if paths else None,
        traces,
    )
    damaged = _remove_damaged_copies(store.path)
    report = ErasureReport(database, backups, quarantine, damaged)
    with store.transaction():
        record_audit(store.conn, "erase-files", detail=_audit_detail(report))
    database.file_clean = checkpoint_truncate(store.conn)  # the WAL ends empty
    return report


def _remove_damaged_copies(database: Path | None) -> int:
    if database is None:
        return 0
    removed = 0
    for path in database.parent.glob(f"{database.name}{DAMAGED_MARK}*"):
        try:
            path.unlink()
            removed += 1
        except OSError:
            continue
    return removed


def _audit_detail(report: ErasureReport) -> str:
    parts = [f"rekaman:{report.database.total}", f"salinan_rusak:{report.damaged_copies}"]
    if report.backups is not None:
        parts.append(f"cadangan_dihapus:{report.backups.removed}")
    if report.quarantine is not None:
        parts.append(f"karantina_dihapus:{report.quarantine.removed}")
    return ",".join(parts)


def describe(report: ErasureReport) -> tuple[list[str], list[str]]:
    """(what was erased where, what cannot be recalled): lines for people, counts only."""
    db = report.database
    kinds = ", ".join(
        f"{count} {BY_TABLE[table].LABEL.lower() if table in BY_TABLE else table}"
        for table, count in db.records.items()
    )
    done = [
        f"Basis data: {kinds}; {db.versions_blanked} isian beserta riwayatnya dikosongkan, "
        "ruang bekasnya ditimpa nol."
    ]
    if db.file_clean:
        done.append("Berkas basis data dan berkas WAL-nya sudah bersih.")
    else:
        done.append(
            "Program lain sedang membaca basis data: sisa di berkas WAL hilang saat program itu "
            "ditutup."
        )
    if report.backups is None:
        done.append("Cadangan dan karantina: tidak disentuh (basis data demo).")
    else:
        purge = report.backups
        line = f"Cadangan: {purge.removed} cadangan lama dihapus"
        if purge.fresh is not None:
            line += "; 1 cadangan baru dibuat dari basis data yang sudah dihapus."
        else:
            line += f"; cadangan baru GAGAL dibuat ({purge.error}) — buat cadangan segera."
        done.append(line)
        if purge.left:
            done.append(
                f"{purge.left} cadangan lama tidak dapat dihapus: hapus manual di folder cadangan."
            )
    if report.damaged_copies:
        done.append(f"{report.damaged_copies} salinan basis data rusak (dari pemulihan) dihapus.")
    if report.quarantine is not None:
        q = report.quarantine
        done.append(f"Karantina: {q.removed} bundel yang memuat orang ini dihapus.")
        if q.unchecked:
            done.append(
                f"{q.unchecked} bundel di karantina tidak dapat dibuka di sini (tersegel untuk "
                "kantor lain atau tidak terbaca) dan tidak diperiksa."
            )
        if q.left:
            done.append(f"{q.left} bundel karantina tidak dapat dihapus: hapus manual.")
    beyond = []
    if db.bundles_sent:
        beyond.append(
            f"{db.bundles_sent} bundel yang sudah diekspor dapat memuat data orang ini. "
            "Penghapusan ikut bundel berikutnya; kantor menghapusnya saat mengimpor."
        )
    else:
        beyond.append("Data orang ini belum pernah diekspor; penghapusan ikut bundel berikutnya.")
    printed = [f"{db.certificates} sertifikat"] if db.certificates else []
    printed += [f"daftar hadir {db.sessions} kegiatan"] if db.sessions else []
    if printed:
        beyond.append(
            f"{' dan '.join(printed).capitalize()} yang sudah dicetak atau disimpan sebagai PDF "
            "tidak dapat ditarik: musnahkan salinannya."
        )
    beyond.append(
        "Berkas yang disimpan di luar folder aplikasi (PDF, XLSX, bundel ekspor) tidak terjangkau."
    )
    return done, beyond
