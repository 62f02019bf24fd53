"""Export and import paths on the command line (bad-inputs rows 44 and 47).

A failing export marks nothing as sent; each path given to import gets its own Indonesian
message while the rest of the batch goes on.
"""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.paths import app_paths
from petugaspembina.store.store import Store
from petugaspembina.sync import bundle, inputs

NIP = "19860926 201505 1 001"


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def new_db(path: Path, *, demo: bool = False) -> Path:
    code, _, err = cli(path, "init", "--officer", "Rahmat", "--nip", NIP, "--office", "Kanim")
    assert code == 0, err
    if demo:
        assert cli(path, "demo-data", "--sessions", "2")[0] == 0
    return path


def sent_marks(db: Path) -> tuple[list[tuple[Any, ...]], str | None]:
    """What export remembers per destination: the exports rows and the bundle counter."""
    with Store.open(db) as store:
        rows = [tuple(r) for r in store.conn.execute("SELECT * FROM exports ORDER BY seq")]
        return rows, store.meta("bundle_seq")


def version_count(db: Path) -> int:
    with Store.open(db) as store:
        return store.version_count()


@pytest.fixture
def officer(tmp_path: Path) -> Path:
    return new_db(tmp_path / "officer.db", demo=True)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return new_db(tmp_path / "office.db")


def written_files(folder: Path) -> set[Path]:
    """Every file and folder under ``folder`` except the app home and the database files."""
    return {
        p
        for p in folder.rglob("*")
        if "home" not in p.parts and not p.name.startswith("officer.db")
    }


def bundles_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _missing_folder_with_slash(tmp_path: Path, _: pytest.MonkeyPatch) -> str:
    return str(tmp_path / "usb") + os.sep


def _missing_parent_folder(tmp_path: Path, _: pytest.MonkeyPatch) -> str:
    return str(tmp_path / "tidak-ada" / "bundel.json")


def _parent_is_a_file(tmp_path: Path, _: pytest.MonkeyPatch) -> str:
    (tmp_path / "berkas").write_text("x")
    return str(tmp_path / "berkas" / "bundel.json")


def _disk_full_at_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bundle.os, "fsync", full)
    (tmp_path / "out").mkdir()
    return str(tmp_path / "out") + os.sep


