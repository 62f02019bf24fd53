"""Bundles between machines: export, strict reading, import with reports, conflicts, duplicates."""
