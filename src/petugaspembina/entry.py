"""Program entry: open the window without loading the command line when no command is given.

``petugaspembina [--home DIR] [--db FILE] [--demo]`` starts the window directly, skipping click
and the command modules (~120 ms of start-up, docs/benchmarks.md P1/P10); anything else — a command,
``--help``, ``--version``, ``--self-test`` or a typo — goes to the full command line, so its
behaviour and exit codes stay those of ``cli.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_WITH_VALUE = ("--home", "--db")


def _window_options(args: list[str]) -> dict[str, str | bool] | None:
    """The options when ``args`` only open the window; None when the command line must decide."""
    options: dict[str, str | bool] = {}
    index = 0
    while index < len(args):
        arg = args[index]
        name, equals, value = arg.partition("=")
        if arg == "--demo":
            options["demo"] = True
        elif name in _WITH_VALUE and equals and value:
            options[name[2:]] = value
        elif arg in _WITH_VALUE and index + 1 < len(args) and not args[index + 1].startswith("-"):
            options[arg[2:]] = args[index + 1]
            index += 1
        else:
            return None
        index += 1
    return options


def run() -> None:
    """Start the program."""
    options = _window_options(sys.argv[1:])
    if options is None:
        from .cli import main

        main()
        return
    from .gui.launch import launch
    from .paths import app_paths

    home = options.get("home")
    paths = app_paths(home if isinstance(home, str) else None)
    db = options.get("db")
    sys.exit(
        launch(
            Path(db) if isinstance(db, str) else paths.database,
            paths,
            demo=bool(options.get("demo")),
        )
    )
