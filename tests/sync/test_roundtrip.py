"""Export and import end to end through the CLI: incremental, relay, parts, conflicts, duplicates,
receipts."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.store.queries import list_people
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundles

from .helpers import new_database, snapshot


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def export(db: Path, out: Path, *extra: str) -> list[Path]:
    code, stdout, _ = cli(db, "export", "--out", str(out), *extra)
    assert code == 0
    return [Path(line) for line in stdout.splitlines() if line.endswith(".json")]


def test_incremental_export_sends_only_new_versions_and_relays(tmp_path: Path) -> None:
    officer, kanim, kanwil = [new_database(tmp_path / f"{n}.db") for n in ("o", "k", "w")]
    cli(officer, "demo-data", "--sessions", "2")
    (out := tmp_path / "out").mkdir()
    first = export(officer, out)
    assert len(first) == 1 and "petugaspembina-" in first[0].name
    code, stdout, _ = cli(officer, "export", "--out", str(out))
    assert code == 0 and "Tidak ada perubahan baru" in stdout
    with Store.open(officer) as store:
        pid = list_people(store)[0].id
        store.write("people", {"full_name": "Nama Diperbaiki"}, pid)
    second = export(officer, out)
    assert json.loads(second[0].read_bytes())["counts"]["field_versions"] == 1
    assert json.loads(second[0].read_bytes())["source"]["seq"] == 2
    assert cli(kanim, "import", str(first[0]), str(second[0]))[0] == 0
    relay = export(kanim, tmp_path / "relay.json", "--destination", "kanwil")
    assert cli(kanwil, "import", str(relay[0]))[0] == 0
    assert snapshot(kanwil)[0] == snapshot(kanim)[0] == snapshot(officer)[0]


def test_large_exports_are_split_into_parts(tmp_path: Path) -> None:
    officer, kanim = new_database(tmp_path / "o.db"), new_database(tmp_path / "k.db")
    cli(officer, "demo-data", "--sessions", "3")
    (out := tmp_path / "out").mkdir()
    with Store.open(officer) as store:
        results = export_bundles(store, out, full=True, max_versions=300)
        total = store.version_count()
    assert len(results) > 2 and sum(r.field_versions for r in results) == total
    assert [r.seq for r in results] == list(range(1, len(results) + 1))
    assert cli(kanim, "import", *[str(r.path) for r in reversed(results)])[0] == 0
    assert snapshot(kanim)[0] == snapshot(officer)[0]


def test_conflict_listed_and_resolved_in_the_contract_shape(tmp_path: Path) -> None:
    a, b, office = [new_database(tmp_path / f"{n}.db") for n in ("a", "b", "office")]
    cli(a, "demo-data", "--sessions", "1")
    base = export(a, tmp_path / "base.json")
    cli(b, "import", str(base[0]))
    with Store.open(a) as sa, Store.open(b) as sb:
        pid = list_people(sa)[0].id
        sa.write("people", {"full_name": "Versi A"}, pid)
        sb.write("people", {"full_name": "Versi B"}, pid)
    from_a = export(a, tmp_path / "a.json")
    from_b = export(b, tmp_path / "b.json")
    code, stdout, _ = cli(office, "import", str(base[0]), str(from_a[0]), str(from_b[0]))
    assert code == 0 and "1 konflik" in stdout
    code, stdout, _ = cli(office, "conflicts", "--json")
    conflicts = json.loads(stdout)
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert set(conflict) == {  # the contract's keys, plus Indonesian labels
        "conflict_id",
        "kind",
        "table",
        "record_id",
        "field",
        "candidates",
        "winner",
        "kind_label",
        "table_label",
        "description",
    }
    assert conflict["kind"] == "values" and conflict["field"] == "full_name"
    assert (conflict["kind_label"], conflict["table_label"]) == ("Nilai berbeda", "Peserta")
    assert {c["value"] for c in conflict["candidates"]} == {"Versi A", "Versi B"}
    assert set(conflict["winner"]) == {"value", "hlc", "device_id"}
    code, _, err = cli(office, "resolve", conflict["conflict_id"], "--value", "12")
    assert code == 1 and "harus teks" in err
    assert cli(office, "resolve", conflict["conflict_id"], "--value", '"Versi Benar"')[0] == 0
    assert json.loads(cli(office, "conflicts", "--json")[1]) == []
    # The resolution travels: an officer that had the conflict gets it resolved too.
    resolution = export(office, tmp_path / "res.json")
    cli(a, "import", str(from_b[0]), str(resolution[0]))
    assert json.loads(cli(a, "conflicts", "--json")[1]) == []
    assert snapshot(a)[0] == snapshot(office)[0]


def test_edited_after_deletion_is_flagged_and_resolvable(tmp_path: Path) -> None:
    a, b = new_database(tmp_path / "a.db"), new_database(tmp_path / "b.db")
    cli(a, "demo-data", "--sessions", "1")
    base = export(a, tmp_path / "base.json")
    cli(b, "import", str(base[0]))
    with Store.open(a) as sa, Store.open(b) as sb:
        pid = list_people(sa)[0].id
        sa.delete("people", pid)
        sb.wall_millis = lambda: 4_000_000_000_000  # b's edit is later than a's delete
        sb.write("people", {"full_name": "Diubah Kemudian"}, pid)
    cli(a, "import", str(export(b, tmp_path / "b.json")[0]))
    conflicts = json.loads(cli(a, "conflicts", "--json")[1])
    assert [c["kind"] for c in conflicts] == ["edited-after-deletion"]
    with Store.open(a) as sa:
        assert pid not in {p.id for p in list_people(sa)}  # still hidden
    assert cli(a, "resolve", conflicts[0]["conflict_id"], "--value", "false")[0] == 0
    with Store.open(a) as sa:
        assert pid in {p.id for p in list_people(sa)}
    assert json.loads(cli(a, "conflicts", "--json")[1]) == []


def test_duplicate_people_are_suggested_and_linked(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    with Store.open(db) as store:
        common = {"sex": "P", "birth_year": 1990, "region_code": "17.71.01.1001"}
        first = store.write("people", {"full_name": "Siti Aminah", **common})
        second = store.write("people", {"full_name": "Siti Aminnah", **common})
        store.write("people", {"full_name": "Budi", "nik": "1771011302900001"})
        store.write("people", {"full_name": "Budi S.", "nik": "1771011302900001"})
        store.write(
            "people",
            {
                "full_name": "Siti Aminah",
                "sex": "P",
                "birth_year": 1970,
                "region_code": "17.71.01.1001",
            },
        )
        session = store.write("sessions", {"title": "S", "date": "2026-01-05"})
        store.write("attendance", {"session_id": session, "person_id": second})
    code, stdout, _ = cli(db, "duplicates", "--json")
    pairs = json.loads(stdout)
    reasons = sorted(p["reason"] for p in pairs)
    assert reasons == ["name+birth_year+village", "nik"]
    code, _, _ = cli(db, "link-duplicate", second, first)
    assert code == 0
    with Store.open(db) as store:
        people = {p.id: p for p in list_people(store)}
    assert second not in people and people[first].sessions == 1  # counts follow the survivor
    assert cli(db, "link-duplicate", first, second)[0] == 1  # no loop back onto itself


def test_receipt_marks_the_bundle_delivered(tmp_path: Path) -> None:
    officer, office = new_database(tmp_path / "o.db"), new_database(tmp_path / "k.db")
    cli(officer, "demo-data", "--sessions", "1")
    bundle = export(officer, tmp_path / "b.json")[0]
    receipts = tmp_path / "receipts"
    assert cli(office, "import", str(bundle), "--receipts", str(receipts))[0] == 0
    [receipt] = receipts.glob("*.json")
    doc = json.loads(receipt.read_text())
    assert doc["format"] == "petugaspembina.receipt" and doc["result"] == "imported"
    code, stdout, _ = cli(officer, "receipt", str(receipt))
    assert code == 0 and "sudah diterima" in stdout
    with Store.open(officer) as store:
        assert store.rows("SELECT delivered_at FROM exports")[0]["delivered_at"]
    code, _, err = cli(office, "receipt", str(receipt))  # not this device's bundle
    assert code == 1 and "bukan untuk bundel" in err


def test_erasure_travels_in_bundles(tmp_path: Path) -> None:
    officer, office = new_database(tmp_path / "o.db"), new_database(tmp_path / "k.db")
    cli(officer, "demo-data", "--sessions", "1")
    first = export(officer, tmp_path / "1.json")
    cli(office, "import", str(first[0]))
    with Store.open(officer) as store:
        person = store.rows(  # a name no one else's contains, so the dump can be searched
            """SELECT id, full_name FROM people p WHERE deleted = 0
               AND (SELECT count(*) FROM people q WHERE instr(q.full_name, p.full_name)) = 1
               LIMIT 1"""
        )[0]
        store.erase([("people", person["id"])])
    cli(office, "import", str(export(officer, tmp_path / "2.json")[0]))
    cli(office, "import", str(first[0]))  # a stale bundle does not bring the values back
    with Store.open(office) as store:
        values = store.rows(
            "SELECT value FROM fv WHERE rid = ? AND field = 'full_name'", (person["id"],)
        )
    assert values and all(v["value"] == "null" for v in values)
    assert person["full_name"] not in snapshot(office)[0]


def test_published_json_schema_matches_the_code_and_validates_exports(tmp_path: Path) -> None:
    import jsonschema

    from petugaspembina.sync.schema_doc import bundle_json_schema

    published = json.loads((Path(__file__).parents[2] / "docs" / "bundle.schema.json").read_text())
    assert published == bundle_json_schema(), "regenerate docs/bundle.schema.json (docs/sync.md)"
    officer = tmp_path / "o.db"
    cli(officer, "demo-data", "--sessions", "2")
    with Store.open(officer) as store:
        store.delete("people", list_people(store)[0].id)
    bundle = json.loads(export(officer, tmp_path / "b.json")[0].read_bytes())
    jsonschema.Draft202012Validator(published).validate(bundle)
    bundle["changes"][0]["values"]["unknown_field"] = 1
    assert not jsonschema.Draft202012Validator(published).is_valid(bundle)
