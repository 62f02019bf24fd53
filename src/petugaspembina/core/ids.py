"""Record ids (UUID4, lowercase) and device ids (32 lowercase hex); whole-string ASCII matches."""

from __future__ import annotations

import re
import secrets
import uuid

_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.ASCII)
_DEVICE_RE = re.compile(r"[0-9a-f]{32}", re.ASCII)


def new_record_id() -> str:
    """A fresh record id made on this device."""
    return str(uuid.uuid4())


def new_device_id() -> str:
    """A fresh random device id."""
    return secrets.token_hex(16)


def is_record_id(value: object) -> bool:
    """True for a lowercase 36-character UUID."""
    return isinstance(value, str) and _UUID_RE.fullmatch(value) is not None


def is_device_id(value: object) -> bool:
    """True for 32 lowercase hex digits."""
    return isinstance(value, str) and _DEVICE_RE.fullmatch(value) is not None
