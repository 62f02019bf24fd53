"""Quarantined bundle files, kept encrypted under the database key (docs/security.md).

A refused bundle is kept for the clerk with its reason. It may hold every personal field of the
people in it, so the copy is sealed like the database: ``write_quarantined(path, data, key)``
writes ``PPQ1`` ‖ 12-byte nonce ‖ AES-256-GCM(key derived from the database key, data), 0600;
``read_quarantined(path)`` gives the bundle bytes back with any key unlocked in this process (a
plain copy left by an older version is returned as it is, and ``encrypt_quarantined`` seals it).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

from . import vault
from .errors import StoreError

MAGIC = b"PPQ1"
_AAD = b"petugaspembina quarantined bundle/1"


def _aead(key: bytes) -> object:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    sub = HKDF(hashes.SHA256(), 32, None, b"petugaspembina quarantine key/1").derive(key)
    return AESGCM(sub)


def write_quarantined(path: Path, data: bytes, key: bytes) -> None:
    """Seal ``data`` into ``path``: atomically (temporary file, fsync, rename), mode 0600."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = _aead(key)
    assert isinstance(aead, AESGCM)
    nonce = secrets.token_bytes(12)
    sealed = MAGIC + nonce + aead.encrypt(nonce, data, _AAD)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:  # mkstemp makes it 0600
            out.write(sealed)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def is_sealed(path: Path) -> bool:
    """True when ``path`` is a sealed quarantined file."""
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def read_quarantined(path: Path) -> bytes:
    """The bundle bytes of a quarantined file (sealed, or plain from an older version).

    Raises StoreError when no key unlocked in this process opens it.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    raw = path.read_bytes()
    if not raw.startswith(MAGIC):
        return raw
    nonce, sealed = raw[len(MAGIC) : len(MAGIC) + 12], raw[len(MAGIC) + 12 :]
    for key in vault.known_keys():
        aead = _aead(key)
        assert isinstance(aead, AESGCM)
        with contextlib.suppress(InvalidTag):
            return aead.decrypt(nonce, sealed, _AAD)
    raise StoreError(
        f"Berkas karantina {path.name} tidak dapat dibuka dengan kunci basis data ini."
    )


def encrypt_quarantined(folder: Path, key: bytes) -> int:
    """Seal every plain quarantined bundle in ``folder`` (left by an older version), overwriting
    the plain copy; returns how many."""
    from .conversion import shred

    count = 0
    for path in sorted(folder.glob("*.bundle")) if folder.is_dir() else []:
        if is_sealed(path):
            continue
        plain = path.with_name(path.name + ".polos")
        os.replace(path, plain)
        write_quarantined(path, plain.read_bytes(), key)
        shred(plain)
        count += 1
    return count
