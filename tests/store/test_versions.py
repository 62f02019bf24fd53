"""Field-version writes and the merge: bases, winners, conflicts, deletes, erasure, integrity."""

from __future__ import annotations

from pathlib import Path

import pytest

from petugaspembina.core.changes import Change
from petugaspembina.core.records import Person
from petugaspembina.store.errors import IntegrityConflict, InvalidInput, NotFound
from petugaspembina.store.queries import dump
from petugaspembina.store.store import Edit, Store
from petugaspembina.store.versions import rebuild_all


def versions(store: Store, rid: str, field: str) -> list[dict[str, object]]:
    return store.rows(
        "SELECT hlc, value, base FROM fv WHERE rid = ? AND field = ? ORDER BY hlc", (rid, field)
    )


def changes_of(store: Store) -> list[Change]:
    """Everything a store holds, as changes (what a full export would carry)."""
    import json

    grouped: dict[tuple[str, str, str], Change] = {}
    for row in store.rows("SELECT * FROM fv ORDER BY seq"):
        key = (row["tbl"], row["rid"], row["hlc"])
        change = grouped.setdefault(key, Change(row["tbl"], row["rid"], row["hlc"], {}, {}))
        change.values[row["field"]] = json.loads(row["value"])
        base = json.loads(row["base"])
        if base:
            change.base[row["field"]] = base
    return list(grouped.values())


def test_new_record_fields_have_empty_base_and_edit_bases_on_previous_leaf(store: Store) -> None:
    rid = store.write("people", {"full_name": "Siti Aminah", "sex": "P"})
    first = versions(store, rid, "full_name")
    assert first[0]["base"] == "[]"
    store.write("people", {"full_name": "Siti Aminah Lubis"}, rid)
    second = versions(store, rid, "full_name")
    assert len(second) == 2
    assert second[1]["base"] == f'["{first[0]["hlc"]}"]'
    assert store.get(Person, rid).full_name == "Siti Aminah Lubis"
    assert len(versions(store, rid, "sex")) == 1  # untouched fields get no new version


def test_delete_is_a_deleted_pseudo_field_and_hides_the_record(store: Store) -> None:
    rid = store.write("people", {"full_name": "Budi"})
    store.delete("people", rid)
    deleted = versions(store, rid, "_deleted")
    assert [(v["value"], v["base"]) for v in deleted] == [("true", "[]")]
    with pytest.raises(NotFound):
        store.get(Person, rid)
    assert store.get(Person, rid, include_deleted=True).deleted
    store.undelete("people", rid)
    undelete = versions(store, rid, "_deleted")[1]
    assert undelete["value"] == "false" and deleted[0]["hlc"] in str(undelete["base"])
    assert store.get(Person, rid).full_name == "Budi"


def test_concurrent_edits_conflict_and_resolution_stays_resolved(tmp_path: Path) -> None:
    a = Store.open(tmp_path / "a.db")
    b = Store.open(tmp_path / "b.db")
    rid = a.write("people", {"full_name": "Dewi"})
    with b.transaction():
        b.apply_changes(changes_of(a))
    a.wall_millis = lambda: 1_800_000_000_000
    b.wall_millis = lambda: 1_800_000_000_500
    a.write("people", {"full_name": "Dewi Lestari"}, rid)
    b.write("people", {"full_name": "Dewi Lestary"}, rid)
    with a.transaction():
        result = a.apply_changes(changes_of(b))
    assert result.conflicts == 1
    head = a.rows("SELECT * FROM heads WHERE rid = ? AND field = 'full_name'", (rid,))[0]
    assert head["leaves"] == 2 and head["conflict"] == 1
    # The winner is the leaf with the greater HLC (b wrote last).
    assert a.get(Person, rid).full_name == "Dewi Lestary"
    a.write("people", {"full_name": "Dewi Lestari"}, rid)  # resolution: base = both leaves
    resolved = a.rows("SELECT * FROM heads WHERE rid = ? AND field = 'full_name'", (rid,))[0]
    assert resolved["leaves"] == 1 and resolved["conflict"] == 0
    with b.transaction():
        b.apply_changes(changes_of(a))
    assert dump(a) == dump(b)
    assert b.rows("SELECT conflict FROM heads WHERE rid = ? AND field = 'full_name'", (rid,)) == [
        {"conflict": 0}
    ]


def test_same_value_on_two_leaves_is_not_a_conflict(tmp_path: Path) -> None:
    a, b = Store.open(tmp_path / "a.db"), Store.open(tmp_path / "b.db")
    rid = a.write("people", {"full_name": "Eko"})
    with b.transaction():
        b.apply_changes(changes_of(a))
    a.write("people", {"full_name": "Eko Saputra"}, rid)
    b.write("people", {"full_name": "Eko Saputra"}, rid)
    with a.transaction():
        assert a.apply_changes(changes_of(b)).conflicts == 0


