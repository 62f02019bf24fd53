"""The SQLite driver of the whole app: SQLCipher (``sqlcipher3``), the same DB-API as ``sqlite3``.

Every module imports ``sqlite3`` from here, never the standard library's: the two drivers have
their own exception and ``Row`` classes, so mixing them would let errors slip past an
``except sqlite3.Error``. Type checkers see the standard module (the API is the same).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3
else:
    from sqlcipher3 import dbapi2 as sqlite3

__all__ = ["sqlite3"]
