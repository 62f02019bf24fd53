"""Hybrid logical clock (sync.md "Identity and time"): fixed-width text whose string order is clock order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

# ASCII digits only, anchored at the true end (``$`` would accept a trailing newline).
_HLC_RE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})\.([0-9]{3})Z"
    r"/([0-9a-f]{4})/([0-9a-f]{32})",
    re.ASCII,
)
_MAX_COUNTER = 0xFFFF
# The app did not exist before this instant; earlier clocks are flagged as suspect.
FIRST_RELEASE = datetime(2026, 1, 1, tzinfo=UTC)
SUSPECT_AHEAD = timedelta(days=1)
# No clock at or beyond this is accepted from outside (bundles, a stored clock). Every HLC below it
# leaves the local clock room for 65,536 × (10000 - 2200) years of writes before year 10000, so no
# imported value can make a later local write fail (tests/core/test_hlc.py proves it).
MAX_HLC = "2200-01-01T00:00:00.000Z/0000/"
# A laptop clock this far behind the newest time the database has seen is pointed out to the user.
CLOCK_BEHIND_WARNING = timedelta(minutes=5)


class HlcError(ValueError):
    """A text that is not a well-formed HLC."""


@dataclass(frozen=True, order=True, slots=True)
class Hlc:
    """One clock reading: wall time in milliseconds since the epoch, a counter and the device id."""

    millis: int
    counter: int
    device_id: str

    def __str__(self) -> str:
        stamp = datetime.fromtimestamp(self.millis / 1000, tz=UTC)
        return (
            f"{stamp:%Y-%m-%dT%H:%M:%S}.{self.millis % 1000:03d}Z/"
            f"{self.counter:04x}/{self.device_id}"
        )

    @property
    def time(self) -> datetime:
        """The wall-clock part as an aware UTC datetime."""
        return datetime.fromtimestamp(self.millis / 1000, tz=UTC)

    @classmethod
    def parse(cls, text: str) -> Hlc:
        """Parse the text form, raising HlcError on anything malformed."""
        match = _HLC_RE.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise HlcError("HLC tidak valid")
        year, month, day, hour, minute, second, milli = (int(g) for g in match.groups()[:7])
        try:
            stamp = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        except ValueError as exc:
            raise HlcError("HLC tidak valid") from exc
        millis = int(stamp.timestamp()) * 1000 + milli
        return cls(millis, int(match.group(8), 16), match.group(9))


@lru_cache(maxsize=4096)
def _real_date(text: str) -> bool:
    try:
        datetime.strptime(text, "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return False
    return True


def is_valid_hlc(text: object) -> bool:
    """True when the value is a well-formed HLC text (fast: used on every imported change)."""
    return (
        isinstance(text, str)
        and _HLC_RE.fullmatch(text) is not None
        and text < MAX_HLC
        and _real_date(text[:19])
    )


def is_valid_hlc_form(text: object) -> bool:
    """True when the value has the HLC form (a real date), whatever its year."""
    return isinstance(text, str) and _HLC_RE.fullmatch(text) is not None and _real_date(text[:19])


def suspect_bounds(now: datetime) -> tuple[str, str]:
    """HLC texts outside (low, high) are clock-suspect; string order is clock order."""
    low = f"{FIRST_RELEASE:%Y-%m-%dT%H:%M:%S}.000Z/0000/"
    high = f"{now + SUSPECT_AHEAD:%Y-%m-%dT%H:%M:%S}.999Z/ffff/g"
    return low, high


def is_clock_suspect(hlc: Hlc, now: datetime) -> bool:
    """A clock more than a day ahead of ours, or from before the app existed (dead CMOS battery)."""
    return hlc.time > now + SUSPECT_AHEAD or hlc.time < FIRST_RELEASE


def clock_behind(newest: Hlc | None, now_millis: int) -> timedelta | None:
    """How far the wall clock is behind the newest HLC seen, when more than a few minutes
    (a laptop clock set back, bad-inputs row 37); None when the clock looks right."""
    if newest is None:
        return None
    lag = timedelta(milliseconds=newest.millis - now_millis)
    return lag if lag > CLOCK_BEHIND_WARNING else None


class HybridClock:
    """Issues HLCs that always increase, also when the wall clock goes backwards.

    ``last`` is what the caller persists; ``now_millis`` is injectable so tests can move time.
    """

    def __init__(self, device_id: str, last: Hlc | None = None) -> None:
        self.device_id = device_id
        self.last = last

    def tick(self, now_millis: int) -> Hlc:
        """Issue a new HLC greater than every one issued or observed so far."""
        last = self.last
        if last is None or now_millis > last.millis:
            issued = Hlc(now_millis, 0, self.device_id)
        elif last.counter < _MAX_COUNTER:
            issued = Hlc(last.millis, last.counter + 1, self.device_id)
        else:
            issued = Hlc(last.millis + 1, 0, self.device_id)
        self.last = issued
        return issued

    def observe(self, seen: Hlc) -> None:
        """Move past an imported HLC so the next tick is greater than it."""
        if self.last is None or (seen.millis, seen.counter) > (self.last.millis, self.last.counter):
            self.last = Hlc(seen.millis, seen.counter, self.device_id)
