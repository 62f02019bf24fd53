"""Field kinds of synced records: what a value may be, checked the same way for forms and bundles."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from typing import Any

from .enums import Labelled
from .ids import is_record_id

JsonValue = Any
_REGION_RE = re.compile(r"[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?", re.ASCII)
_DIGITS_RE = re.compile(r"[0-9]+", re.ASCII)
_SHA256_RE = re.compile(r"[0-9a-f]{64}", re.ASCII)
INT64 = (-(2**63), 2**63 - 1)


@dataclass(frozen=True, slots=True)
class Kind:
    """How one synced field is typed and limited.

    ``base`` is one of text, digits, int, bool, date, time, datetime, enum, enums, texts, ref, region,
    image, objects, sha256. ``sql`` is the column type of the materialised table.
    """

    base: str
    max_len: int = 200
    enum: type[Labelled] | None = None
    ref: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    multiline: bool = False
    personal: bool = False
    keys: tuple[str, ...] = ()

    @property
    def sql(self) -> str:
        """SQLite column type for the current-state table."""
        return "INTEGER" if self.base in ("int", "bool") else "TEXT"

    def problem(self, value: JsonValue) -> str | None:
        """Why ``value`` does not fit this kind, or None when it fits. ``None`` (cleared) always fits."""
        if value is None:
            return None
        check = getattr(self, f"_check_{self.base}")
        result: str | None = check(value)
        return result

    def checker(self) -> Callable[[JsonValue], str | None]:
        """``problem`` for values that are not None, without its look-up on every call."""
        check: Callable[[JsonValue], str | None] = getattr(self, f"_check_{self.base}")
        return check

    def _check_text(self, value: JsonValue) -> str | None:
        if not isinstance(value, str):
            return "harus teks"
        if len(value) > self.max_len:
            return f"lebih dari {self.max_len} karakter"
        return None

    def _check_digits(self, value: JsonValue) -> str | None:
        if not isinstance(value, str) or not _DIGITS_RE.fullmatch(value):
            return "hanya boleh berisi angka 0-9"
        if len(value) > self.max_len:
            return f"lebih dari {self.max_len} digit"
        return None

    def _check_int(self, value: JsonValue) -> str | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return "harus bilangan bulat"
        low = self.minimum if self.minimum is not None else INT64[0]
        high = self.maximum if self.maximum is not None else INT64[1]
        if not low <= value <= high:
            return f"di luar rentang {low}–{high}"
        return None

    def _check_bool(self, value: JsonValue) -> str | None:
        return None if isinstance(value, bool) else "harus true/false"

    def _check_date(self, value: JsonValue) -> str | None:
        return _parses(value, date.fromisoformat, 10, "tanggal YYYY-MM-DD")

    def _check_time(self, value: JsonValue) -> str | None:
        return _parses(value, time.fromisoformat, 5, "jam HH:MM")

    def _check_datetime(self, value: JsonValue) -> str | None:
        return _parses(value, datetime.fromisoformat, 32, "waktu ISO 8601")

    def _check_enum(self, value: JsonValue) -> str | None:
        assert self.enum is not None
        if not isinstance(value, str) or value not in _codes(self.enum):
            return "bukan pilihan yang dikenal"
        return None

    def _check_enums(self, value: JsonValue) -> str | None:
        if not isinstance(value, list) or len(value) > 50:
            return "harus daftar pilihan"
        return next((p for p in map(self._check_enum, value) if p), None)

    def _check_texts(self, value: JsonValue) -> str | None:
        if not isinstance(value, list) or len(value) > 100:
            return "harus daftar teks (maks. 100)"
        return next((p for p in map(self._check_text, value) if p), None)

    def _check_ref(self, value: JsonValue) -> str | None:
        return None if is_record_id(value) else "harus id rekaman (UUID)"

    def _check_sha256(self, value: JsonValue) -> str | None:
        if not isinstance(value, str) or not _SHA256_RE.fullmatch(value):
            return "harus SHA-256 (64 digit heksadesimal huruf kecil)"
        return None

    def _check_region(self, value: JsonValue) -> str | None:
        if not isinstance(value, str) or not _REGION_RE.fullmatch(value):
            return "harus kode wilayah PP.KK.CC.DDDD"
        return None

    def _check_image(self, value: JsonValue) -> str | None:
        if not isinstance(value, str) or len(value) > self.max_len:
            return f"harus gambar PNG base64 (maks. {self.max_len} karakter)"
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return "bukan base64 yang sah"
        return None if raw.startswith(b"\x89PNG\r\n\x1a\n") else "bukan gambar PNG"

    def _check_objects(self, value: JsonValue) -> str | None:
        if not isinstance(value, list) or len(value) > 50:
            return "harus daftar objek (maks. 50)"
        for item in value:
            if not isinstance(item, dict) or not set(item) <= set(self.keys):
                return f"setiap objek hanya boleh berisi {', '.join(self.keys)}"
            if any(not isinstance(v, str) or len(v) > self.max_len for v in item.values()):
                return "isi objek harus teks pendek"
        return None


@cache
def _codes(enum: type[Labelled]) -> frozenset[str]:
    return frozenset(enum.codes())


def _parses(value: JsonValue, parser: Any, max_len: int, what: str) -> str | None:
    if not isinstance(value, str) or len(value) > max_len:
        return f"harus {what}"
    try:
        parser(value)
    except ValueError:
        return f"harus {what}"
    return None


def text(max_len: int = 200, *, personal: bool = False, multiline: bool = False) -> Kind:
    """A text field."""
    return Kind("text", max_len=max_len, personal=personal, multiline=multiline)


def digits(max_len: int, *, personal: bool = False) -> Kind:
    """A number written as ASCII digits 0-9 only (NIK, NIP): no full-width or Arabic-Indic digits."""
    return Kind("digits", max_len=max_len, personal=personal)


def integer(minimum: int | None = None, maximum: int | None = None) -> Kind:
    """An integer field with an optional range."""
    return Kind("int", minimum=minimum, maximum=maximum)


def flag() -> Kind:
    """A true/false field."""
    return Kind("bool")


def choice(enum: type[Labelled]) -> Kind:
    """One code of an enumeration."""
    return Kind("enum", enum=enum)


def choices(enum: type[Labelled]) -> Kind:
    """A list of codes of an enumeration."""
    return Kind("enums", enum=enum)


def reference(table: str) -> Kind:
    """The id of a record in another synced table."""
    return Kind("ref", ref=table)