def _rename_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    def locked(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", dst)

    monkeypatch.setattr(bundle.os, "replace", locked)
    (tmp_path / "out").mkdir()
    return str(tmp_path / "out" / "bundel.json")


FAILING_EXPORTS: dict[str, Callable[[Path, pytest.MonkeyPatch], str]] = {
    "missing-folder-with-slash": _missing_folder_with_slash,
    "missing-parent-folder": _missing_parent_folder,
    "parent-is-a-file": _parent_is_a_file,
    "disk-full-at-fsync": _disk_full_at_fsync,
    "rename-refused": _rename_refused,
}


@pytest.mark.parametrize("case", sorted(FAILING_EXPORTS))
def test_any_failing_export_leaves_the_sent_marks_as_they_were(
    officer: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    before = sent_marks(officer)
    with monkeypatch.context() as patch:
        out = FAILING_EXPORTS[case](tmp_path, patch)
        files_before = written_files(tmp_path)
        code, stdout, err = cli(officer, "export", "--out", out)
    assert code == 1, stdout
    assert err.startswith("Galat: ") and "Traceback" not in err
    assert "ditulis" in err
    assert sent_marks(officer) == before
    assert written_files(tmp_path) == files_before  # no bundle, no part, no folder
    # the next export still carries everything
    (good := tmp_path / "good").mkdir()
    code, stdout, _ = cli(officer, "export", "--out", str(good) + os.sep)
    assert code == 0
    [written] = good.iterdir()
    assert json.loads(written.read_bytes())["counts"]["field_versions"] == version_count(officer)


def test_export_to_a_missing_folder_with_a_slash_writes_no_file_named_like_it(
    officer: Path, tmp_path: Path
) -> None:
    code, _, err = cli(officer, "export", "--out", str(tmp_path / "usb") + "/")
    assert code == 1
    assert "Folder tujuan tidak ada" in err and "flashdisk" in err
    assert not (tmp_path / "usb").exists()


def test_export_disk_full_says_so_in_indonesian(
    officer: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _disk_full_at_fsync(tmp_path, monkeypatch)
    code, _, err = cli(officer, "export", "--out", out)
    assert code == 1 and "disk penuh" in err and "No space" not in err
    assert "Tidak ada yang ditandai terkirim" in err
    assert bundles_in(tmp_path / "out") == []  # no temporary part left behind


def test_export_to_an_existing_folder_with_or_without_slash_uses_the_default_name(
    officer: Path, tmp_path: Path
) -> None:
    (out := tmp_path / "usb").mkdir()
    code, stdout, _ = cli(officer, "export", "--out", str(out))
    assert code == 0
    [written] = out.iterdir()
    assert written.name.startswith("petugaspembina-") and str(written) in stdout


def test_export_to_a_file_in_an_existing_folder(officer: Path, tmp_path: Path) -> None:
    code, _, _ = cli(officer, "export", "--out", str(tmp_path / "kirim.json"))
    assert code == 0 and (tmp_path / "kirim.json").is_file()


def _two_bundles(officer: Path, folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    assert cli(officer, "export", "--out", str(folder / "b-1.json"))[0] == 0
    with Store.open(officer) as store:
        pid = store.rows("SELECT id FROM people WHERE deleted = 0 LIMIT 1")[0]["id"]
        store.write("people", {"full_name": "Nama Diperbaiki"}, pid)
    assert cli(officer, "export", "--out", str(folder / "a-2.json"))[0] == 0
    return [folder / "a-2.json", folder / "b-1.json"]


def test_import_of_a_folder_imports_every_bundle_in_it_by_name(
    officer: Path, office: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    files = _two_bundles(officer, usb)
    (usb / "catatan.txt").write_text("bukan bundel")
    (usb / "tanda-terima-lama.json").write_text("{}")
    (usb / ".tmp-x.part").write_text("")
    own = version_count(office)
    code, stdout, err = cli(office, "import", str(usb) + os.sep, "--json")
    assert code == 0, err
    reports = json.loads(stdout)
    assert [r["file"] for r in reports] == [f.name for f in files]
    assert all(r["result"] == "imported" for r in reports)
    assert version_count(office) == own + version_count(officer)


def test_import_of_an_empty_folder_says_it_holds_no_bundle(office: Path, tmp_path: Path) -> None:
    (empty := tmp_path / "kosong").mkdir()
    code, stdout, err = cli(office, "import", str(empty))
    assert code == 1
    assert "Ditolak: kosong: Folder ini tidak berisi berkas bundel (.json)." in err
    assert err.count("kosong") == 1 and "kosong" not in stdout  # said once, on stderr
    assert "karantina" not in err


def test_import_of_a_missing_path_says_so_and_the_rest_goes_on(
    officer: Path, office: Path, tmp_path: Path
) -> None:
    good = _two_bundles(officer, tmp_path / "usb")
    missing = tmp_path / "hilang.json"
    code, stdout, err = cli(office, "import", str(missing), *map(str, good))
    assert code == 1
    assert err.count("hilang.json: Berkas atau folder tidak ada.") == 1
    assert "hilang.json" not in stdout
    assert "No such file" not in stdout + err and "Traceback" not in stdout + err
    assert "karantina" not in err  # nothing was read, so nothing is kept
    assert stdout.count("Diimpor:") == 2
    assert "Ditolak: hilang.json" in err
    quarantine = app_paths().quarantine
    assert not quarantine.exists() or list(quarantine.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs exist on POSIX systems only")
def test_import_of_a_fifo_is_refused_without_blocking(
    officer: Path, office: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipa.json"
    os.mkfifo(fifo)
    good = _two_bundles(officer, tmp_path / "usb")
    code, stdout, err = cli(office, "import", str(fifo), str(good[0]))
    assert code == 1
    assert "pipa.json: Bukan berkas biasa" in err and "Diimpor:" in stdout
    assert "karantina" not in err


def test_import_of_an_unreadable_file_names_the_reason_in_indonesian(
    officer: Path, office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _two_bundles(officer, tmp_path / "usb")
    locked = tmp_path / "terkunci.json"
    locked.write_bytes(good[1].read_bytes())
    real = inputs._no_blocking

    def refuse(name: str, flags: int) -> int:
        if Path(name) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", name)
        return real(name, flags)

    monkeypatch.setattr(inputs, "_no_blocking", refuse)
    code, stdout, err = cli(office, "import", str(locked), str(good[0]))
    assert code == 1
    assert "terkunci.json: Berkas tidak dapat dibaca: tidak ada izin" in err
    assert "Permission denied" not in stdout + err
    assert "disimpan di karantina" not in err
    assert "Diimpor:" in stdout


def test_import_into_a_database_that_does_not_exist_is_refused(
    officer: Path, tmp_path: Path
) -> None:
    [first, _] = _two_bundles(officer, tmp_path / "usb")
    code, _, err = cli(tmp_path / "kantro.db", "import", str(first))
    assert code == 1 and "Basis data tidak ada" in err and "buat dengan init" in err
    assert not (tmp_path / "kantro.db").exists()


def test_receipt_of_a_missing_file_is_refused_in_indonesian(officer: Path, tmp_path: Path) -> None:
    code, _, err = cli(officer, "receipt", str(tmp_path / "tanda-terima.json"))
    assert code == 1 and "tidak ada" in err and "Traceback" not in err


def test_receipts_that_cannot_be_written_are_reported_after_the_import(
    officer: Path, office: Path, tmp_path: Path
) -> None:
    good = _two_bundles(officer, tmp_path / "usb")
    (blocker := tmp_path / "bukan-folder").write_text("x")
    code, stdout, err = cli(office, "import", str(good[0]), "--receipts", str(blocker / "r"))
    assert code == 1 and "Diimpor:" in stdout
    assert "Tanda terima tidak dapat ditulis" in err and "bukan folder" in err


def test_conflicts_show_labels_of_kind_table_and_coded_values(tmp_path: Path) -> None:
    a, office = (new_db(tmp_path / f"{name}.db") for name in ("a", "office"))
    b = tmp_path / "b.db"
    assert cli(b, "init", "--officer", "Dewi", "--nip", NIP, "--office", "Kanim")[0] == 0
    with Store.open(a) as store:
        sid = store.write("sessions", {"title": "Rapat", "date": "2026-03-01"})
    assert cli(a, "export", "--out", str(tmp_path / "base.json"))[0] == 0
    assert cli(b, "import", str(tmp_path / "base.json"))[0] == 0
    for db, session_type in ((a, "rapat_timpora"), (b, "kunjungan")):
        with Store.open(db) as store:
            store.write("sessions", {"session_type": session_type}, sid)
        assert cli(db, "export", "--out", str(tmp_path / f"{db.stem}.json"))[0] == 0
    files = [str(tmp_path / name) for name in ("base.json", "a.json", "b.json")]
    assert cli(office, "import", *files)[0] == 0
    code, out, _ = cli(office, "conflicts")
    assert code == 0
    # In words: the record as named in the window, the field's label, who wrote each value.
    assert "— Nilai berbeda" in out and "Kegiatan: Rapat, 2026-03-01" in out
    assert "Isian: Jenis kegiatan" in out and "session_type" not in out and sid not in out
    assert re.search(r'"rapat_timpora" \(Rapat Timpora\)  — Rahmat, \d+ \w+ 2026', out)
    assert re.search(r'"kunjungan" \(Kunjungan\)  — Dewi, \d+ \w+ 2026', out)
    with Store.open(a) as store, Store.open(b) as other:
        assert store.device_id[:8] not in out and other.device_id[:8] not in out
    [item] = json.loads(cli(office, "conflicts", "--json")[1])
    assert item["kind"] == "values" and item["kind_label"] == "Nilai berbeda"
    assert item["table"] == "sessions" and item["table_label"] == "Kegiatan"
    assert item["field"] == "session_type" and item["record_id"] == sid  # the --json contract


def test_the_program_itself_reports_bad_paths_without_a_traceback(
    officer: Path, office: Path, tmp_path: Path
) -> None:
    good = _two_bundles(officer, tmp_path / "usb")
    (empty := tmp_path / "kosong").mkdir()
    paths = [str(empty), str(tmp_path / "hilang.json"), str(good[0].parent)]
    result = subprocess.run(
        [sys.executable, "-m", "petugaspembina", "--db", str(office), "import", *paths],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.count("Diimpor:") == 2
    assert "Folder ini tidak berisi berkas bundel" in result.stderr
    assert "Berkas atau folder tidak ada" in result.stderr


def test_export_names_the_kinds_of_records_in_indonesian(officer: Path, tmp_path: Path) -> None:
    code, stdout, err = cli(officer, "export", "--out", str(tmp_path / "kirim.json"), "--plain")
    assert code == 0, err
    summary = next(line for line in stdout.splitlines() if line.startswith("Bundel #1:"))
    assert "Kegiatan " in summary and "Peserta " in summary and "Daftar Hadir " in summary
    for table in ("agencies", "attendance", "sessions", "people", "officers", "referrals"):
        assert table not in summary, summary


def test_import_says_each_refusal_once(office: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "rusak.json"
    damaged.write_text('{"format": ')
    code, stdout, err = cli(office, "import", str(damaged))
    assert code == 1 and stdout == ""
    assert err.count("rusak.json") == 1 and err.startswith("Ditolak: rusak.json: ")
    assert "disimpan di karantina sebagai" in err


def test_enrolling_the_office_withdraws_the_plain_bundles_it_would_refuse(
    officer: Path, office: Path, tmp_path: Path
) -> None:
    """A bundle written before the office was enrolled is not sealed to it (the office refuses
    it): after `enrol` it no longer counts as sent and the next export carries it again."""
    stick = tmp_path / "usb"
    stick.mkdir()
    code, first, err = cli(officer, "export", "--out", f"{stick}/")
    assert code == 0, err
    assert cli(office, "office-keys", "create")[0] == 0
    assert cli(office, "office-keys", "export", "--out", str(tmp_path / "kantor.json"))[0] == 0
    code, out, err = cli(officer, "enrol", str(tmp_path / "kantor.json"))
    assert code == 0, err
    assert "1 bundel yang ditulis sebelum kantor ini didaftarkan tidak tersegel" in out
    assert "tidak lagi dihitung terkirim" in out and "export --out" in out
    code, listing, _ = cli(officer, "outbox")
    assert "ditarik, dikirim ulang tersegel" in listing and "menunggu tanda terima" not in listing
    rows = json.loads(cli(officer, "outbox", "--json")[1])
    assert [r["status"] for r in rows] == ["withdrawn"]
    # Enrolling the same office again withdraws nothing more.
    assert "tidak tersegel" not in cli(officer, "enrol", str(tmp_path / "kantor.json"))[1]
    code, second, err = cli(officer, "export", "--out", f"{stick}/")
    assert code == 0, err
    carried = [line.split(": ", 1)[1] for line in first.splitlines() if "perubahan" in line]
    again = [line.split(": ", 1)[1] for line in second.splitlines() if "perubahan" in line]
    assert carried and again[0] == carried[0], (first, second)
    assert "Tersegel untuk kantor" in second, second


def test_export_counts_changes_and_fields_in_the_windows_words(
    officer: Path, tmp_path: Path
) -> None:
    (tmp_path / "usb").mkdir()
    code, out, err = cli(officer, "export", "--out", f"{tmp_path / 'usb'}/")
    assert code == 0, err
    line = next(line for line in out.splitlines() if line.startswith("Bundel #1:"))
    assert re.fullmatch(r"Bundel #1: \d+ perubahan \(Instansi \d+, .*\), \d+ isian\.", line), line
    assert "versi kolom" not in out and "kolom" not in out


def test_import_of_a_stick_skips_the_key_files_on_it_by_their_content(
    officer: Path, office: Path, tmp_path: Path
) -> None:
    """The office and device key files the app writes travel on the same stick as the bundles:
    the import skips them (also under another name), quarantines nothing and exits 0."""
    usb = tmp_path / "usb"
    files = _two_bundles(officer, usb)
    keyed = new_db(tmp_path / "kantor-berkunci.db")
    assert cli(keyed, "office-keys", "create")[0] == 0
    assert cli(keyed, "office-keys", "export", "--out", str(usb / "kunci-kantor.json"))[0] == 0
    device_key = usb / "kunci-perangkat-rahmat.json"
    assert cli(officer, "device-key", "export", "--out", str(device_key))[0] == 0
    (usb / "salinan.json").write_bytes((usb / "kunci-kantor.json").read_bytes())  # renamed
    code, stdout, err = cli(office, "import", str(usb), "--json")
    assert code == 0, err
    results = {r["file"]: (r["result"], r["message"]) for r in json.loads(stdout)}
    assert {name for name, (result, _) in results.items() if result == "imported"} == {
        f.name for f in files
    }
    assert results["kunci-kantor.json"][0] == "skipped"
    assert results["salinan.json"][0] == "skipped"
    assert "Berkas kunci kantor, bukan bundel: dilewati" in results["kunci-kantor.json"][1]
    assert results[device_key.name][0] == "skipped"
    assert "kunci perangkat petugas" in results[device_key.name][1]
    assert "Ditolak" not in err
    quarantine = app_paths(tmp_path / "home").quarantine
    assert not quarantine.exists() or not any(quarantine.rglob("*.json"))
    # In words on the terminal too, once each.
    code, stdout, err = cli(office, "import", str(usb / "kunci-kantor.json"))
    assert code == 0, err
    assert "Dilewati: kunci-kantor.json: Berkas kunci kantor" in stdout
