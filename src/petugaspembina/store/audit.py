"""The audit log: who changed what and when. Record ids and field names only, never values."""

from __future__ import annotations

from datetime import UTC, datetime

from .sqlite import sqlite3


def record_audit(
    conn: sqlite3.Connection,
    action: str,
    *,
    hlc: str | None = None,
    table: str | None = None,
    record_id: str | None = None,
    detail: str | None = None,
    source: str = "local",
) -> None:
    """Append one audit entry (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO audit (at, hlc, action, tbl, rid, detail, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            hlc,
            action,
            table,
            record_id,
            detail,
            source,
        ),
    )
