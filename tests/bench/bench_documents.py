"""P8: 1,000 certificates with QR codes into one PDF (docs/benchmarks.md), against a floor.

The real path: load the session and its 1,000 sign-ins, number, sign and register each certificate
(one transaction), draw every page with its QR code, write the PDF. The floor: the same drawing
code on the same layout fed from memory — plain reportlab plus segno's QR matrix, no database,
register or signing — so the ratio is what the app adds to bare rendering.

Run: ``PYTHONPATH=. uv run python -m tests.bench.bench_documents``
"""

from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from petugaspembina.core.records import Attendance, Certificate, Person, Session
from petugaspembina.documents.certificates import PAGE, draw_certificate
from petugaspembina.documents.data import Attendee, SessionDocument
from petugaspembina.documents.fonts import register_fonts
from petugaspembina.documents.office import office_profile, save_office_profile
from petugaspembina.documents.produce import make_certificates
from petugaspembina.documents.register import PrintedCertificate
from petugaspembina.store.store import Edit, Store

COUNT = 1000


def _session_with_attendees(store: Store) -> str:
    session_id = store.write(
        "sessions",
        {"title": "Sosialisasi Desa Binaan Imigrasi", "date": "2026-08-22", "venue": "Balai Desa"},
    )
    edits = []
    for index in range(COUNT):
        pid = str(uuid.uuid4())
        edits.append(
            Edit(
                "people",
                {"full_name": f"Peserta Nomor {index:04d} Binti Fulan", "sex": "LP"[index % 2]},
                pid,
                new=True,
            )
        )
        edits.append(
            Edit(
                "attendance",
                {
                    "session_id": session_id,
                    "person_id": pid,
                    "signed_at": f"2026-08-22T02:{index % 60:02d}:00Z",
                },
            )
        )
    store.write_many(edits)
    return session_id


def real_path(folder: Path) -> float:
    """Fresh register each run: issuing (not reprinting) is the expensive case."""
    with Store.open(folder / f"{uuid.uuid4()}.db") as store:
        save_office_profile(  # complete: a draft profile only makes unnumbered previews
            store,
            {
                "letterhead": ["KANTOR IMIGRASI KELAS I TPI BENGKULU"],
                "address": "Jl. Jenderal Sudirman No. 12, Bengkulu 38227",
                "city": "Bengkulu",
                "signatory_name": "Hendra Wijaya",
                "signatory_nip": "197503152000031002",
                "signatory_position": "Kepala Kantor Imigrasi Kelas I TPI Bengkulu",
            },
        )
        session_id = _session_with_attendees(store)
        start = time.perf_counter()
        make_certificates(store, session_id, folder / "real.pdf")  # as the CLI and window do
        return time.perf_counter() - start


def floor(folder: Path, store: Store) -> float:
    office = office_profile(store)
    session = Session(
        id=str(uuid.uuid4()),
        title="Sosialisasi Desa Binaan Imigrasi",
        date="2026-08-22",
        venue="Balai Desa",
    )
    doc = SessionDocument(session, office)
    items = []
    for index in range(COUNT):
        person = Person(id=str(uuid.uuid4()), full_name=f"Peserta Nomor {index:04d} Binti Fulan")
        doc.attendees.append(
            Attendee(person, Attendance(id="", session_id=session.id, person_id=person.id))
        )
        cert = Certificate(
            id=str(uuid.uuid4()), number=f"{index + 1:04d}/SERT-PIMPASA/ABCDEF/VIII/2026"
        )
        # A code of the same length as a real one, so the QR matrices are the same size.
        items.append(PrintedCertificate(cert, person, "PP1" + "A" * 154, False))
    register_fonts()
    start = time.perf_counter()
    canvas = Canvas(str(folder / "floor.pdf"), pagesize=PAGE, pageCompression=1)
    for item in items:
        draw_certificate(canvas, doc, item)
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "office.db") as store:
            floor(folder, store)  # warm-up
            floors = [floor(folder, store) for _ in range(5)]
        real_path(folder)  # warm-up
        reals = [real_path(folder) for _ in range(5)]
    real, base = statistics.median(reals), statistics.median(floors)
    print(
        f"P8: {COUNT} certificates with QR: {real:.2f} s ({COUNT / real:.0f}/s), "
        f"floor {base:.2f} s, ratio {real / base:.2f} (budget 1.5)"
    )
    print(f"ratio P8 {real / base:.2f}")


if __name__ == "__main__":
    main()
