"""Files 0600 and folders 0700 (POSIX): after init, a backup, a quarantine, a log line, and for
files an older version left readable by everyone (docs/security.md "File permissions")."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.core.private_files import tighten_tree
from petugaspembina.paths import app_paths
from petugaspembina.store.backup import backup, restore
from petugaspembina.store.store import Store
from petugaspembina.sync.importer import import_files

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes exist on POSIX only")

NIP = "19860926 201505 1 001"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def open_to_others(root: Path) -> list[str]:
    """Every file or folder under ``root`` that a group or other user may read, write or enter."""
    found = []
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink() and mode(path) & 0o077:
            found.append(f"{path.relative_to(root)} {oct(mode(path))}")
    return found


def test_init_makes_the_database_and_its_folders_private(home: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["init", "--officer", "Rahmat", "--nip", NIP, "--office", "Kanim"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    paths = app_paths(home)
    with Store.open(paths.database) as store:  # a second connection: the WAL and -shm exist now
        store.write("people", {"full_name": "Sri Wulan"})
        assert paths.database.with_name(paths.database.name + "-wal").exists()
        assert open_to_others(paths.data) == []
    for folder in (paths.data, paths.config, paths.logs, paths.backups, paths.quarantine):
        assert mode(folder) == 0o700, folder
    assert mode(paths.database) == 0o600


def test_a_new_database_is_private_from_its_first_byte(tmp_path: Path) -> None:
    db = tmp_path / "baru" / "data.sqlite3"
    with Store.open(db) as store:
        store.write("people", {"full_name": "Sri Wulan"})
        for name in ("data.sqlite3", "data.sqlite3-wal", "data.sqlite3-shm"):
            assert mode(db.parent / name) == 0o600, name
    assert mode(db.parent) == 0o700, "a folder the app creates for its database"


def test_an_old_open_database_is_tightened_when_opened(tmp_path: Path) -> None:
    db = tmp_path / "lama.sqlite3"
    Store.open(db).close()
    os.chmod(db, 0o644)
    Store.open(db).close()
    assert mode(db) == 0o600


def test_backups_and_a_restored_database_are_private(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home").ensure()
    with Store.open(paths.database) as store:
        store.write("people", {"full_name": "Sri Wulan"})
        made = backup(store.conn, paths.backups, "manual")
    assert mode(made) == 0o600 and mode(paths.backups) == 0o700
    restore(made, paths.database)
    assert mode(paths.database) == 0o600
    assert open_to_others(paths.data) == []


def test_a_backup_folder_made_by_the_backup_is_private(tmp_path: Path, store: Store) -> None:
    made = backup(store.conn, tmp_path / "cadangan", "manual")
    assert mode(made.parent) == 0o700 and mode(made) == 0o600


def test_quarantined_bundle_and_its_reason_are_private(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home")
    junk = tmp_path / "bukan-bundel.json"
    junk.write_text('{"format": "lain"}', encoding="utf-8")
    os.chmod(junk, 0o644)
    with Store.open(tmp_path / "db.sqlite3") as store:
        [report] = import_files(store, [junk], quarantine=paths.quarantine, backups=None)
    assert report.result == "rejected" and report.quarantined_as
    kept = sorted(paths.quarantine.iterdir())
    assert sorted(p.suffix for p in kept) == [".bundle", ".txt"]
    assert mode(paths.quarantine) == 0o700
    assert [mode(p) for p in kept] == [0o600, 0o600]


def test_the_application_log_is_private(tmp_path: Path) -> None:
    from petugaspembina.gui import errors

    logs = tmp_path / "logs"
    earlier = [h for h in errors.log.handlers if isinstance(h, logging.FileHandler)]
    for handler in earlier:  # a window started by an earlier test logs elsewhere
        errors.log.removeHandler(handler)
    errors.install(logs)
    try:
        logging.getLogger("petugaspembina").warning("uji izin berkas")
        log_files = list(logs.iterdir())
        assert log_files and all(mode(p) == 0o600 for p in log_files)
        assert mode(logs) == 0o700
    finally:
        for handler in list(errors.log.handlers):
            if isinstance(handler, logging.FileHandler):
                errors.log.removeHandler(handler)
                handler.close()
        for handler in earlier:
            errors.log.addHandler(handler)


def test_start_tightens_what_an_older_version_left_open(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "home")
    for folder in (paths.data, paths.backups, paths.quarantine, paths.config, paths.logs):
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o755)
    for file in (
        paths.database,
        paths.backups / "cadangan-20260101T000000000000Z-harian.sqlite3",
        paths.quarantine / "20260101T000000-abc.bundle",
        paths.config / "petugaspembina.ini",
        paths.logs / "petugaspembina.log",
    ):
        file.write_bytes(b"x")
        os.chmod(file, 0o644)
    paths.ensure()
    for root in (paths.data, paths.config, paths.logs):
        assert open_to_others(root) == []


def test_tightening_does_not_follow_symlinks(tmp_path: Path) -> None:
    outside = tmp_path / "milik-pengguna.txt"
    outside.write_text("x", encoding="utf-8")
    os.chmod(outside, 0o644)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "tautan").symlink_to(outside)
    tighten_tree(folder)
    assert mode(outside) == 0o644 and mode(folder) == 0o700
