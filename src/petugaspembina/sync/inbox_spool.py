"""The office inbox's spool and its one merge worker (docs/sync.md "The office inbox server").

An upload is streamed to ``<spool>/.part-*``, fsynced, and renamed to ``<bundle id>.bundle`` with a
state file ``<bundle id>.state.json`` (``waiting``; one fsync of the folder makes both durable, and
a state lost in a crash is rebuilt from the bundle at the next start). One worker thread, the only writer of the
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
from .sealed import is_sealed, open_sealed

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

    def hold(self, part: Path, bundle_id: str, state: SpoolState) -> None:
        """Keep an upload whose bytes are on disk (fsynced): rename it to ``<id>.bundle`` and write
        its ``waiting`` state, both made durable by one fsync of the folder (``sync_folder``).

        The state file itself is not fsynced (one fsync less per upload, as many as a copy to a
        stick): after a crash a ``.bundle`` whose state did not survive is checked again and its
        state rebuilt (``recover``) before the worker starts.
        """
        os.replace(part, self.bundle_path(bundle_id))
        path = self._state_path(bundle_id)
        temp = path.with_name(f".tmp-{path.name}")
        temp.write_bytes(json.dumps(state.to_json()).encode("utf-8"))
        os.replace(temp, path)

    def sync_folder(self) -> None:
        """Make the renames in the spool folder durable (where the platform allows it)."""
        fsync_folder(self.folder)

    def recover(self, store: Store) -> int:
        """After a crash: rebuild the ``waiting`` state of bundles whose state file was lost, by
        opening their seal again (a file that no longer opens is removed; its sender, told 404,
        sends it again). Returns how many were rebuilt."""
        rebuilt = 0
        for path in self.folder.glob("*.bundle"):
            bundle_id = path.stem
            if self.state(bundle_id) is not None:
                continue
            try:
                doc = parse_json(path.read_bytes())
                opened = open_sealed(store, doc) if is_sealed(doc) else None
            except (BundleRejected, OSError):
                opened = None
            if opened is None or opened.bundle_id != bundle_id:
                path.unlink(missing_ok=True)
                log.warning("removed spooled bundle=%s without state", bundle_id)
                continue
            digest = opened.plain_sha256
            self.set_state(bundle_id, SpoolState("waiting", opened.device_id, digest))
            rebuilt += 1
        for temp in self.folder.glob(".tmp-*"):
            temp.unlink(missing_ok=True)
        return rebuilt

    def waiting(self) -> list[str]:
        """Bundle ids received and not yet merged (after a restart too), oldest first."""
        found = sorted(self.folder.glob("*.bundle"), key=lambda p: p.stat().st_mtime)
        return [p.stem for p in found if (s := self.state(p.stem)) and s.state == "waiting"]

    def clear_partials(self) -> int:
        """Remove uploads cut off by a stop or a crash (their senders will retry)."""
        count = 0
        for part in self.folder.glob(".part-*"):
            part.unlink(missing_ok=True)
            count += 1
        return count


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
            if self.spool.recover(store):
                log.info("rebuilt the state of spooled bundles after a crash")
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
