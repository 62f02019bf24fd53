"""Dates and times as people read them, one style everywhere (window, documents' lists, CLI).

A date is ``22 Nov 2026`` (babel's Indonesian short month names); a time is shown in the
session's zone with its name, ``19:25 WIB`` — stored moments are UTC and never shown as such.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache

from babel.dates import get_month_names

from .enums import TimeZone

DATE_PATTERN = "d MMM y"  # babel (CLDR) pattern: 22 Nov 2026, 5 Agu 2026
QT_DATE_FORMAT = "d MMM yyyy"  # the same style for Qt date editors (with an Indonesian locale)


def short_date(value: date | str | None) -> str:
    """``22 Nov 2026``; a stored ISO date (or date-time) is accepted, "" for none, and text
    that is not a date is shown as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value
    else:
        day = value
    # babel's short month names, formatted here: format_date parses its pattern on each call,
    # and lists show hundreds of dates at start.
    return f"{day.day} {_short_months()[day.month]} {day.year}"


@cache
def _short_months() -> dict[int, str]:
    return dict(get_month_names("abbreviated", locale="id"))


def zone_of(code: str | None) -> TimeZone:
    """The session's zone (WIB when unknown)."""
    return TimeZone(code) if code in TimeZone.codes() else TimeZone.WIB


# Provinces (first two digits of a Kemendagri code) on Central (WITA) time; 8x and 9x (Maluku,
# Papua) are on Eastern (WIT) time; the rest (Sumatra, Java, West and Central Kalimantan) on WIB.
_WITA_PROVINCES = frozenset(
    {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
)


def zone_for_region(code: str | None) -> TimeZone:
    """The time zone of a village, regency or province by its Kemendagri code (WIB when unknown)."""
    province = (code or "")[:2]
    if province in _WITA_PROVINCES:
        return TimeZone.WITA
    if province[:1] in ("8", "9"):
        return TimeZone.WIT
    return TimeZone.WIB


def parse_moment(value: datetime | str | None) -> datetime | None:
    """A stored UTC moment (``2026-11-22T12:25:00Z``) as an aware datetime, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def in_zone(moment: datetime, zone: str | None) -> datetime:
    """The moment on the wall clocks of ``zone``."""
    hours = zone_of(zone).utc_offset_hours
    return moment.astimezone(UTC) + timedelta(hours=hours)


def time_in_zone(value: datetime | str | None, zone: str | None) -> str:
    """``19:25 WIB`` for a stored UTC moment; "" when there is none."""
    moment = parse_moment(value)
    if moment is None:
        return ""
    return f"{in_zone(moment, zone):%H:%M} {zone_of(zone).value}"


def moment_in_zone(value: datetime | str | None, zone: str | None) -> str:
    """``22 Nov 2026 19:25 WIB``; "" when there is none."""
    moment = parse_moment(value)
    if moment is None:
        return ""
    local = in_zone(moment, zone)
    return f"{short_date(local.date())} {local:%H:%M} {zone_of(zone).value}"


def local_moment(value: datetime | str | None) -> str:
    """``22 Nov 2026 21:52`` on this computer's clock, for a stored UTC moment (when a bundle
    arrived, say); "" when there is none, text that is not a moment as it is."""
    moment = parse_moment(value)
    if moment is None:
        return "" if value is None else str(value)
    local = moment.astimezone()
    return f"{short_date(local.date())} {local:%H:%M}"


def zone_name(offset: timedelta) -> str:
    """WIB, WITA or WIT for Indonesia's offsets, else ``UTC+5:30`` / ``UTC-3`` / ``UTC``."""
    for zone in TimeZone:
        if offset == timedelta(hours=zone.utc_offset_hours):
            return zone.value
    minutes = round(offset.total_seconds() / 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def taken_moment(value: str | None, zone: str | None) -> tuple[datetime, str] | None:
    """A photo's time taken on its own clock with that clock's zone name: its own offset when
    it has one (WIB/WITA/WIT or UTC±h), else a camera's clock read in ``zone`` (the session's,
    where the photo was taken); None when there is no time or it is not one."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    offset = moment.utcoffset()
    return moment, zone_name(offset) if offset is not None else zone_of(zone).value


def wall_clock_moment(value: str | None, zone: str | None = None) -> str:
    """``22 Nov 2026 09:15 WIB`` for a photo's time taken (``taken_moment``); "" when there is
    none, text that is not a time as it is."""
    found = taken_moment(value, zone)
    if found is None:
        return value or ""
    moment, named = found
    return f"{short_date(moment.date())} {moment:%H:%M} {named}"


def count_text(number: int) -> str:
    """A count as an Indonesian reader writes it: ``10.469`` (babel's Indonesian grouping)."""
    from babel.numbers import format_decimal

    return str(format_decimal(number, locale="id"))
