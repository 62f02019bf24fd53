"""The export's changes text is the canonical JSON of the changes, however the versions arrived."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from petugaspembina.core.changes import Change, canonical_json
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import prepare_export

from .helpers import load

DEVICE = "ab" * 16
PEOPLE = ["0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5" + c for c in "abc"]
FIELDS = ["full_name", "sex", "birth_year", "village_name", "address", "agency", "_deleted"]
VALUES = {
    "full_name": st.text(min_size=1, max_size=8).map(lambda t: "N" + t.strip()),
    "sex": st.sampled_from(["L", "P"]),
    "birth_year": st.integers(1900, 2020),
    "village_name": st.sampled_from(["Desa Maju", "Kampung 𝔘", "Ñusa", None]),
    "address": st.sampled_from(['Jl. "Mawar" 1', "RT 1\\2", "Gang ☕"]),
    "agency": st.none(),
    "_deleted": st.booleans(),
}


def _hlc(second: int) -> str:
    return f"2026-11-22T03:15:{second:02d}.000Z/0000/{DEVICE}"


@st.composite
def batches(draw: st.DrawFn) -> list[list[Change]]:
    """Changes split over several arrival batches; a change's fields may arrive in pieces, with
    other changes in between (the same op_id arriving twice carries the same value)."""
    changes = {}
    for second in draw(st.lists(st.integers(0, 59), min_size=1, max_size=6, unique=True)):
        for rid in draw(st.lists(st.sampled_from(PEOPLE), min_size=1, unique=True)):
            names = draw(st.lists(st.sampled_from(FIELDS), min_size=1, unique=True))
            changes[(rid, second)] = {name: draw(VALUES[name]) for name in names}
    out: list[list[Change]] = []
    for _ in range(draw(st.integers(1, 3))):
        batch = []
        for (rid, second), values in changes.items():
            part = draw(st.lists(st.sampled_from(sorted(values)), unique=True))
            if part:
                batch.append(Change("people", rid, _hlc(second), {n: values[n] for n in part}))
        out.append(draw(st.permutations(batch)))
    last = [Change("people", rid, _hlc(s), values) for (rid, s), values in changes.items()]
    out.append(draw(st.permutations(last)))
    return out


@settings(max_examples=60, deadline=None)
@given(batches())
def test_changes_text_is_canonical_however_versions_arrived(
    tmp_path_factory: pytest.TempPathFactory, arrived: list[list[Change]]
) -> None:
    folder = tmp_path_factory.mktemp("export")
    with Store.open(folder / "office.db") as store:
        for batch in arrived:
            with store.transaction():
                store.apply_changes(batch)
        prepared = prepare_export(store, full=True)
    assert prepared is not None
    (folder / "b.json").write_bytes(prepared.data)
    # The database also holds the default agencies it was created with (another table).
    seeds = [c for c in load(folder / "b.json")["changes"] if c["table"] != "people"]
    expected = sorted(
        [*seeds, *(c.to_json() for c in arrived[-1])],
        key=lambda c: (c["hlc"], c["table"], c["id"]),
    )
    text = prepared.data.decode("utf-8")
    assert text[text.index(',"changes":') + len(',"changes":') : -1] == canonical_json(expected)
