"""The office inbox's spool and its one merge worker (docs/sync.md "The office inbox server").

An upload is streamed to ``<spool>/.part-*``; the file and the folder are fsynced (its bytes and its
name on disk) while its seal is checked; then it is renamed to ``<bundle id>.bundle`` with a state
file ``<bundle id>.state.json`` (``waiting``). Neither the rename nor the state file waits for its
own fsync: after a crash, ``recover`` holds again a complete ``.part-*`` and rebuilds a lost state
from the bundle, before the inbox takes uploads. One worker thread, the only writer of the
office database, imports waiting bundles through the same importer as files (backup, quarantine,
authorisation), then writes the state ``done`` with the signed receipt, or ``refused`` with the
reason, and removes the ``.bundle``. A locked database ("failed": busy) leaves the bundle waiting
and the worker tries again later, so nothing received is lost; after a restart the worker picks up
every bundle still waiting.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.durable import fsync_folder
from ..store.store import Store
from .bundle import write_atomically
from .errors import BundleRejected
from .importer import import_files
from .reader import parse_json
from .receipts import imported_digest, signed_receipt
from .sealed import Opened, is_sealed, open_sealed
from .trust import OfficeKeys

log = logging.getLogger("petugaspembina.inbox")

StoreOpener = Callable[[], Store]
# A backup before every merged upload would copy the whole office database each time (100 uploads:
# 100 copies); the worker takes one before its first batch and then at most every 15 minutes.
BACKUP_EVERY_SECONDS = 15 * 60
RESCAN_SECONDS = 30.0  # an idle worker looks for waiting bundles in the spool this often
Done = Callable[[str, "SpoolState"], None]


@dataclass(frozen=True, slots=True)
class SpoolState:
    """What the inbox knows of one bundle id."""

    state: str  # waiting, done, refused
    device_id: str
    plain_sha256: str
    receipt: dict[str, Any] | None = None
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The state file's content."""
        return {
            "state": self.state,
            "device_id": self.device_id,
            "plain_sha256": self.plain_sha256,
            "receipt": self.receipt,
            "reason": self.reason,
        }


