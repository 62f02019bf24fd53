"""What an erasure test must search: a file's bytes as stored and, for an encrypted database, its
WAL or a backup, every page decrypted with the database's key — freed pages too — so a byte search
proves the person is gone from the data, not merely hidden by the encryption.

SQLCipher 4 with a raw key: AES-256-CBC per 4,096-byte page under the key itself; each page ends
with 80 reserved bytes (16-byte IV, then the HMAC); page 1 starts with the 16-byte salt. A WAL is
a 32-byte header, then frames of a 24-byte header and one page.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from petugaspembina.store.quarantine import read_quarantined

PAGE = 4096
RESERVE = 80
PLAIN_HEADER = b"SQLite format 3\x00"


def _page(key: bytes, page: bytes, first: bool) -> bytes:
    start = 16 if first else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    body = page[start : PAGE - RESERVE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def _database_pages(key: bytes, data: bytes) -> bytes:
    return b"".join(
        _page(key, data[offset : offset + PAGE], offset == 0)
        for offset in range(0, len(data) - PAGE + 1, PAGE)
    )


def _wal_pages(key: bytes, data: bytes) -> bytes:
    out = []
    offset = 32
    while offset + 24 + PAGE <= len(data):
        number = int.from_bytes(data[offset : offset + 4], "big")
        out.append(_page(key, data[offset + 24 : offset + 24 + PAGE], number == 1))
        offset += 24 + PAGE
    return b"".join(out)


def readable(path: Path, key: bytes) -> bytes:
    """The bytes of ``path`` followed by everything in it the key decrypts."""
    data = path.read_bytes()
    if path.suffix == ".bundle":
        return data + read_quarantined(path)
    if data.startswith(PLAIN_HEADER) or len(data) < PAGE:
        return data
    if path.name.endswith("-wal"):
        return data + _wal_pages(key, data)
    if len(data) % PAGE == 0:
        return data + _database_pages(key, data)
    return data
