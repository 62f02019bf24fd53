"""The reader's short path for clean texts and its shortcut for bundles already imported (P5)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petugaspembina.core.records import SCHEMA
from petugaspembina.core.text import clean_text, has_bidi_controls
from petugaspembina.store.store import Store
from petugaspembina.sync import importer
from petugaspembina.sync.change_check import check_change, is_clean_text
from petugaspembina.sync.errors import BundleRejected
from petugaspembina.sync.importer import import_files
from petugaspembina.sync.reader import read_bundle

from .helpers import load, make_bundle, new_database, reseal

HLC = "2026-11-22T03:15:07.123Z/0000/" + "ab" * 16
RID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
# Texts made of the characters that matter here (controls, bidi, every kind of white space) and
# any others, so that both paths are taken often.
ODD = "\x00\x01\t\n\r\x0b\x0c\x1c\x1f\x7f\x85\xa0 \u2000\u2028\u2029\u202e\u2066\u200e\u061c\u3000"
TEXTS = st.text(st.sampled_from(ODD) | st.characters(), max_size=12)


@given(TEXTS)
def test_a_text_taken_as_it_is_is_one_that_cleaning_leaves_unchanged(text: str) -> None:
    if is_clean_text(text):
        assert text
        assert clean_text(text, multiline=False) == text
        assert clean_text(text, multiline=True) == text
        assert not has_bidi_controls(text)
    else:  # the long path: something is removed, flagged or read as empty
        assert not text or clean_text(text, multiline=False) != text or has_bidi_controls(text)


@given(TEXTS, st.sampled_from(["full_name", "address"]), st.sampled_from(["notes", "title"]))
def test_checked_texts_are_cleaned_exactly_as_typed_ones(
    text: str, person_field: str, session_field: str
) -> None:
    for table, name in (("people", person_field), ("sessions", session_field)):
        kind = SCHEMA[table][name]
        raw = {"table": table, "id": RID, "hlc": HLC, "values": {name: text}}
        problems: list[str] = []
        bidi: list[str] = []
        change = check_change(0, raw, problems, bidi)
        expected = clean_text(text, multiline=kind.multiline) or None
        if expected is None and text.strip():
            assert change is None
            assert problems == [f"perubahan #1: {table}.{name} hanya berisi karakter kendali."]
            continue
        problem = kind.problem(expected)
        if problem:
            assert change is None
            assert problems == [f"perubahan #1: {table}.{name} {problem}."]
        else:
            assert change is not None and problems == []
            assert change.values == {name: expected}
        assert bidi == ([f"{table}.{name} ({RID})"] if has_bidi_controls(text) else [])


def test_base_null_is_refused_like_any_other_non_object() -> None:
    raw = {"table": "people", "id": RID, "hlc": HLC, "values": {"full_name": "A"}, "base": None}
    problems: list[str] = []
    assert check_change(0, raw, problems, []) is None
    assert problems == ["perubahan #1: base harus objek."]


def test_a_bundle_already_imported_is_answered_before_its_changes_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = make_bundle(tmp_path)
    db = new_database(tmp_path / "office.db")
    quarantine = tmp_path / "q"
    with Store.open(db) as store:
        [first] = import_files(store, [bundle], quarantine=quarantine, backups=None)
        assert first.result == "imported"

        def refuse(*_: object) -> None:
            raise AssertionError("the changes of an imported bundle were checked again")

        monkeypatch.setattr(importer, "check_changes", refuse)
        [again] = import_files(store, [bundle], quarantine=quarantine, backups=None)
        assert again.result == "already-imported", again.message


def test_same_bundle_id_with_other_content_is_still_checked_and_refused(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    db = new_database(tmp_path / "office.db")
    doc = load(bundle)
    doc["changes"][0]["values"] = {**doc["changes"][0]["values"], "_deleted": "ya"}
    edited = reseal(doc, tmp_path / "edited.json")
    with Store.open(db) as store:
        import_files(store, [bundle], quarantine=tmp_path / "q", backups=None)
        [report] = import_files(store, [edited], quarantine=tmp_path / "q", backups=None)
    assert report.result == "rejected"
    assert "_deleted harus true/false" in " ".join(report.problems), report


def test_read_bundle_still_checks_everything() -> None:
    with pytest.raises(BundleRejected):
        read_bundle(b'{"format":"petugaspembina.bundle"}', datetime.now(UTC))
