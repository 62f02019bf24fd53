"""The certificate register: numbers unique across offline laptops, signed verification codes,
reprint and void logs."""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..core.enums import CertificateEventKind, CertificateStatus
from ..core.ids import new_record_id
from ..core.records import Certificate, Person, Session
from ..store.errors import InvalidInput, NotFound
from ..store.store import Edit, Store
from .data import SessionDocument, session_document
from .office import DEFAULT_PATTERN, format_number

CODE_PREFIX = "PP1"


@dataclass(slots=True)
class PrintedCertificate:
    """A certificate to print now: the register entry, its person, and the QR code text."""

    certificate: Certificate
    person: Person
    code: str
    reprint: bool
    preview: bool = False  # made while the office profile is a draft: no number, no QR code


PREVIEW_NUMBER = "DRAF"


def _payload(cert_id: str, number: str, issued_on: str, device_id: str) -> bytes:
    return f"PPC1|{cert_id}|{number}|{issued_on}|{device_id}".encode()


def _code(cert_id: str, device_id: str, signature: bytes) -> str:
    raw = uuid.UUID(cert_id).bytes + bytes.fromhex(device_id) + signature
    return CODE_PREFIX + base64.b32encode(raw).decode().rstrip("=")


def _number(store: Store, pattern: str, issued: date, counter: str = "certificate_seq") -> str:
    """The next number of a register counter; the caller's transaction keeps it or rolls it back."""
    seq = int(store.meta(counter) or 0) + 1
    number = format_number(pattern, seq, store.device_id, issued)
    store.set_meta(counter, str(seq))
    return number


def berita_acara_pattern(pattern: str) -> str:
    """The berita acara is numbered with the register's pattern, its kind in place of SERT."""
    return pattern.replace("SERT", "BA") if "SERT" in pattern else f"BA/{pattern}"


def berita_acara_number(
    store: Store, session_id: str, pattern: str, today: date | None = None, *, draft: bool = False
) -> str:
    """The berita acara's own number: given once per session on this device, then reused.
    A draft (office profile incomplete) is a preview: it shows "DRAF" and uses up no number."""
    key = f"berita_acara:{session_id}"
    known = store.meta(key)
    if known:
        return known
    if draft:
        return PREVIEW_NUMBER
    number = _number(
        store, berita_acara_pattern(pattern), today or date.today(), counter="berita_acara_seq"
    )
    store.set_meta(key, number)
    return number


def issue_for_session(
    store: Store, session_id: str, person_ids: list[str] | None = None, today: date | None = None
) -> tuple[SessionDocument, list[PrintedCertificate]]:
    """Certificates for the attendees of a session (or some of them): new ones get a number and a
    signed code; ones already issued are logged as reprints. One transaction.

    While the office profile is a draft the certificates are previews: nothing is written to the
    register, no number is used up and no code is signed."""
    from ..sync import keys  # loads cryptography: only when signing or checking

    doc = session_document(store, session_id)
    if doc.draft:
        return doc, _previews(doc, person_ids)
    issued_on = (today or date.today()).isoformat()
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    wanted = set(person_ids) if person_ids is not None else None
    printed: list[PrintedCertificate] = []
    edits: list[Edit] = []
    with store.transaction():
        issued = {
            row["person_id"]: row["id"]
            for row in store.rows(
                "SELECT id, person_id FROM certificates WHERE session_id = ? AND deleted = 0 "
                "AND status = ? ORDER BY issued_on DESC",
                (session_id, CertificateStatus.ISSUED.value),
            )
        }
        for attendee in doc.attendees:
            person = attendee.person
            if wanted is not None and person.id not in wanted:
                continue
            if person.id in issued:
                cert = store.get(Certificate, issued[person.id])
                kind, reprint = CertificateEventKind.REPRINTED, True
            else:
                number = _number(
                    store,
                    doc.office.numbering_pattern or DEFAULT_PATTERN,
                    date.fromisoformat(issued_on),
                )
                cert = Certificate(
                    id=new_record_id(),
                    number=number,
                    person_id=person.id,
                    session_id=session_id,
                    issued_on=issued_on,
                    device_id=store.device_id,
                    status=CertificateStatus.ISSUED.value,
                )
                signature = keys.sign(store, _payload(cert.id, number, issued_on, store.device_id))
                cert.signature = base64.b64encode(signature).decode()
                edits.append(
                    Edit(
                        Certificate.TABLE,
                        {
                            "number": cert.number,
                            "person_id": cert.person_id,
                            "session_id": session_id,
                            "issued_on": issued_on,
                            "device_id": cert.device_id,
                            "signature": cert.signature,
                            "status": cert.status,
                        },
                        cert.id,
                        new=True,
                    )
                )
                kind, reprint = CertificateEventKind.ISSUED, False
            edits.append(
                Edit(
                    "certificate_events", {"certificate_id": cert.id, "kind": kind.value, "at": now}
                )
            )
            printed.append(PrintedCertificate(cert, person, code_of(cert), reprint))
        if edits:
            store.write_many(edits)
    if wanted is not None and not printed:
        raise NotFound("Peserta tersebut tidak tercatat hadir di kegiatan ini.")
    return doc, printed


