"""The office's inbox server: an ASGI application (Starlette) served by uvicorn (``serve.py``).

HTTP interface (docs/sync.md "The office inbox server"):

- ``GET /v1/health`` → 200 ``{"status":"ok","kid":…,"waiting":n}`` (no authentication).
- ``POST /v1/bundles`` with ``Authorization: Bearer <upload token>`` and a sealed bundle (or
  sealed photo part) as the body, optionally ``Prefer: wait=N`` → 200 with the signed receipt
  once merged (``imported`` or ``already-imported``), 202 when still waiting to be merged after
  ``--wait`` or N seconds, whichever is less (ask again with GET), 400 not a sealed bundle for this office,
  401 unknown token, 403 revoked device / not the token's device / signature mismatch, 409 the
  same bundle id with other content, 413 over the size limit, 422 refused by the importer (kept in
  quarantine), 429 too many requests (``Retry-After``).
- ``GET /v1/bundles/<bundle id>`` (same token) → 200 receipt, 202 waiting, 404 never received from
  this device, 422 refused.

Each answer is JSON; refusals carry ``reason`` in Indonesian. Logs name device-id prefixes and
bundle ids only, never people.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .. import __version__
from ..core.ids import is_record_id
from ..store.sqlite import sqlite3
from ..store.store import Store
from .bundle import MAX_BUNDLE_BYTES
from .errors import BundleRejected
from .inbox_spool import MergeWorker, Spool, SpoolState, StoreOpener
from .netkeys import device_of_token
from .reader import parse_json
from .sealed import is_sealed, open_sealed
from .trust import OfficeKeys, office_keys

log = logging.getLogger("petugaspembina.inbox")
T = TypeVar("T")

# Refusals of the sealed envelope, by the opener's code: which HTTP status.
_STATUS_OF = {
    "unknown-device": 403,
    "revoked-device": 403,
    "bad-signature": 403,
    "no-office-keys": 503,
}


@dataclass(slots=True)
class Limits:
    """The inbox's limits (``serve`` options)."""

    max_bytes: int = MAX_BUNDLE_BYTES
    per_minute: float = 120.0  # requests per device per minute
    burst: int = 30
    wait_seconds: float = 20.0  # how long an upload waits for its merge before answering 202


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float


@dataclass(slots=True)
class RateLimiter:
    """A token bucket per device."""

    per_minute: float
    burst: int
    buckets: dict[str, _Bucket] = field(default_factory=dict)

    def allow(self, device_id: str) -> float:
        """0 when allowed now, else the seconds to wait."""
        now = time.monotonic()
        bucket = self.buckets.setdefault(device_id, _Bucket(float(self.burst), now))
        bucket.tokens = min(
            float(self.burst), bucket.tokens + (now - bucket.at) * self.per_minute / 60
        )
        bucket.at = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) * 60 / self.per_minute


