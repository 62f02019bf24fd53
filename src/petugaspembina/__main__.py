"""``python -m petugaspembina``."""

from petugaspembina.entry import run

run()