def _previews(doc: SessionDocument, person_ids: list[str] | None) -> list[PrintedCertificate]:
    """Draft certificates of the attendees (or some of them): shown, never registered."""
    wanted = set(person_ids) if person_ids is not None else None
    previews = [
        PrintedCertificate(
            Certificate(
                id="",
                number=PREVIEW_NUMBER,
                person_id=attendee.person.id,
                session_id=doc.session.id,
                issued_on=date.today().isoformat(),
                device_id="",
            ),
            attendee.person,
            code="",
            reprint=False,
            preview=True,
        )
        for attendee in doc.attendees
        if wanted is None or attendee.person.id in wanted
    ]
    if wanted is not None and not previews:
        raise NotFound("Peserta tersebut tidak tercatat hadir di kegiatan ini.")
    return previews


def code_of(cert: Certificate) -> str:
    """The verification code printed (as a QR code and text) on a certificate."""
    return _code(cert.id, cert.device_id, base64.b64decode(cert.signature or ""))


def void_certificate(store: Store, cert_id: str, reason: str) -> None:
    """Cancel a certificate (it then fails verification) and log why."""
    if not reason.strip():
        raise InvalidInput("Alasan pembatalan wajib diisi.")
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with store.transaction():
        store.write(
            Certificate.TABLE,
            {"status": CertificateStatus.VOID.value, "void_reason": reason},
            cert_id,
        )
        store.write(
            "certificate_events",
            {
                "certificate_id": cert_id,
                "kind": CertificateEventKind.VOIDED.value,
                "at": now,
                "note": reason,
            },
        )


@dataclass(frozen=True, slots=True)
class Verification:
    """The answer to "is this certificate genuine?"."""

    valid: bool
    message: str
    number: str | None = None
    name: str | None = None
    session_title: str | None = None
    session_date: str | None = None


def verify_code(store: Store, code: str) -> Verification:
    """Check a code against the register and the issuing device's public key."""
    from ..sync import keys  # loads cryptography: only when signing or checking

    text = "".join(code.split()).upper()
    if not text.startswith(CODE_PREFIX):
        return Verification(False, "Kode verifikasi tidak dikenal.")
    body = text[len(CODE_PREFIX) :]
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except (binascii.Error, ValueError):
        return Verification(False, "Kode verifikasi rusak.")
    if len(raw) != 96:
        return Verification(False, "Kode verifikasi rusak.")
    cert_id, device_id, signature = str(uuid.UUID(bytes=raw[:16])), raw[16:32].hex(), raw[32:]
    try:
        cert = store.get(Certificate, cert_id, include_deleted=True)
    except NotFound:
        return Verification(False, "Sertifikat tidak ada dalam register basis data ini.")
    try:
        genuine = cert.device_id == device_id and keys.verify(
            store, device_id, _payload(cert.id, cert.number, cert.issued_on, device_id), signature
        )
    except NotFound as exc:
        return Verification(False, str(exc))
    if not genuine:
        return Verification(
            False, "Tanda tangan digital tidak cocok: sertifikat palsu atau diubah."
        )
    person = store.get(Person, cert.person_id, include_deleted=True)
    session = store.get(Session, cert.session_id, include_deleted=True)
    details = dict(
        number=cert.number,
        name=person.full_name,
        session_title=session.title,
        session_date=session.date,
    )
    if cert.status == CertificateStatus.VOID or cert.deleted:
        return Verification(False, f"Sertifikat {cert.number} sudah dibatalkan.", **details)
    return Verification(True, f"Sertifikat {cert.number} asli.", **details)


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """A row of the certificate register (no personal data beyond the participant's name)."""

    number: str
    issued_on: str
    status: str
    name: str | None
    session_date: str | None
    reprints: int
    id: str
    status_label: str = ""
    void_reason: str | None = None
    session_title: str | None = None
    person_id: str | None = None
    session_id: str | None = None


def list_register(store: Store, limit: int = 5000, search: str = "") -> list[RegisterEntry]:
    """The register, newest first, with the number of reprints of each certificate; ``search``
    keeps entries whose number or name contains it."""
    like = f"%{search.strip()}%"
    rows = store.rows(
        """SELECT c.id, c.number, c.issued_on, c.status, p.full_name AS name,
                  s.date AS session_date, s.title AS session_title, c.void_reason,
                  c.person_id, c.session_id,
                  (SELECT count(*) FROM certificate_events e WHERE e.certificate_id = c.id
                   AND e.kind = 'reprinted' AND e.deleted = 0) AS reprints
           FROM certificates c LEFT JOIN people p ON p.id = c.person_id
           LEFT JOIN sessions s ON s.id = c.session_id
           WHERE c.deleted = 0 AND (c.number LIKE ?1 OR coalesce(p.full_name, '') LIKE ?1)
           ORDER BY c.issued_on DESC, c.number DESC LIMIT ?2""",
        (like, limit),
    )
    labels = {s.value: s.label for s in CertificateStatus}
    return [
        RegisterEntry(**row, status_label=labels.get(row["status"], row["status"])) for row in rows
    ]


def find_by_number(store: Store, number: str) -> Certificate:
    """A certificate by its number."""
    rows = store.rows("SELECT id FROM certificates WHERE number = ? AND deleted = 0", (number,))
    if not rows:
        raise NotFound(f"Sertifikat nomor {number} tidak ada di register.")
    return store.get(Certificate, rows[0]["id"])