class _Refused(Exception):
    def __init__(self, status: int, reason: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.headers = headers


class Inbox:
    """The server's state: spool, merge worker, readers' database connections, limits."""

    def __init__(
        self,
        opener: StoreOpener,
        spool_dir: Path,
        *,
        quarantine: Path,
        backups: Path | None,
        limits: Limits | None = None,
    ) -> None:
        self.opener = opener
        self.spool = Spool(spool_dir)
        self.limits = limits or Limits()
        self.rate = RateLimiter(self.limits.per_minute, self.limits.burst)
        self.readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="inbox-read")
        self._local = threading.local()
        self._waiters: dict[str, list[asyncio.Future[SpoolState]]] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        self.worker = MergeWorker(
            self.spool, opener, quarantine=quarantine, backups=backups, on_done=self._merged
        )
        with opener() as store:
            keys = office_keys(store)
        if keys is None:
            raise BundleRejected(
                "no-office-keys", "Basis data ini belum punya kunci kantor (office-keys create)."
            )
        self.kid = keys.kid
        self.keys: OfficeKeys = keys  # made once by office-keys create, never replaced
        self._loop_store: Store | None = None

    # -- life ----------------------------------------------------------------------------------
    def start(self) -> None:
        """Recover what a stop or a crash left in the spool, then start the merge worker."""
        self.loop = asyncio.get_running_loop()
        self._loop_store = self.opener()
        # Before any upload is taken: nothing else touches the spool meanwhile.
        if self.spool.recover(self._loop_store, self.keys):
            log.info("rebuilt the state of spooled bundles after a crash")
        # The event loop never waits for a lock: a read that would wait goes to the readers.
        self._loop_store.conn.execute("PRAGMA busy_timeout = 0")
        self.worker.start()

    def close_loop_store(self) -> None:
        """Close the event loop's own connection (on the loop's thread, which opened it)."""
        if self._loop_store is not None:
            self._loop_store.close()
            self._loop_store = None

    def stop(self) -> None:
        """Stop the worker after its current bundle; close the readers."""
        self.worker.stop()
        self.readers.shutdown(wait=True)
        # The readers' connections only read; sqlite3 lets only their own threads close them, and
        # those threads are gone: they close with the process (the worker closes its own).

    def _store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self.opener()
            self._local.store = store
        return store

    async def _read(self, fn: Callable[[Store], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.readers, lambda: fn(self._store()))

    async def _read_here(self, fn: Callable[[Store], T]) -> T:
        """``fn`` on the event loop's own connection: for reads of microseconds, where handing
        them to a reader thread and back cost more than the read (docs/benchmarks.md N2). In WAL
        mode a writer never blocks a reader; if the database still answers "busy", the read goes
        to a reader thread, which may wait for it."""
        if self._loop_store is None:
            return await self._read(fn)
        try:
            return fn(self._loop_store)
        except sqlite3.OperationalError:
            return await self._read(fn)

    def _merged(self, bundle_id: str, state: SpoolState) -> None:
        """Called by the worker thread."""
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self._wake, bundle_id, state)

    def _wake(self, bundle_id: str, state: SpoolState) -> None:
        for future in self._waiters.pop(bundle_id, []):
            if not future.done():
                future.set_result(state)

    # -- requests ------------------------------------------------------------------------------
    async def _device(self, request: Request) -> str:
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        found = await self._read_here(lambda s: device_of_token(s, token)) if token else None
        if found is None:
            # Guessing tokens costs a stranger the same rate as a device, per address.
            client = request.client.host if request.client else "?"
            if self.rate.allow(f"address {client}"):
                raise _Refused(429, "Terlalu banyak permintaan; coba lagi sebentar lagi.")
            raise _Refused(401, "Token unggah tidak dikenal.", {"WWW-Authenticate": "Bearer"})
        device_id, revoked_at = found
        if revoked_at is not None:
            raise _Refused(403, f"Perangkat {device_id[:8]} telah dicabut; tidak diterima.")
        wait = self.rate.allow(device_id)
        if wait:
            raise _Refused(
                429,
                "Terlalu banyak permintaan; coba lagi sebentar lagi.",
                {"Retry-After": str(max(1, round(wait)))},
            )
        return device_id

    async def _receive(self, request: Request) -> tuple[Path, BinaryIO]:
        """The body streamed into ``<spool>/.part-*``: (its path, the file still open and not yet
        fsynced, so the fsync can run while the seal is checked)."""
        declared = request.headers.get("content-length")
        if declared is not None and (
            not declared.isdigit() or int(declared) > self.limits.max_bytes
        ):
            raise _Refused(413, self._too_big())
        handle, name = tempfile.mkstemp(prefix=".part-", dir=self.spool.folder)
        part = Path(name)
        out = os.fdopen(handle, "wb")
        size = 0
        try:
            async for chunk in request.stream():
                size += len(chunk)
                if size > self.limits.max_bytes:
                    raise _Refused(413, self._too_big())
                out.write(chunk)
            out.flush()
            if size == 0:
                raise _Refused(400, "Isi permintaan kosong: kirim berkas bundel tersegel.")
        except BaseException:
            out.close()
            part.unlink(missing_ok=True)
            raise
        return part, out

    def _too_big(self) -> str:
        return f"Bundel terlalu besar; batasnya {self.limits.max_bytes // 1048576} MiB."

    def _verify(self, store: Store, part: Path, device_id: str) -> tuple[str, str]:
        """(bundle id, sha256 of the plain bundle) of a sealed bundle signed by ``device_id``."""
        data = part.read_bytes()
        try:
            doc = parse_json(data)
        except BundleRejected as exc:
            raise _Refused(400, "Bukan bundel tersegel Petugas Pembina.") from exc
        if not is_sealed(doc):
            raise _Refused(400, "Bukan bundel tersegel Petugas Pembina (kirim lewat berkas).")
        if doc.get("from") != device_id:
            raise _Refused(403, "Bundel ini bukan dari perangkat pemilik token.")
        try:
            opened = open_sealed(store, doc, self.keys)
        except BundleRejected as exc:
            raise _Refused(_STATUS_OF.get(exc.code, 400), str(exc.args[0])) from exc
        return opened.bundle_id, opened.plain_sha256

    async def upload(self, request: Request) -> JSONResponse:
        """POST /v1/bundles."""
        started = time.monotonic()
        device_id = bundle_id = "-"
        part: Path | None = None
        try:
            device_id = await self._device(request)
            part, out = await self._receive(request)
            checked = part
            # The seal is checked while the upload and its name are flushed to disk; the answer
            # waits for both.
            with out:
                synced = asyncio.get_running_loop().run_in_executor(
                    None, self.spool.make_durable, out.fileno()
                )
                try:
                    bundle_id, digest = await self._read(
                        lambda store: self._verify(store, checked, device_id)
                    )
                finally:
                    await synced
            wait = _preferred_wait(request, self.limits.wait_seconds)
            response = await self._accept(part, bundle_id, digest, device_id, wait)
        except _Refused as exc:
            response = _refusal(exc)
        except ClientDisconnect:
            log.info("upload cut off device=%s", device_id[:8])
            response = JSONResponse({"status": "cut-off"}, status_code=400)
        finally:
            if part is not None:
                part.unlink(missing_ok=True)
        # Logged once the answer is out (a log line cost 0.13 ms, stderr and the log file).
        response.background = BackgroundTask(
            self._after_answer,
            response.background,
            "upload device=%s bundle=%s status=%d ms=%d",
            device_id[:8],
            bundle_id,
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        return response

    @staticmethod
    async def _after_answer(then: BackgroundTask | None, *line: object) -> None:
        if then is not None:
            await then()
        log.info(*line)

    async def _accept(
        self, part: Path, bundle_id: str, digest: str, device_id: str, wait: float
    ) -> JSONResponse:
        # No await between the look-up and the rename: on the one event loop this runs whole, so
        # two uploads of one bundle at once keep one copy and both wait for its merge.
        state = self.spool.state(bundle_id)
        if state is not None and state.plain_sha256 != digest:
            raise _Refused(409, "Bundel dengan id yang sama sudah diterima dengan isi berbeda.")
        if state is None:
            state = SpoolState("waiting", device_id, digest)
            # Its bytes and its .part- name are on disk already (make_durable): a crash before the
            # rename reaches the disk leaves it to ``Spool.recover``, not lost.
            self.spool.hold(part, bundle_id, state)
            if wait <= 0:
                # Nobody waits for the merge: it starts once the answer is out (the merge thread
                # would otherwise hold the interpreter while the answer is being sent).
                response = await self._answer(bundle_id, state, wait=0)
                response.background = BackgroundTask(self._submit, bundle_id)
                return response
            self.worker.submit(bundle_id)
        return await self._answer(bundle_id, state, wait=wait)

    async def _submit(self, bundle_id: str) -> None:
        """Queue a merge (a coroutine: Starlette would hand a plain function to a thread)."""
        self.worker.submit(bundle_id)

    async def _answer(self, bundle_id: str, state: SpoolState, *, wait: float) -> JSONResponse:
        if state.state == "waiting" and wait > 0:
            assert self.loop is not None
            future: asyncio.Future[SpoolState] = self.loop.create_future()
            self._waiters.setdefault(bundle_id, []).append(future)
            fresh = self.spool.state(bundle_id)  # merged between our check and now?
            if fresh is not None and fresh.state != "waiting":
                state = fresh
            else:
                with suppress(TimeoutError):
                    state = await asyncio.wait_for(future, wait)
        if state.state == "done":
            receipt = state.receipt or {}
            return JSONResponse(
                {"status": receipt.get("result"), "bundle_id": bundle_id, "receipt": receipt}
            )
        if state.state == "refused":
            return JSONResponse(
                {"status": "refused", "bundle_id": bundle_id, "reason": state.reason},
                status_code=422,
            )
        return JSONResponse(
            {
                "status": "queued",
                "bundle_id": bundle_id,
                "reason": "Diterima, menunggu digabungkan ke basis data kantor.",
            },
            status_code=202,
        )

    async def receipt(self, request: Request) -> JSONResponse:
        """GET /v1/bundles/<bundle id>."""
        try:
            device_id = await self._device(request)
        except _Refused as exc:
            return _refusal(exc)
        bundle_id = request.path_params["bundle_id"]
        state = self.spool.state(bundle_id) if is_record_id(bundle_id) else None
        if state is None or state.device_id != device_id:
            return JSONResponse(
                {"status": "unknown", "reason": "Bundel ini belum pernah diterima di sini."},
                status_code=404,
            )
        return await self._answer(bundle_id, state, wait=0)

    async def health(self, request: Request) -> JSONResponse:
        """GET /v1/health."""
        return JSONResponse(
            {
                "status": "ok",
                "app_version": __version__,
                "kid": self.kid,
                "waiting": self.worker.jobs.qsize(),
            }
        )


_PREFER_WAIT = re.compile(r"(?:^|[\s,;])wait=([0-9]{1,4})(?:$|[\s,;])", re.ASCII)


def _preferred_wait(request: Request, longest: float) -> float:
    """How long an upload waits for its merge: ``--wait``, or less when the client asks for less
    with ``Prefer: wait=N`` (RFC 7240), so the answer comes before the client's own time-out."""
    found = _PREFER_WAIT.search(request.headers.get("prefer", ""))
    return min(longest, float(found.group(1))) if found else longest


def _refusal(exc: _Refused) -> JSONResponse:
    return JSONResponse(
        {"status": "refused", "reason": exc.reason}, status_code=exc.status, headers=exc.headers
    )


def make_app(inbox: Inbox) -> Starlette:
    """The ASGI application; the merge worker runs for the application's lifetime."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        inbox.start()
        try:
            yield
        finally:
            inbox.close_loop_store()
            await asyncio.get_running_loop().run_in_executor(None, inbox.stop)

    return Starlette(
        routes=[
            Route("/v1/health", inbox.health, methods=["GET"]),
            Route("/v1/bundles", inbox.upload, methods=["POST"]),
            Route("/v1/bundles/{bundle_id}", inbox.receipt, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
