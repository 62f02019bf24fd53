"""The clerk's inbox: which files to import from what was dropped (files, folders, a USB stick),
each file's report in words, and the register of received bundles with the gaps in each device's
numbering ("bundel yang belum diterima: #4–#6")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..store.store import Store
from .importer import FileReport
from .inputs import RECEIPT_PREFIX

BUNDLE_PATTERN = "*.json"
MAX_DEPTH = 4  # a stick's folders: deep enough for "Kiriman/2026/Oktober", not the whole disk


def bundle_files(dropped: Iterable[Path]) -> list[Path]:
    """Bundle candidates among dropped paths: files as given, folders searched for ``*.json``
    (hidden folders and files skipped), each file once, in name order per folder."""
    seen: set[Path] = set()
    found: list[Path] = []

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    def walk(folder: Path, depth: int) -> None:
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name.lower())
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir() and depth < MAX_DEPTH:
                walk(entry, depth + 1)
            elif (
                entry.is_file()
                and entry.match(BUNDLE_PATTERN)
                and not entry.name.startswith(RECEIPT_PREFIX)  # written back by the import
            ):
                add(entry)

    for path in dropped:
        if path.is_dir():
            walk(path, 0)
        elif path.exists():
            add(path)
    return found


@dataclass(frozen=True, slots=True)
class ReportWords:
    """One imported file as a clerk reads it."""

    file: str
    result: str
    officer: str
    headline: str
    details: list[str]


def _officer_of_device(store: Store, device_id: str | None) -> str:
    if not device_id:
        return ""
    rows = store.rows(
        "SELECT name, office FROM officers WHERE device_id = ? AND deleted = 0 "
        "ORDER BY updated_hlc DESC LIMIT 1",
        (device_id,),
    )
    if rows and rows[0]["name"]:
        return str(rows[0]["name"])
    return f"perangkat {device_id[:8]}"


def _bundle_source(store: Store, bundle_id: str | None) -> tuple[str | None, int | None]:
    if not bundle_id:
        return None, None
    rows = store.rows(
        "SELECT device_id, seq FROM imported_bundles WHERE bundle_id = ?", (bundle_id,)
    )
    return (rows[0]["device_id"], rows[0]["seq"]) if rows else (None, None)


def _photo_part_source(store: Store, part_id: str | None) -> str | None:
    rows = store.rows("SELECT device_id FROM imported_photo_parts WHERE part_id = ?", (part_id,))
    return str(rows[0]["device_id"]) if rows else None


def describe_report(store: Store, report: FileReport) -> ReportWords:
    """The officer, bundle number, sessions, people new and changed, conflicts and warnings."""
    device_id, seq = _bundle_source(store, report.bundle_id)
    if report.kind == "photos":  # a photo part (docs/sync.md "Photos")
        officer = _officer_of_device(store, _photo_part_source(store, report.bundle_id))
        details = [*report.problems[:10], *report.warnings]
        headline = f"Berkas foto dari {officer}: {report.message}" if officer else report.message
        return ReportWords(report.file, report.result, officer, headline, details)
    officer = _officer_of_device(store, device_id)
    if report.result == "imported":
        new, changed = report.new_by_table, report.changed_by_table
        parts = [
            f"{new.get('sessions', 0)} kegiatan baru",
            f"{new.get('people', 0)} peserta baru",
            f"{changed.get('people', 0)} peserta diubah",
            f"{new.get('attendance', 0)} tanda hadir baru",
        ]
        if new.get("referrals"):
            parts.append(f"{new['referrals']} rujukan baru")
        parts.append(
            f"{report.conflicts} konflik perlu diperiksa" if report.conflicts else "tanpa konflik"
        )
        headline = f"Bundel #{seq} dari {officer}: " + ", ".join(parts) + "."
    elif report.result == "already-imported":
        headline = f"Bundel #{seq} dari {officer} — {report.message}"
    elif report.result == "rejected":
        headline = f"Ditolak: {report.message}"
    else:
        headline = report.message
    details = list(report.problems[:5])
    if len(report.problems) > 5:
        details.append(f"… dan {len(report.problems) - 5} masalah lain.")
    details.extend(report.warnings)
    if report.quarantined_as:
        details.append(f"Salinan disimpan di karantina sebagai {report.quarantined_as}.")
    return ReportWords(report.file, report.result, officer, headline, details)


@dataclass(frozen=True, slots=True)
class DeviceRegister:
    """Bundles received from one device: how many, the newest number, what is missing."""

    device_id: str
    officer: str
    office: str
    received: int
    highest_seq: int
    last_received: str  # UTC moment, ISO (shown with core.display.local_moment)
    missing: list[tuple[int, int]]

    @property
    def missing_text(self) -> str:
        """``bundel yang belum diterima: #4–#6, #9`` or "" when nothing is missing."""
        if not self.missing:
            return ""
        ranges = [f"#{a}" if a == b else f"#{a}–#{b}" for a, b in self.missing]
        return "bundel yang belum diterima: " + ", ".join(ranges)


def _ranges(numbers: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and out[-1][1] == n - 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def received_register(store: Store) -> list[DeviceRegister]:
    """One row per sending device, officers with gaps first, then by officer's name."""
    devices: dict[str, set[int]] = {}
    last: dict[str, str] = {}
    for row in store.rows(
        "SELECT device_id, seq, imported_at FROM imported_bundles WHERE result = 'imported'"
    ):
        devices.setdefault(row["device_id"], set()).add(int(row["seq"]))
        last[row["device_id"]] = max(last.get(row["device_id"], ""), row["imported_at"])
    offices = {
        row["device_id"]: row["office"] or ""
        for row in store.rows("SELECT device_id, office FROM officers WHERE deleted = 0")
    }
    out = []
    for device_id, seqs in devices.items():
        highest = max(seqs)
        missing = [n for n in range(1, highest) if n not in seqs]
        out.append(
            DeviceRegister(
                device_id,
                _officer_of_device(store, device_id),
                offices.get(device_id, ""),
                len(seqs),
                highest,
                last[device_id],
                _ranges(missing),
            )
        )
    return sorted(out, key=lambda r: (not r.missing, r.officer.lower(), r.device_id))
