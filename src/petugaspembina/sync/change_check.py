"""Checking one change of a bundle against the schema (sync.md "What a reader refuses").

Every value of every imported change passes here, so the common case is kept short: a text that
is already clean (no control or bidi character, no surrounding space) is taken as it is and only
its kind's own check runs; anything else goes through ``clean_text`` exactly as a typed value does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ..core.changes import Change
from ..core.hlc import MAX_HLC, is_valid_hlc, is_valid_hlc_form
from ..core.ids import is_record_id
from ..core.records import SCHEMA
from ..core.text import clean_text, has_bidi_controls

_CHANGE_KEYS = frozenset({"table", "id", "hlc", "values", "base"})
# A non-empty text that ``clean_text`` leaves as it is and that holds no bidi control: none of
# the characters either of them removes or flags, and no white space at either end (``\s`` is
# the white space ``str.strip`` removes). ``tests/sync/test_change_check.py`` checks this.
_CLEAN_TEXT = re.compile(
    r"(?!\s)[^\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]+(?<!\s)"
).fullmatch

Check = Callable[[Any], str | None]


@cache
def _fields(table: str) -> dict[str, tuple[Check, bool]]:
    """Each field of ``table``: its kind's check of a value (not None) and whether it is multi-line."""
    return {name: (kind.checker(), kind.multiline) for name, kind in SCHEMA[table].items()}


def is_clean_text(text: str) -> bool:
    """True when ``clean_text`` leaves ``text`` unchanged and non-empty and it holds no bidi
    control, whatever the field: such a text needs no cleaning."""
    return _CLEAN_TEXT(text) is not None


def check_change(index: int, raw: Any, problems: list[str], bidi: list[str]) -> Change | None:
    """The change at ``index``, or None after adding its problems to ``problems``.

    Texts are cleaned as typed ones are (control characters removed, an empty text read as
    null); fields holding bidi controls are added to ``bidi``.
    """
    if raw.__class__ is not dict or not _CHANGE_KEYS.issuperset(raw):
        problems.append(
            f"perubahan #{index + 1}: harus objek dengan table, id, hlc, values (dan base)."
        )
        return None
    # Any: JSON values until checked (the checks below make them texts and a dict).
    table: Any = raw.get("table")
    rid: Any = raw.get("id")
    hlc: Any = raw.get("hlc")
    values: Any = raw.get("values")
    fields = _fields(table) if table.__class__ is str and table in SCHEMA else None
    stamp_ok = is_valid_hlc(hlc)
    if (
        fields is None
        or not is_record_id(rid)
        or not stamp_ok
        or values.__class__ is not dict
        or not values
    ):
        _change_problems(index, table, rid, hlc, values, stamp_ok, problems)
        return None
    before = len(problems)
    clean: dict[str, Any] | None = None
    for name, value in values.items():
        spec = fields.get(name)
        if spec is None:
            problems.append(f"perubahan #{index + 1}: kolom {table}.{name} tidak dikenal.")
            continue
        check, multiline = spec
        if value.__class__ is str and _CLEAN_TEXT(value) is None:
            if has_bidi_controls(value):
                bidi.append(f"{table}.{name} ({rid})")
            cleaned = clean_text(value, multiline=multiline) or None
            if cleaned is None and value.strip():
                problems.append(
                    f"perubahan #{index + 1}: {table}.{name} hanya berisi karakter kendali."
                )
            if clean is None:
                clean = dict(values)
            clean[name] = value = cleaned
        if value is not None:
            reason = check(value)
            if reason:
                problems.append(f"perubahan #{index + 1}: {table}.{name} {reason}.")
    base = (
        _check_base(f"perubahan #{index + 1}", raw["base"], values, hlc, problems)
        if "base" in raw
        else {}
    )
    if len(problems) > before:
        return None
    return Change(table, rid, hlc, values if clean is None else clean, base)


def _change_problems(
    index: int, table: Any, rid: Any, hlc: Any, values: Any, stamp_ok: bool, problems: list[str]
) -> None:
    """The problems of a change whose table, id, HLC or values are wrong."""
    where = f"perubahan #{index + 1}"
    if not isinstance(table, str) or table not in SCHEMA:
        problems.append(f"{where}: tabel {table!r} tidak dikenal.")
    if not is_record_id(rid):
        problems.append(f"{where}: id rekaman tidak sah.")
    if not stamp_ok:
        beyond = isinstance(hlc, str) and hlc >= MAX_HLC and is_valid_hlc_form(hlc)
        problems.append(
            f"{where}: HLC di luar batas wajar (tahun 2200 atau lebih)."
            if beyond
            else f"{where}: HLC tidak sah."
        )
    if not isinstance(values, dict) or not values:
        problems.append(f"{where}: values harus objek berisi minimal satu kolom.")


def _check_base(
    where: str, raw: Any, values: dict[str, Any], hlc: str, problems: list[str]
) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        problems.append(f"{where}: base harus objek.")
        return {}
    base: dict[str, list[str]] = {}
    for name, hlcs in raw.items():
        if name not in values:
            problems.append(f"{where}: base menyebut kolom {name} yang tidak ada di values.")
        elif (
            not isinstance(hlcs, list)
            or not hlcs
            or not all(isinstance(h, str) and h < hlc and is_valid_hlc(h) for h in hlcs)
            or len(set(hlcs)) != len(hlcs)
        ):
            problems.append(f"{where}: base.{name} harus daftar HLC sah yang lebih awal.")
        else:
            base[name] = hlcs
    return base
