"""The app lock's local settings and attempts: how many idle minutes lock the window, and the
wrong passwords typed at the lock screen (counted across restarts, slowed down like the kiosk
PIN, audited without what was typed).

The password check itself is not here: the window is given a ``check_password(text) -> bool``
by whoever opened the database (see docs/app.md "App lock")."""

from __future__ import annotations

from collections.abc import Callable

from .audit import record_audit
from .errors import InvalidInput
from .pin import count_attempt, failed_attempts
from .store import Store

IDLE_KEY = "lock_idle_minutes"
DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 120
_FAILURES = "lock_failures"


def idle_minutes(store: Store) -> int:
    """Minutes without keyboard or mouse before the window locks (default 10); a stored value
    that is not a number in range counts as the default."""
    value = (store.get_setting(IDLE_KEY) or "").strip()
    if value.isdigit() and MIN_IDLE_MINUTES <= int(value) <= MAX_IDLE_MINUTES:
        return int(value)
    return DEFAULT_IDLE_MINUTES


def set_idle_minutes(store: Store, minutes: int) -> None:
    """Choose the idle minutes (1 to 120)."""
    if not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        raise InvalidInput(
            f"Waktu kunci otomatis harus {MIN_IDLE_MINUTES} sampai {MAX_IDLE_MINUTES} menit.",
            "lock_idle_minutes",
        )
    store.set_setting(IDLE_KEY, str(minutes))


def failed_unlocks(store: Store) -> int:
    """Wrong passwords typed at the lock screen in a row since the last right one."""
    return failed_attempts(store, _FAILURES)


def try_unlock(store: Store, check: Callable[[str], bool], secret: str) -> int | None:
    """Check what was typed at the lock screen with ``check``: None when right, else the seconds
    to wait before the next try (2, 4, 8 … at most five minutes, as for the kiosk PIN)."""
    delay = count_attempt(
        store, check(secret), counter=_FAILURES, action="app_unlock_wrong", log_as="app lock"
    )
    if delay is None:
        record_lock_event(store, "app_unlocked")
    return delay


def unlocked_with_recovery(store: Store) -> None:
    """The lock screen was opened with the office's recovery key (a new password was chosen):
    the count of wrong passwords starts again; audited as ``app_unlocked``."""
    store.set_setting(_FAILURES, "0")
    record_lock_event(store, "app_unlocked", "kunci pemulihan")


def record_password_changed(store: Store, proof: str) -> None:
    """Audit a new database password (``proof``: ``kata sandi lama`` or ``kunci pemulihan``)."""
    record_lock_event(store, "password_changed", proof)


def record_lock_event(store: Store, action: str, detail: str | None = None) -> None:
    """Write ``app_locked`` (detail: ``otomatis`` or ``manual``) or ``app_unlocked`` to the
    audit log."""
    with store.transaction() as conn:
        record_audit(conn, action, detail=detail)
