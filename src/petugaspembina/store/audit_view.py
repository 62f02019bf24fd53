"""Reading the audit log for people: who did what, when, on which record and fields (never
values), filtered by date, actor, action and record kind (docs/security.md "Audit viewer").

The actor of a local entry is this device; of an imported bundle, the device that sent it. A
device is named by the officer whose profile names it, else by the first 8 digits of its id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from ..core.display import local_moment, parse_moment
from ..core.labels import FIELD_LABELS
from ..core.records import BY_TABLE
from .store import Store

ACTION_LABELS = {
    "create": "Buat",
    "update": "Ubah",
    "delete": "Hapus",
    "undelete": "Pulihkan",
    "erase": "Hapus permanen (UU PDP)",
    "erase-files": "Hapus permanen: cadangan dan karantina",
    "import": "Impor bundel",
    "resolve": "Selesaikan konflik",
    "device-created": "Basis data dibuat",
    "device-enrolled": "Daftarkan perangkat",
    "device-revoked": "Cabut perangkat",
    "office-enrolled": "Daftarkan kantor",
    "relay-office-enrolled": "Daftarkan kantor relai",
    "office-keys-created": "Buat kunci kantor",
    "kiosk_pin_wrong": "PIN kiosk salah",
    "app_locked": "Aplikasi dikunci",
    "app_unlocked": "Kunci aplikasi dibuka",
    "app_unlock_wrong": "Kata sandi kunci aplikasi salah",
    "password_changed": "Kata sandi diganti",
}
_STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which entries to show; None = any. Days are this computer's calendar days."""

    since: date | None = None
    until: date | None = None
    device_id: str | None = None
    action: str | None = None
    table: str | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit entry, ready to show: codes kept beside their labels for a CSV."""

    id: int
    at: str  # UTC, as stored (2026-11-22T03:15:07.123456Z)
    when: str  # on this computer's clock: 22 Nov 2026 10:15
    actor: str
    device_id: str
    action: str
    action_label: str
    table: str
    table_label: str
    record_id: str
    fields: str  # field names (labels) or a count, never a value
    source: str  # "local" or the bundle id


@dataclass(frozen=True, slots=True)
class Actor:
    """A device that appears in the log, with the name it is shown by."""

    device_id: str
    name: str


def audit_entries(
    store: Store, flt: AuditFilter = AuditFilter(), limit: int | None = None
) -> list[AuditEntry]:
    """Matching entries, newest first (at most ``limit``)."""
    where, params = _where(store, flt)
    sql = f"{_SELECT} {where} ORDER BY a.id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    names = _officer_names(store)
    return [_entry(row, names) for row in store.rows(sql, params)]


def audit_count(store: Store, flt: AuditFilter = AuditFilter()) -> int:
    """How many entries match."""
    where, params = _where(store, flt)
    return int(store.rows(f"SELECT count(*) AS n FROM ({_SELECT} {where})", params)[0]["n"])


def audit_actors(store: Store) -> list[Actor]:
    """Every device with entries in the log, this device first."""
    names = _officer_names(store)
    devices = [
        str(r["device_id"])
        for r in store.rows(
            f"SELECT DISTINCT device_id FROM ({_SELECT}) WHERE device_id IS NOT NULL",
            [store.device_id],
        )
    ]
    devices.sort(key=lambda d: (d != store.device_id, _name(d, names)))
    return [Actor(d, _name(d, names)) for d in devices]


def audit_actions(store: Store) -> list[tuple[str, str]]:
    """(code, label) of every action in the log, by label."""
    codes = [str(r["action"]) for r in store.rows("SELECT DISTINCT action FROM audit")]
    return sorted(((c, ACTION_LABELS.get(c, c)) for c in codes), key=lambda pair: pair[1])


def audit_tables(store: Store) -> list[tuple[str, str]]:
    """(table, label) of every record kind in the log, by label."""
    tables = [
        str(r["tbl"]) for r in store.rows("SELECT DISTINCT tbl FROM audit WHERE tbl IS NOT NULL")
    ]
    return sorted(((t, _table_label(t)) for t in tables), key=lambda pair: pair[1])


def audit_first_day(store: Store) -> date | None:
    """The day (on this computer's clock) of the oldest entry, or None when the log is empty."""
    oldest = store.rows("SELECT at FROM audit ORDER BY id LIMIT 1")
    moment = parse_moment(oldest[0]["at"]) if oldest else None
    return moment.astimezone().date() if moment is not None else None


CSV_HEADERS = [
    "Waktu (UTC)",
    "Waktu (komputer ini)",
    "Pelaku",
    "Perangkat",
    "Tindakan",
    "Kode tindakan",
    "Jenis rekaman",
    "ID rekaman",
    "Isian",
    "Sumber",
]


def csv_rows(entries: list[AuditEntry]) -> list[list[Any]]:
    """The entries as CSV rows under ``CSV_HEADERS``."""
    return [
        [
            e.at,
            e.when,
            e.actor,
            e.device_id,
            e.action_label,
            e.action,
            e.table_label,
            e.record_id,
            e.fields,
            "lokal" if e.source == "local" else e.source,
        ]
        for e in entries
    ]


# The actor's device: this device for local entries, the sender of an imported bundle otherwise.
_SELECT = """SELECT a.id, a.at, a.action, a.tbl, a.rid, a.detail, coalesce(a.source, 'local')
        AS source, CASE WHEN coalesce(a.source, 'local') = 'local' THEN ? ELSE b.device_id END
        AS device_id
    FROM audit a LEFT JOIN imported_bundles b ON b.bundle_id = a.source"""


def _where(store: Store, flt: AuditFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = [store.device_id]
    if flt.since is not None:
        clauses.append("a.at >= ?")
        params.append(_utc_stamp(flt.since))
    if flt.until is not None:
        clauses.append("a.at < ?")
        params.append(_utc_stamp(flt.until + timedelta(days=1)))
    if flt.action:
        clauses.append("a.action = ?")
        params.append(flt.action)
    if flt.table:
        clauses.append("a.tbl = ?")
        params.append(flt.table)
    if flt.device_id:
        clauses.append(
            "CASE WHEN coalesce(a.source, 'local') = 'local' THEN ? ELSE b.device_id END = ?"
        )
        params += [store.device_id, flt.device_id]
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _utc_stamp(day: date) -> str:
    """The start of ``day`` on this computer's clock, as a stored UTC stamp."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC).strftime(_STAMP)


def _officer_names(store: Store) -> dict[str, str]:
    rows = store.rows(
        "SELECT device_id, name FROM officers WHERE deleted = 0 AND device_id IS NOT NULL "
        "AND name IS NOT NULL ORDER BY updated_hlc"
    )
    names = {str(r["device_id"]): str(r["name"]) for r in rows}  # the newest profile wins
    names.setdefault(store.device_id, f"perangkat ini ({store.device_id[:8]})")
    return names


def _name(device_id: str | None, names: dict[str, str]) -> str:
    if not device_id:
        return "tidak diketahui"
    return names.get(device_id) or f"perangkat {device_id[:8]}"


def _table_label(table: str | None) -> str:
    if not table:
        return ""
    record = BY_TABLE.get(table)
    return record.LABEL if record is not None and record.LABEL else table


def _fields(action: str, detail: str | None) -> str:
    """Field names as labels; an import's counts in words; anything else as stored."""
    if not detail:
        return ""
    if action == "import":
        try:
            counts = json.loads(detail)
            return f"{counts['new_versions']} versi baru, {counts['conflicts']} konflik"
        except (ValueError, KeyError, TypeError):
            return detail
    if action in ("create", "update", "delete", "undelete", "erase", "resolve"):
        return ", ".join(FIELD_LABELS.get(name, name) for name in detail.split(","))
    if action == "erase-files":
        counts = dict(part.partition(":")[::2] for part in detail.split(","))
        return ", ".join(
            f"{counts[key]} {words}" for key, words in _ERASE_WORDS.items() if key in counts
        )
    return detail


_ERASE_WORDS = {
    "rekaman": "rekaman",
    "cadangan_dihapus": "cadangan lama dihapus",
    "karantina_dihapus": "bundel karantina dihapus",
    "salinan_rusak": "salinan rusak dihapus",
}


def _entry(row: dict[str, Any], names: dict[str, str]) -> AuditEntry:
    action = str(row["action"])
    device = str(row["device_id"] or "")
    return AuditEntry(
        id=int(row["id"]),
        at=str(row["at"]),
        when=local_moment(row["at"]),
        actor=_name(device, names),
        device_id=device,
        action=action,
        action_label=ACTION_LABELS.get(action, action),
        table=str(row["tbl"] or ""),
        table_label=_table_label(row["tbl"]),
        record_id=str(row["rid"] or ""),
        fields=_fields(action, row["detail"]),
        source=str(row["source"]),
    )
