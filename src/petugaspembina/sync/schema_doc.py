"""The bundle format as a JSON Schema, generated from the record schema (docs/bundle.schema.json).

The importer does not use it (its own checks are faster and give Indonesian messages); it is the
published contract for other tools, kept in step with the code by a test.
"""

from __future__ import annotations

from typing import Any

from ..core.fields import INT64, Kind
from ..core.records import SCHEMA
from .bundle import FORMAT, FORMAT_VERSION, HEADER_DIGEST_KEY, HEADER_ORDER, SIGNATURE_KEY
from .reader import MAX_SEQ, SEALED_FORMAT

HLC_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z/[0-9a-f]{4}/[0-9a-f]{32}$"
)
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


# Shared by the bundle and the photo-part schemas (copied where used: the documents are mutable).
_UTC_SECOND = {
    "type": "string",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
}
_DEVICE_ID = {"type": "string", "pattern": "^[0-9a-f]{32}$"}


def _value_schema(kind: Kind) -> dict[str, Any]:
    base = kind.base
    schema: dict[str, Any]
    if base == "text":
        schema = {"type": "string", "maxLength": kind.max_len}
    elif base == "digits":
        schema = {"type": "string", "maxLength": kind.max_len, "pattern": r"^[0-9]+$"}
    elif base == "int":
        schema = {
            "type": "integer",
            "minimum": kind.minimum if kind.minimum is not None else INT64[0],
            "maximum": kind.maximum if kind.maximum is not None else INT64[1],
        }
    elif base == "bool":
        schema = {"type": "boolean"}
    elif base == "date":
        schema = {"type": "string", "format": "date"}
    elif base == "time":
        schema = {"type": "string", "pattern": r"^[0-9]{2}:[0-9]{2}(:[0-9]{2})?$"}
    elif base == "datetime":
        schema = {"type": "string", "format": "date-time"}
    elif base == "enum":
        assert kind.enum is not None
        schema = {"enum": kind.enum.codes()}
    elif base == "enums":
        assert kind.enum is not None
        schema = {"type": "array", "maxItems": 50, "items": {"enum": kind.enum.codes()}}
    elif base == "texts":
        schema = {
            "type": "array",
            "maxItems": 100,
            "items": {"type": "string", "maxLength": kind.max_len},
        }
    elif base == "ref":
        schema = {
            "type": "string",
            "pattern": UUID_PATTERN,
            "description": f"id of a record in {kind.ref}",
        }
    elif base == "region":
        schema = {"type": "string", "pattern": r"^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$"}
    elif base == "sha256":
        schema = {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "SHA-256 of the photo's JPEG bytes (its photo-part entry)",
        }
    elif base == "image":
        schema = {
            "type": "string",
            "maxLength": kind.max_len,
            "contentEncoding": "base64",
            "contentMediaType": "image/png",
        }
    else:  # objects
        schema = {
            "type": "array",
            "maxItems": 50,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    key: {"type": "string", "maxLength": kind.max_len} for key in kind.keys
                },
            },
        }
    return {"anyOf": [schema, {"type": "null"}]} if base not in ("bool",) else schema


