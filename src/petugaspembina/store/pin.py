"""The officer's kiosk PIN: 4-8 digits, stored only as a salted PBKDF2 hash in local settings."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from .errors import InvalidInput
from .store import Store

_KEY = "kiosk_pin"
_ROUNDS = 200_000


def _digest(pin: str, salt: bytes) -> str:
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, _ROUNDS).hex()


def has_pin(store: Store) -> bool:
    """True once the officer has chosen a PIN."""
    return store.get_setting(_KEY) is not None


def set_pin(store: Store, pin: str) -> None:
    """Choose the PIN (4 to 8 digits)."""
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise InvalidInput("PIN harus 4 sampai 8 angka.", "pin")
    salt = secrets.token_bytes(16)
    store.set_setting(_KEY, f"{salt.hex()}:{_digest(pin, salt)}")


def check_pin(store: Store, pin: str) -> bool:
    """Whether ``pin`` is the officer's PIN."""
    stored = store.get_setting(_KEY)
    if not stored:
        return False
    salt_hex, _, digest = stored.partition(":")
    return hmac.compare_digest(digest, _digest(pin, bytes.fromhex(salt_hex)))
