"""Duplicate suggestions at office scale: the compiled pre-filter keeps exactly the pairs that
comparing every pair with difflib finds, with the same scores."""

from __future__ import annotations

import difflib
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from petugaspembina.sync.duplicates import SIMILAR, similar_names


def every_pair(names: list[str]) -> list[tuple[int, int, float]]:
    found = []
    for i, first in enumerate(names):
        for j in range(i + 1, len(names)):
            score = difflib.SequenceMatcher(None, first, names[j]).ratio()
            if score >= SIMILAR:
                found.append((i, j, score))
    return found


# Few letters, so that many names are near each other; accents and a non-BMP letter included.
NAMES = st.lists(st.text(alphabet="aisnt éñ𝔞", max_size=14), max_size=30)


@settings(max_examples=400, deadline=None)
@given(NAMES)
def test_the_same_pairs_and_scores_as_comparing_every_pair(names: list[str]) -> None:
    assert sorted(similar_names(names)) == every_pair(names)


def test_typos_of_indonesian_names_are_found() -> None:
    names = ["siti aminah", "siti aminha", "budi santoso", "budi santosa", "siti rahayu", ""]
    pairs = {(names[i], names[j]) for i, j, _ in similar_names(names)}
    assert pairs == {("siti aminah", "siti aminha"), ("budi santoso", "budi santosa")}


def test_six_hundred_people_of_one_village_and_birth_year_take_a_fraction_of_a_second() -> None:
    """About what one block holds after a 100,000-people import (it took a minute per 50 such
    blocks before); generous bound for a loaded machine."""
    first = ["siti", "budi", "agus", "dewi", "rahmat", "nur", "andi", "sri", "eko", "wayan"]
    last = ["aminah", "santoso", "lestari", "hidayat", "saputra", "wati", "susanto", "rahayu"]
    names = [f"{first[i % 10]} {last[i // 10 % 8]} {i}" for i in range(600)]
    start = time.process_time()
    found = list(similar_names(names))
    assert time.process_time() - start < 1.0
    assert found  # "siti aminah 1" and "siti aminah 81" are near
