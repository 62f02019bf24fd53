"""Export: field versions that arrived after the last export to a destination, as one bundle file."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..core.ids import new_record_id
from ..profile import current_officer
from ..regions import data_version
from ..store.db import transaction
from ..store.schema_version import SCHEMA_VERSION
from ..store.store import OFFICE_DESTINATION, Store
from .bundle import (
    FORMAT,
    FORMAT_VERSION,
    HEADER_DIGEST_KEY,
    OFFICE_SIGN_CONTEXT,
    SIGNATURE_KEY,
    Source,
    header_digest,
    write_atomically,
)
from .outbox import remember
from .photo_parts import part_file_name, prepare_parts, record_part, unsent_photos, write_part
from .sealed import seal_parts
from .trust import EnrolledOffice, enrolled_office, office_keys

DEFAULT_DESTINATION = OFFICE_DESTINATION


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote (``path`` None when there was nothing new to send)."""

    path: Path | None
    bundle_id: str | None
    seq: int
    changes: int
    field_versions: int
    tables: dict[str, int]
    sealed_to: str | None = None
    photos: int = 0  # a photo part (docs/sync.md "Photos"): how many photos it carries
    signed_by: str | None = None  # an office's own key signed this plain bundle (its kid)

    @property
    def protection(self) -> str:
        """``sealed`` (signed and encrypted to an office), ``signed`` (an office's signature,
        readable by anyone) or ``plain`` (neither)."""
        return "sealed" if self.sealed_to else "signed" if self.signed_by else "plain"


PROTECTION_ORDER = ("plain", "signed", "sealed")  # weakest first


@dataclass(frozen=True, slots=True)
class Protection:
    """How the files of one export are protected, the bundles and the photo parts apart (the
    weakest of each kind; None when no file of that kind was written). An office with keys signs
    its bundles but writes its photo parts plain, so one word for the whole export would be
    wrong for one of them."""

    bundles: str | None
    photos: str | None
    sealed_to: str | None
    signed_by: str | None


def protection_of(results: list[ExportResult]) -> Protection:
    """What ``export_bundles`` wrote, as ``Protection``."""

    def weakest(kind: list[ExportResult]) -> str | None:
        levels = [r.protection for r in kind]
        return min(levels, key=PROTECTION_ORDER.index) if levels else None

    return Protection(
        weakest([r for r in results if not r.photos]),
        weakest([r for r in results if r.photos]),
        next((r.sealed_to for r in results if r.sealed_to), None),
        next((r.signed_by for r in results if r.signed_by), None),
    )


def default_file_name(device_id: str, seq: int) -> str:
    """A neutral name: device prefix and bundle number, never personal data."""
    return f"petugaspembina-{device_id[:8]}-{seq:05d}.json"


@dataclass(frozen=True, slots=True)
class Counts:
    """The ``counts`` object of a bundle."""

    changes: int
    field_versions: int
    tables: dict[str, int]

    def to_json(self) -> dict[str, object]:
        """The JSON form."""
        return {
            "changes": self.changes,
            "field_versions": self.field_versions,
            "tables": self.tables,
        }


@dataclass(frozen=True, slots=True)
class PreparedExport:
    """A bundle built in memory, not yet written or recorded."""

    data: bytes
    bundle_id: str
    seq: int
    up_to: int
    created_at: str
    digest: str
    counts: Counts
    signed_by: str | None = None  # the kid of the office key that signed it


# A part of this size (~12 MB) parses in ~80 ms and ~120 MB: imports stay far under 1 GB, and
# json.loads, one C call that holds the GIL, never freezes the window for long (P9).
MAX_VERSIONS_PER_BUNDLE = 100_000


def export_bundle(
    store: Store,
    out: Path,
    *,
    full: bool = False,
    destination: str = DEFAULT_DESTINATION,
    plain: bool = False,
    outbox_dir: Path | None = None,
) -> ExportResult:
    """Write one bundle to ``out`` (a file, or a folder to get the default name)."""
    results = export_bundles(
        store,
        out,
        full=full,
        destination=destination,
        max_versions=None,
        plain=plain,
        outbox_dir=outbox_dir,
    )
    records = [r for r in results if not r.photos]
    return records[0] if records else ExportResult(None, None, 0, 0, 0, {})


