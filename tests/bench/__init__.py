"""Benchmarks (not in the default test run): each prints its ratio as its last line."""
