"""What sending over the network adds to the keys (docs/security.md "Sending over the network").

- The office inbox's **TLS certificate**: self-signed (ECDSA P-256), made with the office keys and
  kept in ``meta`` like them. Officers never trust a certificate authority: the office key file
  carries the certificate's SHA-256 (``tls_sha256``) and the inbox address (``inbox_url``), both
  signed by the office signing key (``tls_signature``), which the fingerprint read aloud covers.
  The officer's app then accepts exactly that certificate.
- Each device's **upload token**: 32 random bytes made on the device, carried to the office in its
  device key file at enrolment; the office keeps only its SHA-256. It keeps strangers from filling
  the inbox's disk; it proves nothing about the bundles (their signatures do).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import re
import secrets
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.x509.oid import NameOID

from ..store.store import Store
from .errors import BundleRejected

_TLS_KEY_META = "inbox_tls_key"
_TLS_CERT_META = "inbox_tls_cert"
_TOKEN_META = "upload_token"
_TLS_CONTEXT = b"petugaspembina.office-inbox/1\n"
SHA256_RE = re.compile(r"[0-9a-f]{64}", re.ASCII)
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{43}", re.ASCII)
URL_RE = re.compile(r"https://[A-Za-z0-9.\-\[\]:]{1,200}(:[0-9]{1,5})?/?", re.ASCII)
INBOX_URL_SETTING = "inbox_url"


# -- the office's TLS certificate --------------------------------------------------------------
def tls_material(store: Store) -> tuple[bytes, bytes] | None:
    """The inbox's (certificate PEM, private key PEM), or None when not made yet."""
    cert, key = store.meta(_TLS_CERT_META), store.meta(_TLS_KEY_META)
    if not cert or not key:
        return None
    return cert.encode("ascii"), key.encode("ascii")


def ensure_tls_certificate(store: Store) -> tuple[bytes, bytes]:
    """The inbox's certificate and key, made once (twenty years; only its hash is trusted)."""
    existing = tls_material(store)
    if existing is not None:
        return existing
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "petugaspembina-inbox")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * 20))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    with store.transaction():
        store.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?), (?, ?)",
            (_TLS_CERT_META, cert_pem.decode(), _TLS_KEY_META, key_pem.decode()),
        )
    return cert_pem, key_pem


def certificate_sha256(cert_pem: bytes) -> str:
    """SHA-256 (hex) of the certificate's DER bytes: what officers pin."""
    der = x509.load_pem_x509_certificate(cert_pem).public_bytes(serialization.Encoding.DER)
    return hashlib.sha256(der).hexdigest()


def _tls_message(tls_sha256: str, inbox_url: str | None) -> bytes:
    return _TLS_CONTEXT + f"{tls_sha256}\n{inbox_url or ''}".encode()


def inbox_fields(store: Store, signing: Ed25519PrivateKey) -> dict[str, Any]:
    """The office key file's network fields: certificate hash, address, and their signature."""
    cert_pem, _ = ensure_tls_certificate(store)
    digest = certificate_sha256(cert_pem)
    url = store.get_setting(INBOX_URL_SETTING)
    signature = signing.sign(_tls_message(digest, url))
    return {
        "tls_sha256": digest,
        "inbox_url": url,
        "tls_signature": base64.b64encode(signature).decode(),
    }


def read_inbox_fields(doc: dict[str, Any], signing: Ed25519PublicKey) -> tuple[str, str | None]:
    """(tls_sha256, inbox_url) of an office key file, checked against its signing key.

    A file from before network sending has none: (``""``, None), and nothing is sent over the
    network until a newer file is enrolled.
    """
    digest = doc.get("tls_sha256")
    if digest is None:
        return "", None
    url = doc.get("inbox_url")
    signature = doc.get("tls_signature")
    if (
        not isinstance(digest, str)
        or not SHA256_RE.fullmatch(digest)
        or (url is not None and not (isinstance(url, str) and URL_RE.fullmatch(url)))
        or not isinstance(signature, str)
    ):
        raise BundleRejected("invalid-key", "Berkas kunci tidak sah: data kotak masuk kantor.")
    try:
        signing.verify(base64.b64decode(signature, validate=True), _tls_message(digest, url))
    except (InvalidSignature, binascii.Error, ValueError) as exc:
        raise BundleRejected(
            "invalid-key", "Berkas kunci tidak sah: sertifikat kotak masuk tidak ditandatangani."
        ) from exc
    return digest, url


# -- upload tokens -----------------------------------------------------------------------------
def upload_token(store: Store) -> str:
    """This device's upload token, made on first use (kept in the database)."""
    token = store.meta(_TOKEN_META)
    if token:
        return token
    token = secrets.token_urlsafe(32)
    store.set_meta(_TOKEN_META, token)
    return token


def token_hash(token: str) -> str:
    """What the office keeps of a token."""
    return hashlib.sha256(b"petugaspembina.upload-token/1\n" + token.encode()).hexdigest()


def read_upload_token(doc: dict[str, Any]) -> str | None:
    """The device key file's token hash, or None (a file from before network sending)."""
    token = doc.get("upload_token")
    if token is None:
        return None
    if not isinstance(token, str) or not TOKEN_RE.fullmatch(token):
        raise BundleRejected("invalid-key", "Berkas kunci tidak sah: upload_token.")
    return token_hash(token)


def device_of_token(store: Store, token: str) -> tuple[str, str | None] | None:
    """(device id, revoked_at) of the device holding ``token``, or None for no such token."""
    if not TOKEN_RE.fullmatch(token):
        return None
    wanted = token_hash(token)
    row = store.conn.execute(
        "SELECT device_id, revoked_at, upload_token_hash FROM enrolled_devices "
        "WHERE upload_token_hash = ?",
        (wanted,),
    ).fetchone()
    if row is None or not hmac.compare_digest(row[2], wanted):
        return None
    return row[0], row[1]