def test_import_is_idempotent_and_advances_the_clock(tmp_path: Path) -> None:
    a, b = Store.open(tmp_path / "a.db"), Store.open(tmp_path / "b.db")
    a.wall_millis = lambda: 4_102_444_800_000  # a's clock is in 2100
    a.write("people", {"full_name": "Fajar"})
    with b.transaction():
        first = b.apply_changes(changes_of(a))
    with b.transaction():
        second = b.apply_changes(changes_of(a))
    assert first.new_versions == 1 and second.new_versions == 0 and second.already_present == 1
    assert b.next_hlc() > first.max_hlc  # type: ignore[operator]


def test_same_op_id_with_other_value_is_an_integrity_error(tmp_path: Path) -> None:
    a, b = Store.open(tmp_path / "a.db"), Store.open(tmp_path / "b.db")
    a.write("people", {"full_name": "Gita"})
    with b.transaction():
        b.apply_changes(changes_of(a))
    before = dump(b), b.version_count()
    forged = changes_of(a)
    forged[0].values["full_name"] = "Gita Palsu"
    with pytest.raises(IntegrityConflict), b.transaction():
        b.apply_changes(forged)
    assert (dump(b), b.version_count()) == before


def test_erasure_blanks_every_value_including_history_and_later_arrivals(tmp_path: Path) -> None:
    a, b = Store.open(tmp_path / "a.db"), Store.open(tmp_path / "b.db")
    rid = a.write("people", {"full_name": "Hartini", "nik": "3201015302900001"})
    a.write("people", {"full_name": "Hartini Nasution"}, rid)
    stale = changes_of(a)
    b.erase([("people", rid)])  # b erases a record it has not even seen yet
    with b.transaction():
        b.apply_changes(stale)  # a stale bundle still imports: matched by op_id only
    values = [
        r["value"]
        for r in b.rows(
            "SELECT value, field FROM fv WHERE rid = ? AND field NOT IN ('_deleted', '_erased')",
            (rid,),
        )
    ]
    assert values and set(values) == {"null"}
    row = b.rows("SELECT * FROM people WHERE id = ?", (rid,))[0]
    assert row["full_name"] is None and row["nik"] is None and row["deleted"] == 1
    a.erase([("people", rid)])
    assert set(
        r["value"]
        for r in a.rows("SELECT value FROM fv WHERE rid = ? AND field = 'full_name'", (rid,))
    ) == {"null"}
    with b.transaction():
        b.apply_changes(changes_of(a))
    with a.transaction():
        a.apply_changes(changes_of(b))
    assert dump(a) == dump(b)


