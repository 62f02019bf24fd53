"""Sealed bundles: a plain bundle signed by its device, then encrypted to one office (docs/security.md).

Construction (format ``petugaspembina.sealed-bundle`` version 1):

- ``envelope`` = format, format_version, suite, to (office key id), from (device id), bundle_id,
  seq; ``info`` = its canonical JSON (UTF-8).
- signature = Ed25519(device key, ``SIGN_CONTEXT`` + info + sha256(plain bundle bytes)): the
  signature names the office it was sealed for, so it cannot be re-sealed to another office.
- ``sealed`` = base64 of HPKE (RFC 9180, base mode, single shot) with the hybrid KEM
  ML-KEM-768 + X25519, HKDF-SHA256 and AES-256-GCM to the office's sealing key, ``info`` as the
  HPKE info: the 1120-byte encapsulated key followed by the ciphertext of (64-byte signature +
  plain bundle bytes).

Any changed bit of the envelope or the ciphertext fails the AEAD; a bundle for another office fails
on ``to`` before any decryption; an unknown or revoked device is refused before its changes are read.
"""

from __future__ import annotations

import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Any

import pybase64
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke

from ..core.changes import canonical_json
from ..core.ids import is_device_id, is_record_id
from ..store.store import Store
from .errors import BundleRejected
from .keys import signing_key
from .reader import MAX_SEQ, SEALED_FORMAT
from .trust import EnrolledOffice, OfficeKeys, enrolled_device, office_keys

SEALED_VERSION = 1
SUITE = "HPKE-base(MLKEM768-X25519,HKDF-SHA256,AES-256-GCM)+Ed25519"
SIGN_CONTEXT = b"petugaspembina.sealed-bundle/1\n"
_HPKE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_ENVELOPE_KEYS = ("format", "format_version", "suite", "to", "from", "bundle_id", "seq")


def _signed_message(info: bytes, plain_sha256: bytes) -> bytes:
    return SIGN_CONTEXT + info + b"\n" + plain_sha256


def seal(store: Store, office: EnrolledOffice, plain: bytes, bundle_id: str, seq: int) -> bytes:
    """Sign ``plain`` with this device's key and encrypt it to ``office``: the sealed file bytes."""
    return b"".join(seal_parts(store, office, plain, bundle_id, seq))


def seal_parts(
    store: Store, office: EnrolledOffice, plain: bytes, bundle_id: str, seq: int
) -> tuple[bytes, ...]:
    """``seal`` as pieces to write one after another (no copy of the whole file in memory)."""
    envelope: dict[str, Any] = {
        "format": SEALED_FORMAT,
        "format_version": SEALED_VERSION,
        "suite": SUITE,
        "to": office.kid,
        "from": store.device_id,
        "bundle_id": bundle_id,
        "seq": seq,
    }
    info = canonical_json(envelope).encode("utf-8")
    signature = signing_key(store).sign(_signed_message(info, hashlib.sha256(plain).digest()))
    sealed = _HPKE.encrypt(signature + plain, office.sealing_key, info=info)
    # ``format`` first, like a plain bundle, so a reader knows the file by its first bytes.
    head = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))
    return (head[:-1].encode(), b',"sealed":"', pybase64.b64encode(sealed), b'"}')


@dataclass(frozen=True, slots=True)
class Opened:
    """A sealed bundle whose seal and signature checked out."""

    plain: bytes
    device_id: str
    bundle_id: str
    seq: int
    plain_sha256: str  # hex; hashed once for the signature (0.2 ms per 360 KB of bundle)


def is_sealed(doc: Any) -> bool:
    """True for a sealed envelope (parsed JSON)."""
    return isinstance(doc, dict) and doc.get("format") == SEALED_FORMAT


