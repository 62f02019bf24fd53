"""Photo records and their bytes: added once, ordered, captioned, erased with their bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from documents.helpers import cli, new_session
from petugaspembina.core.imaging import prepare_photo
from petugaspembina.store.errors import NotFound
from petugaspembina.store.photo_blobs import blob
from petugaspembina.store.photo_files import add_photo_files
from petugaspembina.store.photos import (
    add_photo,
    drop_location,
    erase_session_photos,
    list_photos,
    move_photo,
    photo_data,
    remove_photo,
    set_caption,
)
from petugaspembina.store.store import Store

from .imagegen import phone_jpeg


def _files(folder: Path, count: int, **kwargs: object) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"IMG_{index:04d}.jpg"
        path.write_bytes(phone_jpeg(640, 480, seed=10 + index, **kwargs))  # type: ignore[arg-type]
        paths.append(path)
    return paths


def test_photo_added_twice_is_stored_once(store: Store, tmp_path: Path) -> None:
    session = new_session(store)
    [path] = _files(tmp_path / "card", 1)
    first = add_photo_files(store, session, [path, path])
    assert [o.result for o in first] == ["added", "duplicate"]
    other = new_session(store, title="Kunjungan")
    assert [o.result for o in add_photo_files(store, other, [path])] == ["added"]
    assert store.conn.execute("SELECT count(*) FROM photo_blobs").fetchone()[0] == 1
    assert len(list_photos(store, session)) == 1 and len(list_photos(store, other)) == 1


def test_folder_adds_its_pictures_in_name_order(store: Store, tmp_path: Path) -> None:
    session = new_session(store)
    _files(tmp_path / "DCIM" / "100PHONE", 3)
    (tmp_path / "DCIM" / "catatan.txt").write_text("bukan foto")
    outcomes = add_photo_files(store, session, [tmp_path / "DCIM"])
    assert [o.file for o in outcomes] == ["IMG_0000.jpg", "IMG_0001.jpg", "IMG_0002.jpg"]
    photos = list_photos(store, session)
    assert [p.position for p in photos] == [0, 1, 2]
    assert all(p.available and p.taken_at == "2026-06-14T09:30:00" for p in photos)
    data = photo_data(store, photos[0].sha256)
    assert data is not None and data.startswith(b"\xff\xd8\xff")


def test_refused_file_does_not_stop_the_others(store: Store, tmp_path: Path) -> None:
    session = new_session(store)
    [good] = _files(tmp_path, 1)
    bad = tmp_path / "rusak.jpg"
    bad.write_bytes(good.read_bytes()[:3000])
    outcomes = add_photo_files(store, session, [bad, good, tmp_path / "tidak-ada.jpg"])
    assert [o.result for o in outcomes] == ["refused", "added", "refused"]
    assert "terpotong" in outcomes[0].message and "tidak ada" in outcomes[2].message


def test_photos_of_a_missing_session_are_refused(store: Store) -> None:
    photo = prepare_photo(phone_jpeg(320, 240))
    with pytest.raises(NotFound):
        add_photo(store, "0190d5d0-0000-7000-8000-000000000000", photo)


def test_reorder_and_caption(store: Store) -> None:
    session = new_session(store)
    ids = [
        add_photo(store, session, prepare_photo(phone_jpeg(320, 240, seed=s))).photo_id
        for s in range(3)
    ]
    move_photo(store, ids[2], 0)
    assert [p.id for p in list_photos(store, session)] == [ids[2], ids[0], ids[1]]
    set_caption(store, ids[0], "  Pembukaan oleh Kepala Desa ")
    assert list_photos(store, session)[1].caption == "Pembukaan oleh Kepala Desa"


def test_remove_erases_record_and_bytes(store: Store) -> None:
    session = new_session(store)
    photo = prepare_photo(phone_jpeg(320, 240))
    photo_id = add_photo(store, session, photo).photo_id
    remove_photo(store, photo_id)
    assert list_photos(store, session) == []
    assert blob(store.conn, photo.sha256) is None
    row = store.rows("SELECT sha256, caption, erased FROM photos WHERE id = ?", (photo_id,))
    assert row == [{"sha256": None, "caption": None, "erased": 1}]


def test_bytes_shared_by_two_sessions_survive_one_erasure(store: Store) -> None:
    photo = prepare_photo(phone_jpeg(320, 240))
    first, second = new_session(store), new_session(store, title="Rapat")
    add_photo(store, first, photo)
    add_photo(store, second, photo)
    assert erase_session_photos(store, first) == 1
    assert photo_data(store, photo.sha256) is not None
    erase_session_photos(store, second)
    assert photo_data(store, photo.sha256) is None


def test_drop_location_replaces_the_bytes(store: Store) -> None:
    session = new_session(store)
    photo = prepare_photo(phone_jpeg(320, 240, gps=True), keep_location=True)
    photo_id = add_photo(store, session, photo, keep_location=True).photo_id
    assert list_photos(store, session)[0].keep_location
    drop_location(store, photo_id)
    [after] = list_photos(store, session)
    assert not after.keep_location and after.sha256 != photo.sha256 and after.available
    assert photo_data(store, photo.sha256) is None


def test_cli_add_list_remove(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        session = new_session(store)
    paths = _files(tmp_path / "card", 2, gps=True)
    code, out, _ = cli(
        db_path,
        "photos",
        "add",
        "--session",
        session,
        *map(str, paths),
        "--caption",
        "Suasana kegiatan",
    )
    assert code == 0 and "2 foto ditambahkan, 0 ditolak." in out
    code, out, _ = cli(db_path, "photos", "list", "--session", session, "--json")
    listed = json.loads(out)
    assert [p["caption"] for p in listed] == ["Suasana kegiatan"] * 2
    assert not any(p["keep_location"] for p in listed)
    code, out, _ = cli(db_path, "photos", "list", "--session", session)
    assert code == 0 and "Suasana kegiatan" in out and "1600" not in out
    code, out, _ = cli(db_path, "photos", "remove", listed[0]["id"])
    assert code == 0 and "dihapus permanen" in out
    code, out, _ = cli(db_path, "photos", "list", "--session", session, "--json")
    assert [p["id"] for p in json.loads(out)] == [listed[1]["id"]]


def test_cli_keep_location(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        session = new_session(store)
    [path] = _files(tmp_path, 1, gps=True)
    cli(db_path, "photos", "add", "--session", session, str(path), "--keep-location")
    code, out, _ = cli(db_path, "photos", "list", "--session", session, "--json")
    assert code == 0 and json.loads(out)[0]["keep_location"] is True


def test_cli_refused_file_exits_1(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        session = new_session(store)
    text = tmp_path / "bukan-foto.jpg"
    text.write_text("halo")
    code, out, _ = cli(db_path, "photos", "add", "--session", session, str(text))
    assert code == 1 and "bukan-foto.jpg: Bukan berkas gambar" in out


def test_cli_unknown_session_and_photo(db_path: Path) -> None:
    Store.open(db_path).close()
    code, _, err = cli(
        db_path, "photos", "list", "--session", "0190d5d0-0000-7000-8000-0000000000aa"
    )
    assert code == 1 and "Kegiatan dengan ID '0190d5d0-0000-7000-8000-0000000000aa' tidak" in err
    code, _, err = cli(db_path, "photos", "remove", "0190d5d0-0000-7000-8000-0000000000aa")
    assert code == 1 and "Foto tidak ditemukan" in err
