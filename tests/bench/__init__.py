"""Benchmarks (not in the default test run): each prints its ratio as its last line.

Their databases are encrypted as the app's are; the password comes from the environment as for
any script (a benchmark's throwaway databases only)."""

import os

os.environ.setdefault("PETUGASPEMBINA_PASSWORD", "sandi-bench")
