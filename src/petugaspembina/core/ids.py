"""Record ids (lowercase UUIDs, time-ordered version 7 for new ones) and device ids (32 hex);
whole-string ASCII matches.

Any lowercase UUID is a valid record id: records made before version 7 ids keep their random
(version 4) ids. New ids start with the creation time in milliseconds, so a device's new records
land at the right-hand edge of every index instead of at a random page of an ever larger B-tree
(benchmarks.md, P6). The time they reveal is no more than the record's HLC already says.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
import uuid

_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.ASCII)
_DEVICE_RE = re.compile(r"[0-9a-f]{32}", re.ASCII)


_lock = threading.Lock()
_last = [0, 0]  # millisecond and counter of the last id made here


def uuid7(millis: int, counter: int, random_bits: int) -> str:
    """A version 7 UUID (RFC 9562): 48-bit Unix milliseconds, a 12-bit counter, 62 random bits."""
    value = (
        (millis & 0xFFFF_FFFF_FFFF) << 80
        | 0x7 << 76
        | (counter & 0xFFF) << 64
        | 0b10 << 62
        | (random_bits & (1 << 62) - 1)
    )
    return str(uuid.UUID(int=value))


def new_record_id() -> str:
    """A fresh record id made on this device; ids made here increase (RFC 9562 method 1)."""
    with _lock:
        millis = time.time_ns() // 1_000_000
        if millis > _last[0]:
            _last[0], _last[1] = millis, secrets.randbits(10)
        elif _last[1] < 0xFFF:
            _last[1] += 1
        else:  # 4,096 ids within one millisecond: borrow the next one
            _last[0], _last[1] = _last[0] + 1, 0
        return uuid7(_last[0], _last[1], secrets.randbits(62))


def new_device_id() -> str:
    """A fresh random device id."""
    return secrets.token_hex(16)


def is_record_id(value: object) -> bool:
    """True for a lowercase 36-character UUID."""
    return isinstance(value, str) and _UUID_RE.fullmatch(value) is not None


def is_device_id(value: object) -> bool:
    """True for 32 lowercase hex digits."""
    return isinstance(value, str) and _DEVICE_RE.fullmatch(value) is not None
