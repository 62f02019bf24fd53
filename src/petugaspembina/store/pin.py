"""The officer's kiosk PIN: 4-8 digits, stored only as a salted PBKDF2 hash in local settings.

Wrong PINs in a row make the next try wait longer (2, 4, 8 … seconds, at most five minutes);
each is written to the audit log and the application log, never with what was typed."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from .audit import record_audit
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


_FAILURES = "kiosk_pin_failures"
MAX_DELAY = 300
_log = logging.getLogger(__name__)


def wrong_pin_delay(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong PINs in a row: 2, 4, 8 … up to five minutes."""
    return 0 if failures <= 0 else min(2**failures, MAX_DELAY)


def wrong_pins(store: Store) -> int:
    """Wrong PINs typed in a row since the last right one."""
    return failed_attempts(store, _FAILURES)


def try_pin(store: Store, pin: str) -> int | None:
    """Check ``pin``: None when right (the count of wrong ones starts again), else the seconds
    to wait before the next try. Each wrong PIN is logged and audited, without the PIN typed."""
    return count_attempt(
        store,
        check_pin(store, pin),
        counter=_FAILURES,
        action="kiosk_pin_wrong",
        log_as="kiosk: wrong PIN",
    )


def count_attempt(
    store: Store, right: bool, *, counter: str, action: str, log_as: str
) -> int | None:
    """One attempt at a secret (kiosk PIN, app lock): None when ``right`` (the count of wrong
    ones, kept in the local setting ``counter``, starts again), else the seconds to wait before
    the next try. A wrong one is written to the audit log as ``action`` with its number in the
    row, and to the application log (``log_as``); what was typed never reaches either."""
    if right:
        store.set_setting(counter, "0")
        return None
    failures = failed_attempts(store, counter) + 1
    store.set_setting(counter, str(failures))
    with store.transaction() as conn:
        record_audit(conn, action, detail=f"percobaan ke-{failures}")
    _log.warning("%s, %d in a row", log_as, failures)
    return wrong_pin_delay(failures)


def failed_attempts(store: Store, counter: str) -> int:
    """Wrong attempts in a row recorded under the setting ``counter`` (0 if unreadable)."""
    value = store.get_setting(counter) or "0"
    return int(value) if value.isdigit() else 0
