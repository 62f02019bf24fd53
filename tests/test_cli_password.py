"""The database password on the command line: init sets it and prints the recovery key once, the
environment variable for scripts, a wrong password changes nothing, change-password (also with
the recovery key), and an old plain database encrypted on first use."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from petugaspembina.cli import main
from petugaspembina.store import vault

INIT = ["init", "--officer", "Siti Aminah", "--nip", "198609262015051001", "--office", "Kanim"]
RECOVERY = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){7}\b")  # Crockford base32


@pytest.fixture
def prompted(monkeypatch: pytest.MonkeyPatch) -> None:
    """No password in the environment: it is asked at the prompt."""
    monkeypatch.delenv(vault.PASSWORD_ENV)


def run(db: Path, args: list[str], given: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], input=given)
    return result.exit_code, result.stdout, result.stderr


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_init_asks_twice_and_prints_the_recovery_key_once(tmp_path: Path, prompted: None) -> None:
    db = tmp_path / "a.sqlite3"
    code, out, err = run(db, INIT, "sandi-rahasia\nsandi-rahasia\n")
    assert code == 0, err
    assert "Kata sandi baru" in err and "Ulangi kata sandi baru" in err
    assert "sandi-rahasia" not in out + err  # hidden input
    assert len(RECOVERY.findall(out)) == 1 and "hanya ditampilkan sekali" in out
    assert not vault.is_plain(db) and vault.is_set_up(db)
    vault.forget()
    code, out, err = run(db, ["people"], "sandi-rahasia\n")
    assert code == 0 and "Kata sandi basis data" in err
    assert not RECOVERY.findall(out), "the recovery key is shown only at set-up"


def test_init_refuses_a_short_password(tmp_path: Path, prompted: None) -> None:
    db = tmp_path / "a.sqlite3"
    code, _, err = run(db, INIT, "pendek\npendek\n")
    assert code == 1 and "minimal 8 karakter" in err
    assert not db.exists() and not vault.is_set_up(db)


def test_init_refuses_two_different_passwords(tmp_path: Path, prompted: None) -> None:
    db = tmp_path / "a.sqlite3"
    code, _, _ = run(db, INIT, "sandi-pertama\nsandi-kedua\n")
    assert code != 0 and not vault.is_set_up(db)


def test_wrong_password_exits_1_and_changes_nothing(tmp_path: Path, prompted: None) -> None:
    db = tmp_path / "a.sqlite3"
    assert run(db, INIT, "sandi-rahasia\nsandi-rahasia\n")[0] == 0
    vault.forget()
    before = (digest(db), digest(vault.key_file(db)))
    code, out, err = run(db, ["people"], "bukan-sandinya\n")
    assert code == 1 and "Kata sandi salah" in err and out == ""
    assert (digest(db), digest(vault.key_file(db))) == before


def test_environment_variable_gives_the_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "a.sqlite3"
    monkeypatch.setenv(vault.PASSWORD_ENV, "sandi-dari-skrip")
    code, out, _ = run(db, INIT)
    assert code == 0 and len(RECOVERY.findall(out)) == 1
    vault.forget()
    assert run(db, ["people", "--json"])[0] == 0
    vault.forget()
    monkeypatch.setenv(vault.PASSWORD_ENV, "sandi-lain-lagi")
    code, _, err = run(db, ["people"])
    assert code == 1 and "Kata sandi salah" in err


def test_change_password(tmp_path: Path, prompted: None) -> None:
    db = tmp_path / "a.sqlite3"
    assert run(db, INIT, "sandi-lama-1\nsandi-lama-1\n")[0] == 0
    vault.forget()
    code, out, err = run(db, ["change-password"], "sandi-lama-1\nsandi-baru-2\nsandi-baru-2\n")
    assert code == 0 and "Kata sandi diganti" in out, err
    vault.forget()
    assert run(db, ["people"], "sandi-lama-1\n")[0] == 1
    vault.forget()
    assert run(db, ["people"], "sandi-baru-2\n")[0] == 0
    vault.forget()
    code, _, err = run(db, ["change-password"], "salah-salah\n")
    assert code == 1 and "Kata sandi salah" in err


def test_change_password_with_the_recovery_key(tmp_path: Path, prompted: None) -> None:
    db = tmp_path / "a.sqlite3"
    _, out, _ = run(db, INIT, "sandi-lupa-1\nsandi-lupa-1\n")
    (recovery,) = RECOVERY.findall(out)
    vault.forget()
    code, _, err = run(db, ["change-password", "--recovery"], "AAAA-BBBB\n")
    assert code == 1 and "32 huruf" in err
    code, out, err = run(
        db, ["change-password", "--recovery"], f"{recovery}\nsandi-pulih-2\nsandi-pulih-2\n"
    )
    assert code == 0 and "Kunci pemulihan benar" in err, err
    vault.forget()
    assert run(db, ["people"], "sandi-pulih-2\n")[0] == 0


def test_a_piped_password_is_read_without_an_english_warning(tmp_path: Path) -> None:
    """Outside CliRunner: a real pipe, where getpass would warn that it cannot hide the input."""
    import os
    import subprocess
    import sys

    db = tmp_path / "a.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != vault.PASSWORD_ENV}
    command = [sys.executable, "-m", "petugaspembina", "--db", str(db)]
    init = [*command, *INIT]
    done = subprocess.run(
        init, input="sandi-rahasia\nsandi-rahasia\n", env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [*command, "people"], input="sandi-rahasia\n", env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "Kata sandi basis data" in done.stderr and "sandi-rahasia" not in done.stdout
    for english in ("Warning", "echoed", "GetPassWarning"):
        assert english not in done.stderr, done.stderr


def test_two_different_piped_passwords_are_refused_in_indonesian(
    tmp_path: Path, prompted: None
) -> None:
    db = tmp_path / "a.sqlite3"
    code, _, err = run(db, INIT, "sandi-pertama\nsandi-kedua\n")
    assert code == 1 and "Kedua kata sandi tidak sama." in err
    assert "Error" not in err and not vault.is_set_up(db)


def test_no_password_on_a_closed_pipe_is_refused(tmp_path: Path, prompted: None) -> None:
    db = tmp_path / "a.sqlite3"
    assert run(db, INIT, "sandi-rahasia\nsandi-rahasia\n")[0] == 0
    vault.forget()
    code, _, err = run(db, ["people"], "")
    assert code == 1 and "Kata sandi tidak diberikan." in err
