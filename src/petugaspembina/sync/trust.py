"""Office keys, key files, enrolment and revocation (docs/security.md).

An office database holds two key pairs: a hybrid ML-KEM-768 + X25519 pair for sealing (officers
encrypt bundles to it; the hybrid keeps a copied stick closed even against a future quantum
computer, as long as either half holds) and Ed25519 for signing (receipts). Every device already has its Ed25519 key (``keys.py``). Public keys
travel only as key files handed over in person; the fingerprint both screens show is computed from
the key bytes by the reader, never taken from the file. Private keys live only in ``meta``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey, MLKEM768PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from ..core.ids import is_device_id
from ..profile import OFFICE_ROLE, ROLE_KEY, current_officer, set_role
from ..store.audit import record_audit
from ..store.errors import InvalidInput, NotFound
from ..store.store import Store, utc_now_iso
from .bundle import write_atomically
from .errors import BundleRejected
from .keys import signing_key
from .netkeys import (
    ensure_tls_certificate,
    inbox_fields,
    read_inbox_fields,
    read_upload_token,
    upload_token,
)
from .outbox import withdraw_unsealed
from .reader import parse_json

OFFICE_KEY_FORMAT = "petugaspembina.office-key"
DEVICE_KEY_FORMAT = "petugaspembina.device-key"
_SEALING_META = "office_sealing_key"
_SIGNING_META = "office_signing_key"
_MAX_KEY_FILE = 64 * 1024
_MLKEM_PUBLIC = 1184  # bytes of an ML-KEM-768 public key; the X25519 half follows (32)
_MLKEM_SEED = 64
SEALING_PUBLIC_BYTES = _MLKEM_PUBLIC + 32


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _public_raw(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(label: bytes, *keys: bytes) -> str:
    """Six groups of five digits to read aloud (like a phone number), from the key bytes."""
    digest = hashlib.sha256(label + b"\0" + b"".join(keys)).digest()
    number = int.from_bytes(digest[:16], "big") % 10**30
    text = f"{number:030d}"
    return " ".join(text[i : i + 5] for i in range(0, 30, 5))


def office_kid(sealing_public: bytes, signing_public: bytes) -> str:
    """The office key id: 16 hex digits naming the pair (printed in sealed bundles)."""
    return hashlib.sha256(b"office\0" + sealing_public + signing_public).hexdigest()[:16]


def device_fingerprint(device_id: str, public: bytes) -> str:
    """A device's fingerprint: device id and key together."""
    return fingerprint(b"device", device_id.encode(), public)


# -- office keys -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class OfficeKeys:
    """This database's office key pairs."""

    mlkem: MLKEM768PrivateKey
    x25519: X25519PrivateKey
    signing: Ed25519PrivateKey
    # The key id, worked out once: it derives both public keys (0.1 ms), and every sealed bundle
    # opened compares its ``to`` with it.
    kid: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kid", office_kid(self.sealing_public, self.signing_public))

    @property
    def sealing(self) -> hpke.MLKEM768X25519PrivateKey:
        """The hybrid HPKE private key."""
        return hpke.MLKEM768X25519PrivateKey(self.mlkem, self.x25519)

    @property
    def sealing_public(self) -> bytes:
        """ML-KEM-768 public key (1184 bytes) followed by the X25519 public key (32 bytes)."""
        return self.mlkem.public_key().public_bytes_raw() + _public_raw(self.x25519.public_key())

    @property
    def signing_public(self) -> bytes:
        """Raw Ed25519 public key."""
        return _public_raw(self.signing.public_key())

    @property
    def fingerprint(self) -> str:
        """What the clerk reads aloud."""
        return fingerprint(b"office", self.sealing_public, self.signing_public)


def office_keys(store: Store) -> OfficeKeys | None:
    """The office keys of this database, or None when it has none (not an office, or not yet)."""
    sealing, signing = store.meta(_SEALING_META), store.meta(_SIGNING_META)
    if not sealing or not signing:
        return None
    raw = base64.b64decode(sealing)
    return OfficeKeys(
        MLKEM768PrivateKey.from_seed_bytes(raw[:_MLKEM_SEED]),
        X25519PrivateKey.from_private_bytes(raw[_MLKEM_SEED:]),
        Ed25519PrivateKey.from_private_bytes(base64.b64decode(signing)),
    )


