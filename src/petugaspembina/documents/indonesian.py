"""Dates and numbers the way Indonesian letters write them (babel's ``id`` locale)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def tanggal(day: date) -> str:
    """``22 Agustus 2023``."""
    return str(format_date(day, "d MMMM y", locale="id"))


def hari_tanggal(day: date) -> str:
    """``Selasa, 22 Agustus 2023``."""
    return str(format_date(day, "EEEE, d MMMM y", locale="id"))


def hari(day: date) -> str:
    """``Selasa``."""
    return str(format_date(day, "EEEE", locale="id"))


def roman_month(day: date) -> str:
    """Letter numbers use the month in Roman numerals: ``VIII``."""
    return _ROMAN[day.month - 1]


def parse_iso(text: str | None) -> date | None:
    """A stored ISO date, or None."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


_KEEP_UPPER = frozenset(
    {
        "TPI",
        "RI",
        "UPT",
        "UPTD",
        "PPA",
        "KANIM",
        "PIMPASA",
        "TPPO",
        "NIP",
        "NIK",
        "BP3MI",
        "LPSK",
        *_ROMAN,
    }
)


def office_title(text: str) -> str:
    """``KANTOR IMIGRASI KELAS I TPI BENGKULU`` → ``Kantor Imigrasi Kelas I TPI Bengkulu``."""
    return " ".join(w if w.upper() in _KEEP_UPPER else w.capitalize() for w in text.split())
