"""The entry point opens the window directly only for window options; all else is the CLI's."""

from __future__ import annotations

import pytest

from petugaspembina.entry import _window_options


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], {}),
        (["--demo"], {"demo": True}),
        (["--db", "x.db"], {"db": "x.db"}),
        (["--home=/tmp/h", "--db=y.db", "--demo"], {"home": "/tmp/h", "db": "y.db", "demo": True}),
        (["--db"], None),
        (["--db", "--demo"], None),
        (["sessions"], None),
        (["--db", "x.db", "export", "--out", "o"], None),
        (["--version"], None),
        (["--self-test"], None),
        (["--help"], None),
        (["--dmeo"], None),
    ],
)
def test_window_options(args: list[str], expected: dict[str, object] | None) -> None:
    assert _window_options(args) == expected
