"""One named test per row 39-46 of bad-inputs.md (holes in the reader found by trying as an attacker).

Each refused input: CLI exit 1, a message, the database unchanged.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from petugaspembina.cli import main
from petugaspembina.core.hlc import MAX_HLC, Hlc, HybridClock, is_valid_hlc
from petugaspembina.core.validation import check_nik
from petugaspembina.paths import app_paths
from petugaspembina.store import backup as backup_module
from petugaspembina.store.store import Store
from petugaspembina.sync import importer

from .helpers import cli_import, load, make_bundle, new_database, reseal, snapshot
from .test_bad_bundles import assert_rejected


@pytest.fixture
def office(tmp_path: Path) -> Path:
    db = new_database(tmp_path / "office.db")
    assert cli_import(db, make_bundle(tmp_path, seed=1))[0] == 0
    return db


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    return make_bundle(tmp_path, seed=2)


FULL_WIDTH_TWO = "\uff12"  # ２
ARABIC_INDIC = "\u0663\u0662\u0660\u0661"  # ٣٢٠١


@pytest.mark.parametrize(
    "edit",
    [
        "hlc-newline",
        "hlc-full-width",
        "id-newline",
        "device-newline",
        "bundle-id-newline",
        "nik-arabic-indic",
    ],
)
def test_row39_trailing_newline_or_non_ascii_digits(
    office: Path, bundle: Path, tmp_path: Path, edit: str
) -> None:
    doc = load(bundle)
    first = doc["changes"][0]
    if edit == "hlc-newline":
        first["hlc"] += "\n"
        message = "HLC tidak sah"
    elif edit == "hlc-full-width":
        first["hlc"] = FULL_WIDTH_TWO + first["hlc"][1:]
        message = "HLC tidak sah"
    elif edit == "id-newline":
        first["id"] += "\n"
        message = "id rekaman tidak sah"
    elif edit == "device-newline":
        doc["source"]["device_id"] += "\n"
        message = "source.device_id"
    elif edit == "bundle-id-newline":
        doc["bundle_id"] += "\n"
        message = "bundle_id"
    else:
        person = next(c for c in doc["changes"] if c["table"] == "people")
        person["values"]["nik"] = ARABIC_INDIC + "010101010001"
        message = "people.nik hanya boleh berisi angka 0-9"
    assert_rejected(office, reseal(doc, tmp_path / "pola.json"), message)


def test_row39_nik_check_accepts_ascii_digits_only() -> None:
    assert not check_nik(ARABIC_INDIC + "010101010001").ok
    assert not check_nik("\uff13\uff12\uff10\uff11" + "010101010001").ok
    assert not is_valid_hlc(f"2026-11-22T03:15:07.123Z/0000/{'a' * 32}\n")


def test_row40_far_future_clock_is_refused(office: Path, bundle: Path, tmp_path: Path) -> None:
    doc = load(bundle)
    device = doc["source"]["device_id"]
    doc["changes"][0]["hlc"] = f"9999-12-31T23:59:59.999Z/ffff/{device}"
    assert_rejected(office, reseal(doc, tmp_path / "masa-depan.json"), "di luar batas wajar")
    with Store.open(office) as store:
        store.write("agencies", {"full_name": "Dinas Sosial"})  # local work goes on


def test_row40_the_latest_accepted_clock_still_lets_local_writes_succeed(
    office: Path, bundle: Path, tmp_path: Path
) -> None:
    doc = load(bundle)
    device = doc["source"]["device_id"]
    latest = f"2199-12-31T23:59:59.999Z/ffff/{device}"
    assert is_valid_hlc(latest) and latest < MAX_HLC
    doc["changes"][-1]["hlc"] = latest
    code, out, _ = cli_import(office, reseal(doc, tmp_path / "batas.json"))
    assert code == 0, out
    with Store.open(office) as store:
        for _ in range(3):
            store.write("agencies", {"full_name": "Dinas Sosial"})
        assert store.meta("hlc") > latest


# Every text below MAX_HLC: the wall-clock part up to 2199-12-31T23:59:59.999, any counter.
_LAST_ACCEPTED_MILLIS = 7_258_118_399_999
accepted = st.builds(
    Hlc,
    st.integers(0, _LAST_ACCEPTED_MILLIS),
    st.integers(0, 0xFFFF),
    st.sampled_from(["a" * 32, "f" * 32]),
)


@settings(max_examples=300)
@given(accepted, st.integers(0, _LAST_ACCEPTED_MILLIS), st.integers(1, 5000))
def test_row40_proof_every_accepted_clock_leaves_room_for_local_writes(
    seen: Hlc, wall: int, writes: int
) -> None:
    """After observing any accepted HLC, any number of later writes (even with the wall clock
    anywhere before the bound) issue well-formed, increasing HLCs: the text form never reaches
    year 10000, because each write moves at most one millisecond past the bound."""
    assert is_valid_hlc(str(seen))
    clock = HybridClock("b" * 32)
    clock.observe(seen)
    previous = str(seen)
    for _ in range(writes if writes < 50 else 50):
        issued = str(clock.tick(wall))
        assert issued > previous and Hlc.parse(issued).millis <= _LAST_ACCEPTED_MILLIS + writes
        previous = issued
    # The worst case in closed form: 65,536 writes per millisecond, ~7.8e3 years of milliseconds
    # between the bound and year 10000.
    headroom_ms = 253_402_300_799_999 - _LAST_ACCEPTED_MILLIS
    assert headroom_ms * 0x10000 > 10**18


def test_row41_huge_seq_is_answered_at_once(office: Path, bundle: Path, tmp_path: Path) -> None:
    doc = load(bundle)
    doc["source"]["seq"] = 2**62
    started = time.monotonic()
    assert_rejected(office, reseal(doc, tmp_path / "seq.json"), "source.seq")
    assert time.monotonic() - started < 10


def test_row41_largest_seq_imports_fast_and_gaps_are_ranges(
    office: Path, bundle: Path, tmp_path: Path
) -> None:
    from petugaspembina.sync.reader import MAX_SEQ

    doc = load(bundle)
    doc["source"]["seq"] = MAX_SEQ
    started = time.monotonic()
    code, out, _ = cli_import(office, reseal(doc, tmp_path / "besar.json"))
    assert code == 0, out
    assert f"Bundel nomor 1–{MAX_SEQ - 1} dari perangkat ini belum diterima" in out
    nxt = load(bundle)
    nxt["source"]["seq"] = 5
    nxt["bundle_id"] = "00000000-0000-4000-8000-000000000041"
    code, out, _ = cli_import(office, reseal(nxt, tmp_path / "lima.json"))
    assert code == 0, out
    assert "Bundel nomor 1–4 " in out and f"6–{MAX_SEQ - 1} " in out
    assert time.monotonic() - started < 10


def test_row42_base_holding_lists_or_objects(office: Path, bundle: Path, tmp_path: Path) -> None:
    doc = load(bundle)
    change = doc["changes"][-1]
    name = next(iter(change["values"]))
    change["base"] = {name: [["x"], {"a": 1}]}
    text = assert_rejected(office, reseal(doc, tmp_path / "base.json"), f"base.{name}")
    assert "Traceback" not in text


def test_row42_receipt_with_bad_types(office: Path, tmp_path: Path) -> None:
    receipt = tmp_path / "tanda-terima.json"
    receipt.write_text(
        json.dumps(
            {
                "format": "petugaspembina.receipt",
                "bundle_id": [1],
                "changes_sha256": {"x": 1},
                "imported_at": 5,
            }
        )
    )
    before = snapshot(office)
    result = CliRunner().invoke(main, ["--db", str(office), "receipt", str(receipt)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Tanda terima tidak sah" in result.stderr and "bundle_id" in result.stderr
    assert snapshot(office) == before


@pytest.mark.parametrize(
    "edit", ["office", "officer", "created_at", "app_version", "unknown-key", "no-header-key"]
)
def test_row43_header_field_flipped(office: Path, bundle: Path, tmp_path: Path, edit: str) -> None:
    text = bundle.read_text(encoding="utf-8")
    doc = load(bundle)
    assert doc["source"]["office"] is None  # the demo database has no office name
    if edit == "office":
        altered = text.replace('"office":null', '"office":"Kantor Palsu"', 1)
    elif edit == "officer":
        altered = text.replace('"officer":{"name":null', '"officer":{"name":"Palsu"', 1)
    elif edit == "created_at":
        altered = text.replace(doc["created_at"], "2020" + doc["created_at"][4:], 1)
    elif edit == "app_version":
        altered = text.replace('"app_version":"', '"app_version":"9', 1)
    elif edit == "unknown-key":
        altered = text.replace('"header_sha256"', '"header_sha256x"', 1)
    else:  # one bit flipped in the key name: 'h' (0x68) -> 'i' (0x69)
        altered = text.replace('"header_sha256"', '"ieader_sha256"', 1)
    assert altered != text
    path = tmp_path / "kepala.json"
    path.write_text(altered, encoding="utf-8")
    assert_rejected(office, path, "Bundel")


@pytest.mark.parametrize("kind", ["folder", "fifo", "missing"])
def test_row44_folder_fifo_or_missing_path(
    office: Path, bundle: Path, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / f"bukan-{kind}"
    if kind == "folder":
        target.mkdir()
        message = "folder"
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this platform")
        os.mkfifo(target)
        message = "Bukan berkas biasa"
    else:
        message = "tidak ada"
    before_quarantine = (
        set(app_paths().quarantine.glob("*")) if app_paths().quarantine.exists() else set()
    )
    code, out, err = cli_import(office, target, bundle)
    assert code == 1
    assert message in err and err.count(target.name) == 1 and target.name not in out
    assert "Diimpor:" in out  # the rest of the batch goes on
    assert "karantina" not in err
    after = set(app_paths().quarantine.glob("*")) if app_paths().quarantine.exists() else set()
    assert after == before_quarantine


def test_row45_disk_full_during_the_pre_import_backup(
    office: Path, bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_module, "_fsync", disk_full)
    before = snapshot(office)
    code, out, err = cli_import(office, bundle)
    assert code == 1 and "cadangan sebelum impor gagal" in err and "disk penuh" in err
    assert "Traceback" not in out + err
    assert not list(app_paths().backups.glob("*.partial"))
    assert snapshot(office) == before
    monkeypatch.undo()
    assert cli_import(office, bundle)[0] == 0


def test_row46_two_stores_on_one_database_in_the_same_millisecond(office: Path) -> None:
    window, cli = Store.open(office), Store.open(office)
    try:
        frozen = int(time.time() * 1000)
        window.wall_millis = cli.wall_millis = lambda: frozen
        stored = []
        agency = window.write("agencies", {"full_name": "Dinas Sosial"})
        for index in range(20):
            writer = (window, cli)[index % 2]
            writer.write("agencies", {"full_name": f"Dinas Sosial {index}"}, agency)
            stored.append(writer.meta("hlc"))
        assert stored == sorted(stored) and len(set(stored)) == len(stored)
        # a clerk's delete after seeing the other process's edit is not "edited after deletion"
        cli.write("agencies", {"phone": "0211234567"}, agency)
        window.delete("agencies", agency)
        edited = window.rows(
            "SELECT count(*) AS n FROM fv WHERE rid = ? AND hlc > "
            "(SELECT max(hlc) FROM fv WHERE rid = ? AND field = '_deleted')",
            (agency, agency),
        )
        assert edited[0]["n"] == 0
    finally:
        window.close()
        cli.close()


def test_row46_two_processes_import_the_same_bundle_at_once(office: Path, bundle: Path) -> None:
    reports: list[importer.FileReport] = []
    barrier = threading.Barrier(2)

    def run() -> None:
        with Store.open(office) as store:
            barrier.wait()
            reports.append(importer.import_file(store, bundle, quarantine=app_paths().quarantine))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.result for r in reports) == ["already-imported", "imported"], reports


def test_control_character_only_name_is_refused(office: Path, bundle: Path, tmp_path: Path) -> None:
    doc = load(bundle)
    person = next(c for c in doc["changes"] if c["table"] == "people")
    person["values"]["full_name"] = "\x01\x02\x1b"
    assert_rejected(office, reseal(doc, tmp_path / "kendali.json"), "hanya berisi karakter kendali")


def test_cli_shows_imported_bidi_characters_escaped(
    office: Path, bundle: Path, tmp_path: Path
) -> None:
    doc = load(bundle)
    person = next(c for c in doc["changes"] if c["table"] == "people")
    person["values"]["full_name"] = "Ahmad \u202eevil"
    assert cli_import(office, reseal(doc, tmp_path / "bidi.json"))[0] == 0
    result = CliRunner().invoke(main, ["--db", str(office), "people"])
    assert "\u202e" not in result.stdout and "<U+202E>" in result.stdout


def test_eleven_junk_imports_keep_every_earlier_backup(
    office: Path, bundle: Path, tmp_path: Path
) -> None:
    from petugaspembina.store.backup import backup, list_backups

    folder = app_paths().backups
    with Store.open(office) as store:
        daily = backup(store.conn, folder, "harian")
    assert cli_import(office, bundle)[0] == 0  # a real import: one pre-import backup
    before = {b.path for b in list_backups(folder)}
    doc = load(bundle)
    doc["changes"][0]["hlc"] = "junk"
    junk = reseal(doc, tmp_path / "sampah.json")
    for _ in range(11):
        assert cli_import(office, junk)[0] == 1
    after = {b.path for b in list_backups(folder)}
    # every earlier backup is kept; the state after the real import is saved once, then refused
    # imports (which change nothing) take no further backup
    assert before < after and len(after - before) == 1
    assert daily.exists()


@pytest.mark.parametrize("name", ["..\\evil.exe", "CON", "a" * 250 + ".json"])
def test_row25_file_names_are_never_used_as_paths(office: Path, tmp_path: Path, name: str) -> None:
    import re

    path = tmp_path / name
    path.write_bytes(b"bukan bundel")
    assert_rejected(office, path, "Bukan berkas bundel")
    kept = [p.name for p in app_paths().quarantine.iterdir()]
    assert kept and all(
        re.fullmatch(r"[0-9]{8}T[0-9]{6}-[0-9a-f]{12}\.(bundle|alasan\.txt)", k) for k in kept
    ), kept


WRITER = """
import sys, time
from pathlib import Path
from petugaspembina.store.store import Store
store = Store.open(Path(sys.argv[1]))
frozen = int(sys.argv[3])
store.wall_millis = lambda: frozen  # both processes in the same millisecond
start = float(sys.argv[4])
while time.time() < start:
    time.sleep(0.001)
for index in range(int(sys.argv[2])):
    store.write("agencies", {"full_name": f"Dinas {index}"})
store.close()
print("OK", flush=True)
"""


def test_row46_two_real_processes_write_one_database_at_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "bersama.db"
    Store.open(db).close()
    frozen, start = int(time.time() * 1000), time.time() + 1.5
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), "100", str(frozen), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(
        p.returncode == 0 and out.strip() == "OK"
        for p, (out, _) in zip(procs, outputs, strict=True)
    ), outputs
    with Store.open(db) as store:
        hlcs = [r["hlc"] for r in store.rows("SELECT DISTINCT hlc FROM fv ORDER BY seq")]
        assert len(hlcs) == 200  # every write got its own clock reading
        assert hlcs == sorted(hlcs)  # in commit order the stored clock never went backwards
        assert store.meta("hlc") == hlcs[-1]
