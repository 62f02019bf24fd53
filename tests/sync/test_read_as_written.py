"""The changes' checksum over their text as written (reader.py, sync.md "Reading the changes as
written"): every file, honest or crafted, gets exactly the strict reader's answer.

Each crafted file below tries to make the short path accept what the strict reader refuses: a
checksum over a changes text that is not canonical, decoy ``"changes":[`` texts, duplicate keys,
values the strict parser refuses. ``same_answer`` reads each file both ways and compares.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from petugaspembina.core.changes import Change, canonical_json
from petugaspembina.store.store import Store
from petugaspembina.store.versions import change_row
from petugaspembina.sync import reader
from petugaspembina.sync.bundle import encode_bundle, header_digest
from petugaspembina.sync.change_check import read_change
from petugaspembina.sync.errors import BundleRejected
from petugaspembina.sync.importer import import_files

from .helpers import load, make_bundle, new_database

NOW = datetime(2026, 11, 23, tzinfo=UTC)
HLC = "2026-11-22T03:15:07.123Z/0000/" + "ab" * 16
EARLIER = "2026-11-22T03:15:07.122Z/0000/" + "ab" * 16
RID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"


def strict_answer(data: bytes) -> Any:
    """What the strict reader (the whole file parsed with every hook, the changes written
    again for their checksum) makes of ``data``."""
    try:
        parsed = reader._read_strictly(reader._decode(data))
        return _outcome(reader.check_changes(parsed, NOW))
    except BundleRejected as exc:
        return ("rejected", exc.code, str(exc))


def answer(data: bytes) -> Any:
    try:
        return _outcome(reader.read_bundle(data, NOW))
    except BundleRejected as exc:
        return ("rejected", exc.code, str(exc))


def _outcome(parsed: reader.ParsedBundle) -> Any:
    rows = [row for change in parsed.changes for row in change.rows()]
    return ("read", parsed.bundle_id, parsed.changes, rows, parsed.suspect_clocks)


def same_answer(data: bytes) -> Any:
    """The reader's answer, after checking it is the strict reader's."""
    result = answer(data)
    assert result == strict_answer(data)
    return result


def as_written(data: bytes) -> bool:
    """True when ``read_header`` took the changes' checksum over their text as written."""
    return reader.read_header(data).as_written is not None


def craft(doc: dict[str, Any], changes_text: str, digest_of: str | None = None) -> bytes:
    """A bundle file holding ``changes_text`` as written, its checksum over ``digest_of`` (the
    canonical text of what it holds when None) and counts and header made consistent."""
    changes = json.loads(changes_text)
    head = {key: value for key, value in doc.items() if key != "changes"}
    head["counts"] = {
        "changes": len(changes),
        "field_versions": sum(len(c["values"]) for c in changes),
        "tables": {c["table"]: sum(d["table"] == c["table"] for d in changes) for c in changes},
    }
    text = canonical_json(changes) if digest_of is None else digest_of
    head["changes_sha256"] = hashlib.sha256(text.encode()).hexdigest()
    head["header_sha256"] = header_digest(head)
    encoded = encode_bundle(head | {"changes": []}).decode()
    assert encoded.endswith(',"changes":[]}')
    return (encoded[: -len("[]}")] + changes_text + "}").encode()


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return load(make_bundle(tmp_path_factory.mktemp("bundle")))


def change(values: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"hlc": HLC, "id": RID, "table": "people", "values": values} | extra


def test_an_exported_bundle_is_read_as_written_with_the_strict_readers_answer(
    doc: dict[str, Any],
) -> None:
    data = encode_bundle(doc)
    assert as_written(data)
    assert same_answer(data)[0] == "read"


def test_a_bundle_written_with_spaces_and_a_canonical_checksum_is_still_read(
    doc: dict[str, Any],
) -> None:
    spaced = craft(doc, json.dumps(doc["changes"], ensure_ascii=False))
    assert not as_written(spaced)
    assert same_answer(spaced)[0] == "read"
    assert same_answer(spaced) == same_answer(encode_bundle(doc))[:1] + same_answer(spaced)[1:]


