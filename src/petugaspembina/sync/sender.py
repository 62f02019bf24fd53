"""Sending the outbox to the office's inbox over HTTPS (docs/sync.md "Sending to the office").

The standard library's ``http.client`` with a TLS context that trusts no certificate authority:
after the handshake the server's certificate must hash (SHA-256 of its DER bytes) to the value the
enrolled office key file carries, or nothing is sent. A bundle counts as delivered only when the
signed receipt the office answers with verifies against the enrolled office key
(``receipts.accept_receipt``).
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import ssl
import time
import urllib.parse
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..store.store import Store
from . import outbox
from .errors import BundleRejected
from .netkeys import INBOX_URL_SETTING, URL_RE, upload_token
from .receipts import accept_receipt
from .trust import enrolled_office

UPLOAD_PATH = "/v1/bundles"
TIMEOUT_SECONDS = 30.0
BLOCK = 64 * 1024


class SendError(Exception):
    """Sending cannot start (no office, an older key file, no address): the reason in Indonesian."""


@dataclass(slots=True)
class SendReport:
    """What one round of sending did."""

    confirmed: int = 0
    sent: int = 0
    waiting: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        """True when nothing is left unconfirmed."""
        return self.sent == 0 and self.waiting == 0


@dataclass(frozen=True, slots=True)
class Target:
    """Where and how to reach the office."""

    host: str
    port: int
    tls_sha256: str
    token: str
    url: str


class _Answer(Exception):
    def __init__(self, status: int, doc: dict[str, Any]) -> None:
        super().__init__(status)
        self.status = status
        self.doc = doc


def target(store: Store, url: str | None = None) -> Target:
    """The office inbox to send to: ``url``, else the one remembered, else the key file's."""
    office = enrolled_office(store)
    if office is None:
        raise SendError("Belum ada kantor terdaftar: daftarkan berkas kunci kantor dulu (enrol).")
    if not office.tls_sha256:
        raise SendError(
            "Berkas kunci kantor yang terdaftar dibuat sebelum pengiriman lewat jaringan (tanpa "
            "sidik jari sertifikat): minta berkas kunci kantor yang baru dan daftarkan ulang "
            "(enrol). Sampai itu, kirim bundel lewat berkas."
        )
    chosen = url or store.get_setting(INBOX_URL_SETTING) or office.inbox_url
    if not chosen:
        raise SendError("Alamat kotak masuk kantor belum diketahui: berikan --to https://…")
    if not URL_RE.fullmatch(chosen):
        raise SendError(f"Alamat tidak sah: {chosen[:80]} (harus https://host:port).")
    parts = urllib.parse.urlsplit(chosen)
    if not parts.hostname:
        raise SendError(f"Alamat tidak sah: {chosen[:80]}.")
    return Target(
        parts.hostname,
        parts.port or 443,
        office.tls_sha256,
        upload_token(store),
        chosen.rstrip("/"),
    )


def _tls_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False  # trust comes from the pinned hash, not from names
    context.verify_mode = ssl.CERT_NONE
    return context


class _PinnedConnection(http.client.HTTPSConnection):
    """An HTTPS connection that checks the pinned certificate hash on every (re)connect.

    ``http.client`` reopens a connection the office closed on its own (``auto_open``); the check
    lives in ``connect`` so a reopened connection is pinned too. The TLS session of the first
    handshake is offered again on reconnects (resumption skips the certificate exchange).
    """

    def __init__(
        self, where: Target, timeout: float, context: ssl.SSLContext | None = None
    ) -> None:
        context = context or _tls_context()
        super().__init__(where.host, where.port, timeout=timeout, context=context, blocksize=BLOCK)
        self.pinned = where.tls_sha256
        self.tls_context = context
        self.tls_session: ssl.SSLSession | None = None

    def connect(self) -> None:
        """TCP, TLS, then the pin check (a socket whose certificate differs is closed unused)."""
        http.client.HTTPConnection.connect(self)
        assert self.sock is not None
        wrapped = self.tls_context.wrap_socket(
            self.sock, server_hostname=self.host, session=self.tls_session
        )
        der = wrapped.getpeercert(binary_form=True) or b""
        if not hmac.compare_digest(hashlib.sha256(der).hexdigest(), self.pinned):
            wrapped.close()
            self.sock = None
            raise ssl.SSLError(
                "sertifikat server bukan milik kantor terdaftar (sidik jari berbeda); tidak dikirim"
            )
        self.sock = wrapped


