"""Making a document as one user action: the output path is checked first, and the register
(numbers, reprint logs, the berita acara number) is written in the same transaction as the PDF's
atomic rename. Any failure rolls the register back: nothing happens unless the file exists.

The command line and the Dokumen tab both call these.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..core.records import Officer
from ..profile import current_officer
from ..store.errors import InvalidInput
from ..store.store import Store
from .attendance_sheet import (
    BLANK_ROWS,
    MAX_BLANK_ROWS,
    render_attendance_sheet,
    render_blank_attendance_sheet,
)
from .certificates import render_certificates
from .data import SessionDocument, session_document
from .pdfout import check_output
from .register import PrintedCertificate, issue_for_session
from .report import render_berita_acara, render_report

Progress = Callable[[int, int], None]
NO_ATTENDEES = "Kegiatan ini belum memiliki peserta yang hadir."


def make_certificates(
    store: Store,
    session_id: str,
    target: Path,
    person_ids: list[str] | None = None,
    progress: Progress | None = None,
) -> list[PrintedCertificate]:
    """Certificates of a session (or some participants) into one PDF; returns what was printed."""
    check_output(target)
    with store.transaction():
        doc, items = issue_for_session(store, session_id, person_ids)
        if not items:
            raise InvalidInput(NO_ATTENDEES)
        render_certificates(doc, items, target, progress)
    return items


def _signer(store: Store, doc: SessionDocument) -> Officer | None:
    """Who signs a session's daftar hadir: the first officer ticked at the session; only a
    session without one is signed by this device's officer (at the office, the clerk who prints
    it is not the officer who was there)."""
    return doc.officers[0] if doc.officers else current_officer(store)


def make_attendance_sheet(
    store: Store, session_id: str, target: Path, *, hide_phone: bool = False
) -> Path:
    """The daftar hadir, signed by the session's officer."""
    check_output(target)
    doc = session_document(store, session_id)
    officer = _signer(store, doc)
    return render_attendance_sheet(
        doc,
        target,
        hide_phone=hide_phone,
        officer_name=officer.name if officer else None,
        officer_nip=officer.nip if officer else None,
    )


def make_blank_attendance_sheet(
    store: Store, session_id: str, target: Path, *, rows: int = BLANK_ROWS
) -> Path:
    """The blank daftar hadir to print before a session, for when the laptop cannot be used.

    It takes no number and writes nothing: the daftar hadir is not in the register (only
    certificates and the berita acara are numbered), and a form printed twice is the same form.
    """
    check_output(target)
    if not 1 <= rows <= MAX_BLANK_ROWS:
        raise InvalidInput(f"Jumlah baris harus antara 1 dan {MAX_BLANK_ROWS}.", "rows")
    doc = session_document(store, session_id)
    officer = _signer(store, doc)
    return render_blank_attendance_sheet(
        doc,
        target,
        rows=rows,
        officer_name=officer.name if officer else None,
        officer_nip=officer.nip if officer else None,
    )


def make_report(store: Store, session_id: str, target: Path) -> Path:
    """The laporan kegiatan."""
    check_output(target)
    return render_report(store, session_document(store, session_id), target)


def make_berita_acara(store: Store, session_id: str, target: Path) -> Path:
    """The berita acara, numbered in the same transaction as the file's rename."""
    check_output(target)
    with store.transaction():
        return render_berita_acara(store, session_document(store, session_id), target)
