"""The officer's outbox (docs/sync.md "Sending to the office").

Every export (bundles and photo parts) lands here with each of its destinations: the enrolled office's inbox (``kantor``,
sent over HTTPS) and the folder the file was written to (a USB stick, a shared drive). A row is
``waiting`` (not yet at its destination), ``sent`` (the office holds it but has not confirmed, or
the file was written to the folder) or ``confirmed`` (a signed receipt was verified; one receipt
confirms every destination of that bundle); ``withdrawn`` when an office enrolled later would
refuse it (not sealed to it) and the next export carries its changes again. The copy kept in the outbox folder is removed only once
its bundle is confirmed: nothing is ever deleted before its receipt.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..store.store import OFFICE_DESTINATION, Store, utc_now_iso
from .bundle import write_atomically
from .inputs import PHOTO_PART_PREFIX, read_whole

NETWORK = "kantor"  # the destination name of the enrolled office's inbox
STATUSES = ("waiting", "sent", "confirmed")
# Written before the office was enrolled (not sealed to it): the office refuses it, and its
# changes go again in the next export (``withdraw_unsealed``). Never sent, not counted.
WITHDRAWN = "withdrawn"
WITHDRAWN_NOTE = "tidak tersegel untuk kantor terdaftar; isinya ikut di ekspor berikutnya"
MAX_BACKOFF_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One bundle and one of its destinations."""

    bundle_id: str
    destination: str
    seq: int
    file: str
    created_at: str
    status: str
    tries: int
    next_try_at: str | None
    last_error: str | None
    sent_at: str | None
    confirmed_at: str | None

    @property
    def kind(self) -> str:
        """``photos`` for a photo part (its own id, confirmed by its own receipt), else
        ``bundle``."""
        return "photos" if self.file.startswith(PHOTO_PART_PREFIX) else "bundle"

    @property
    def label(self) -> str:
        """How messages name it: "Bundel #3" or "Berkas foto #3" (a part travels with the
        bundle of that number)."""
        return f"{'Berkas foto' if self.kind == 'photos' else 'Bundel'} #{self.seq}"


def remember(
    store: Store,
    outbox_dir: Path,
    written: Path,
    bundle_id: str,
    seq: int,
    *,
    network: bool,
) -> None:
    """Put an export just written to ``written`` into the outbox.

    The bundle is copied into ``outbox_dir`` (unless it was written there), so a stick pulled out
    before the office confirmed still leaves a copy to send. ``network`` adds the office's inbox
    as a destination (sealed bundles to an office whose key file names its certificate).
    """
    kept = outbox_dir / written.name
    if written.resolve() != kept.resolve():
        write_atomically(kept, read_whole(written))
    now = utc_now_iso()
    rows: list[tuple[str, str, int, str, str, str, str | None]] = []
    if written.parent.resolve() != outbox_dir.resolve():
        rows.append((bundle_id, str(written.parent.resolve()), seq, kept.name, now, "sent", now))
    if network:
        rows.append((bundle_id, NETWORK, seq, kept.name, now, "waiting", None))
    with store.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO outbox (bundle_id, destination, seq, file, created_at, status, "
            "sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def entries(store: Store, *, destination: str | None = None) -> list[OutboxEntry]:
    """Every outbox row, oldest bundle first."""
    sql = (
        "SELECT bundle_id, destination, seq, file, created_at, status, tries, next_try_at, "
        "last_error, sent_at, confirmed_at FROM outbox"
    )
    params: tuple[str, ...] = ()
    if destination is not None:
        sql += " WHERE destination = ?"
        params = (destination,)
    rows = store.conn.execute(sql + " ORDER BY seq, destination", params)
    return [OutboxEntry(*row) for row in rows]


def to_send(store: Store, *, due_only: bool, now: datetime | None = None) -> list[OutboxEntry]:
    """The office-inbox rows not yet confirmed; ``due_only``: those whose back-off has passed."""
    moment = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return [
        entry
        for entry in entries(store, destination=NETWORK)
        if entry.status not in ("confirmed", WITHDRAWN)
        and (not due_only or entry.next_try_at is None or entry.next_try_at <= moment)
    ]


def mark_sent(store: Store, bundle_id: str) -> None:
    """The office holds the bundle (it has not confirmed the import yet)."""
    with store.transaction() as conn:
        conn.execute(
            "UPDATE outbox SET status = 'sent', sent_at = coalesce(sent_at, ?), last_error = NULL, "
            "next_try_at = NULL WHERE bundle_id = ? AND destination = ? AND status = 'waiting'",
            (utc_now_iso(), bundle_id, NETWORK),
        )


def backoff_seconds(tries: int) -> float:
    """Wait before the next automatic try: 30 s doubling up to an hour, with a little jitter."""
    return float(min(MAX_BACKOFF_SECONDS, 30 * 2 ** min(tries, 7)) * random.uniform(0.8, 1.2))


def mark_failed(store: Store, bundle_id: str, reason: str, now: datetime | None = None) -> None:
    """A try failed: keep the reason (no personal data in it) and schedule the next try."""
    moment = now or datetime.now(UTC)
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT tries FROM outbox WHERE bundle_id = ? AND destination = ?",
            (bundle_id, NETWORK),
        ).fetchone()
        tries = (row[0] if row else 0) + 1
        later = moment + timedelta(seconds=backoff_seconds(tries))
        conn.execute(
            "UPDATE outbox SET tries = ?, last_error = ?, next_try_at = ? "
            "WHERE bundle_id = ? AND destination = ?",
            (tries, reason[:300], later.strftime("%Y-%m-%dT%H:%M:%SZ"), bundle_id, NETWORK),
        )