def bundle_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plain bundle, format version 1."""
    change_variants = []
    for table, kinds in SCHEMA.items():
        change_variants.append(
            {
                "type": "object",
                "required": ["table", "id", "hlc", "values"],
                "additionalProperties": False,
                "properties": {
                    "table": {"const": table},
                    "id": {"type": "string", "pattern": UUID_PATTERN},
                    "hlc": {"$ref": "#/$defs/hlc"},
                    "values": {
                        "type": "object",
                        "minProperties": 1,
                        "additionalProperties": False,
                        "properties": {name: _value_schema(kind) for name, kind in kinds.items()},
                    },
                    "base": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {name: {"$ref": "#/$defs/base"} for name in kinds},
                    },
                },
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://petugaspembina.invalid/schema/bundle-v1.json",
        "title": "Petugas Pembina bundle, format version 1",
        "type": "object",
        "required": [
            *(k for k in HEADER_ORDER if k not in (HEADER_DIGEST_KEY, SIGNATURE_KEY)),
            "changes",
        ],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "bundle_id": {"type": "string", "pattern": UUID_PATTERN},
            "created_at": dict(_UTC_SECOND),
            "source": {
                "type": "object",
                "required": ["device_id", "seq"],
                "additionalProperties": False,
                "properties": {
                    "device_id": dict(_DEVICE_ID),
                    "seq": {"type": "integer", "minimum": 1, "maximum": MAX_SEQ},
                    "app_version": {"type": "string", "maxLength": 40},
                    "schema_version": {"type": "integer", "minimum": 0, "maximum": 10_000},
                    "officer": {
                        "type": ["object", "null"],
                        "additionalProperties": False,
                        "properties": {
                            "name": {"type": ["string", "null"], "maxLength": 120},
                            "nip": {"type": ["string", "null"], "maxLength": 18},
                        },
                    },
                    "office": {"type": ["string", "null"], "maxLength": 200},
                    "region_data": {"type": ["string", "null"], "maxLength": 200},
                },
            },
            "counts": {
                "type": "object",
                "required": ["changes", "field_versions", "tables"],
                "properties": {
                    "changes": {"type": "integer", "minimum": 0},
                    "field_versions": {"type": "integer", "minimum": 0},
                    "tables": {
                        "type": "object",
                        "additionalProperties": {"type": "integer", "minimum": 1},
                    },
                },
            },
            "changes_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            HEADER_DIGEST_KEY: {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$",
                "description": "sha256 of the canonical JSON of every other top-level field "
                "but changes; every export writes it, readers accept its absence (older bundles) "
                "with a warning",
            },
            SIGNATURE_KEY: {
                "type": "object",
                "required": ["kid", "sig"],
                "additionalProperties": False,
                "description": "written by an office with keys: Ed25519 by the office signing "
                "key over 'petugaspembina.office-signed-bundle/1\\n' + header_sha256 (ASCII)",
                "properties": {
                    "kid": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
                    "sig": {"type": "string", "contentEncoding": "base64", "maxLength": 100},
                },
            },
            "changes": {"type": "array", "items": {"oneOf": change_variants}},
        },
        "$defs": {
            "hlc": {"type": "string", "pattern": HLC_PATTERN},
            "base": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"$ref": "#/$defs/hlc"},
            },
        },
    }


def sealed_json_schema() -> dict[str, Any]:
    """The JSON Schema of the sealed envelope (docs/sealed-bundle.schema.json)."""
    from .sealed import SEALED_VERSION, SUITE

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://petugaspembina.invalid/schema/sealed-bundle-v1.json",
        "title": "Petugas Pembina sealed bundle, envelope version 1",
        "description": "A plain bundle signed by its device (Ed25519) and encrypted to one office "
        "with HPKE (RFC 9180 base mode, hybrid KEM ML-KEM-768 + X25519, HKDF-SHA256, AES-256-GCM). "
        "HPKE info = canonical JSON of every field but 'sealed'; plaintext = 64-byte signature "
        "followed by the plain bundle bytes; see docs/security.md.",
        "type": "object",
        "required": [
            "format",
            "format_version",
            "suite",
            "to",
            "from",
            "bundle_id",
            "seq",
            "sealed",
        ],
        "additionalProperties": False,
        "properties": {
            "format": {"const": SEALED_FORMAT},
            "format_version": {"const": SEALED_VERSION},
            "suite": {"const": SUITE},
            "to": {
                "type": "string",
                "pattern": "^[0-9a-f]{16}$",
                "description": "key id of the office it is sealed for",
            },
            "from": {
                "type": "string",
                "pattern": "^[0-9a-f]{32}$",
                "description": "device id of the signer (equals source.device_id inside)",
            },
            "bundle_id": {"type": "string", "pattern": UUID_PATTERN},
            "seq": {"type": "integer", "minimum": 1, "maximum": MAX_SEQ},
            "sealed": {
                "type": "string",
                "contentEncoding": "base64",
                "description": "HPKE encapsulated key (1120 bytes) followed by the ciphertext",
            },
        },
    }


def photo_part_json_schema() -> dict[str, Any]:
    """The JSON Schema of a plain photo part (docs/photo-part.schema.json, docs/sync.md
    "Photos"); sealed, a part travels in the sealed envelope like a bundle."""
    from ..core.imaging import MAX_PHOTO_BYTES, PHOTO_TYPE
    from .photo_parts import MAX_PHOTOS_PER_PART, PHOTOS_FORMAT, PHOTOS_VERSION

    sha256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://petugaspembina.invalid/schema/photo-part-v1.json",
        "title": "Petugas Pembina photo part, format version 1",
        "description": "The JPEG bytes of session photos, beside the bundles that carry the "
        "'photos' records naming them by SHA-256. photos_sha256 = sha256 of the canonical JSON of "
        "the list of the photos' sha256 values, in order (the part's digest in receipts). Each "
        "photo is checked on its own: bytes equal to 'bytes', sha256 of the decoded data equal to "
        "'sha256', a complete JPEG whose long side is at most 1600 px.",
        "type": "object",
        "required": [
            "format",
            "format_version",
            "part_id",
            "created_at",
            "source",
            "counts",
            "photos_sha256",
            "photos",
        ],
        "additionalProperties": False,
        "properties": {
            "format": {"const": PHOTOS_FORMAT},
            "format_version": {"const": PHOTOS_VERSION},
            "part_id": {"type": "string", "pattern": UUID_PATTERN},
            "created_at": dict(_UTC_SECOND),
            "source": {
                "type": "object",
                "required": ["device_id", "seq"],
                "additionalProperties": False,
                "properties": {
                    "device_id": dict(_DEVICE_ID),
                    "seq": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": MAX_SEQ,
                        "description": "the device's bundle number when the part was written",
                    },
                },
            },
            "counts": {
                "type": "object",
                "required": ["photos", "bytes"],
                "additionalProperties": False,
                "properties": {
                    "photos": {"type": "integer", "minimum": 0},
                    "bytes": {"type": "integer", "minimum": 0},
                },
            },
            "photos_sha256": sha256,
            "photos": {
                "type": "array",
                "maxItems": MAX_PHOTOS_PER_PART,
                "items": {
                    "type": "object",
                    "required": ["sha256", "type", "bytes", "data"],
                    "additionalProperties": False,
                    "properties": {
                        "sha256": sha256,
                        "type": {"const": PHOTO_TYPE},
                        "bytes": {"type": "integer", "minimum": 1, "maximum": MAX_PHOTO_BYTES},
                        "data": {
                            "type": "string",
                            "contentEncoding": "base64",
                            "contentMediaType": PHOTO_TYPE,
                        },
                    },
                },
            },
        },
    }
