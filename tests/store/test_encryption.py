"""Encryption at rest: no personal data in any file, a wrong password opens and changes nothing,
the key is re-wrapped (not the data), the recovery key, and the conversion of a plain database."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import PLAIN_NAME
from petugaspembina.store import vault
from petugaspembina.store.backup import backup, is_good
from petugaspembina.store.conversion import encrypt_plain_database
from petugaspembina.store.db import open_file
from petugaspembina.store.quarantine import read_quarantined
from petugaspembina.store.queries import dump
from petugaspembina.store.store import Store
from petugaspembina.sync.exporter import export_bundle
from petugaspembina.sync.importer import import_files

NAME = PLAIN_NAME  # in every plain test database (tests/conftest.py)
NIK = "3171065512890007"
PHONE = "081398765432"
SECRETS = [s.encode() for s in (NAME, NIK, PHONE, "Wijayakusuma")]


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def assert_no_personal_data(paths: list[Path]) -> None:
    for path in paths:
        data = path.read_bytes()
        for secret in SECRETS:
            assert secret not in data, f"{secret!r} in {path.name}"
            assert secret.decode().encode("utf-16-le") not in data


def write_person(store: Store, name: str = NAME) -> str:
    return store.write(
        "people", {"full_name": name, "nik": NIK, "phone": PHONE, "sex": "P", "birth_year": 1989}
    )


def digests(*paths: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in paths
    }


def test_database_wal_backups_and_quarantine_hold_no_personal_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = data / "petugas.sqlite3"
    with Store.open(tmp_path / "officer.sqlite3") as officer:
        write_person(officer, NAME)
        bundle = export_bundle(officer, tmp_path / "out" / "b.json").path
    assert bundle is not None and NAME.encode() in bundle.read_bytes()  # the test can see them
    refused = tmp_path / "out" / "rusak.json"
    doc = json.loads(bundle.read_bytes())
    doc["changes_sha256"] = "0" * 64  # a changed checksum: refused and quarantined
    refused.write_text(json.dumps(doc), encoding="utf-8")
    with Store.open(db) as store:
        assert not vault.is_plain(db)
        write_person(store)  # after set-up, while the WAL holds the change
        assert_no_personal_data(files_under(data))
        reports = import_files(
            store, [bundle, refused], quarantine=data / "karantina", backups=data / "cadangan"
        )
        assert [r.result for r in reports] == ["imported", "rejected"]
        backup(store.conn, data / "cadangan", "harian")
        wal = db.with_name(db.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        assert_no_personal_data(files_under(data))  # after imports: file, WAL, backups, quarantine
        quarantined = sorted((data / "karantina").glob("*.bundle"))
        assert len(quarantined) == 1 and NAME.encode() in read_quarantined(quarantined[0])
        assert store.rows(
            "SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH ?", (NIK[:8],)
        )
    assert_no_personal_data(files_under(data))
    backups = list((data / "cadangan").glob("*.sqlite3"))
    assert len(backups) == 2 and all(is_good(b) for b in backups)
    vault.forget()
    assert not is_good(backups[0]), "a backup needs the key"


def test_private_keys_are_stored_only_encrypted(tmp_path: Path) -> None:
    import base64

    from petugaspembina.sync.keys import signing_key
    from petugaspembina.sync.trust import create_office_keys

    db = tmp_path / "x.sqlite3"
    with Store.open(db) as store:
        signing_key(store)
        create_office_keys(store)
        stored = [
            store.meta(name) for name in ("signing_key", "office_sealing_key", "office_signing_key")
        ]
        backup(store.conn, tmp_path / "b", "harian")
    assert all(stored)
    needles = [text.encode() for text in stored if text]
    needles += [base64.b64decode(text)[:16] for text in stored if text]
    for path in files_under(tmp_path):
        for needle in needles:
            assert needle not in path.read_bytes(), path.name


def test_wrong_password_opens_nothing_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "x.sqlite3"
    with Store.open(db) as store:
        write_person(store)
    vault.forget()
    files = [db, vault.key_file(db), db.with_name(db.name + "-wal")]
    before = digests(*files)
    monkeypatch.setenv(vault.PASSWORD_ENV, "bukan-kata-sandinya")
    with pytest.raises(vault.WrongPassword, match="Kata sandi salah"):
        Store.open(db)
    with pytest.raises(vault.WrongPassword):
        vault.unlock(db, "bukan-kata-sandinya")
    assert vault.key_for(db) is None
    assert digests(*files) == before
    assert sorted(p.name for p in tmp_path.glob("x.*")) == ["x.sqlite3", "x.sqlite3.kunci"]


def test_a_wrong_key_file_is_refused_without_change(tmp_path: Path) -> None:
    one, two = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    Store.open(one).close()
    Store.open(two).close()
    vault.forget()
    vault.key_file(one).write_bytes(vault.key_file(two).read_bytes())  # another database's key
    before = digests(one)
    from petugaspembina.store.errors import CorruptDatabase

    with pytest.raises(CorruptDatabase, match="tidak dapat dibaca dengan kunci ini"):
        Store.open(one)
    assert digests(one) == before


def test_change_password_rewraps_the_key_not_the_data(tmp_path: Path, password: str) -> None:
    db = tmp_path / "x.sqlite3"
    with Store.open(db) as store:
        write_person(store)
        expected = dump(store)
    before = digests(db)
    vault.forget()
    with pytest.raises(vault.VaultError, match="minimal 8"):
        vault.change_password(db, "pendek", old_password=password)
    with pytest.raises(vault.WrongPassword):
        vault.change_password(db, "kata-sandi-baru", old_password="salah-sekali")
    vault.change_password(db, "kata-sandi-baru", old_password=password)
    assert digests(db) == before
    vault.forget()
    assert not vault.verify_password(db, password)
    assert vault.verify_password(db, "kata-sandi-baru")
    vault.unlock(db, "kata-sandi-baru")
    with Store.open(db) as store:
        assert dump(store) == expected


def test_recovery_key_opens_and_sets_a_new_password(tmp_path: Path) -> None:
    db = tmp_path / "baru.sqlite3"
    code = vault.set_up(db, "sandi-awal-123")
    assert len(code) == 39 and code.count("-") == 7
    with Store.open(db) as store:
        write_person(store)
        expected = dump(store)
    vault.forget()
    with pytest.raises(vault.WrongPassword, match="Kunci pemulihan salah"):
        vault.unlock_with_recovery(db, vault.format_recovery(bytes(20)))
    with pytest.raises(vault.WrongPassword, match="32 huruf"):
        vault.unlock_with_recovery(db, "ABCD-EFGH")
    vault.change_password(db, "sandi-pengganti", recovery=code.lower().replace("-", " "))
    vault.forget()
    assert vault.verify_password(db, "sandi-pengganti")
    assert not vault.verify_password(db, "sandi-awal-123")
    vault.unlock(db, "sandi-pengganti")
    with Store.open(db) as store:
        assert dump(store) == expected


def test_verify_password_for_the_lock_screen(tmp_path: Path, password: str) -> None:
    db = tmp_path / "x.sqlite3"
    Store.open(db).close()
    assert vault.verify_password(db, password)
    assert not vault.verify_password(db, password + "x")
    assert not vault.verify_password(tmp_path / "none.sqlite3", password)


def test_new_key_files_use_four_lanes_and_old_ones_keep_their_parameters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RFC 9106's second option is p=4 (lanes on threads); a key file made with p=1 keeps p=1
    and still opens after the default changed, also after its password was changed."""
    assert vault.Kdf() == vault.Kdf(time_cost=3, memory_kib=64 * 1024, parallelism=4)
    old = tmp_path / "lama.sqlite3"
    monkeypatch.setattr(vault, "KDF", vault.Kdf(time_cost=1, memory_kib=64, parallelism=1))
    vault.set_up(old, "sandi-lama-1")
    monkeypatch.setattr(vault, "KDF", vault.Kdf(time_cost=1, memory_kib=64, parallelism=4))
    new = tmp_path / "baru.sqlite3"
    vault.set_up(new, "sandi-baru-1")
    vault.forget()

    def lanes(db: Path) -> int:
        return int(json.loads(vault.key_file(db).read_text())["kdf"]["parallelism"])

    assert lanes(old) == 1 and lanes(new) == 4
    assert vault.verify_password(old, "sandi-lama-1") and vault.verify_password(new, "sandi-baru-1")
    vault.change_password(old, "sandi-lama-2", old_password="sandi-lama-1")
    assert lanes(old) == 4 and vault.verify_password(old, "sandi-lama-2")