def prune(store: Store, outbox_dir: Path) -> int:
    """Remove the kept copies of confirmed (or withdrawn) bundles; how many."""
    rows = store.conn.execute(
        "SELECT file FROM outbox GROUP BY bundle_id, file "
        "HAVING min(status IN ('confirmed', 'withdrawn')) = 1"
    ).fetchall()
    removed = 0
    for (name,) in rows:
        path = outbox_dir / name
        if path.exists():
            path.unlink()
            removed += 1
    return removed


@dataclass(frozen=True, slots=True)
class OutboxBundle:
    """One exported file (bundle or photo part) with every destination it went to."""

    destinations: list[OutboxEntry]  # in ``entries`` order

    @property
    def first(self) -> OutboxEntry:
        return self.destinations[0]

    @property
    def status(self) -> str:
        """The least advanced status of its destinations (what ``summary`` counts it as);
        ``withdrawn`` when every destination is."""
        counted = [e.status for e in self.destinations if e.status in STATUSES]
        return min(counted, key=STATUSES.index) if counted else WITHDRAWN


def bundles(store: Store) -> list[OutboxBundle]:
    """The outbox a file at a time, oldest first: a file written to a stick and waiting for the
    office's inbox is one file with two destinations, not two files."""
    grouped: dict[str, list[OutboxEntry]] = {}
    for entry in entries(store):
        grouped.setdefault(entry.bundle_id, []).append(entry)
    return [OutboxBundle(found) for found in grouped.values()]


def summary(store: Store) -> dict[str, int]:
    """How many files are waiting, sent and confirmed (a file counts once, by its least advanced
    destination, as ``OutboxBundle.status``; withdrawn ones are not counted)."""
    counts = dict.fromkeys(STATUSES, 0)
    for bundle in bundles(store):
        if bundle.status in counts:
            counts[bundle.status] += 1
    return counts


def withdraw_unsealed(conn: sqlite3.Connection, destination: str = OFFICE_DESTINATION) -> int:
    """An office was just enrolled: what was written for it before is not sealed to it, and an
    office with keys refuses such bundles ("tidak bertanda tangan"). Each bundle and photo part
    not confirmed by a receipt is withdrawn (not counted as sent, never sent again) and its
    changes count as not sent, so the next export carries them, sealed. How many bundles and
    parts were withdrawn (0: nothing to do).

    Exports after the first unconfirmed one are withdrawn from the "sent up to" mark too (a
    receipt may have confirmed a later one): sending their changes again is harmless, an import
    is idempotent."""
    now = utc_now_iso()
    first = conn.execute(
        "SELECT min(seq) FROM exports WHERE destination = ? AND delivered_at IS NULL "
        "AND withdrawn_at IS NULL",
        (destination,),
    ).fetchone()[0]
    ids: list[str] = []
    if first is not None:
        ids = [
            row[0]
            for row in conn.execute(
                "SELECT bundle_id FROM exports WHERE destination = ? AND delivered_at IS NULL "
                "AND withdrawn_at IS NULL",
                (destination,),
            )
        ]
        conn.execute(
            "UPDATE exports SET withdrawn_at = ? WHERE destination = ? AND seq >= ? "
            "AND withdrawn_at IS NULL",
            (now, destination, first),
        )
    parts = [
        row[0]
        for row in conn.execute(
            "SELECT part_id FROM photo_parts_sent WHERE destination = ? AND delivered_at IS NULL",
            (destination,),
        )
    ]
    for part_id in parts:  # their photos count as not sent: the next export writes them again
        conn.execute("DELETE FROM photo_parts_sent_items WHERE part_id = ?", (part_id,))
        conn.execute("DELETE FROM photo_parts_sent WHERE part_id = ?", (part_id,))
    conn.executemany(
        "UPDATE outbox SET status = 'withdrawn', last_error = ?, next_try_at = NULL "
        "WHERE bundle_id = ? AND status <> 'confirmed'",
        [(WITHDRAWN_NOTE, bundle_id) for bundle_id in ids + parts],
    )
    return len(ids) + len(parts)
