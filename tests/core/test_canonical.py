"""The fast path for one field value writes exactly the canonical JSON of sync.md."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from petugaspembina.core.changes import Change, canonical_json, encode_value

_TEXT = st.text(st.characters(exclude_categories=()))  # every code point: non-BMP, lone surrogates
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | _TEXT
)
_VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner) | st.dictionaries(_TEXT, inner), max_leaves=10
)


def _reference(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@settings(max_examples=2000)
@given(_VALUES)
def test_fast_value_encoding_equals_json_dumps(value: Any) -> None:
    assert encode_value(value) == _reference(value) == canonical_json(value)


def test_fast_value_encoding_of_awkward_text() -> None:
    for text in [
        "",
        'Siti "Aminah"\\',
        "\x00\x1f\x7f\n\t",
        "Ñusantara ü",
        "𝓟𝓮𝓽𝓾𝓰𝓪𝓼 😀",
        "\u202e",
        "\ud800",
    ]:
        assert encode_value(text) == _reference(text)
    for number in [0, -1, 2**63, -(2**70)]:
        assert encode_value(number) == _reference(number)


@given(st.dictionaries(st.sampled_from(["full_name", "nik", "sex", "birth_year"]), _SCALARS))
def test_change_rows_hold_canonical_values(values: dict[str, Any]) -> None:
    rows = Change("people", "r", "h", values).rows()
    assert [row[4] for row in rows] == [_reference(v) for v in values.values()]