class Spool:
    """The spool folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def bundle_path(self, bundle_id: str) -> Path:
        """Where a received bundle waits."""
        return self.folder / f"{bundle_id}.bundle"

    def _state_path(self, bundle_id: str) -> Path:
        return self.folder / f"{bundle_id}.state.json"

    def state(self, bundle_id: str) -> SpoolState | None:
        """The bundle's state, or None when never received here."""
        try:
            doc = json.loads(self._state_path(bundle_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return SpoolState(
            doc["state"], doc["device_id"], doc["plain_sha256"], doc["receipt"], doc["reason"]
        )

    def set_state(self, bundle_id: str, state: SpoolState) -> None:
        """Write the state file atomically and durably."""
        write_atomically(self._state_path(bundle_id), json.dumps(state.to_json()).encode("utf-8"))

    def make_durable(self, fd: int) -> None:
        """fsync an upload just received (``fd``: its ``.part-*`` file) and the spool folder: its
        bytes and its name are then on disk (on most file systems one journal commit for both).
        Runs while the seal is checked; the answer waits for it."""
        os.fsync(fd)
        fsync_folder(self.folder)

    def hold(self, part: Path, bundle_id: str, state: SpoolState) -> None:
        """Keep an upload made durable under its ``.part-*`` name (``make_durable``): rename it to
        ``<id>.bundle`` and write its ``waiting`` state.

        Neither waits for an fsync of its own (the copy to a stick makes two fsyncs, the upload
        two, docs/benchmarks.md N2): the next fsync of the folder takes them along, and a crash
        before that leaves the upload under its ``.part-*`` name or its ``.bundle`` without a
        state, both held again by ``recover`` before the inbox takes uploads.
        """
        os.replace(part, self.bundle_path(bundle_id))
        path = self._state_path(bundle_id)
        temp = path.with_name(f".tmp-{path.name}")
        temp.write_bytes(json.dumps(state.to_json()).encode("utf-8"))
        os.replace(temp, path)

    def recover(self, store: Store, keys: OfficeKeys | None = None) -> int:
        """At start, before any upload is taken: what a stop or a crash left half done.

        - ``.part-*``: an upload cut off (it does not open: removed, its sender retries), or one
          complete and answered whose rename to ``<id>.bundle`` did not reach the disk (held
          again, unless that bundle id is held already).
        - ``<id>.bundle`` whose state file was lost: its ``waiting`` state rebuilt by opening the
          seal again (a file that no longer opens is removed; its sender, told 404, sends it
          again).

        Returns how many uploads were kept or rebuilt."""
        rebuilt = 0
        for part in self.folder.glob(".part-*"):
            opened = _opened(store, part, keys)
            if opened is None or self.state(opened.bundle_id) is not None:
                part.unlink(missing_ok=True)
                log.info("removed an incomplete upload")
                continue
            state = SpoolState("waiting", opened.device_id, opened.plain_sha256)
            self.hold(part, opened.bundle_id, state)
            rebuilt += 1
        for path in self.folder.glob("*.bundle"):
            bundle_id = path.stem
            if self.state(bundle_id) is not None:
                continue
            opened = _opened(store, path, keys)
            if opened is None or opened.bundle_id != bundle_id:
                path.unlink(missing_ok=True)
                log.warning("removed spooled bundle=%s without state", bundle_id)
                continue
            state = SpoolState("waiting", opened.device_id, opened.plain_sha256)
            self.set_state(bundle_id, state)
            rebuilt += 1
        for temp in self.folder.glob(".tmp-*"):
            temp.unlink(missing_ok=True)
        fsync_folder(self.folder)
        return rebuilt

    def waiting(self) -> list[str]:
        """Bundle ids received and not yet merged (after a restart too), oldest first."""
        found = sorted(self.folder.glob("*.bundle"), key=lambda p: p.stat().st_mtime)
        return [p.stem for p in found if (s := self.state(p.stem)) and s.state == "waiting"]


def _opened(store: Store, path: Path, keys: OfficeKeys | None) -> Opened | None:
    """The sealed bundle in ``path`` if it opens at this office, else None."""
    try:
        doc = parse_json(path.read_bytes())
        return open_sealed(store, doc, keys) if is_sealed(doc) else None
    except (BundleRejected, OSError):
        return None


class MergeWorker(threading.Thread):
    """The one thread that writes to the office database."""

    def __init__(
        self,
        spool: Spool,
        opener: StoreOpener,
        *,
        quarantine: Path,
        backups: Path | None,
        on_done: Done,
        retry_seconds: float = 2.0,
        backup_every: float = BACKUP_EVERY_SECONDS,
    ) -> None:
        super().__init__(name="inbox-merge", daemon=True)
        self.spool = spool
        self.opener = opener
        self.quarantine = quarantine
        self.backups = backups
        self.on_done = on_done
        self.retry_seconds = retry_seconds
        self.backup_every = backup_every
        self._last_backup: float | None = None
        self.jobs: queue.Queue[str] = queue.Queue()
        self.stopping = threading.Event()
        self.busy_since: float | None = None

    def submit(self, bundle_id: str) -> None:
        """Queue a spooled bundle for merging."""
        self.jobs.put(bundle_id)

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the bundle being merged, then stop."""
        self.stopping.set()
        self.join(timeout)

    def run(self) -> None:
        store = self.opener()
        try:
            for bundle_id in self.spool.waiting():
                self.jobs.put(bundle_id)
            idle_since = time.monotonic()
            while not self.stopping.is_set():
                batch = self._next_batch()
                if batch:
                    self._merge(store, batch)
                    idle_since = time.monotonic()
                elif time.monotonic() - idle_since > RESCAN_SECONDS:
                    # A held bundle whose job was lost (a request cut short before it queued
                    # its merge) is not left waiting until the next restart.
                    for bundle_id in self.spool.waiting():
                        self.jobs.put(bundle_id)
                    idle_since = time.monotonic()
        finally:
            store.close()

    def _next_batch(self) -> list[str]:
        try:
            first = self.jobs.get(timeout=0.2)
        except queue.Empty:
            return []
        batch = [first]
        while len(batch) < 50:
            try:
                batch.append(self.jobs.get_nowait())
            except queue.Empty:
                break
        return list(dict.fromkeys(batch))

    def _merge(self, store: Store, batch: list[str]) -> None:
        todo = [b for b in batch if (s := self.spool.state(b)) and s.state == "waiting"]
        files = [self.spool.bundle_path(b) for b in todo if self.spool.bundle_path(b).exists()]
        if not files:
            return
        now = time.monotonic()
        backups = None
        if self._last_backup is None or now - self._last_backup >= self.backup_every:
            backups, self._last_backup = self.backups, now
        reports = import_files(store, files, quarantine=self.quarantine, backups=backups)
        retry = []
        for path, report in zip(files, reports, strict=True):
            bundle_id = path.stem
            before = self.spool.state(bundle_id)
            assert before is not None
            if report.result in ("imported", "already-imported"):
                digest = imported_digest(store, report.bundle_id or bundle_id)
                receipt = signed_receipt(store, report, digest)
                after = SpoolState("done", before.device_id, before.plain_sha256, receipt)
            elif report.result == "rejected":
                after = SpoolState(
                    "refused", before.device_id, before.plain_sha256, reason=report.message
                )
            else:  # failed: the database is busy or the disk full; the bundle stays waiting
                retry.append(bundle_id)
                log.warning("merge postponed bundle=%s (%s)", bundle_id, report.message)
                continue
            self.spool.set_state(bundle_id, after)
            path.unlink(missing_ok=True)
            log.info("merged bundle=%s result=%s", bundle_id, report.result)
            self.on_done(bundle_id, after)
        if retry:
            self.stopping.wait(self.retry_seconds)
            for bundle_id in retry:
                self.jobs.put(bundle_id)
