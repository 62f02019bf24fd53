"""Cleaning free text from forms and bundles: strip C0 controls, detect bidi overrides (bad-inputs row 9)."""

from __future__ import annotations

import functools
import re
import unicodedata

# C0 controls and DEL are removed; tab and newline are kept where a field allows several lines
# and become spaces elsewhere (they separate words).
_C0 = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\t\n\r]")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def clean_text(text: str, multiline: bool = False) -> str:
    """Remove control characters and surrounding space; single-line fields also lose tab and newline."""
    if not text:
        return ""
    cleaned = _C0.sub("", text)
    if not multiline:
        cleaned = _LINE_BREAKS.sub(" ", cleaned)
    return cleaned.strip()


def has_bidi_controls(text: str) -> bool:
    """True when text holds bidirectional overrides that can disguise what is displayed."""
    return bool(_BIDI.search(text))


_SHOWN_ESCAPED = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def show_escaped(text: str) -> str:
    """Text with bidi and control characters shown as ``<U+202E>`` so a clerk sees what is there.

    Used wherever imported text is printed on a terminal (a raw U+202E would reorder the line).
    """
    return _SHOWN_ESCAPED.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def shorten(text: str | None, width: int, ellipsis: str = "…") -> str:
    """``text`` on one line in at most ``width`` characters, cut at a word boundary with "…".

    A first word longer than ``width`` is cut inside (nothing better fits); trailing punctuation
    before the ellipsis is dropped so "Desa Maju, …" reads "Desa Maju…".
    """
    line = " ".join((text or "").split())
    if len(line) <= width:
        return line
    if width <= len(ellipsis):
        return line[:width]
    room = width - len(ellipsis)
    cut = line[: room + 1]  # one more: a space just after the limit is a clean cut
    space = cut.rfind(" ")
    kept = cut[:space] if space > 0 else line[:room]
    return kept.rstrip(" ,.;:-–—/") + ellipsis


_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


@functools.lru_cache(maxsize=200_000)
def name_key(name: str | None) -> str:
    """A name folded for comparing people: case, accents' width forms, punctuation and runs of
    spaces do not count (``" SITI.  aminah"`` → ``"siti aminah"``)."""
    folded = unicodedata.normalize("NFKC", name or "").casefold()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


_LOWER_WORDS = frozenset({"bin", "binti", "van", "de"})


def tidy_name(name: str) -> str:
    """A typed name as it is stored: runs of spaces collapsed, trimmed; all-lowercase or
    all-uppercase typing gets title case ("siti BINTI ..." stays as typed when mixed), with
    "bin"/"binti" kept lowercase."""
    words = name.split()
    joined = " ".join(words)
    if joined != joined.lower() and joined != joined.upper():
        return joined
    return " ".join(
        w.lower() if i and w.lower() in _LOWER_WORDS else w.capitalize()
        for i, w in enumerate(words)
    )