def test_key_file_is_private(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    Store.open(db).close()
    assert vault.key_file(db).stat().st_mode & 0o777 == 0o600
    text = vault.key_file(db).read_text()
    assert "argon2id" in text and "recovery" in text


def plain_dump(path: Path) -> str:
    conn = open_file(path, None)
    try:
        counts = {
            name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        rows = conn.execute("SELECT * FROM fv ORDER BY seq").fetchall()
    finally:
        conn.close()
    return json.dumps([counts, [list(r) for r in rows]], sort_keys=True)


def test_plain_database_is_converted_after_a_backup(
    tmp_path: Path, plain_database: Callable[..., Path]
) -> None:
    plain = plain_database(tmp_path)
    expected = plain_dump(plain)
    vault.set_up(plain, "sandi-konversi")
    steps: list[tuple[float, str]] = []
    assert encrypt_plain_database(
        plain, backups=tmp_path / "cadangan", progress=lambda f, s: steps.append((f, s))
    )
    assert not vault.is_plain(plain) and steps[-1][0] == 1.0
    assert [f for f, _ in steps] == sorted(f for f, _ in steps)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("lama")) == [
        "lama.sqlite3",
        "lama.sqlite3.kunci",
    ]
    (saved,) = (tmp_path / "cadangan").glob("*sebelum-enkripsi*")
    assert is_good(saved)
    assert_no_personal_data([plain, saved])
    with Store.open(plain) as store:
        assert store.rows("SELECT count(*) AS n FROM people WHERE full_name = ?", (NAME,))[0]["n"]
        assert store.rows("SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH 'Sulastri'")
        assert not encrypt_plain_database(plain)  # once only
    key = vault.key_for(plain)
    assert key is not None
    assert expected == plain_dump_encrypted(plain, key)


def plain_dump_encrypted(path: Path, key: bytes) -> str:
    conn = open_file(path, key)
    try:
        counts = {
            name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        rows = conn.execute("SELECT * FROM fv ORDER BY seq").fetchall()
    finally:
        conn.close()
    return json.dumps([counts, [list(r) for r in rows]], sort_keys=True)


def test_damaged_plain_database_is_not_converted(
    tmp_path: Path, plain_database: Callable[..., Path]
) -> None:
    plain = plain_database(tmp_path)
    raw = bytearray(plain.read_bytes())
    raw[4096 * 3 : 4096 * 3 + 300] = b"\xff" * 300
    plain.write_bytes(bytes(raw))
    before = digests(plain)
    vault.set_up(plain, "sandi-konversi")
    from petugaspembina.store.errors import CorruptDatabase

    with pytest.raises(CorruptDatabase, match="rusak"):
        encrypt_plain_database(plain)
    assert digests(plain) == before


CONVERTER = """
import sys
from pathlib import Path
from petugaspembina.store import vault
from petugaspembina.store.conversion import encrypt_plain_database
db = Path(sys.argv[1])
vault.unlock(db, "sandi-konversi")
print("READY", flush=True)
encrypt_plain_database(
    db, backups=db.parent / "cadangan", progress=lambda f, step: print(step, flush=True)
)
print("DONE", flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_conversion_killed_at_random_points_leaves_a_working_database(
    tmp_path: Path, plain_database: Callable[..., Path]
) -> None:
    base = plain_database(tmp_path, "dasar.sqlite3", sessions=120)
    expected = plain_dump(base)
    vault.set_up(base, "sandi-konversi")
    key = vault.key_for(base)
    assert key is not None

    def run(db: Path) -> tuple[subprocess.Popen[str], float]:
        proc = subprocess.Popen(
            [sys.executable, "-c", CONVERTER, str(db)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
        return proc, time.perf_counter()

    def fresh(trial: int) -> Path:
        folder = tmp_path / f"t{trial}"
        folder.mkdir()
        db = folder / "db.sqlite3"
        db.write_bytes(base.read_bytes())
        vault.key_file(db).write_bytes(vault.key_file(base).read_bytes())
        return db

    # Each trial waits for one step of the conversion to begin, then kills after a random delay
    # (up to the length of the longest step): every stage, before and after the swap, is hit.
    steps = [
        "Memeriksa basis data lama…",
        "Mengenkripsi data…",
        "Memeriksa salinan terenkripsi…",
        "Membuat cadangan…",
        "Mengganti berkas…",
        "Menghapus berkas lama…",
    ]
    rng = random.Random(13)
    outcomes = {"plain": 0, "encrypted": 0}
    for trial in range(24):
        db = fresh(trial)
        proc, _ = run(db)
        assert proc.stdout is not None
        target = steps[trial % len(steps)]
        while (line := proc.stdout.readline().strip()) and line != target:
            pass
        time.sleep(rng.uniform(0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        outcomes["plain" if vault.is_plain(db) else "encrypted"] += 1
        if vault.is_plain(db):
            assert plain_dump(db) == expected
        else:
            assert plain_dump_encrypted(db, key) == expected
        vault.remember(db, key)
        with Store.open(db) as store:  # finishes or redoes the conversion
            assert store.version_count() > 0
        assert not vault.is_plain(db) and plain_dump_encrypted(db, key) == expected
        leftovers = [
            p.name for p in db.parent.iterdir() if ".polos" in p.name or ".enkripsi" in p.name
        ]
        assert leftovers == []
        assert NAME.encode() not in db.read_bytes()
    assert outcomes["plain"] and outcomes["encrypted"], outcomes


def test_environment_password_is_what_scripts_use(tmp_path: Path) -> None:
    db = tmp_path / "skrip.sqlite3"
    Store.open(db).close()
    vault.forget()
    assert os.environ[vault.PASSWORD_ENV]
    with Store.open(db) as store:  # unlocked from PETUGASPEMBINA_PASSWORD
        assert store.device_id


def test_command_line_encrypts_an_old_plain_database_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plain_database: Callable[..., Path]
) -> None:
    from click.testing import CliRunner

    from petugaspembina.cli import main

    db = plain_database(tmp_path)
    data = tmp_path / "home" / "data"
    (data / "backups").mkdir(parents=True)
    (data / "quarantine").mkdir()
    old_backup = data / "backups" / "cadangan-20260101T000000000000Z-harian.sqlite3"
    old_backup.write_bytes(db.read_bytes())  # what the older version's backup held
    old_bundle = data / "quarantine" / "20260101T000000-abc.bundle"
    old_bundle.write_bytes(json.dumps({"full_name": NAME}).encode())
    vault.forget()
    monkeypatch.delenv(vault.PASSWORD_ENV)
    result = CliRunner().invoke(
        main,
        ["--db", str(db), "--home", str(tmp_path / "home"), "people"],
        input="sandi-konversi\nsandi-konversi\n",
    )
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 0, err
    assert "belum terenkripsi" in err and "100.0 %" in err and out.count("KUNCI PEMULIHAN") == 1
    assert not vault.is_plain(db) and NAME.encode() not in db.read_bytes()
    assert "juga 2 cadangan" in err
    assert_no_personal_data(files_under(data))
    assert is_good(old_backup) and NAME.encode() in read_quarantined(old_bundle)
    assert list((tmp_path / "home" / "data" / "backups").glob("*sebelum-enkripsi*"))
    key = vault.key_for(db)
    assert key is not None and open_file(db, key).execute("SELECT count(*) FROM fv").fetchone()[0]


def test_damaged_file_without_key_file_is_named_damaged_not_asked_for_a_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from petugaspembina.store.errors import CorruptDatabase

    monkeypatch.delenv(vault.PASSWORD_ENV)
    db = tmp_path / "rusak.sqlite3"
    db.write_bytes(b"bukan basis data" * 500)
    with pytest.raises(CorruptDatabase, match=r"rusak\.sqlite3\.kunci"):
        Store.open(db)
    assert not vault.is_set_up(db)


def test_new_recovery_keys_have_no_character_that_reads_two_ways(tmp_path: Path) -> None:
    for index in range(20):
        code = vault.set_up(tmp_path / f"db{index}.sqlite3", "sandi-awal-123")
        assert len(code) == 39 and code.count("-") == 7
        assert not set(code) & set("ILOU"), code  # no I/1, L/1, O/0 to confuse; no U
        vault.forget()


def test_a_recovery_key_typed_loosely_still_opens(tmp_path: Path) -> None:
    """Lowercase, spaces instead of dashes, O for 0 and I or L for 1: read as meant."""
    db = tmp_path / "baru.sqlite3"
    code = vault.set_up(db, "sandi-awal-123")
    vault.forget()
    loose = code.replace("0", "O").replace("1", "l").lower().replace("-", "  ")
    vault.change_password(db, "sandi-pengganti", recovery=f" {loose} ")
    vault.forget()
    assert vault.verify_password(db, "sandi-pengganti")


def test_a_recovery_key_made_the_old_way_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys handed to offices before were RFC 4648 base32 (A-Z, 2-7, so with O, I and L): such a
    key opens as written, and typed with 0 for O and 1 for I or L."""
    import base64

    old_key = "KOIL-ABCD-EFGH-MNOP-QRST-UVWX-YZ23-4567"
    secret = base64.b32decode(old_key.replace("-", ""))
    real_token_bytes = vault.secrets.token_bytes
    monkeypatch.setattr(
        vault.secrets, "token_bytes", lambda n: secret if n == 20 else real_token_bytes(n)
    )
    db = tmp_path / "lama.sqlite3"
    vault.set_up(db, "sandi-awal-123")
    monkeypatch.undo()
    for typed in (
        old_key,
        old_key.lower(),
        "K01L ABCD EFGH MN0P QRST UVWX YZ23 4567",
        "k0i1abcdefghmn0pqrstuvwxyz234567",
    ):
        vault.forget()
        vault.unlock_with_recovery(db, typed)
        assert vault.key_for(db) is not None, typed
    vault.forget()
    with pytest.raises(vault.WrongPassword, match="Kunci pemulihan salah"):
        vault.unlock_with_recovery(db, "K01L ABCD EFGH MN0P QRST UVWX YZ23 4566")