def create_office_keys(store: Store) -> OfficeKeys:
    """Make the office key pairs once; refuses to replace existing ones (enrolled devices use them)."""
    if office_keys(store) is not None:
        raise InvalidInput("Basis data ini sudah punya kunci kantor; kunci tidak dibuat ulang.")
    kem, x25519 = MLKEM768PrivateKey.generate(), X25519PrivateKey.generate()
    signing = Ed25519PrivateKey.generate()
    raw = (kem.private_bytes_raw()) + x25519.private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()
    )
    with store.transaction() as conn:
        store.set_meta(_SEALING_META, _b64(raw))
        record_audit(
            conn,
            "office-keys-created",
            detail=office_kid(
                kem.public_key().public_bytes_raw() + _public_raw(x25519.public_key()),
                _public_raw(signing.public_key()),
            ),
        )
        store.set_meta(
            _SIGNING_META,
            _b64(signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())),
        )
    ensure_tls_certificate(store)  # the inbox's certificate, pinned through the key file
    if store.get_setting(ROLE_KEY) is None:  # a database holding the office's keys is the office's
        set_role(store, OFFICE_ROLE)
    return OfficeKeys(kem, x25519, signing)


def office_key_file(store: Store) -> dict[str, Any]:
    """The public office key file (JSON)."""
    keys = office_keys(store)
    if keys is None:
        raise NotFound("Basis data ini belum punya kunci kantor (office-keys create).")
    return {
        "format": OFFICE_KEY_FORMAT,
        "format_version": 1,
        "office": store.meta("office"),
        "kid": keys.kid,
        "sealing_key": _b64(keys.sealing_public),
        "signing_key": _b64(keys.signing_public),
        "fingerprint": keys.fingerprint,
        **inbox_fields(store, keys.signing),
    }


def device_key_file(store: Store) -> dict[str, Any]:
    """This device's public key file (JSON): the officer's name helps the clerk, nothing else."""
    public = _public_raw(signing_key(store).public_key())
    officer = current_officer(store)
    return {
        "format": DEVICE_KEY_FORMAT,
        "format_version": 1,
        "device_id": store.device_id,
        "officer": officer.name if officer else None,
        "public_key": _b64(public),
        "fingerprint": device_fingerprint(store.device_id, public),
        # Carried to the office at enrolment; keep the file as safe as the laptop afterwards.
        "upload_token": upload_token(store),
    }


def write_key_file(doc: dict[str, Any], out: Path) -> None:
    """Write a key file atomically (public keys only)."""
    write_atomically(out, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode())


# -- enrolment ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Enrolled:
    """What ``enrol`` did, for the screen: kind, who, and the fingerprint to compare aloud."""

    kind: str  # "device", "office" (the seal target) or "relay-office" (at an office)
    key_id: str
    label: str | None
    fingerprint: str
    withdrawn: int = 0  # bundles written before this office was enrolled: sent again, sealed


def _raw_key(doc: dict[str, Any], name: str, size: int = 32) -> bytes:
    value = doc.get(name)
    try:
        raw = base64.b64decode(value, validate=True) if isinstance(value, str) else b""
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != size:
        raise BundleRejected(
            "invalid-key", f"Berkas kunci tidak sah: {name} bukan kunci {size} byte."
        )
    return raw


def _label(value: Any) -> str | None:
    return value[:120] if isinstance(value, str) else None