def test_a_checksum_over_a_spaced_text_is_refused_as_damaged(doc: dict[str, Any]) -> None:
    text = json.dumps(doc["changes"], ensure_ascii=False)
    result = same_answer(craft(doc, text, digest_of=text))
    assert result[:2] == ("rejected", "damaged") and "checksum tidak cocok" in result[2]


def test_a_checksum_over_unsorted_keys_is_refused_as_damaged(doc: dict[str, Any]) -> None:
    unsorted = [dict(reversed(change.items())) for change in doc["changes"]]
    text = json.dumps(unsorted, ensure_ascii=False, separators=(",", ":"))
    assert len(text) == len(canonical_json(unsorted)) and text != canonical_json(unsorted)
    result = same_answer(craft(doc, text, digest_of=text))
    assert result[:2] == ("rejected", "damaged")


def test_a_checksum_over_unsorted_keys_of_one_value_object_is_refused(
    doc: dict[str, Any],
) -> None:
    speakers = [{"position": "Kasi", "name": "Budi", "agency": "Imigrasi"}]  # not sorted
    changes = [{"hlc": HLC, "id": RID, "table": "sessions", "values": {"speakers": speakers}}]
    text = json.dumps(changes, ensure_ascii=False, separators=(",", ":"))
    assert len(text) == len(canonical_json(changes)) and text != canonical_json(changes)
    result = same_answer(craft(doc, text, digest_of=text))
    assert result[:2] == ("rejected", "damaged")
    assert same_answer(craft(doc, canonical_json(changes)))[0] == "read"


def test_a_checksum_over_an_upper_case_escape_is_refused(doc: dict[str, Any]) -> None:
    # \u001F and \u001f are the same character in texts of the same length: only the strict
    # path (taken for any \u in the changes) tells the canonical one.
    canonical = canonical_json([change({"full_name": "Siti\x1fAminah"})])
    assert "\\u001f" in canonical
    upper = canonical.replace("\\u001f", "\\u001F")
    result = same_answer(craft(doc, upper, digest_of=upper))
    assert result[:2] == ("rejected", "damaged")
    read = same_answer(craft(doc, canonical))
    assert read[0] == "read" and read[2][0].values == {"full_name": "SitiAminah"}


@pytest.mark.parametrize(
    "spelling",
    [
        '"full_name":"Siti\\/Aminah"',  # an escaped slash
        '"full_name":"Siti \\u0041minah"',  # an escaped letter
        '"birth_year":-0,"full_name":"Siti"',  # minus zero
        '"full_name" : "Siti"',  # white space
    ],
)
def test_a_checksum_over_another_spelling_is_refused(doc: dict[str, Any], spelling: str) -> None:
    text = f'[{{"hlc":"{HLC}","id":"{RID}","table":"people","values":{{{spelling}}}}}]'
    result = same_answer(craft(doc, text, digest_of=text))
    assert result[:2] == ("rejected", "damaged"), result


def test_a_duplicate_key_in_the_changes_is_refused_as_the_strict_reader_does(
    doc: dict[str, Any],
) -> None:
    text = f'[{{"hlc":"{HLC}","id":"{RID}","table":"people","values":{{"full_name":"A","full_name":"B"}}}}]'
    result = same_answer(craft(doc, text, digest_of=text))
    assert result[:2] == ("rejected", "invalid") and "Kunci ganda" in result[2]


@pytest.mark.parametrize(
    ("value", "message"),
    [("NaN", "Nilai NaN"), ("Infinity", "Nilai Infinity"), ("99999999999999999999", "int64")],
)
def test_values_the_strict_parser_refuses_get_its_message(
    doc: dict[str, Any], value: str, message: str
) -> None:
    text = f'[{{"hlc":"{HLC}","id":"{RID}","table":"people","values":{{"birth_year":{value}}}}}]'
    result = same_answer(craft(doc, text, digest_of=text))
    assert result[:2] == ("rejected", "invalid") and message in result[2], result


