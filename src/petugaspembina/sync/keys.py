"""The device's Ed25519 signing key (certificates now; sealed bundles later).

The private key lives in the database's local metadata (never in bundles or dumps), so it backs up
with the data; the public key travels as a ``device_keys`` record so any office can verify.
"""

from __future__ import annotations

import base64
import uuid

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from ..core.records import DeviceKey
from ..store.errors import NotFound
from ..store.store import Edit, Store

_META_KEY = "signing_key"
_NAMESPACE = uuid.UUID("6b1f3c2e-8d4a-4f1e-9c7b-2a5d0e9f4b13")


def device_key_record_id(device_id: str) -> str:
    """The ``device_keys`` record id of a device: the same on every machine."""
    return str(uuid.uuid5(_NAMESPACE, device_id))


def signing_key(store: Store) -> Ed25519PrivateKey:
    """This device's private key, made (and its public key published) on first use."""
    stored = store.meta(_META_KEY)
    if stored:
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored))
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    with store.transaction():
        store.set_meta(_META_KEY, base64.b64encode(raw).decode())
        store.write_many(
            [
                Edit(
                    DeviceKey.TABLE,
                    {"device_id": store.device_id, "public_key": base64.b64encode(public).decode()},
                    device_key_record_id(store.device_id),
                    new=True,
                )
            ]
        )
    return key


def sign(store: Store, message: bytes) -> bytes:
    """An Ed25519 signature by this device."""
    return signing_key(store).sign(message)


def verify(store: Store, device_id: str, message: bytes, signature: bytes) -> bool:
    """Check a signature against the trusted key of ``device_id``.

    The key comes from this device itself or from enrolment at this office; never from records a
    bundle can write. Only a database without office keys (an officer's device, or an office that
    has not made keys yet) falls back to the published ``device_keys`` record.

    Raises:
        NotFound: no trusted key for that device here.
    """
    public = _trusted_key(store, device_id)
    try:
        public.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _trusted_key(store: Store, device_id: str) -> Ed25519PublicKey:
    if device_id == store.device_id:
        return signing_key(store).public_key()
    row = store.conn.execute(
        "SELECT public_key FROM enrolled_devices WHERE device_id = ?", (device_id,)
    ).fetchone()
    if row is not None:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(row[0]))
    if store.meta("office_sealing_key"):
        raise NotFound(
            "Perangkat penerbit belum terdaftar di kantor ini; keaslian tidak dapat dipastikan."
        )
    try:
        record = store.get(DeviceKey, device_key_record_id(device_id))
    except NotFound as exc:
        raise NotFound("Kunci perangkat penerbit belum ada di basis data ini.") from exc
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(record.public_key))