def _connect(where: Target, timeout: float) -> http.client.HTTPSConnection:
    conn = _PinnedConnection(where, timeout)
    conn.connect()
    return conn


# What a connection the office has closed raises. A body written after the office's TLS
# close_notify arrived fails with SSLEOFError, not a broken pipe.
_CLOSED = (
    http.client.RemoteDisconnected,
    ConnectionResetError,
    BrokenPipeError,
    ssl.SSLEOFError,
)


class Link:
    """One connection to the office for a whole send run (HTTP keep-alive): a new TLS handshake
    per bundle cost more than the upload of a small bundle itself (docs/benchmarks.md N2).

    A kept connection the office has closed meanwhile (its keep-alive timeout, a restart) fails
    on the next request before any answer: that request is made once more on a new connection;
    uploads are idempotent on the bundle id, so a repeat is harmless.
    """

    def __init__(self, where: Target, timeout: float = TIMEOUT_SECONDS) -> None:
        self.where = where
        self.timeout = timeout
        self.conn: _PinnedConnection | None = None
        self.handshakes = 0
        self.resumed = 0  # handshakes that resumed the TLS session of an earlier one
        self.context = _tls_context()  # one per link: a TLS session resumes only in its context
        self.session: ssl.SSLSession | None = None
        self._session_of: _PinnedConnection | None = None  # the connection it was taken from

    def __enter__(self) -> Link:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (the next request opens a new one)."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def _open(self) -> _PinnedConnection:
        if self.conn is None or self.conn.sock is None:
            self.close()
            self.conn = _PinnedConnection(self.where, self.timeout, self.context)
            self.conn.tls_session = self.session
            self.conn.connect()
            self.handshakes += 1
            if isinstance(self.conn.sock, ssl.SSLSocket) and self.conn.sock.session_reused:
                self.resumed += 1
        return self.conn

    def exchange(self, method: str, path: str, body: Path | None = None) -> tuple[int, Any]:
        """(status, JSON answer as a dict) of one request; raises OSError/HTTPException."""
        reused = self.conn is not None and self.conn.sock is not None
        try:
            return self._exchange(method, path, body)
        except _CLOSED:
            self.close()
            if not reused:
                raise
            return self._exchange(method, path, body)
        except BaseException:
            self.close()  # a half-read answer leaves the connection unusable
            raise

    def _exchange(self, method: str, path: str, body: Path | None) -> tuple[int, dict[str, Any]]:
        conn = self._open()
        headers = {"Authorization": f"Bearer {self.where.token}", "Accept": "application/json"}
        if body is None:
            conn.request(method, path, headers=headers)
        else:
            headers["Content-Type"] = "application/json"
            headers["Content-Length"] = str(body.stat().st_size)
            # The office answers 202 after this long if the merge is not done (well before
            # our own time-out, which would count the upload as failed).
            headers["Prefer"] = f"wait={max(0, int(self.timeout / 2))}"
            # The office may answer early (413, 401…) and close: then read its answer.
            with body.open("rb") as stream, suppress(*_CLOSED):
                conn.request(method, path, body=stream, headers=headers)
        response = conn.getresponse()
        raw = response.read(1_000_000)
        if not response.isclosed():  # an answer larger than any the office sends
            self.close()
        if self._session_of is not conn and isinstance(conn.sock, ssl.SSLSocket):
            # Once per connection, after its first answer (TLS 1.3 sends its ticket after the
            # handshake): reading ``session`` costs 0.2 ms, more than a small upload's own work.
            session = conn.sock.session
            if session is not None:
                self.session, self._session_of = session, conn
        try:
            doc = json.loads(raw) if raw else {}
        except ValueError:
            doc = {}
        return response.status, doc if isinstance(doc, dict) else {}


def _exchange(
    where: Target, method: str, path: str, body: Path | None, timeout: float
) -> tuple[int, dict[str, Any]]:
    """One request on a connection of its own (tests and tools; a send run keeps a ``Link``)."""
    with Link(where, timeout) as link:
        status, doc = link.exchange(method, path, body)
    return status, doc


