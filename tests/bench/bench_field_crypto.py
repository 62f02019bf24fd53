"""The field-level alternative to SQLCipher, measured on what it would add (docs/security.md).

Field-level encryption would seal every personal value (``Kind.personal``) with AES-256-GCM before
it is stored, and open it on every read. This measures, on the bench's bundle parts and its
100k-people database:

- P4: the sealing work an import would add (one AESGCM per personal field version), against the
  import time measured by ``bench_sync``;
- P1/P2: what a sorted or searched people list would cost when names can no longer be sorted or
  matched by SQLite (the FTS index cannot hold ciphertext): opening all names to search them.

Run: ``PYTHONPATH=. uv run python -m tests.bench.bench_field_crypto [--people 30000]``
"""

from __future__ import annotations

import argparse
import json
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from petugaspembina.core.records import SCHEMA

CACHE = Path(tempfile.gettempdir()) / "petugaspembina-bench"


def personal_values(folder: Path) -> list[bytes]:
    """Every personal field value of the bundle parts in ``folder``, as UTF-8 JSON text."""
    out = []
    for path in sorted(folder.glob("*.json")):
        for change in json.loads(path.read_bytes())["changes"]:
            kinds = SCHEMA.get(change["table"], {})
            for field, value in change["values"].items():
                kind = kinds.get(field)
                if kind is not None and kind.personal and value is not None:
                    out.append(json.dumps(value, ensure_ascii=False).encode())
    return out


def seal_all(values: list[bytes]) -> float:
    """Seconds to seal every value with its own nonce."""
    aead = AESGCM(secrets.token_bytes(32))
    start = time.perf_counter()
    for value in values:
        nonce = secrets.token_bytes(12)
        aead.encrypt(nonce, value, b"people.full_name")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=30_000)
    args = parser.parse_args()
    values = personal_values(CACHE / f"bundles-{args.people}")
    seal_s = seal_all(values)
    print(
        f"P4 ({args.people:,} people): {len(values):,} personal field versions, sealing "
        f"{seal_s:.2f} s ({seal_s / len(values) * 1e6:.1f} µs each)"
    )
    names = [f"Nama Peserta Nomor {i}".encode() for i in range(100_000)]
    aead = AESGCM(secrets.token_bytes(32))
    resealed = []
    for value in names:
        nonce = secrets.token_bytes(12)
        resealed.append((nonce, aead.encrypt(nonce, value, b"n")))
    times = []
    for _ in range(5):
        start = time.perf_counter()
        found = [n for nonce, c in resealed if b"Nomor 9999" in (n := aead.decrypt(nonce, c, b"n"))]
        times.append(time.perf_counter() - start)
    print(
        f"P2/P1: opening 100,000 names to search or sort them: median "
        f"{statistics.median(times) * 1000:.0f} ms per keystroke or list load "
        f"(budget P2 30 ms); {len(found)} found"
    )


if __name__ == "__main__":
    main()
