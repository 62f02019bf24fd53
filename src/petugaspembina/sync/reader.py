"""The strict bundle reader (sync.md "Plain bundle", bad-inputs rows 1-16).

The whole file is checked before anything is written: size, magic, encoding, JSON strictness
(duplicate keys, NaN, huge integers, depth), checksum, counts, and every change against the schema.
A bundle whose changes are written canonically (every bundle this app writes) is read by a short
path that gives the same answers ("The changes' checksum" below, docs/sync.md).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any

from ..core.changes import Change
from ..core.collector import collections_paused
from ..core.hlc import suspect_bounds
from ..core.ids import is_device_id, is_record_id
from .bundle import (
    FORMAT,
    FORMAT_VERSION,
    HEADER_DIGEST_KEY,
    HEADER_ORDER,
    MAX_BUNDLE_BYTES,
    SIGNATURE_KEY,
    changes_digest,
    header_digest,
)
from .change_check import read_change
from .errors import BundleRejected

SEALED_FORMAT = "petugaspembina.sealed-bundle"
MAX_PROBLEMS = 20
MAX_DEPTH = 8
_INT64 = (-(2**63), 2**63 - 1)
_BOM = b"\xef\xbb\xbf"
_MAGIC = re.compile(rb'^\s*\{\s*"format"\s*:\s*"petugaspembina\.')
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_CHANGE_KEYS = frozenset({"table", "id", "hlc", "values", "base"})
_TOP_KEYS = frozenset(HEADER_ORDER) | {"changes"}
_SOURCE_KEYS = frozenset(
    {"device_id", "seq", "app_version", "schema_version", "officer", "office", "region_data"}
)
_CREATED_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z", re.ASCII)
_SHA256_RE = re.compile(r"[0-9a-f]{64}", re.ASCII)
_KID_RE = re.compile(r"[0-9a-f]{16}", re.ASCII)
# A device numbers its bundles 1, 2, 3…: a billion is decades of daily exports, and far from the
# int64 values that made gap listing loop for ever.
MAX_SEQ = 1_000_000_000


@dataclass(slots=True)
class ParsedBundle:
    """A bundle that passed every check (``checked``), or every check but those of its changes."""

    bundle_id: str
    created_at: str
    source: dict[str, Any]
    counts: dict[str, Any]
    changes_sha256: str
    changes: list[Change]
    suspect_clocks: list[str] = field(default_factory=list)
    bidi_fields: list[str] = field(default_factory=list)
    header_bound: bool = True
    header_sha256: str | None = None
    signature: dict[str, str] | None = None
    # The changes as parsed, until ``check_changes`` has turned them into ``changes``.
    raw_changes: list[Any] = field(default_factory=list, repr=False)
    checked: bool = False
    # What the checks of the changes found (``check_changes`` raises them).
    problems: list[str] = field(default_factory=list, repr=False)
    # Set when the changes' checksum was taken over their text as written (``_read_as_written``).
    as_written: _AsWritten | None = field(default=None, repr=False)

    @property
    def device_id(self) -> str:
        """The device that made the bundle."""
        return str(self.source["device_id"])

    @property
    def seq(self) -> int:
        """The device's bundle number."""
        return int(self.source["seq"])


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        dup = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise BundleRejected("invalid", f"Kunci ganda dalam satu objek JSON: {dup!r}.")
    return result


def _constant(name: str) -> Any:
    raise BundleRejected("invalid", f"Nilai {name} tidak diperbolehkan dalam bundel.")


