"""One named test per row 1-21 of bad-inputs.md: message, CLI exit code, database unchanged."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from petugaspembina.paths import app_paths
from petugaspembina.store.db import connect
from petugaspembina.store.sqlite import sqlite3
from petugaspembina.store.store import Store
from petugaspembina.sync import importer
from petugaspembina.sync.bundle import MAX_BUNDLE_BYTES

from .helpers import cli_import, load, make_bundle, new_database, reseal, snapshot


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """An office database that already holds one officer's bundle."""
    db = new_database(tmp_path / "office.db")
    first = make_bundle(tmp_path, seed=1)
    assert cli_import(db, first)[0] == 0
    return db


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A second, valid bundle from another officer."""
    return make_bundle(tmp_path, seed=2)


def assert_rejected(db: Path, file: Path, *messages: str) -> str:
    before = snapshot(db)
    code, out, err = cli_import(db, file)
    assert code == 1, out
    text = out + err
    for message in messages:
        assert message in text, text
    assert err.count(f"{file.name}: ") == 1, err  # each refusal said once
    assert snapshot(db) == before
    quarantine = app_paths().quarantine
    reasons = list(quarantine.glob("*.alasan.txt"))
    assert reasons, "a rejected bundle is kept in quarantine with its reason"
    return text


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("foto.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + random.Random(1).randbytes(2000)),
        ("surat.docx", b"PK\x03\x04\x14\x00\x06\x00" + random.Random(2).randbytes(2000)),
        ("acak.bin", random.Random(3).randbytes(4096)),
        ("kosong.json", b""),
        ("lain.json", b'{"nama": "bukan bundel"}'),
    ],
)
def test_row01_not_a_bundle(office: Path, tmp_path: Path, name: str, data: bytes) -> None:
    assert_rejected(office, write(tmp_path, name, data), "Bukan berkas bundel")


def test_row02_truncated_copy(office: Path, bundle: Path, tmp_path: Path) -> None:
    data = bundle.read_bytes()
    cut = write(tmp_path, "terpotong.json", data[: len(data) * 2 // 3])
    assert_rejected(office, cut, "tidak lengkap", "salin ulang")
    padded = write(tmp_path, "nol.json", data[: len(data) // 2] + b"\x00" * 4096)
    assert_rejected(office, padded, "tidak lengkap")


def test_row03_over_the_size_cap_is_rejected_unread(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "besar.json"
    with open(huge, "wb") as handle:  # sparse: no disk used
        handle.truncate(MAX_BUNDLE_BYTES + 1)
    opened: list[Path] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self) or real(self))
    assert_rejected(office, huge, "terlalu besar", "256 MiB")
    assert huge not in opened


def test_row04_deep_nesting(office: Path, tmp_path: Path) -> None:
    deep = b'{"format":"petugaspembina.bundle","x":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert_rejected(office, write(tmp_path, "dalam.json", deep), "terlalu dalam")
    nine = b'{"format":"petugaspembina.bundle","x":' + b"[" * 9 + b"]" * 9 + b"}"
    assert_rejected(office, write(tmp_path, "sembilan.json", nine), "lebih dalam dari 8")


def test_row05_huge_integers(office: Path, bundle: Path, tmp_path: Path) -> None:
    text = bundle.read_text(encoding="utf-8").replace(
        '"format_version":1', '"format_version":' + "9" * 5000, 1
    )
    assert_rejected(office, write(tmp_path, "angka.json", text.encode()), "int64")
    text = bundle.read_text(encoding="utf-8").replace(
        '"format_version":1', '"format_version":9223372036854775808', 1
    )
    assert_rejected(office, write(tmp_path, "angka2.json", text.encode()), "int64")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_row06_nan_and_infinity(office: Path, bundle: Path, tmp_path: Path, constant: str) -> None:
    text = bundle.read_text(encoding="utf-8").replace(
        '"format_version":1', f'"format_version":{constant}', 1
    )
    assert_rejected(office, write(tmp_path, "nan.json", text.encode()), constant)


def test_row07_duplicate_keys(office: Path, bundle: Path, tmp_path: Path) -> None:
    text = bundle.read_text(encoding="utf-8").replace(
        '"format_version":1', '"format_version":1,"format_version":1', 1
    )
    assert_rejected(office, write(tmp_path, "ganda.json", text.encode()), "Kunci ganda")


def test_row08_bad_encoding(office: Path, bundle: Path, tmp_path: Path) -> None:
    data = bundle.read_bytes()
    assert_rejected(office, write(tmp_path, "bom.json", b"\xef\xbb\xbf" + data), "BOM")
    broken = data.replace(b'"sex":"L"', b'"sex":"\xff\xfe"', 1)
    assert_rejected(office, write(tmp_path, "utf8.json", broken), "UTF-8")
    doc = load(bundle)
    person = next(c for c in doc["changes"] if c["table"] == "people")
    person["values"]["full_name"] = "Siti\ud800"
    surrogate = tmp_path / "surrogate.json"
    # A lone surrogate cannot even be hashed as UTF-8: the reader must refuse it before that.
    text = json.dumps(doc, ensure_ascii=True)
    surrogate.write_text(text, encoding="ascii")
    assert_rejected(office, surrogate, "surrogate")


def test_row09_control_characters_stripped_and_bidi_flagged(
    office: Path, bundle: Path, tmp_path: Path
) -> None:
    doc = load(bundle)
    people = [c for c in doc["changes"] if c["table"] == "people"]
    people[0]["values"]["full_name"] = "Sri\x00 Wah\x07yuni"
    people[1]["values"]["full_name"] = "Ahmad \u202eevil"
    edited = reseal(doc, tmp_path / "kontrol.json")
    code, out, _ = cli_import(office, edited)
    assert code == 0 and "karakter pengarah teks" in out
    with Store.open(office) as store:
        names = {r["full_name"] for r in store.rows("SELECT full_name FROM people")}
    assert "Sri Wahyuni" in names and not any("\x00" in (n or "") for n in names)


def test_row10_newer_format_version(office: Path, bundle: Path, tmp_path: Path) -> None:
    doc = load(bundle)
    doc["format_version"] = 2
    assert_rejected(
        office,
        reseal(doc, tmp_path / "baru.json"),
        "versi aplikasi yang lebih baru",
        "perbarui aplikasi",
    )


def test_row11_too_old_format_version(office: Path, bundle: Path, tmp_path: Path) -> None:
    doc = load(bundle)
    doc["format_version"] = 0
    assert_rejected(office, reseal(doc, tmp_path / "lama.json"), "Format bundel 0 terlalu lama")


def test_row12_problems_listed_first_twenty(office: Path, bundle: Path, tmp_path: Path) -> None:
    doc = load(bundle)
    changes: list[dict[str, Any]] = doc["changes"]
    changes[0]["table"] = "rahasia"
    del changes[1]["hlc"]
    changes[2]["values"]["tidak_ada"] = 1
    for change in changes[3:40]:
        change["values"] = {"birth_year": "tahun"} if change["table"] == "people" else {"x": 1}
    text = assert_rejected(
        office, reseal(doc, tmp_path / "salah.json"), "tidak dikenal", "#1", "HLC tidak sah"
    )
    listed = [line for line in text.splitlines() if line.startswith("  - perubahan #")]
    assert len(listed) == 20


def test_row13_checksum_or_counts_do_not_match(office: Path, bundle: Path, tmp_path: Path) -> None:
    text = bundle.read_text(encoding="utf-8")
    doc = load(bundle)
    name = next(c["values"]["full_name"] for c in doc["changes"] if c["table"] == "people")
    altered = text.replace(name, name[:-1] + "X", 1)
    assert_rejected(
        office, write(tmp_path, "ubah.json", altered.encode()), "rusak atau telah diubah"
    )
    doc["counts"]["changes"] += 1
    counts = tmp_path / "jumlah.json"
    from petugaspembina.sync.bundle import encode_bundle, header_digest

    doc["header_sha256"] = header_digest(doc)
    counts.write_bytes(encode_bundle(doc))
    assert_rejected(office, counts, "jumlah tidak cocok")


def test_row14_same_bundle_again(office: Path, bundle: Path) -> None:
    assert cli_import(office, bundle)[0] == 0
    before = snapshot(office)
    code, out, _ = cli_import(office, bundle)
    assert code == 0 and "Sudah diimpor pada" in out and "0 perubahan" in out
    assert re.search(r"Sudah diimpor pada [0-9]{1,2} [A-Z][a-z]{2} [0-9]{4}", out)
    assert snapshot(office) == before


def test_row15_same_op_id_other_value(office: Path, bundle: Path, tmp_path: Path) -> None:
    assert cli_import(office, bundle)[0] == 0
    doc = load(bundle)
    doc["bundle_id"] = "00000000-0000-4000-8000-000000000015"
    person = next(c for c in doc["changes"] if c["table"] == "people")
    person["values"]["full_name"] = "Nama Palsu"
    assert_rejected(office, reseal(doc, tmp_path / "palsu.json"), "isi berbeda")
    doc = load(bundle)  # same bundle id, one value changed
    person = next(c for c in doc["changes"] if c["table"] == "people")
    person["values"]["full_name"] = "Nama Lain"
    assert_rejected(office, reseal(doc, tmp_path / "idsama.json"), "isi berbeda")


@pytest.mark.parametrize(
    ("where", "bad"),
    [("hlc", "2026-11-22 03:15:07"), ("id", "1234"), ("device", "XYZ")],
)
def test_row16_malformed_ids(
    office: Path, bundle: Path, tmp_path: Path, where: str, bad: str
) -> None:
    doc = load(bundle)
    if where == "device":
        doc["source"]["device_id"] = bad
        message = "device_id"
    else:
        doc["changes"][0][where] = bad
        message = "HLC tidak sah" if where == "hlc" else "id rekaman tidak sah"
    assert_rejected(office, reseal(doc, tmp_path / "id.json"), message)


def test_row17_suspect_clock_imported_and_flagged(
    office: Path, bundle: Path, tmp_path: Path
) -> None:
    doc = load(bundle)
    device = doc["source"]["device_id"]
    doc["changes"][0]["hlc"] = f"2099-01-01T00:00:00.000Z/0000/{device}"
    doc["changes"][1]["hlc"] = f"2001-01-01T00:00:00.000Z/0000/{device}"
    code, out, _ = cli_import(office, reseal(doc, tmp_path / "jam.json"))
    assert code == 0 and "Jam perangkat pengirim mencurigakan" in out
    with Store.open(office) as store:
        flagged = {r["hlc"][:4] for r in store.rows("SELECT hlc FROM clock_flags")}
        assert flagged == {"2099", "2001"}
        assert store.next_hlc() > f"2099-01-01T00:00:00.000Z/0000/{device}"


def test_row18_child_before_parent(office: Path, bundle: Path, tmp_path: Path) -> None:
    doc = load(bundle)
    doc["changes"] = [c for c in doc["changes"] if c["table"] == "attendance"]
    doc["bundle_id"] = "00000000-0000-4000-8000-000000000018"
    code, out, _ = cli_import(office, reseal(doc, tmp_path / "anak.json"))
    assert code == 0 and "menunggu data kegiatannya" in out
    code, out, _ = cli_import(office, bundle)  # the parents arrive: nothing waits any more
    assert code == 0 and "menunggu" not in out


def test_row18_waiting_sign_ins_counted_across_the_parts_of_one_import(
    bundle: Path, tmp_path: Path
) -> None:
    """One import of several parts counts waiting sign-ins from part to part (only what each
    part brought and the sessions missing before): the same words as one import per part."""
    doc = load(bundle)
    signins = [c for c in doc["changes"] if c["table"] == "attendance"]
    first, second = sorted(
        {c["values"]["session_id"] for c in signins if "session_id" in c["values"]}
    )[:2]
    by_session = {
        c["id"]: c["values"].get("session_id") for c in signins if "session_id" in c["values"]
    }
    groups = [
        [c for c in signins if by_session.get(c["id"]) == first],
        [c for c in signins if by_session.get(c["id"]) == second],
    ]
    groups.append([c for c in doc["changes"] if not any(c in g for g in groups)])
    parts = []
    for number, changes in enumerate(groups, start=1):
        part = dict(doc, changes=changes, bundle_id=f"00000000-0000-4000-8000-00000000003{number}")
        part["source"] = dict(doc["source"], seq=number)
        parts.append(reseal(part, tmp_path / f"part-{number}.json"))

    def warnings(db: Path, calls: list[list[Path]]) -> list[list[str]]:
        with Store.open(new_database(db)) as store:
            return [
                report.warnings
                for files in calls
                for report in importer.import_files(
                    store, files, quarantine=tmp_path / "q", backups=None
                )
            ]

    together = warnings(tmp_path / "together.db", [parts])
    one_by_one = warnings(tmp_path / "apart.db", [[part] for part in parts])
    assert together == one_by_one
    waiting = [[w for w in ws if "menunggu data kegiatannya" in w] for ws in together]
    assert waiting[0] and waiting[1] and not waiting[2]
    assert int(waiting[1][0].split()[0]) > int(waiting[0][0].split()[0])


def test_row19_seq_gap_is_shown(office: Path, bundle: Path, tmp_path: Path) -> None:
    doc = load(bundle)
    doc["source"]["seq"] = 3
    code, out, _ = cli_import(office, reseal(doc, tmp_path / "tiga.json"))
    assert code == 0
    assert "Bundel nomor 1–2 dari perangkat ini belum diterima" in out


def test_row20_database_locked_mid_import(office: Path, bundle: Path) -> None:
    before = snapshot(office)
    blocker = connect(office)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(office) as store:
            store.conn.execute("PRAGMA busy_timeout = 200")
            report = importer.import_file(store, bundle, quarantine=app_paths().quarantine)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert report.result == "failed" and "sedang dipakai" in report.message
    assert "aman untuk dicoba lagi" in report.message
    assert snapshot(office) == before
    assert cli_import(office, bundle)[0] == 0  # retrying is safe


def test_row20_disk_full_mid_import(
    office: Path, bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(office)
    from petugaspembina.store import store as store_module

    real = store_module.apply_changes

    def fill_disk(conn: sqlite3.Connection, rows: Any, *more: Any) -> Any:
        real(conn, rows, *more)  # the writes happen, then the disk fills before commit
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_module, "apply_changes", fill_disk)
    code, out, err = cli_import(office, bundle)
    assert code == 1 and "disk penuh" in out + err and "tidak berubah" in err
    monkeypatch.setattr(store_module, "apply_changes", real)
    assert snapshot(office) == before
    assert cli_import(office, bundle)[0] == 0


def test_one_bad_file_does_not_stop_the_others(office: Path, bundle: Path, tmp_path: Path) -> None:
    junk = write(tmp_path, "sampah.json", b"junk")
    code, out, err = cli_import(office, junk, bundle)
    assert code == 1 and "Diimpor:" in out and "Bukan berkas bundel" in err
