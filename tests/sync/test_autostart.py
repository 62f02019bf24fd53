"""Starting the office inbox without anybody at the window: the password from a file, and the
Windows log-in task (docs/sync.md "Running it as a service")."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TEST_PASSWORD
from petugaspembina.cli import main
from petugaspembina.store import vault

from .netlab import Office, free_port

NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def _password_file(folder: Path, text: str = TEST_PASSWORD + "\n", mode: int = 0o600) -> Path:
    path = folder / "kata sandi.txt"
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_serve_takes_the_password_from_a_file(tmp_path: Path) -> None:
    office = Office(tmp_path)
    secret = _password_file(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != vault.PASSWORD_ENV}
    env["PETUGASPEMBINA_HOME"] = str(tmp_path / "home")
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "petugaspembina", "--db", str(office.db), "serve"),
            *("--host", "127.0.0.1", "--port", str(free_port()), "--password-file", str(secret)),
        ],
        stdin=subprocess.DEVNULL,  # as under a service: nobody to type a password
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert "Kotak masuk kantor siap: https://127.0.0.1:" in line, proc.stderr
    finally:
        proc.terminate()
        proc.wait(20)
    assert proc.returncode == 0


@pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")
def test_password_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    office = Office(tmp_path)
    secret = _password_file(tmp_path, mode=0o644)
    result = CliRunner().invoke(
        main, ["--db", str(office.db), "serve", "--port", "0", "--password-file", str(secret)]
    )
    assert result.exit_code == 1 and "chmod 600" in result.stderr


def test_wrong_password_in_the_file_is_refused(tmp_path: Path) -> None:
    office = Office(tmp_path)
    vault.forget(office.db)  # as in a fresh process
    secret = _password_file(tmp_path, "bukan-sandinya\n")
    result = CliRunner().invoke(
        main, ["--db", str(office.db), "serve", "--port", "0", "--password-file", str(secret)]
    )
    assert result.exit_code == 1 and "tidak membuka basis data" in result.stderr


def test_empty_password_file_is_refused(tmp_path: Path) -> None:
    office = Office(tmp_path)
    secret = _password_file(tmp_path, "")
    result = CliRunner().invoke(
        main, ["--db", str(office.db), "serve", "--port", "0", "--password-file", str(secret)]
    )
    assert result.exit_code == 1 and "kosong" in result.stderr


def test_login_task_starts_serve_at_log_on(tmp_path: Path) -> None:
    office = Office(tmp_path)
    secret = _password_file(tmp_path)
    out = tmp_path / "tugas.xml"
    result = CliRunner().invoke(
        main,
        [
            *("--db", str(office.db), "login-task", "--out", str(out), "--port", "8443"),
            *("--password-file", str(secret), "--user", "KANTOR\\budi"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "schtasks /Create" in result.stdout
    raw = out.read_bytes()
    assert raw[:2] in (b"\xff\xfe", b"\xfe\xff")  # UTF-16 with a BOM, as schtasks reads it
    task = ET.fromstring(raw.decode("utf-16").split("?>", 1)[1])
    assert task.find("t:Triggers/t:LogonTrigger/t:UserId", NS).text == "KANTOR\\budi"  # type: ignore[union-attr]
    assert task.find("t:Settings/t:ExecutionTimeLimit", NS).text == "PT0S"  # type: ignore[union-attr]
    command = task.find("t:Actions/t:Exec/t:Command", NS).text  # type: ignore[union-attr]
    arguments = task.find("t:Actions/t:Exec/t:Arguments", NS).text or ""  # type: ignore[union-attr]
    assert command == sys.executable
    assert "serve --port 8443 --password-file" in arguments
    assert f'"{secret.resolve()}"' in arguments  # a path with a space, quoted for Windows
    assert str(office.db.resolve()) in arguments


def test_login_task_needs_a_password_file_that_exists(tmp_path: Path) -> None:
    office = Office(tmp_path)
    result = CliRunner().invoke(
        main,
        [
            *("--db", str(office.db), "login-task", "--out", str(tmp_path / "t.xml")),
            *("--password-file", str(tmp_path / "tidak-ada.txt")),
        ],
    )
    assert result.exit_code == 1 and "tidak ada" in result.stderr
    assert not (tmp_path / "t.xml").exists()