def test_a_changes_key_inside_a_change_is_no_split(doc: dict[str, Any]) -> None:
    # The last "changes":[ of the file is inside the changes: the head up to it does not parse
    # on its own, so the strict reader reads the file (and refuses the unknown field).
    changes = [change({"full_name": "Siti", "changes": [1]})]
    data = craft(doc, canonical_json(changes))
    assert not as_written(data)
    result = same_answer(data)
    assert result[:2] == ("rejected", "invalid") and "people.changes tidak dikenal" in result[2]


def test_a_key_ending_in_an_escaped_quote_is_no_split(doc: dict[str, Any]) -> None:
    # Inside the changes, a key x"changes holding a list is written x\"changes":[ : the text
    # "changes":[ follows a backslash, not a comma.
    changes = [change({"full_name": "Siti", 'x"changes': [1]})]
    text = canonical_json(changes)
    assert '\\"changes":[' in text
    data = craft(doc, text)
    assert not as_written(data)
    assert same_answer(data)[:2] == ("rejected", "invalid")


def test_decoys_in_the_header_leave_the_changes_read_as_written(doc: dict[str, Any]) -> None:
    decoy = dict(doc, source=dict(doc["source"], office='x","changes":[{"hlc":"2026"}],"y":"'))
    data = craft(decoy, canonical_json(doc["changes"]))
    assert as_written(data)
    assert same_answer(data)[0] == "read"


def test_a_second_changes_key_in_the_header_is_refused_as_a_duplicate(
    doc: dict[str, Any],
) -> None:
    text = encode_bundle(doc).decode()
    twice = text.replace('"bundle_id":', '"changes":[],"bundle_id":', 1).encode()
    result = same_answer(twice)
    assert result[:2] == ("rejected", "invalid") and "Kunci ganda" in result[2]


def test_a_table_counted_zero_times_in_the_header_is_refused(doc: dict[str, Any]) -> None:
    data = encode_bundle(doc)
    assert same_answer(data)[0] == "read"
    head = {key: value for key, value in doc.items() if key != "changes"}
    head["counts"] = dict(doc["counts"], tables=dict(doc["counts"]["tables"], kept_apart=0))
    head["header_sha256"] = header_digest(head)
    result = same_answer(encode_bundle(head | {"changes": doc["changes"]}))
    assert result[:2] == ("rejected", "damaged") and "jumlah tidak cocok" in result[2]


def test_a_file_that_does_not_end_with_the_changes_is_read_strictly(doc: dict[str, Any]) -> None:
    data = encode_bundle(doc) + b"\n"
    assert not as_written(data)
    assert same_answer(data)[0] == "read"
    moved = json.dumps({"format": doc["format"], "changes": doc["changes"]} | doc).encode()
    assert not as_written(moved)
    assert same_answer(moved)[0] == "read"


def test_bad_changes_in_a_file_read_as_written_get_the_strict_readers_problems(
    doc: dict[str, Any],
) -> None:
    changes = [change({"full_name": "Siti", "sex": "X"}), change({"nope": 1}, id="bad")]
    data = craft(doc, canonical_json(changes))
    assert as_written(data)
    result = same_answer(data)
    assert result[:2] == ("rejected", "invalid")
    assert "people.sex bukan pilihan yang dikenal" in result[2]
    assert "perubahan #2: id rekaman tidak sah" in result[2]