def _integer(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > 19:
        raise BundleRejected("invalid", "Bilangan bulat terlalu besar (di luar int64).")
    value = int(text)
    if not _INT64[0] <= value <= _INT64[1]:
        raise BundleRejected("invalid", "Bilangan bulat terlalu besar (di luar int64).")
    return value


def _depth_ok(value: Any, depth: int = 1) -> bool:
    if depth > MAX_DEPTH:
        return False
    if isinstance(value, dict):
        return all(_depth_ok(v, depth + 1) for v in value.values())
    if isinstance(value, list):
        return all(_depth_ok(v, depth + 1) for v in value)
    return True


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def parse_json(data: bytes) -> Any:
    """Decode bundle bytes strictly; raises BundleRejected with the reason."""
    return _parse_text(_decode(data))


def _decode(data: bytes) -> str:
    """The text of bundle bytes: size, BOM, magic, zero padding and UTF-8 checked."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleRejected("too-large", _too_large_message(len(data)))
    if data.startswith(_BOM):
        raise BundleRejected("invalid", "Berkas diawali BOM; bundel harus UTF-8 tanpa BOM.")
    stripped = data.rstrip(b"\x00")
    if not _MAGIC.match(data[:256]):
        if stripped.lstrip()[:1] == b"{" and b'"petugaspembina.' in data[-512:]:
            pass  # another writer's key order: the format sits at the end
        else:
            raise BundleRejected("not-a-bundle", "Bukan berkas bundel Petugas Pembina.")
    if len(stripped) < len(data):
        raise BundleRejected(
            "incomplete", "Bundel tidak lengkap (terpotong) — salin ulang berkasnya."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleRejected("invalid", f"Bundel bukan UTF-8 yang sah (byte {exc.start}).") from exc


def _loads_strictly(text: str) -> Any:
    """``json.loads`` refusing duplicate keys, NaN/Infinity and integers outside int64."""
    return json.loads(
        text, object_pairs_hook=_no_duplicates, parse_constant=_constant, parse_int=_integer
    )


def _parse_text(text: str) -> Any:
    try:
        parsed = _loads_strictly(text)
    except RecursionError as exc:
        raise BundleRejected("invalid", "Struktur JSON terlalu dalam.") from exc
    except json.JSONDecodeError as exc:
        if _unbalanced(text):
            raise BundleRejected(
                "incomplete", "Bundel tidak lengkap (terpotong) — salin ulang berkasnya."
            ) from exc
        raise BundleRejected(
            "damaged", f"Bundel rusak: JSON tidak sah di posisi {exc.pos}."
        ) from exc
    _check_parsed(parsed, text)
    return parsed


def _check_parsed(parsed: Any, text: str) -> None:
    """The depth of everything but the changes, and no lone surrogate anywhere."""
    # Changes are depth-bounded by their schema check; everything else is checked here.
    head = (
        {k: v for k, v in parsed.items() if k != "changes"} if isinstance(parsed, dict) else parsed
    )
    if not _depth_ok(head):
        raise BundleRejected("invalid", f"Struktur JSON lebih dalam dari {MAX_DEPTH} tingkat.")
    if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(parsed):
        raise BundleRejected("invalid", "Bundel berisi karakter surrogate tunggal (\\ud800…).")


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _unbalanced(text: str) -> bool:
    """True when brackets or a string are left open at the end: the file was cut short."""
    bare = _STRING.sub("", text)
    if '"' in bare:
        return True
    return bare.count("{") + bare.count("[") > bare.count("}") + bare.count("]")


def _too_large_message(size: int) -> str:
    return (
        f"Bundel terlalu besar ({size / 1048576:.0f} MiB); batasnya "
        f"{MAX_BUNDLE_BYTES // 1048576} MiB. Ekspor ulang dalam beberapa bagian."
    )


def check_header(doc: Any) -> None:
    """Format, version and the header fields; raises BundleRejected."""
    if not isinstance(doc, dict):
        raise BundleRejected("not-a-bundle", "Bukan berkas bundel Petugas Pembina.")
    fmt = doc.get("format")
    if fmt == SEALED_FORMAT:
        raise BundleRejected("sealed", "Bundel tersegel: buka dengan kunci kantor terlebih dahulu.")
    if fmt != FORMAT:
        raise BundleRejected(
            "unknown-format", "Bukan berkas bundel Petugas Pembina (format tidak dikenal)."
        )
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BundleRejected("invalid", "format_version harus bilangan bulat.")
    if version > FORMAT_VERSION:
        raise BundleRejected(
            "newer",
            f"Bundel dibuat oleh versi aplikasi yang lebih baru (format {version}) — "
            "perbarui aplikasi ini.",
        )
    if version < 1:
        raise BundleRejected("too-old", f"Format bundel {version} terlalu lama dan tidak didukung.")
    problems = _header_problems(doc)
    if problems:
        raise BundleRejected("invalid", "Bundel tidak sah:", problems)


def _short_text(value: Any, limit: int) -> bool:
    return isinstance(value, str) and len(value) <= limit


def _optional_text(value: Any, limit: int) -> bool:
    return value is None or _short_text(value, limit)


def _header_problems(doc: dict[str, Any]) -> list[str]:
    problems = []
    unknown = sorted(set(doc) - _TOP_KEYS)
    if unknown:
        problems.append(f"kunci tidak dikenal di kepala bundel: {', '.join(unknown)[:200]}.")
    if not is_record_id(doc.get("bundle_id")):
        problems.append("bundle_id harus UUID huruf kecil.")
    created = doc.get("created_at")
    if not isinstance(created, str) or not _CREATED_RE.fullmatch(created):
        problems.append("created_at harus waktu UTC YYYY-MM-DDTHH:MM:SSZ.")
    source = doc.get("source")
    if not isinstance(source, dict):
        problems.append("source harus objek.")
    else:
        problems.extend(_source_problems(source))
    counts = doc.get("counts")
    if not isinstance(counts, dict) or not isinstance(counts.get("tables"), dict):
        problems.append("counts harus objek dengan changes, field_versions dan tables.")
    for key in ("changes_sha256", HEADER_DIGEST_KEY):
        value = doc.get(key)
        if (key in doc or key == "changes_sha256") and (
            not isinstance(value, str) or not _SHA256_RE.fullmatch(value)
        ):
            problems.append(f"{key} harus 64 digit heksadesimal huruf kecil.")
    if not isinstance(doc.get("changes"), list):
        problems.append("changes harus daftar.")
    if SIGNATURE_KEY in doc:
        signature = doc[SIGNATURE_KEY]
        if (
            HEADER_DIGEST_KEY not in doc
            or not isinstance(signature, dict)
            or set(signature) != {"kid", "sig"}
            or not isinstance(signature["kid"], str)
            or not _KID_RE.fullmatch(signature["kid"])
            or not _short_text(signature["sig"], 100)
        ):
            problems.append("signature harus objek {kid, sig} dan header_sha256 harus ada.")
    return problems


def _source_problems(source: dict[str, Any]) -> list[str]:
    problems = []
    unknown = sorted(set(source) - _SOURCE_KEYS)
    if unknown:
        problems.append(f"kunci tidak dikenal di source: {', '.join(unknown)[:200]}.")
    if not is_device_id(source.get("device_id")):
        problems.append("source.device_id harus 32 digit heksadesimal huruf kecil.")
    seq = source.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or not 1 <= seq <= MAX_SEQ:
        problems.append(f"source.seq harus bilangan bulat 1–{MAX_SEQ}.")
    if "app_version" in source and not _short_text(source["app_version"], 40):
        problems.append("source.app_version harus teks pendek.")
    version = source.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or not 0 <= version <= 10_000:
        problems.append("source.schema_version harus bilangan bulat.")
    officer = source.get("officer")
    if officer is not None and (
        not isinstance(officer, dict)
        or not set(officer) <= {"name", "nip"}
        or not _optional_text(officer.get("name"), 120)
        or not _optional_text(officer.get("nip"), 18)
    ):
        problems.append("source.officer harus objek dengan name dan nip (teks atau null).")
    if not _optional_text(source.get("office"), 200):
        problems.append("source.office harus teks atau null.")
    if not _optional_text(source.get("region_data"), 200):
        problems.append("source.region_data harus teks.")
    return problems


def read_bundle(data: bytes, now: datetime) -> ParsedBundle:
    """Check a whole bundle and return its changes; raises BundleRejected and writes nothing."""
    return check_changes(read_header(data), now)


def read_header(data: bytes) -> ParsedBundle:
    """Check everything but the changes one by one: JSON, header, both checksums and the counts.

    The changes are left unchecked (``checked`` False, ``changes`` empty) until ``check_changes``:
    a bundle whose id and checksum are already in the database needs nothing more (P5).

    The changes' checksum is first taken over the changes text as it sits in the file (see "The
    changes' checksum" below); ``check_changes`` then proves that text canonical, or reads the
    bundle again the strict way.
    """
    text = _decode(data)
    with collections_paused():
        return _read_as_written(data, text) or _read_strictly(text)


def _read_strictly(text: str) -> ParsedBundle:
    """``read_header`` the long way: the whole file parsed strictly, the changes written again
    in canonical form for their checksum."""
    doc = _parse_text(text)
    check_header(doc)
    raw_changes: list[Any] = doc["changes"]
    _check_header_digest(doc)
    if changes_digest(raw_changes) != doc["changes_sha256"]:
        raise BundleRejected("damaged", "Bundel rusak atau telah diubah (checksum tidak cocok).")
    tables: dict[str, int] = {}
    field_versions = 0
    for change in raw_changes:
        if isinstance(change, dict) and isinstance(change.get("table"), str):
            tables[change["table"]] = tables.get(change["table"], 0) + 1
        if isinstance(change, dict) and isinstance(change.get("values"), dict):
            field_versions += len(change["values"])
    if not _counts_match(doc["counts"], len(raw_changes), field_versions, tables):
        raise BundleRejected("damaged", "Bundel rusak atau telah diubah (jumlah tidak cocok).")
    return _parsed(doc)


def _check_header_digest(doc: dict[str, Any]) -> None:
    if HEADER_DIGEST_KEY in doc and header_digest(doc) != doc[HEADER_DIGEST_KEY]:
        raise BundleRejected(
            "damaged", "Bundel rusak atau telah diubah (checksum kepala bundel tidak cocok)."
        )


def _counts_match(counts: Any, changes: int, field_versions: int, tables: dict[str, int]) -> bool:
    return bool(
        counts.get("changes") == changes
        and counts.get("field_versions") == field_versions
        and counts.get("tables") == tables
    )


def _parsed(doc: dict[str, Any], as_written: _AsWritten | None = None) -> ParsedBundle:
    return ParsedBundle(
        bundle_id=doc["bundle_id"],
        created_at=doc["created_at"],
        source=doc["source"],
        counts=doc["counts"],
        changes_sha256=doc["changes_sha256"],
        changes=[],
        header_bound=HEADER_DIGEST_KEY in doc,
        header_sha256=doc.get(HEADER_DIGEST_KEY),
        signature=doc.get(SIGNATURE_KEY),
        raw_changes=doc["changes"],
        as_written=as_written,
    )


# The changes' checksum (docs/sync.md "Reading the changes as written").
#
# The checksum is over the canonical text of the changes, and our exporter writes the changes in
# exactly that form as the last value of the file, so the sha256 of that text as it sits in the
# file is the checksum: nothing needs writing again. ``_read_as_written`` takes that path only
# when it can prove it reads the same document as the strict reader:
#
# - the file ends with ``]}`` and the last ``"changes":[`` follows a comma. The head up to there
#   plus ``"changes":[]}`` must parse strictly on its own as an object whose last key is
#   ``changes``: a comma outside a text followed by ``"changes"`` is a key, and the whole parses
#   only when that key is at the top level (a split inside a nested object leaves it open; one
#   inside a text makes ``changes`` a bare word). So the head holds every other top-level key
#   once, as the whole file's parse does, and the changes text is the rest but the closing ``}``;
#   it must parse on its own as one array, so it is exactly that key's value.
# - the changes text is parsed without the strict reader's hooks (they cost a third of the
#   parse). What they refuse cannot come through: a duplicate key makes the text longer than the
#   canonical text of what was parsed (below), and a NaN, an Infinity or an integer outside int64
#   fits no field of the schema, so ``check_changes`` finds a problem. Either sends the bundle
#   back to the strict reader, whose answer is the one given.
# - the sha256 of the changes text must equal ``changes_sha256``, and ``check_changes`` proves
#   that text canonical before the bundle counts as read: every object lists its keys sorted,
#   and the text is exactly as long as the canonical text of what it holds (measured from the
#   values' encodings the check makes for the rows anyway). Among the texts that parse to the
#   same values with the same key order, the canonical one is the only shortest: white space,
#   ``-0``, ``\/`` and ``\u`` escapes of characters canonical JSON writes as they are, all make a
#   text longer. The one spelling of the same length, a ``\u001F`` for ``\u001f``, is ruled out
#   by taking the strict path for any changes text holding ``\u`` (canonical JSON writes it only
#   for control characters, which clean values never hold).
# A bundle that fails any of this (another writer's spacing or key order, a damaged or edited
# file) is read by the strict reader, as before.
_CHANGES_KEY = '"changes":['
_HEAD_END = '"changes":[]}'
_ESCAPE = re.compile(r"\\u")  # finds one faster than ``in`` does
_TABLE = itemgetter("table")
_VALUES = itemgetter("values")


@dataclass(slots=True)
class _AsWritten:
    """A bundle whose changes' checksum was taken over their text as written: what
    ``check_changes`` needs to prove that text canonical or to read the bundle strictly."""

    data: bytes
    length: int  # characters of the changes text


def _read_as_written(data: bytes, text: str) -> ParsedBundle | None:
    """``read_header`` over the changes text as written, or None to read the strict way."""
    if not text.endswith("]}"):
        return None
    start = text.rfind(_CHANGES_KEY)
    if start < 1 or text[start - 1] != ",":
        return None
    head_text = text[:start]
    if _ESCAPE.search(text, start):
        return None
    changes_text = text[start + len(_CHANGES_KEY) - 1 : -1]
    try:
        doc = _loads_strictly(head_text + _HEAD_END)
        if doc.__class__ is not dict or list(doc)[-1:] != ["changes"] or doc["changes"]:
            return None
        raw_changes = json.loads(changes_text)
        if raw_changes.__class__ is not list:
            return None
        doc["changes"] = raw_changes
        _check_parsed(doc, text)
        check_header(doc)
        _check_header_digest(doc)
    except (ValueError, RecursionError, BundleRejected):
        return None
    offset = len(head_text.encode("utf-8")) + len(_CHANGES_KEY) - 1
    written = hashlib.sha256(memoryview(data)[offset:-1]).hexdigest()
    if written != doc["changes_sha256"] or not _counts_as_written(doc["counts"], raw_changes):
        return None
    return _parsed(doc, _AsWritten(data, len(changes_text)))


def _counts_as_written(counts: Any, raw_changes: list[Any]) -> bool:
    """The counts check of ``_read_strictly``, for changes that are objects holding an object of
    values; False also when one is not (the strict reader then decides). A table that is not a
    text is counted under a key no header has, so the counts differ there too."""
    try:
        values = list(map(_VALUES, raw_changes))
        # A plain dict: a Counter would take a count of 0 in the header for a missing table.
        tables = dict(Counter(map(_TABLE, raw_changes)))
    except (KeyError, TypeError):
        return False
    if values and {*map(type, values)} != {dict}:
        return False
    return _counts_match(counts, len(raw_changes), sum(map(len, values)), tables)


def check_changes(parsed: ParsedBundle, now: datetime) -> ParsedBundle:
    """Check every change of a bundle from ``read_header`` against the schema and fill
    ``changes``; raises BundleRejected listing the first problems."""
    if parsed.checked:
        return parsed
    as_written, parsed.as_written = parsed.as_written, None
    with collections_paused():
        length = _check_each(parsed, now)
        if as_written is not None and length != as_written.length:
            # Not proven canonical, or with problems: the strict reader answers (it raises for a
            # checksum that differs; the problems are listed below).
            parsed.raw_changes = _read_strictly(_decode(as_written.data)).raw_changes
            _check_each(parsed, now)
    if parsed.problems:
        raise BundleRejected(
            "invalid",
            f"Bundel tidak sah ({len(parsed.problems)} masalah pertama):",
            parsed.problems[:MAX_PROBLEMS],
        )
    parsed.raw_changes = []
    parsed.checked = True
    return parsed


def _check_each(parsed: ParsedBundle, now: datetime) -> int:
    """Check the changes of ``parsed`` into ``changes``, ``problems``, ``suspect_clocks`` and
    ``bidi_fields``; the length of their canonical text when it is known, else -1."""
    problems: list[str] = []
    changes: list[Change] = []
    bidi: list[str] = []
    seen: set[str] = set()
    suspect: set[str] = set()
    low, high = suspect_bounds(now)
    raw_changes = parsed.raw_changes
    total = len(raw_changes) + 1 if raw_changes else 2  # the brackets and the commas
    for index, raw in enumerate(raw_changes):
        raw_changes[index] = None  # let each change go once read (fewer objects alive)
        change, length = read_change(index, raw, problems, bidi)
        total = total + length if length >= 0 and total >= 0 else -1
        if change is None:
            if len(problems) >= MAX_PROBLEMS:
                break
            continue
        # HLC and id have fixed lengths: the three texts in a row name one version (and, unlike a
        # tuple, a text is nothing the garbage collector has to look at).
        key = change.hlc + change.id + change.table
        if key in seen:
            problems.append(f"perubahan #{index + 1}: versi ganda (tabel, id, HLC sama).")
        seen.add(key)
        if not low < change.hlc < high:
            suspect.add(change.hlc)
        changes.append(change)
    parsed.changes = changes
    parsed.problems = problems
    parsed.bidi_fields = bidi
    parsed.suspect_clocks = sorted(suspect)
    return -1 if problems else total