def export_bundles(
    store: Store,
    out: Path,
    *,
    full: bool = False,
    destination: str = DEFAULT_DESTINATION,
    max_versions: int | None = MAX_VERSIONS_PER_BUNDLE,
    plain: bool = False,
    outbox_dir: Path | None = None,
) -> list[ExportResult]:
    """Write what ``destination`` has not had yet (or everything) as one or more bundle parts.

    With an enrolled office each part is sealed to it (signed, then encrypted) unless ``plain``.

    Each part is a complete bundle with its own number; several parts need ``out`` to be a folder.
    With ``outbox_dir`` every part also lands in the outbox (``outbox.remember``), with the office's
    inbox as a destination when the bundle is sealed to an office whose inbox certificate is known.
    """
    since = 0 if full else last_exported(store, destination)
    office = None if plain else enrolled_office(store)
    results: list[ExportResult] = []
    while True:
        prepared = prepare_export(
            store,
            full=full and not results,
            destination=destination,
            since=since,
            max_versions=max_versions,
        )
        if prepared is None:
            break
        if out.is_dir():
            path = out / default_file_name(store.device_id, prepared.seq)
        elif results:
            path = out.with_name(f"{out.stem}-{len(results) + 1}{out.suffix}")
        else:
            path = out
        data: bytes | tuple[bytes, ...] = prepared.data
        if office is not None:
            data = seal_parts(store, office, prepared.data, prepared.bundle_id, prepared.seq)
        write_atomically(path, data)
        record_export(store, prepared, destination)
        if outbox_dir is not None:
            network = office is not None and office.tls_sha256 is not None
            remember(store, outbox_dir, path, prepared.bundle_id, prepared.seq, network=network)
        counts = prepared.counts
        results.append(
            ExportResult(
                path,
                prepared.bundle_id,
                prepared.seq,
                counts.changes,
                counts.field_versions,
                counts.tables,
                office.kid if office is not None else None,
                signed_by=prepared.signed_by,
            )
        )
        since = prepared.up_to
    return results + _export_photos(
        store, out, destination, full=full, office=office, outbox_dir=outbox_dir
    )


def _export_photos(
    store: Store,
    out: Path,
    destination: str,
    *,
    full: bool,
    office: EnrolledOffice | None,
    outbox_dir: Path | None,
) -> list[ExportResult]:
    """Photo parts beside the bundles: photos not yet sent to ``destination`` (``full``: not yet
    acknowledged by its receipt), each part sealed like the bundles and, with ``outbox_dir``, put
    in the outbox like them (sent to the office's inbox until its receipt confirms the part)."""
    hashes = unsent_photos(store, destination, full=full)
    if not hashes:
        return []
    seq = max(1, int(store.meta("bundle_seq") or 0))
    results = []
    for number, part in enumerate(prepare_parts(store, hashes, seq), start=1):
        folder = out if out.is_dir() else out.parent
        path = folder / part_file_name(store.device_id, seq, number)
        data: bytes | tuple[bytes, ...] = part.data
        if office is not None:
            data = seal_parts(store, office, part.data, part.part_id, part.seq)
        write_part(path, data)
        record_part(store, part, destination)
        if outbox_dir is not None:
            network = office is not None and office.tls_sha256 is not None
            remember(store, outbox_dir, path, part.part_id, seq, network=network)
        results.append(
            ExportResult(
                path,
                part.part_id,
                seq,
                0,
                0,
                {},
                office.kid if office is not None else None,
                photos=len(part.hashes),
            )
        )
    return results


def last_exported(store: Store, destination: str) -> int:
    """The arrival counter up to which ``destination`` has been sent everything (withdrawn
    exports left out: their changes go again, ``outbox.withdraw_unsealed``)."""
    row = store.conn.execute(
        "SELECT coalesce(max(up_to), 0) FROM exports WHERE destination = ? "
        "AND withdrawn_at IS NULL",
        (destination,),
    ).fetchone()
    return int(row[0])