def test_write_many_is_all_or_nothing(store: Store) -> None:
    with pytest.raises(InvalidInput):
        store.write_many(
            [
                Edit("people", {"full_name": "Indah"}),
                Edit("people", {"full_name": "Joko", "sex": "X"}),
            ]
        )
    assert store.version_count() == 0


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"nope": 1}, "nope"),
        ({"birth_year": "1990"}, "birth_year"),
        ({"sex": "M"}, "sex"),
        ({"full_name": "x" * 121}, "full_name"),
        ({"merged_into": "not-a-uuid"}, "merged_into"),
    ],
)
def test_values_are_checked_against_the_schema(
    store: Store, values: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        store.write("people", values)
    assert caught.value.field == field


def test_control_characters_are_stripped_on_write(store: Store) -> None:
    rid = store.write("people", {"full_name": "Ku\x00rni\x07awan\n"})
    assert store.get(Person, rid).full_name == "Kurniawan"


def test_rebuild_all_reproduces_current_state(store: Store) -> None:
    from petugaspembina.demo import generate

    generate(store, seed=2, sessions=3)
    before = dump(store)
    store.conn.execute("DELETE FROM people")
    store.conn.execute("UPDATE fh SET head = 0")
    rebuild_all(store.conn)
    assert dump(store) == before


def test_audit_log_names_fields_but_holds_no_values(store: Store) -> None:
    rid = store.write("people", {"full_name": "Lukman Hakim", "nik": "3201011302900001"})
    entry = store.audit_entries(1)[0]
    assert entry["action"] == "create" and entry["rid"] == rid
    assert entry["detail"] == "full_name,nik"
    text = repr(store.audit_entries())
    assert "Lukman" not in text and "3201011302900001" not in text


def test_deleted_or_erased_records_refuse_local_edits(store: Store) -> None:
    rid = store.write("people", {"full_name": "Wati"})
    store.delete("people", rid)
    with pytest.raises(NotFound):
        store.write("people", {"full_name": "Wati Baru"}, rid)
    store.undelete("people", rid)
    store.write("people", {"full_name": "Wati Baru"}, rid)
    store.erase([("people", rid)])
    with pytest.raises(NotFound):
        store.undelete("people", rid)


def _heads(store: Store, rid: str) -> dict[str, int]:
    return {
        row["hlc"][:23]: row["head"]
        for row in store.rows("SELECT hlc, head FROM fv WHERE rid = ? ORDER BY hlc", (rid,))
    }


def _hlc(second: int) -> str:
    return f"2026-11-22T03:15:{second:02d}.000Z/0000/{'cd' * 16}"


def test_multi_version_fields_are_found_in_new_and_known_records(tmp_path: Path) -> None:
    """An import skips the per-version probe only for records new to the database that it brings
    at one HLC: a record brought at two HLCs, and a record that had versions before, still get
    their leaves, winner and conflict worked out (``apply_changes``'s ``several``)."""
    two, known, fresh = (f"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5{c}" for c in "abc")
    with Store.open(tmp_path / "office.db") as store:
        with store.transaction():  # two HLCs of a new record, neither based on the other
            store.apply_changes(
                [
                    Change("people", two, _hlc(1), {"full_name": "Siti"}),
                    Change("people", two, _hlc(2), {"full_name": "Sri"}),
                    Change("people", known, _hlc(3), {"full_name": "Ani", "sex": "P"}),
                ]
            )
        with store.transaction():  # a known record at one new HLC: one edit, one concurrent
            store.apply_changes(
                [
                    Change("people", known, _hlc(4), {"full_name": "Ana"}),
                    Change("people", fresh, _hlc(5), {"full_name": "Budi", "sex": "L"}),
                ]
            )
        assert _heads(store, two) == {_hlc(1)[:23]: 1, _hlc(2)[:23]: 3}  # leaf, winner in conflict
        assert _heads(store, known) == {_hlc(3)[:23]: 2, _hlc(4)[:23]: 3}  # sex alone at 3
        assert store.rows(
            "SELECT field, head FROM fv WHERE rid = ? ORDER BY hlc, field", (known,)
        ) == [
            {"field": "full_name", "head": 1},
            {"field": "sex", "head": 2},
            {"field": "full_name", "head": 3},
        ]
        assert {
            row["field"]: row["head"]
            for row in store.rows("SELECT field, head FROM fv WHERE rid = ?", (fresh,))
        } == {"full_name": 2, "sex": 2}
        assert [
            (r["id"], r["full_name"])
            for r in store.rows(
                "SELECT id, full_name FROM people WHERE id IN (?, ?, ?) ORDER BY id",
                (two, known, fresh),
            )
        ] == [(two, "Sri"), (known, "Ana"), (fresh, "Budi")]
        # The same state as working every head out from scratch.
        heads = store.rows("SELECT seq, head FROM fv ORDER BY seq")
        before = dump(store)
        store.conn.execute("UPDATE fh SET head = 0")
        rebuild_all(store.conn)
        assert store.rows("SELECT seq, head FROM fv ORDER BY seq") == heads
        assert dump(store) == before


def test_a_change_split_over_two_bundle_parts_joins_into_one(tmp_path: Path) -> None:
    """Bundles written before the change log could cut a change between two parts: the second
    half joins the stored change, counts as new, and the record reads as if it came whole."""
    a, b = Store.open(tmp_path / "a.db"), Store.open(tmp_path / "b.db")
    rid = a.write("people", {"full_name": "Hana Pertiwi", "sex": "P", "birth_year": 1990})
    (whole,) = changes_of(a)
    first = Change(whole.table, whole.id, whole.hlc, {"full_name": "Hana Pertiwi"})
    rest = {k: v for k, v in whole.values.items() if k != "full_name"}
    second = Change(whole.table, whole.id, whole.hlc, rest)
    with b.transaction():
        assert b.apply_changes([first]).new_versions == 1
    with b.transaction():
        result = b.apply_changes([first, second])  # a part repeating the first half, then more
    assert result.new_versions == len(rest) and result.already_present == 1
    assert b.conn.execute("SELECT count(*) FROM fc").fetchone()[0] == 1
    assert b.version_count() == a.version_count()
    assert dump(b) == dump(a)
    assert b.get(Person, rid).birth_year == 1990
    clash = Change(whole.table, whole.id, whole.hlc, {"sex": "L"})
    with pytest.raises(IntegrityConflict), b.transaction():
        b.apply_changes([clash])
    assert dump(b) == dump(a)


def test_the_field_version_view_reads_the_canonical_values(store: Store) -> None:
    """``fv`` shows each value as its canonical JSON text, as a bundle carries it."""
    rid = store.write(
        "people", {"full_name": 'Wayan "Dek" Ñoman \\ 𝔸', "birth_year": 1985, "sex": "L"}
    )
    store.delete("people", rid)
    rows = {
        r["field"]: r["value"]
        for r in store.rows("SELECT field, value FROM fv WHERE rid = ?", (rid,))
    }
    assert rows["full_name"] == '"Wayan \\"Dek\\" Ñoman \\\\ 𝔸"'
    assert rows["birth_year"] == "1985" and rows["_deleted"] == "true"
