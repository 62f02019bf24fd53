"""The hybrid logical clock: monotonic when the wall clock jumps back, text order = clock order."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petugaspembina.core.hlc import Hlc, HlcError, HybridClock, is_clock_suspect, is_valid_hlc

DEVICE = "a" * 32
OTHER = "b" * 32
millis = st.integers(min_value=0, max_value=253_402_300_799_999)  # up to 9999-12-31
# Clocks from outside are accepted only below MAX_HLC (2200-01-01): the reader refuses the rest.
accepted_millis = st.integers(min_value=0, max_value=7_258_118_399_999)
hlcs = st.builds(
    Hlc, accepted_millis, st.integers(0, 0xFFFF), st.sampled_from([DEVICE, OTHER, "0" * 32])
)


def test_text_form_is_fixed_width() -> None:
    stamp = Hlc(1_795_317_307_123, 0, DEVICE)
    assert str(stamp) == f"2026-11-22T03:15:07.123Z/0000/{DEVICE}"
    assert Hlc.parse(str(stamp)) == stamp


@given(hlcs)
def test_parse_round_trip(stamp: Hlc) -> None:
    assert Hlc.parse(str(stamp)) == stamp


@given(hlcs, hlcs)
def test_string_order_is_clock_order(a: Hlc, b: Hlc) -> None:
    assert (str(a) < str(b)) == (a < b)


@given(st.lists(millis, min_size=1, max_size=200))
def test_ticks_strictly_increase_whatever_the_wall_clock_does(walls: list[int]) -> None:
    clock = HybridClock(DEVICE)
    issued = [clock.tick(wall) for wall in walls]
    assert all(str(a) < str(b) for a, b in itertools.pairwise(issued))


@given(st.lists(st.tuples(st.booleans(), millis, hlcs), min_size=1, max_size=100))
def test_tick_after_observe_exceeds_everything_seen(events: list[tuple[bool, int, Hlc]]) -> None:
    clock = HybridClock(DEVICE)
    seen: list[Hlc] = []
    for is_import, wall, remote in events:
        if is_import:
            clock.observe(remote)
            seen.append(remote)
        else:
            seen.append(clock.tick(wall))
    assert all(str(clock.tick(0)) > str(s) for s in seen)


def test_counter_overflow_moves_to_next_millisecond() -> None:
    clock = HybridClock(DEVICE, Hlc(1000, 0xFFFF, DEVICE))
    assert clock.tick(5) == Hlc(1001, 0, DEVICE)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        f"2026-11-22T03:15:07.123Z/0000/{DEVICE.upper()}",
        f"2026-11-22T03:15:07Z/0000/{DEVICE}",
        f"2026-13-22T03:15:07.123Z/0000/{DEVICE}",
        f"2026-02-30T03:15:07.123Z/0000/{DEVICE}",
        f"2026-11-22T03:15:07.123Z/00000/{DEVICE}",
        f"2026-11-22T03:15:07.123Z/0000/{DEVICE}x",
    ],
)
def test_malformed_hlc_is_refused(text: str) -> None:
    assert not is_valid_hlc(text)
    with pytest.raises(HlcError):
        Hlc.parse(text)


def test_clock_suspect_far_future_or_before_release() -> None:
    now = datetime(2026, 11, 22, tzinfo=UTC)
    assert is_clock_suspect(Hlc.parse(f"2027-01-01T00:00:00.000Z/0000/{DEVICE}"), now)
    assert is_clock_suspect(Hlc.parse(f"2001-01-01T00:00:00.000Z/0000/{DEVICE}"), now)
    assert not is_clock_suspect(Hlc.parse(f"2026-11-22T12:00:00.000Z/0000/{DEVICE}"), now)
