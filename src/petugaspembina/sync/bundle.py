"""The plain bundle (sync.md, format v1): building it from field versions and writing it atomically."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.changes import Change, canonical_json
from ..core.durable import fsync_folder

FORMAT = "petugaspembina.bundle"
FORMAT_VERSION = 1
MAX_BUNDLE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    """Who made a bundle: the ``source`` object of the format."""

    device_id: str
    seq: int
    app_version: str
    schema_version: int
    officer_name: str | None
    officer_nip: str | None
    office: str | None
    region_data: str

    def to_json(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "device_id": self.device_id,
            "seq": self.seq,
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "officer": {"name": self.officer_name, "nip": self.officer_nip},
            "office": self.office,
            "region_data": self.region_data,
        }


def changes_digest(changes_json: list[dict[str, Any]]) -> str:
    """sha256 hex of the canonical JSON of the changes array."""
    return hashlib.sha256(canonical_json(changes_json).encode("utf-8")).hexdigest()


HEADER_DIGEST_KEY = "header_sha256"
# Optional: an office with keys signs the bundles it writes ({"kid", "sig"}; docs/security.md).
SIGNATURE_KEY = "signature"
OFFICE_SIGN_CONTEXT = b"petugaspembina.office-signed-bundle/1\n"


def header_digest(doc: dict[str, Any]) -> str:
    """sha256 hex of the canonical JSON of every top-level field but ``changes``, itself and the
    office's ``signature`` (which signs this digest).

    The header holds ``changes_sha256``, so this one digest binds the whole bundle: a flipped bit
    anywhere (header or changes) is found.
    """
    head = {k: v for k, v in doc.items() if k not in ("changes", HEADER_DIGEST_KEY, SIGNATURE_KEY)}
    return hashlib.sha256(canonical_json(head).encode("utf-8")).hexdigest()


def sort_key(change: Change) -> tuple[str, str, str]:
    """Bundles list changes by HLC, then table, then id."""
    return (change.hlc, change.table, change.id)


def build_bundle(
    bundle_id: str, created_at: str, source: Source, changes: Iterable[Change]
) -> dict[str, Any]:
    """The complete plain bundle as a JSON-ready dict."""
    ordered = sorted(changes, key=sort_key)
    changes_json = [change.to_json() for change in ordered]
    tables: dict[str, int] = {}
    for change in ordered:
        tables[change.table] = tables.get(change.table, 0) + 1
    bundle: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "bundle_id": bundle_id,
        "created_at": created_at,
        "source": source.to_json(),
        "counts": {
            "changes": len(ordered),
            "field_versions": sum(len(c.values) for c in ordered),
            "tables": tables,
        },
        "changes_sha256": changes_digest(changes_json),
    }
    bundle[HEADER_DIGEST_KEY] = header_digest(bundle)
    bundle["changes"] = changes_json
    return bundle


def write_atomically(path: Path, data: bytes | Sequence[bytes]) -> None:
    """Write to a temporary file beside ``path``, fsync, rename: never a half-written bundle.

    ``data`` may come in pieces, written one after another.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                out.writelines(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)  # the rename itself durable


HEADER_ORDER = (
    "format",
    "format_version",
    "bundle_id",
    "created_at",
    "source",
    "counts",
    "changes_sha256",
    HEADER_DIGEST_KEY,
    SIGNATURE_KEY,
)


def encode_bundle(bundle: dict[str, Any]) -> bytes:
    """The bytes of a bundle file, UTF-8.

    ``format`` comes first so a reader can tell a bundle from any other file by its first bytes;
    only the changes array has to be canonical (its checksum is over the canonical form).
    """
    head = {key: bundle[key] for key in HEADER_ORDER if key in bundle}
    head.update({k: v for k, v in bundle.items() if k not in head and k != "changes"})
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    changes = canonical_json(bundle.get("changes", []))
    return (text[:-1] + ',"changes":' + changes + "}").encode("utf-8")
