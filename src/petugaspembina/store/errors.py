"""Errors the store raises, each with a message fit for the person using the app (Indonesian)."""

from __future__ import annotations


class StoreError(Exception):
    """Base class; ``str(error)`` is the message to show."""


class CorruptDatabase(StoreError):
    """The database file failed its check at opening; it was left untouched."""


class NewerDatabase(StoreError):
    """The database was made by a newer version of the app."""


class DatabaseBusy(StoreError):
    """Another program holds the database lock for too long."""


class IntegrityConflict(StoreError):
    """A field version arrived again with a different value or base: the source is altered or broken."""


class InvalidInput(StoreError):
    """A value refused by validation, with the field it concerns."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(StoreError):
    """No visible record with that id."""