def prepare_export(
    store: Store,
    *,
    full: bool = False,
    destination: str = DEFAULT_DESTINATION,
    since: int | None = None,
    max_versions: int | None = None,
) -> PreparedExport | None:
    """Build the next bundle for ``destination``; None when an incremental one would be empty.

    ``since`` overrides where it starts; ``max_versions`` caps its size (the rest goes in the
    next part, found by calling again with ``since`` = this part's ``up_to``).
    """
    conn = store.conn
    up_to = conn.execute("SELECT coalesce(max(seq), 0) FROM fc").fetchone()[0]
    if since is None:
        since = 0 if full else last_exported(store, destination)
    if max_versions is not None:
        # The change at which the part reaches ``max_versions`` field versions closes it.
        row = conn.execute(
            """SELECT seq FROM (SELECT seq, sum(n) OVER (ORDER BY seq) AS total FROM fc
                   WHERE seq > ?) WHERE total >= ? LIMIT 1""",
            (since, max_versions),
        ).fetchone()
        if row is not None:
            up_to = min(up_to, row[0])
    changes_text, counts = _changes_json(store, since, up_to)
    if counts.changes == 0 and not (full and since == 0):
        return None
    seq = int(store.meta("bundle_seq") or 0) + 1
    officer = current_officer(store)
    source = Source(
        device_id=store.device_id,
        seq=seq,
        app_version=__version__,
        schema_version=SCHEMA_VERSION,
        officer_name=officer.name if officer else None,
        officer_nip=officer.nip if officer else None,
        office=store.meta("office"),
        region_data=data_version(),
    )
    bundle_id = new_record_id()
    created_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    digest = hashlib.sha256(changes_text.encode("utf-8")).hexdigest()
    head = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "bundle_id": bundle_id,
        "created_at": created_at,
        "source": source.to_json(),
        "counts": counts.to_json(),
        "changes_sha256": digest,
    }
    head_digest = header_digest(head)
    head[HEADER_DIGEST_KEY] = head_digest
    keys = office_keys(store)
    if keys is not None:  # an office vouches for what it sends and relays
        signed = keys.signing.sign(OFFICE_SIGN_CONTEXT + head_digest.encode())
        head[SIGNATURE_KEY] = {"kid": keys.kid, "sig": base64.b64encode(signed).decode()}
    head_text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    data = (head_text[:-1] + ',"changes":' + changes_text + "}").encode("utf-8")
    return PreparedExport(
        data, bundle_id, seq, up_to, created_at, digest, counts, keys.kid if keys else None
    )


def record_export(store: Store, prepared: PreparedExport, destination: str) -> None:
    """After the file is safely written: count the bundle number and what it carried."""
    with transaction(store.conn):
        store.set_meta("bundle_seq", str(prepared.seq))
        store.conn.execute(
            "INSERT INTO exports (destination, bundle_id, seq, up_to, created_at, changes_sha256) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                destination,
                prepared.bundle_id,
                prepared.seq,
                prepared.up_to,
                prepared.created_at,
                prepared.digest,
            ),
        )


# One row per change, its canonical text assembled in SQL from the stored canonical values
# (no re-encoding): keys in canonical order base, hlc, id, table, values; changes sorted by HLC,
# table, id (docs/benchmarks.md, P7).
_CHANGES_SQL = """
SELECT tbl, n,
       '{' || CASE WHEN base <> '{}' THEN '"base":' || base || ',' ELSE '' END
       || '"hlc":"' || hlc || '","id":"' || rid || '","table":"' || tbl || '","values":'
       || body || '}'
FROM fc WHERE seq > ? AND seq <= ?
ORDER BY hlc, tbl, rid
"""


def _changes_json(store: Store, since: int, up_to: int) -> tuple[str, Counts]:
    """The canonical changes array of the versions that arrived in ``(since, up_to]``."""
    cursor = store.conn.cursor()
    cursor.row_factory = None  # plain tuples: a third faster to fetch than sqlite3.Row
    rows = cursor.execute(_CHANGES_SQL, (since, up_to)).fetchall()
    tables: dict[str, int] = {}
    versions = 0
    for table, count, _ in rows:
        tables[table] = tables.get(table, 0) + 1
        versions += count
    text = "[" + ",".join([row[2] for row in rows]) + "]"
    return text, Counts(len(rows), versions, dict(sorted(tables.items())))
