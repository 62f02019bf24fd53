"""The schema version this app writes: the number of migrations (checked by a test).

Kept apart from ``migrations`` so opening an up-to-date database never imports sqlite-utils
(~100 ms of start-up); migrations load only when one is pending.
"""

SCHEMA_VERSION = 15
