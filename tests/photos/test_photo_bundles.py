"""Photos travel in photo parts beside the bundles (docs/sync.md "Photos")."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

from click.testing import CliRunner
from PIL import Image

from documents.helpers import new_session
from petugaspembina.cli import main
from petugaspembina.core.imaging import prepare_photo, sha256_hex
from petugaspembina.store.photo_blobs import blob
from petugaspembina.store.photos import add_photo, list_photos, photo_data, remove_photo
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundles
from petugaspembina.sync.importer import import_files
from petugaspembina.sync.photo_parts import photos_digest
from petugaspembina.sync.receipts import read_receipt, write_receipts
from petugaspembina.sync.trust import office_keys

from .imagegen import phone_jpeg, scene


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def officer_with_photos(db: Path, count: int = 2) -> tuple[str, list[str]]:
    with Store.open(db) as store:
        session = new_session(store)
        hashes = []
        for seed in range(count):
            photo = prepare_photo(phone_jpeg(640, 480, seed=seed))
            add_photo(store, session, photo, caption=f"Foto {seed + 1}")
            hashes.append(photo.sha256)
    return session, hashes


def export(db: Path, folder: Path, *, full: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    with Store.open(db) as store:
        return [r.path for r in export_bundles(store, folder, full=full) if r.path]


def parts(paths: list[Path]) -> list[Path]:
    return [p for p in paths if "-foto-" in p.name]


def import_into(db: Path, *paths: Path) -> list[dict[str, object]]:
    with Store.open(db) as store:
        reports = import_files(store, list(paths), quarantine=db.parent / "q", backups=None)
    return [r.to_json() for r in reports]


def test_photos_travel_in_their_own_part(tmp_path: Path) -> None:
    session, hashes = officer_with_photos(tmp_path / "officer.db")
    written = export(tmp_path / "officer.db", tmp_path / "out")
    [bundle] = [p for p in written if "-foto-" not in p.name]
    [part] = parts(written)
    assert part.name.startswith("petugaspembina-foto-") and sorted(written)[-1] == part
    records = json.loads(bundle.read_bytes())
    assert '"data"' not in bundle.read_text() and records["counts"]["tables"]["photos"] == 2
    assert bundle.stat().st_size < 20_000 < part.stat().st_size
    reports = import_into(tmp_path / "office.db", *sorted(written))
    assert [r["result"] for r in reports] == ["imported", "imported"]
    assert "2 disimpan" in str(reports[1]["message"])
    with Store.open(tmp_path / "office.db") as store:
        photos = list_photos(store, session)
        assert [p.caption for p in photos] == ["Foto 1", "Foto 2"]
        assert all(p.available for p in photos)
        data = photo_data(store, hashes[0])
        assert data is not None and sha256_hex(data) == hashes[0]


def test_part_may_arrive_before_its_records(tmp_path: Path) -> None:
    session, _ = officer_with_photos(tmp_path / "officer.db")
    written = export(tmp_path / "officer.db", tmp_path / "out")
    import_into(tmp_path / "office.db", *reversed(sorted(written)))
    with Store.open(tmp_path / "office.db") as store:
        assert [p.available for p in list_photos(store, session)] == [True, True]


def test_records_only_bundle_has_no_part_and_the_same_header(tmp_path: Path) -> None:
    with Store.open(tmp_path / "plain.db") as store:
        new_session(store)
    [bundle] = export(tmp_path / "plain.db", tmp_path / "out")
    doc = json.loads(bundle.read_bytes())
    assert list(doc) == [
        "format", "format_version", "bundle_id", "created_at", "source", "counts",
        "changes_sha256", "header_sha256", "changes",
    ]  # fmt: skip
    assert doc["format_version"] == 1


def test_a_photo_already_sent_is_not_sent_again(tmp_path: Path) -> None:
    db = tmp_path / "officer.db"
    _, hashes = officer_with_photos(db, 2)
    first = export(db, tmp_path / "1")
    assert len(parts(first)) == 1
    with Store.open(db) as store:  # an edit to a record: the bundle goes, the photos do not
        [photo, _] = list_photos(store, store.rows("SELECT id FROM sessions")[0]["id"])
        store.write("photos", {"caption": "Diubah"}, photo.id)
    second = export(db, tmp_path / "2")
    assert len(second) == 1 and not parts(second)
    assert len(parts(export(db, tmp_path / "3", full=True))) == 1  # not acknowledged yet
    office = tmp_path / "office.db"
    with Store.open(office) as store:
        reports = import_files(store, sorted(first), quarantine=tmp_path / "q", backups=None)
        receipts = write_receipts(store, reports, tmp_path / "receipts")
    assert len(receipts) == 2
    with Store.open(db) as store:
        for receipt in receipts:
            assert "sudah diterima" in read_receipt(store, receipt)
    assert not parts(export(db, tmp_path / "4", full=True))  # acknowledged: never again
    with Store.open(db) as store:  # the same bytes added to another session: still not sent
        other = new_session(store, title="Rapat")
        data = photo_data(store, hashes[0])
        assert data is not None
        add_photo(store, other, prepare_photo(phone_jpeg(640, 480, seed=0)))
    assert not parts(export(db, tmp_path / "5"))


def _rewrite(part: Path, change: object) -> None:
    doc = json.loads(part.read_bytes())
    change(doc["photos"])  # type: ignore[operator]
    doc["photos_sha256"] = photos_digest([p["sha256"] for p in doc["photos"]])
    doc["counts"]["photos"] = len(doc["photos"])
    part.write_text(json.dumps(doc), encoding="utf-8")


def _bad_entry_case(tmp_path: Path, change: object, reason: str) -> None:
    session, hashes = officer_with_photos(tmp_path / "officer.db", 2)
    written = sorted(export(tmp_path / "officer.db", tmp_path / "out"))
    _rewrite(parts(written)[0], change)
    Store.open(tmp_path / "office.db").close()
    code, out, err = cli(tmp_path / "office.db", "import", *map(str, written))
    assert code == 0, err
    assert "1 disimpan" in out and "1 ditolak" in out and reason in out, out
    with Store.open(tmp_path / "office.db") as store:
        assert [p.available for p in list_photos(store, session)] == [True, False]
        assert len(store.rows("SELECT id FROM photos")) == 2  # the records still imported
        assert blob(store.conn, hashes[1]) is None


def test_photo_whose_bytes_do_not_match_its_hash_is_refused(tmp_path: Path) -> None:
    def flip(photos: list[dict[str, object]]) -> None:
        data = bytearray(base64.b64decode(str(photos[1]["data"])))
        data[-100] ^= 0xFF
        photos[1]["data"] = base64.b64encode(bytes(data)).decode()

    _bad_entry_case(tmp_path, flip, "tidak cocok dengan SHA-256")


def _replace_second(photos: list[dict[str, object]], data: bytes, kind: str = "image/jpeg") -> None:
    photos[1].update(sha256=sha256_hex(data), bytes=len(data), type=kind)
    photos[1]["data"] = base64.b64encode(data).decode()


def test_oversized_photo_is_refused(tmp_path: Path) -> None:
    out = io.BytesIO()
    scene(3000, 2000, seed=4).save(out, "JPEG", quality=60)
    _bad_entry_case(
        tmp_path, lambda photos: _replace_second(photos, out.getvalue()), "melebihi batas 1600"
    )


def test_photo_of_another_type_is_refused(tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.new("RGB", (40, 40)).save(out, "PNG")
    _bad_entry_case(
        tmp_path,
        lambda photos: _replace_second(photos, out.getvalue(), "image/png"),
        "hanya image/jpeg",
    )


def test_photo_declaring_too_many_bytes_is_refused(tmp_path: Path) -> None:
    def inflate(photos: list[dict[str, object]]) -> None:
        photos[1]["bytes"] = 50 * 1024 * 1024

    _bad_entry_case(tmp_path, inflate, "foto terlalu besar ditolak")


def test_part_with_a_broken_checksum_is_refused_whole(tmp_path: Path) -> None:
    session, _ = officer_with_photos(tmp_path / "officer.db", 2)
    written = sorted(export(tmp_path / "officer.db", tmp_path / "out"))
    part = parts(written)[0]
    doc = json.loads(part.read_bytes())
    doc["photos"].pop()
    part.write_text(json.dumps(doc), encoding="utf-8")
    Store.open(tmp_path / "office.db").close()
    code, _, err = cli(tmp_path / "office.db", "import", *map(str, written))
    assert code == 1 and "checksum tidak cocok" in err and "karantina" in err
    with Store.open(tmp_path / "office.db") as store:
        assert len(list_photos(store, session)) == 2  # records imported, bytes still to come


def test_erasure_of_a_photo_travels_and_an_old_part_cannot_bring_it_back(tmp_path: Path) -> None:
    db, office = tmp_path / "officer.db", tmp_path / "office.db"
    session, hashes = officer_with_photos(db, 2)
    first = sorted(export(db, tmp_path / "1"))
    import_into(office, *first)
    with Store.open(db) as store:
        remove_photo(store, list_photos(store, session)[0].id)
    second = export(db, tmp_path / "2")
    assert not parts(second)
    import_into(office, *second)
    with Store.open(office) as store:
        assert [p.sha256 for p in list_photos(store, session)] == [hashes[1]]
        assert blob(store.conn, hashes[0]) is None
    late = tmp_path / "late.db"  # a database that gets the erasure before the old part
    import_into(late, first[0], *second)
    [report] = import_into(late, parts(first)[0])
    assert "1 sudah dihapus permanen" in str(report["message"])
    with Store.open(late) as store:
        assert blob(store.conn, hashes[0]) is None and blob(store.conn, hashes[1]) is not None


def test_part_imported_twice_is_already_imported(tmp_path: Path) -> None:
    officer_with_photos(tmp_path / "officer.db", 1)
    written = sorted(export(tmp_path / "officer.db", tmp_path / "out"))
    import_into(tmp_path / "office.db", *written)
    [again] = import_into(tmp_path / "office.db", parts(written)[0])
    assert again["result"] == "already-imported"


def test_sealed_photo_part_at_an_office_with_keys(tmp_path: Path) -> None:
    from sync.test_trust import World

    world = World(tmp_path)
    with Store.open(world.officer) as store:
        session = store.rows("SELECT id FROM sessions")[0]["id"]
        photo = prepare_photo(phone_jpeg(640, 480, seed=7))
        add_photo(store, session, photo)
    sealed = sorted(export(world.officer, tmp_path / "sealed"))
    part = parts(sealed)[0]
    assert part.read_text().startswith('{"format":"petugaspembina.sealed-bundle"')
    reports = import_into(world.office, *sealed)
    assert [r["result"] for r in reports] == ["imported", "imported"], reports
    assert "Bertanda tangan perangkat terdaftar" in str(reports[1]["message"])
    with Store.open(world.office) as store:
        assert photo_data(store, photo.sha256) is not None
    with Store.open(world.officer) as store:
        plain = [r.path for r in export_bundles(store, tmp_path / "plain", full=True, plain=True)]
    [refused] = import_into(world.office, parts([p for p in plain if p])[0])
    assert refused["result"] == "rejected" and "tidak bertanda tangan" in str(refused["message"])


def test_published_photo_part_schema_matches_the_code_and_validates_exports(
    tmp_path: Path,
) -> None:
    import jsonschema

    from petugaspembina.sync.schema_doc import photo_part_json_schema

    path = Path(__file__).parents[2] / "docs" / "photo-part.schema.json"
    published = json.loads(path.read_text())
    assert published == photo_part_json_schema(), "regenerate docs/photo-part.schema.json"
    officer_with_photos(tmp_path / "officer.db", 2)
    [part] = parts(export(tmp_path / "officer.db", tmp_path / "out"))
    doc = json.loads(part.read_bytes())
    jsonschema.Draft202012Validator(published).validate(doc)
    doc["photos"][0]["type"] = "image/png"
    assert not jsonschema.Draft202012Validator(published).is_valid(doc)


def test_erasing_a_sessions_photos_travels(tmp_path: Path) -> None:
    from petugaspembina.store.photos import erase_session_photos

    db, office = tmp_path / "officer.db", tmp_path / "office.db"
    session, hashes = officer_with_photos(db, 3)
    import_into(office, *sorted(export(db, tmp_path / "1")))
    with Store.open(db) as store:
        assert erase_session_photos(store, session) == 3
    import_into(office, *export(db, tmp_path / "2"))
    with Store.open(office) as store:
        assert list_photos(store, session) == []
        assert store.conn.execute("SELECT count(*) FROM photo_blobs").fetchone()[0] == 0
        assert store.rows("SELECT count(*) AS n FROM photos WHERE erased = 1")[0]["n"] == 3
        assert all(blob(store.conn, digest) is None for digest in hashes)


def test_inbox_words_a_photo_part(tmp_path: Path) -> None:
    from petugaspembina.sync.inbox import describe_report

    officer_with_photos(tmp_path / "officer.db", 2)
    written = sorted(export(tmp_path / "officer.db", tmp_path / "out"))
    with Store.open(tmp_path / "office.db") as store:
        reports = import_files(store, written, quarantine=tmp_path / "q", backups=None)
        words = describe_report(store, reports[1])
    assert words.headline.startswith("Berkas foto dari perangkat ")
    assert "2 disimpan" in words.headline


def test_export_at_an_office_says_which_files_are_signed_and_which_not(tmp_path: Path) -> None:
    """An office with keys signs its bundles but writes its photo parts plain: the export says
    so file kind by file kind, never "not signed" for the signed bundle."""
    from sync.test_trust import World

    world = World(tmp_path)
    with Store.open(world.officer) as store:
        session = store.rows("SELECT id FROM sessions")[0]["id"]
        add_photo(store, session, prepare_photo(phone_jpeg(640, 480, seed=8)))
    (stick := tmp_path / "usb").mkdir()
    with Store.open(world.officer) as store:
        export_bundles(store, stick)
    assert cli(world.office, "import", str(stick))[0] == 0
    (relay := tmp_path / "relay").mkdir()
    code, out, err = cli(world.office, "export", "--out", f"{relay}/", "--full")
    assert code == 0, err
    with Store.open(world.office) as store:
        keys = office_keys(store)
        assert keys is not None
    lines = out.splitlines()
    assert f"Bundel: bertanda tangan kantor ini ({keys.kid}), tidak terenkripsi" in out
    assert "Berkas foto: TIDAK tersegel (tidak bertanda tangan, tidak terenkripsi)." in lines
    assert any("--allow-unsigned" in line for line in lines)
    assert "Tidak tersegel (bundel" not in out  # the old words, wrong about the bundle


def test_export_names_both_kinds_when_they_are_protected_alike(tmp_path: Path) -> None:
    from sync.test_trust import World

    world = World(tmp_path)
    with Store.open(world.officer) as store:
        session = store.rows("SELECT id FROM sessions")[0]["id"]
        add_photo(store, session, prepare_photo(phone_jpeg(640, 480, seed=9)))
    for folder, extra in (("sealed", ()), ("plain", ("--plain",))):
        (tmp_path / folder).mkdir()
        code, out, err = cli(
            world.officer, "export", "--out", f"{tmp_path / folder}/", "--full", *extra
        )
        assert code == 0, err
        last = out.splitlines()[-1]
        if folder == "sealed":
            assert last.startswith("Tersegel untuk kantor ") and "bundel dan berkas foto" in last
        else:
            assert last == (
                "Tidak tersegel (bundel dan berkas foto biasa, tidak bertanda tangan, tidak "
                "terenkripsi)."
            )
