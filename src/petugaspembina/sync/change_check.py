"""Checking one change of a bundle against the schema (sync.md "What a reader refuses").

Every value of every imported change passes here, so the common case is kept short: a text that
is already clean (no control or bidi character, no surrounding space) is taken as it is and only
its kind's own check runs; anything else goes through ``clean_text`` exactly as a typed value does.

The same pass writes each field version's row for the store (``Change.rows``) and measures the
length the change's canonical JSON text has, which lets the reader prove that a bundle's changes
were written canonically without writing them again (``reader.py``, "The changes' checksum").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..core.changes import Change, canonical_json, encode_text, encode_value
from ..core.fields import Kind
from ..core.hlc import MAX_HLC, is_valid_hlc, is_valid_hlc_form
from ..core.ids import is_record_id
from ..core.records import SCHEMA
from ..core.text import clean_text, has_bidi_controls

_CHANGE_KEYS = frozenset({"table", "id", "hlc", "values", "base"})
# The keys of a change in canonical order (sorted), without and with a base.
_PLAIN_KEYS = ("hlc", "id", "table", "values")
_BASED_KEYS = ("base", "hlc", "id", "table", "values")
# The canonical length of a change whose texts are empty and whose objects are ``{}``: a
# change's own length adds those of its texts and objects.
_PLAIN_LENGTH = len(canonical_json({"hlc": "", "id": "", "table": "", "values": {}}))
_BASED_LENGTH = len(canonical_json({"base": {}, "hlc": "", "id": "", "table": "", "values": {}}))
# A non-empty text that ``clean_text`` leaves as it is and that holds no bidi control: none of
# the characters either of them removes or flags, and no white space at either end (``\s`` is
# the white space ``str.strip`` removes). ``tests/sync/test_change_check.py`` checks this.
_CLEAN_TEXT = re.compile(
    r"(?!\s)[^\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]+(?<!\s)"
).fullmatch

Check = Callable[[Any], str | None]
# How a field's values are checked: a short test inline for the common kinds (a text within its
# length, a known code, a flag, a record id), the kind's own check for the rest and whenever the
# short test fails (it gives the reason); then whether the field is multi-line.
_OTHER, _TEXT, _CODE, _FLAG, _REF = range(5)
FieldSpec = tuple[int, Any, Check, bool]


def _spec(kind: Kind) -> FieldSpec:
    code, arg = {
        "text": (_TEXT, kind.max_len),
        "enum": (_CODE, frozenset(kind.enum.codes()) if kind.enum else frozenset()),
        "bool": (_FLAG, None),
        "ref": (_REF, None),
    }.get(kind.base, (_OTHER, None))
    return code, arg, kind.checker(), kind.multiline


_FIELDS: dict[str, dict[str, FieldSpec]] = {
    table: {name: _spec(kind) for name, kind in kinds.items()} for table, kinds in SCHEMA.items()
}
# The canonical length of a change is counted with each field name as its JSON text, the name in
# quotes: true of plain names, which are all the schema has.
if any(canonical_json(name) != f'"{name}"' for kinds in SCHEMA.values() for name in kinds):
    raise RuntimeError("A field name that JSON escapes: read_change cannot count its length.")


def is_clean_text(text: str) -> bool:
    """True when ``clean_text`` leaves ``text`` unchanged and non-empty and it holds no bidi
    control, whatever the field: such a text needs no cleaning.

    ``read_change`` makes the same test inline, the cheap part first: a printable text holds no
    control, bidi or line-break character (all are "Other" or "Separator" in Unicode), and its
    only possible white space is the ASCII space. Anything else (a no-break space is not
    printable) gets the pattern.
    """
    if text and text.isprintable() and text[0] != " " != text[-1]:
        return True
    return _CLEAN_TEXT(text) is not None


def _keys_in_order(value: Any) -> bool:
    """True when every object inside ``value`` lists its keys sorted, as canonical JSON does."""
    if value.__class__ is dict:
        keys = list(value)
        return keys == sorted(keys) and all(map(_keys_in_order, value.values()))
    if value.__class__ is list:
        return all(map(_keys_in_order, value))
    return True


def check_change(index: int, raw: Any, problems: list[str], bidi: list[str]) -> Change | None:
    """The change at ``index``, or None after adding its problems to ``problems``.

    Texts are cleaned as typed ones are (control characters removed, an empty text read as
    null); fields holding bidi controls are added to ``bidi``.
    """
    return read_change(index, raw, problems, bidi)[0]


def read_change(
    index: int, raw: Any, problems: list[str], bidi: list[str]
) -> tuple[Change | None, int]:
    """``check_change``, and the length of the canonical JSON text of ``raw`` when ``raw`` and
    every object in it list their keys in canonical (sorted) order; -1 when they do not or the
    change has problems.

    The change comes with its rows made (``Change.rows``): its values are encoded here anyway.
    """
    if raw.__class__ is not dict:
        problems.append(
            f"perubahan #{index + 1}: harus objek dengan table, id, hlc, values (dan base)."
        )
        return None, -1
    keys = tuple(raw)
    if keys == _PLAIN_KEYS:
        length, ordered = _PLAIN_LENGTH, True
    elif keys == _BASED_KEYS:
        length, ordered = _BASED_LENGTH, True
    elif _CHANGE_KEYS.issuperset(keys):
        length, ordered = 0, False
    else:
        problems.append(
            f"perubahan #{index + 1}: harus objek dengan table, id, hlc, values (dan base)."
        )
        return None, -1
    # Any: JSON values until checked (the checks below make them texts and a dict).
    table: Any = raw.get("table")
    rid: Any = raw.get("id")
    hlc: Any = raw.get("hlc")
    values: Any = raw.get("values")
    fields = _FIELDS.get(table) if table.__class__ is str else None
    stamp_ok = is_valid_hlc(hlc)
    if (
        fields is None
        or not is_record_id(rid)
        or not stamp_ok
        or values.__class__ is not dict
        or not values
    ):
        _change_problems(index, table, rid, hlc, values, stamp_ok, problems)
        return None, -1
    before = len(problems)
    base: dict[str, list[str]] = {}
    base_json: dict[str, str] = {}
    base_problems: list[str] = []
    if "base" in raw:  # checked before the values, reported after theirs
        raw_base = raw["base"]
        base = _check_base(f"perubahan #{index + 1}", raw_base, values, hlc, base_problems)
        base_json = {name: canonical_json(sorted(hlcs)) for name, hlcs in base.items()}
        if not base_problems:
            length += len(canonical_json(raw_base)) - 2
            ordered = ordered and _keys_in_order(raw_base)
    clean: dict[str, Any] | None = None
    # Each value's canonical text, by name: the change log stores them as one object.
    texts: list[tuple[str, str]] = []
    text = texts.append
    previous = ""
    names_in_order = True
    for name, value in values.items():
        spec = fields.get(name)
        if spec is None:
            problems.append(f"perubahan #{index + 1}: kolom {table}.{name} tidak dikenal.")
            continue
        code, arg, check, multiline = spec
        if name <= previous:
            ordered = names_in_order = False
        previous = name
        if value.__class__ is str:
            if (value and value.isprintable() and value[0] != " " != value[-1]) or _CLEAN_TEXT(
                value
            ) is not None:
                encoded = encode_text(value)
            else:
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
                encoded = encode_value(value)
            if value is not None and not (
                len(value) <= arg
                if code == _TEXT
                else value in arg
                if code == _CODE
                else code == _REF and is_record_id(value)
            ):
                reason = check(value)
                if reason:
                    problems.append(f"perubahan #{index + 1}: {table}.{name} {reason}.")
        elif value is None:
            encoded = "null"
        elif value.__class__ is bool and code == _FLAG:
            encoded = "true" if value else "false"
        else:
            reason = check(value)
            if reason:  # the change is refused: no row (a NaN has no JSON text)
                problems.append(f"perubahan #{index + 1}: {table}.{name} {reason}.")
                continue
            encoded = encode_value(value)
            if value.__class__ is not int and value.__class__ is not bool:
                ordered = ordered and _keys_in_order(value)
        text((name, encoded))
    problems.extend(base_problems)
    if len(problems) > before:
        return None, -1
    change = Change(table, rid, hlc, values if clean is None else clean, base)
    if not names_in_order:
        texts.sort()
    change.made_texts = (
        "{" + ",".join([f'"{name}":{encoded}' for name, encoded in texts]) + "}",
        "{"
        + ",".join([f'"{name}":{base_json[name]}' for name in sorted(base_json) if base[name]])
        + "}",
    )
    if not ordered:
        return change, -1
    # The values object: its names (quoted, plain texts: see _FIELDS), colons, encoded values
    # and commas; the encodings of the values as read when cleaning changed any.
    value_texts = (
        sum([len(encoded) for _, encoded in texts])
        if clean is None
        else sum(len(encode_value(value)) for value in values.values())
    )
    names = sum(map(len, values)) + 4 * len(values) - 1
    return change, length + len(hlc) + len(rid) + len(table) + value_texts + names


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
