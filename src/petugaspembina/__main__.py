"""``python -m petugaspembina``."""

from petugaspembina.cli import main

main()