def _reason(status: int, doc: dict[str, Any]) -> str:
    reason = doc.get("reason")
    return f"ditolak kantor (HTTP {status}): {reason if isinstance(reason, str) else '-'}"


def _settle(store: Store, entry: outbox.OutboxEntry, status: int, doc: dict[str, Any]) -> str:
    """Act on the office's answer; returns the entry's new status."""
    if status == 200:
        try:
            accept_receipt(store, doc.get("receipt"))
        except BundleRejected as exc:
            outbox.mark_failed(store, entry.bundle_id, f"tanda terima tidak sah: {exc}")
            return "waiting" if entry.status == "waiting" else entry.status
        return "confirmed"
    if status == 202:
        outbox.mark_sent(store, entry.bundle_id)
        return "sent"
    if status == 404 and entry.status == "sent":  # the office lost it (restored backup): resend
        with store.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET status = 'waiting' WHERE bundle_id = ? AND destination = ?",
                (entry.bundle_id, outbox.NETWORK),
            )
    outbox.mark_failed(store, entry.bundle_id, _reason(status, doc))
    return "waiting" if status == 404 else entry.status


def send_once(
    store: Store,
    outbox_dir: Path,
    *,
    url: str | None = None,
    due_only: bool = False,
    timeout: float = TIMEOUT_SECONDS,
) -> SendReport:
    """One try for every unconfirmed bundle (or only those due, for automatic tries).

    Waiting bundles are uploaded; bundles the office already holds are asked for their receipt.
    Every failure is kept on its row with the next try time; nothing is removed unconfirmed.
    """
    where = target(store, url)
    if url:
        store.set_setting(INBOX_URL_SETTING, where.url)
    report = SendReport()
    with Link(where, timeout) as link:
        _send_entries(store, outbox_dir, link, outbox.to_send(store, due_only=due_only), report)
    outbox.prune(store, outbox_dir)
    return report


def _send_entries(
    store: Store,
    outbox_dir: Path,
    link: Link,
    todo: list[outbox.OutboxEntry],
    report: SendReport,
) -> None:
    for entry in todo:
        file = outbox_dir / entry.file
        try:
            if entry.status == "waiting":
                if not file.is_file():
                    raise SendError(f"salinannya hilang dari folder kotak keluar ({entry.file})")
                status, doc = link.exchange("POST", UPLOAD_PATH, file)
            else:
                status, doc = link.exchange("GET", f"{UPLOAD_PATH}/{entry.bundle_id}")
            state = _settle(store, entry, status, doc)
            if state not in ("confirmed", "sent"):
                report.errors.append(f"{entry.label}: {_reason(status, doc)}")
        except (OSError, http.client.HTTPException, SendError) as exc:
            reason = f"tidak terkirim: {_describe(exc)}"
            outbox.mark_failed(store, entry.bundle_id, reason)
            report.errors.append(f"{entry.label}: {reason}")
            state = entry.status
        if state == "confirmed":
            report.confirmed += 1
        elif state == "sent":
            report.sent += 1
        else:
            report.waiting += 1


def send_until_done(
    store: Store,
    outbox_dir: Path,
    *,
    url: str | None = None,
    wait_seconds: float = 60.0,
    timeout: float = TIMEOUT_SECONDS,
) -> SendReport:
    """``send_once`` again (pausing 0.5 s, doubling to 8 s) until all is confirmed or time is up."""
    deadline = time.monotonic() + wait_seconds
    pause = 0.5
    while True:
        report = send_once(store, outbox_dir, url=url, timeout=timeout)
        if report.done or time.monotonic() + pause > deadline:
            return report
        time.sleep(pause)
        pause = min(pause * 2, 8.0)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, SendError):
        return str(exc)
    if isinstance(exc, ssl.SSLError):
        return f"TLS gagal ({exc.args[-1] if exc.args else exc})"
    if isinstance(exc, TimeoutError):
        return "waktu habis, jaringan lambat atau terputus"
    if isinstance(exc, ConnectionRefusedError):
        return "kantor tidak menjawab (server mati atau alamat salah)"
    if isinstance(exc, (ConnectionError, http.client.HTTPException)):
        return "sambungan terputus"
    if isinstance(exc, OSError):
        from ..core.oserrors import describe_os_error

        return describe_os_error(exc)
    return str(exc)
