"""Pictures made once per test session (a 12 MP phone photo takes a second to make)."""

from __future__ import annotations

import pytest

from .imagegen import phone_jpeg


@pytest.fixture(scope="session")
def phone_photo() -> bytes:
    """A 4000×3000 phone JPEG, upright, taken 2026-06-14 09:30, with no GPS position."""
    return phone_jpeg(seed=1)


@pytest.fixture(scope="session")
def gps_photo() -> bytes:
    """A 2000×1500 phone JPEG with a GPS position and orientation 6 (held upright)."""
    return phone_jpeg(2000, 1500, seed=2, gps=True, orientation=6)