def open_sealed(store: Store, doc: dict[str, Any], keys: OfficeKeys | None = None) -> Opened:
    """Check and open a sealed envelope at this office; raises BundleRejected with the reason.

    ``keys``: the office keys when the caller holds them already (the inbox server: reading them
    from the database and expanding the ML-KEM seed costs about 0.1 ms per bundle)."""
    version = doc.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SEALED_VERSION:
        raise BundleRejected(
            "newer", "Bundel tersegel dibuat oleh versi aplikasi yang lebih baru — perbarui."
        )
    if (
        set(doc) != {*_ENVELOPE_KEYS, "sealed"}
        or version != SEALED_VERSION
        or doc.get("suite") != SUITE
        or not isinstance(doc.get("to"), str)
        or not is_device_id(doc.get("from"))
        or not is_record_id(doc.get("bundle_id"))
        or not isinstance(doc.get("seq"), int)
        or isinstance(doc.get("seq"), bool)
        or not 1 <= doc["seq"] <= MAX_SEQ
        or not isinstance(doc.get("sealed"), str)
    ):
        raise BundleRejected(
            "damaged", "Bundel tersegel rusak atau telah diubah (amplop tidak sah)."
        )
    keys = keys or office_keys(store)
    if keys is None:
        raise BundleRejected(
            "no-office-keys",
            "Bundel tersegel untuk kantor, tetapi basis data ini tidak punya kunci kantor.",
        )
    if doc["to"] != keys.kid:
        raise BundleRejected(
            "other-office", f"Bundel ini ditujukan ke kantor lain ({str(doc['to'])[:16]})."
        )
    device_id: str = doc["from"]
    device = enrolled_device(store, device_id)
    if device is None:
        raise BundleRejected(
            "unknown-device",
            f"Bundel dari perangkat yang belum terdaftar ({device_id[:8]}); disimpan di karantina "
            "sampai kasubsi memutuskan (daftarkan perangkatnya dengan enrol, lalu impor ulang).",
        )
    if device.revoked_at is not None:
        raise BundleRejected(
            "revoked-device",
            f"Perangkat {device_id[:8]} telah dicabut pada {device.revoked_at[:10]}; "
            "bundelnya tidak diterima.",
        )
    try:
        info, opened = _decrypt(doc, keys)
    except (binascii.Error, ValueError, InvalidTag) as exc:
        raise BundleRejected(
            "damaged", "Bundel tersegel rusak atau telah diubah (segel tidak cocok)."
        ) from exc
    signature, plain = opened[:64], opened[64:]
    digest = hashlib.sha256(plain).digest()
    try:
        device.public_key(store).verify(signature, _signed_message(info, digest))
    except InvalidSignature as exc:
        raise BundleRejected(
            "bad-signature",
            f"Tanda tangan bundel tidak cocok dengan kunci terdaftar perangkat {device_id[:8]}.",
        ) from exc
    return Opened(plain, device_id, doc["bundle_id"], doc["seq"], digest.hex())


def _decrypt(doc: dict[str, Any], keys: OfficeKeys) -> tuple[bytes, bytes]:
    """The envelope's ``info`` and the decrypted signature ‖ plain bundle."""
    envelope = {key: doc[key] for key in _ENVELOPE_KEYS}
    info = canonical_json(envelope).encode("utf-8")
    # pybase64 (SIMD): the standard library's decoder took 0.55-1 ms per 360 KB of bundle, this
    # one 17 us, and it is as strict (any character outside the alphabet, or stray padding, is an
    # error; docs/benchmarks.md N2).
    sealed = pybase64.b64decode(doc["sealed"], validate=True)
    return info, _HPKE.decrypt(sealed, keys.sealing, info=info)


def peek_sealed(store: Store, doc: Any) -> bytes | None:
    """The plain bundle inside a sealed envelope addressed to this office, without the sender's
    checks: for an erasure searching quarantined bundles (a device not yet enrolled sent most of
    them). None when this database cannot open it (no office keys, another office, damaged)."""
    keys = office_keys(store)
    if keys is None or not is_sealed(doc) or doc.get("to") != keys.kid:
        return None
    try:
        return _decrypt(doc, keys)[1][64:]
    except (KeyError, TypeError, binascii.Error, ValueError, InvalidTag):
        return None