def test_a_changes_text_read_as_written_with_bases_control_characters_and_bidi(
    doc: dict[str, Any],
) -> None:
    changes = [
        change(
            {"full_name": " Siti\u202e ", "address": 'Jl. "Mawar"\\ 5'},
            base={"full_name": [EARLIER]},
        ),
        change({"full_name": "Ñusantara 𝓟 😀", "birth_year": 1990, "nik": None}, hlc=EARLIER),
    ]
    data = craft(doc, canonical_json(changes))
    assert as_written(data)
    result = same_answer(data)
    assert result[0] == "read"
    assert result[2][0].values["full_name"] == "Siti\u202e"


def test_a_bundle_already_imported_and_written_again_with_spaces_is_refused(
    tmp_path: Path, doc: dict[str, Any]
) -> None:
    # The same bundle id, the same changes written with spaces and a checksum over that text:
    # the strict reader finds the checksum wrong before it looks the bundle up.
    db = new_database(tmp_path / "office.db")
    first = tmp_path / "first.json"
    first.write_bytes(encode_bundle(doc))
    spaced = tmp_path / "spaced.json"
    text = json.dumps(doc["changes"], ensure_ascii=False)
    spaced.write_bytes(craft(doc, text, digest_of=text))
    with Store.open(db) as store:
        imported, refused = import_files(
            store, [first, spaced], quarantine=tmp_path / "q", backups=None
        )
    assert imported.result == "imported"
    assert refused.result == "rejected" and "checksum tidak cocok" in refused.message


# Any text: non-ASCII, non-BMP, controls, quotes and backslashes, bidi marks (lone surrogates
# cannot come out of a UTF-8 file).
_TEXTS = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
_VALUES = st.fixed_dictionaries(
    {},
    optional={
        "full_name": _TEXTS,
        "address": _TEXTS,
        "birth_year": st.integers(1900, 2030) | st.none(),
        "sex": st.sampled_from(["L", "P", "X"]),
        "guardian_consent": st.booleans(),
        "nik": st.text("0123456789", min_size=16, max_size=16) | _TEXTS,
    },
)


@settings(max_examples=400)
@given(_VALUES, st.booleans(), st.permutations(range(4)))
def test_the_length_read_change_counts_is_that_of_the_canonical_text(
    values: dict[str, Any], based: bool, order: list[int]
) -> None:
    raw = change(values, **({"base": {name: [EARLIER] for name in values}} if based else {}))
    problems: list[str] = []
    checked, length = read_change(0, json.loads(canonical_json(raw)), problems, [])
    if problems or not values:
        assert checked is None and length == -1
        return
    assert checked is not None and length == len(canonical_json(raw))
    # The texts made while checking are those the change log makes itself: canonical JSON.
    fresh = Change(checked.table, checked.id, checked.hlc, checked.values, checked.base)
    assert fresh.made_texts is None and change_row(checked) == change_row(fresh)
    assert checked.made_texts == (
        canonical_json(checked.values),
        canonical_json({name: sorted(h) for name, h in checked.base.items() if h}),
    )
    shuffled = dict([list(raw.items())[i] for i in order] + list(raw.items())[4:])
    if list(shuffled) != sorted(shuffled):
        assert read_change(0, shuffled, [], [])[1] == -1
    if len(values) > 1:
        reversed_values = dict(sorted(values.items(), reverse=True))
        assert read_change(0, change(reversed_values), [], [])[1] == -1


def test_a_copy_with_other_values_makes_its_own_texts() -> None:
    checked, _ = read_change(0, change({"full_name": "Siti"}), [], [])
    assert checked is not None and checked.made_texts is not None
    copy = dataclasses.replace(checked, values={"full_name": "Budi"})
    assert copy.made_texts is None
    assert change_row(copy)[3] == '{"full_name":"Budi"}'
    assert change_row(checked)[3] == '{"full_name":"Siti"}'


def test_an_empty_changes_array_is_read_as_written(doc: dict[str, Any]) -> None:
    data = craft(doc, "[]")
    assert as_written(data)
    assert same_answer(data)[0] == "read"
    assert reader.read_bundle(data, NOW).changes == []