def enrol_file(store: Store, path: Path, *, check_only: bool = False) -> Enrolled:
    """Enrol a device key file (at an office) or an office key file (on an officer's device).

    ``check_only``: every check, and what would be enrolled with its fingerprint, but nothing is
    written, so the fingerprint can be compared before the key is trusted.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a folder or FIFO is never opened
            raise BundleRejected("not-a-key", "Bukan berkas kunci Petugas Pembina.")
        data = path.read_bytes() if info.st_size <= _MAX_KEY_FILE else b""
    except OSError as exc:
        raise BundleRejected("unreadable", f"Berkas tidak dapat dibaca: {exc.strerror}.") from exc
    try:
        doc = parse_json(data)
    except BundleRejected:
        doc = None
    kind = doc.get("format") if isinstance(doc, dict) else None
    if not isinstance(doc, dict) or kind not in (OFFICE_KEY_FORMAT, DEVICE_KEY_FORMAT):
        raise BundleRejected("not-a-key", "Bukan berkas kunci Petugas Pembina.")
    if kind == DEVICE_KEY_FORMAT:
        return _enrol_device(store, doc, check_only)
    return _enrol_office(store, doc, check_only)


def _enrol_device(store: Store, doc: dict[str, Any], check_only: bool) -> Enrolled:
    device_id = doc.get("device_id")
    if not is_device_id(device_id):
        raise BundleRejected("invalid-key", "Berkas kunci tidak sah: device_id.")
    assert isinstance(device_id, str)
    if office_keys(store) is None:
        raise BundleRejected(
            "no-office-keys",
            "Perangkat hanya didaftarkan di kantor: buat kunci kantor dulu (office-keys create).",
        )
    if device_id == store.device_id:
        raise BundleRejected("invalid-key", "Ini kunci perangkat ini sendiri.")
    public = _raw_key(doc, "public_key")
    Ed25519PublicKey.from_public_bytes(public)
    shown = device_fingerprint(device_id, public)
    label = _label(doc.get("officer"))
    token = read_upload_token(doc)
    if check_only:
        return Enrolled("device", device_id, label, shown)
    with store.transaction() as conn:
        known = conn.execute(
            "SELECT public_key FROM enrolled_devices WHERE device_id = ?", (device_id,)
        ).fetchone()
        if known is not None and known[0] != _b64(public):
            raise BundleRejected(
                "key-changed",
                "Perangkat ini sudah terdaftar dengan kunci lain; cabut dulu (revoke-device) bila "
                "perangkatnya memang diganti.",
            )
        conn.execute(
            "INSERT INTO enrolled_devices (device_id, public_key, label, fingerprint, enrolled_at, "
            "upload_token_hash) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET "
            "label = excluded.label, "
            "upload_token_hash = coalesce(excluded.upload_token_hash, upload_token_hash)",
            (device_id, _b64(public), label, shown, utc_now_iso(), token),
        )
        record_audit(conn, "device-enrolled", detail=device_id)
    return Enrolled("device", device_id, label, shown)


def _enrol_office(store: Store, doc: dict[str, Any], check_only: bool) -> Enrolled:
    sealing = _raw_key(doc, "sealing_key", SEALING_PUBLIC_BYTES)
    signing = _raw_key(doc, "signing_key")
    try:
        _sealing_public(sealing)
        Ed25519PublicKey.from_public_bytes(signing)
    except ValueError as exc:
        raise BundleRejected("invalid-key", "Berkas kunci tidak sah: kunci rusak.") from exc
    kid = office_kid(sealing, signing)
    own = office_keys(store)
    if own is not None and own.kid == kid:
        raise BundleRejected(
            "invalid-key", "Ini kunci kantor ini sendiri; daftarkan di laptop petugas."
        )
    shown = fingerprint(b"office", sealing, signing)
    label = _label(doc.get("office"))
    tls_sha256, inbox_url = read_inbox_fields(doc, Ed25519PublicKey.from_public_bytes(signing))
    if check_only:
        return Enrolled("relay-office" if own is not None else "office", kid, label, shown)
    if own is not None:  # an office enrolling another office: it will take that office's relays
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO relay_offices (kid, office, signing_key, fingerprint, enrolled_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (kid) DO UPDATE SET office = excluded.office",
                (kid, label, _b64(signing), shown, utc_now_iso()),
            )
            record_audit(conn, "relay-office-enrolled", detail=kid)
        return Enrolled("relay-office", kid, label, shown)
    with store.transaction() as conn:
        before = conn.execute("SELECT kid FROM enrolled_offices").fetchone()
        # What was written before is not sealed to this office, which refuses it: sent again.
        withdrawn = withdraw_unsealed(conn) if before is None or before[0] != kid else 0
        # One office at a time: a new office file replaces the old one (the officer moved).
        conn.execute("DELETE FROM enrolled_offices")
        conn.execute(
            "INSERT INTO enrolled_offices (kid, office, sealing_key, signing_key, fingerprint, "
            "enrolled_at, tls_sha256, inbox_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kid,
                label,
                _b64(sealing),
                _b64(signing),
                shown,
                utc_now_iso(),
                tls_sha256 or None,
                inbox_url,
            ),
        )
        record_audit(conn, "office-enrolled", detail=kid)
    return Enrolled("office", kid, label, shown, withdrawn)


def _sealing_public(raw: bytes) -> hpke.MLKEM768X25519PublicKey:
    return hpke.MLKEM768X25519PublicKey(
        MLKEM768PublicKey.from_public_bytes(raw[:_MLKEM_PUBLIC]),
        X25519PublicKey.from_public_bytes(raw[_MLKEM_PUBLIC:]),
    )


@dataclass(frozen=True, slots=True)
class EnrolledOffice:
    """The office this device seals its bundles to."""

    kid: str
    office: str | None
    sealing_key: hpke.MLKEM768X25519PublicKey
    signing_key: Ed25519PublicKey
    fingerprint: str
    tls_sha256: str | None = None  # the inbox certificate to pin; None: an older key file
    inbox_url: str | None = None


def enrolled_office(store: Store) -> EnrolledOffice | None:
    """The enrolled office, or None."""
    row = store.conn.execute(
        "SELECT kid, office, sealing_key, signing_key, fingerprint, tls_sha256, inbox_url "
        "FROM enrolled_offices"
    ).fetchone()
    if row is None:
        return None
    return EnrolledOffice(
        row[0],
        row[1],
        _sealing_public(base64.b64decode(row[2])),
        Ed25519PublicKey.from_public_bytes(base64.b64decode(row[3])),
        row[4],
        row[5],
        row[6],
    )


@dataclass(frozen=True, slots=True)
class RelayOffice:
    """An office enrolled here as a relay (``devices``)."""

    kid: str
    office: str | None
    fingerprint: str
    enrolled_at: str
    revoked_at: str | None


def list_relay_offices(store: Store) -> list[RelayOffice]:
    """Every office enrolled here as a relay."""
    rows = store.conn.execute(
        "SELECT kid, office, fingerprint, enrolled_at, revoked_at FROM relay_offices "
        "ORDER BY enrolled_at, kid"
    )
    return [RelayOffice(*row) for row in rows]


def relay_office_key(store: Store, kid: str) -> Ed25519PublicKey | None:
    """The signing key of an office enrolled here as a relay (docs/security.md "Relays"), or None."""
    row = store.conn.execute(
        "SELECT signing_key FROM relay_offices WHERE kid = ? AND revoked_at IS NULL", (kid,)
    ).fetchone()
    return None if row is None else Ed25519PublicKey.from_public_bytes(base64.b64decode(row[0]))


@dataclass(frozen=True, slots=True)
class DeviceEntry:
    """One enrolled device (``devices``)."""

    device_id: str
    label: str | None
    fingerprint: str
    enrolled_at: str
    revoked_at: str | None

    def public_key(self, store: Store) -> Ed25519PublicKey:
        """The enrolled public key."""
        row = store.conn.execute(
            "SELECT public_key FROM enrolled_devices WHERE device_id = ?", (self.device_id,)
        ).fetchone()
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(row[0]))


def list_devices(store: Store) -> list[DeviceEntry]:
    """Every enrolled device, revoked ones included."""
    rows = store.conn.execute(
        "SELECT device_id, label, fingerprint, enrolled_at, revoked_at FROM enrolled_devices "
        "ORDER BY enrolled_at, device_id"
    )
    return [DeviceEntry(*row) for row in rows]


def enrolled_device(store: Store, device_id: str) -> DeviceEntry | None:
    """One enrolled device, or None (by its key: every upload asks, and an office has many)."""
    row = store.conn.execute(
        "SELECT device_id, label, fingerprint, enrolled_at, revoked_at FROM enrolled_devices "
        "WHERE device_id = ?",
        (device_id,),
    ).fetchone()
    return None if row is None else DeviceEntry(*row)


def revoke_device(store: Store, device_id: str) -> DeviceEntry:
    """Revoke a device: every later bundle of it is refused (already imported data stays)."""
    entry = enrolled_device(store, device_id)
    if entry is None:
        raise NotFound("Perangkat itu tidak terdaftar di kantor ini.")
    if entry.revoked_at is None:
        with store.transaction() as conn:
            conn.execute(
                "UPDATE enrolled_devices SET revoked_at = ? WHERE device_id = ?",
                (utc_now_iso(), device_id),
            )
            record_audit(conn, "device-revoked", detail=device_id)
    entry = enrolled_device(store, device_id)
    assert entry is not None
    return entry
