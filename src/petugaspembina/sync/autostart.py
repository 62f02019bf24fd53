"""Starting the office inbox without anybody at the window (docs/sync.md "Running it as a
service"): the ``serve`` command line of this installation, the database password from a file
(nobody types at a service), and a Windows Task Scheduler task that runs ``serve`` at log-in.

Kept apart from ``serve.py`` so the window can build the command line without loading the web
stack.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

TASK_NAME = "Petugas Pembina - kotak masuk kantor"
MAX_PASSWORD_FILE_BYTES = 4096


class PasswordFileError(Exception):
    """The password file cannot be used: the reason in Indonesian."""


def serve_command(db_path: Path, port: int, *extra: str) -> tuple[str, list[str]]:
    """The program and arguments that run ``serve`` on this installation (frozen or not)."""
    args = ["--db", str(db_path), "serve", "--port", str(port), *extra]
    if getattr(sys, "frozen", False):
        return sys.executable, args
    return sys.executable, ["-m", "petugaspembina", *args]


def read_password_file(path: Path) -> str:
    """The database password: the first line of ``path``.

    On Linux and macOS the file must be readable by its owner only (mode 0600 or 0400, as
    systemd's ``LoadCredential`` makes it): a password any account can read protects nothing.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise PasswordFileError(f"Berkas kata sandi {path} bukan berkas biasa.")
        if info.st_size > MAX_PASSWORD_FILE_BYTES:
            raise PasswordFileError(f"Berkas kata sandi {path} terlalu besar.")
        if os.name == "posix" and info.st_mode & 0o077:
            raise PasswordFileError(
                f"Berkas kata sandi {path} dapat dibaca pengguna lain; jalankan "
                f"chmod 600 {path} lalu coba lagi."
            )
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise PasswordFileError(f"Berkas kata sandi {path} tidak ada.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise PasswordFileError(f"Berkas kata sandi {path} tidak dapat dibaca ({exc}).") from exc
    password = text.splitlines()[0] if text else ""
    if not password:
        raise PasswordFileError(f"Berkas kata sandi {path} kosong.")
    return password


def windows_login_task(db_path: Path, port: int, password_file: Path, user: str | None) -> str:
    """A Task Scheduler task (XML, for ``schtasks /Create /XML``) that starts the inbox when
    ``user`` logs on (any user when None), restarts it after a failure, and never stops it for
    running long or on battery."""
    program, args = serve_command(
        db_path.resolve(), port, "--password-file", str(password_file.resolve())
    )
    user_line = f"\n      <UserId>{escape(user)}</UserId>" if user else ""
    return f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>Kotak masuk kantor Petugas Pembina: menerima kiriman bundel petugas lewat \
jaringan kantor (docs/sync.md).</Description>
  </RegistrationInfo>
  <Triggers>
    <LogonTrigger>
      <Enabled>true</Enabled>{user_line}
      <Delay>PT30S</Delay>
    </LogonTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <AllowHardTerminate>true</AllowHardTerminate>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <AllowStartOnDemand>true</AllowStartOnDemand>
    <Enabled>true</Enabled>
    <Hidden>false</Hidden>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <RestartOnFailure>
      <Interval>PT1M</Interval>
      <Count>10</Count>
    </RestartOnFailure>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{escape(program)}</Command>
      <Arguments>{escape(subprocess.list2cmdline(args))}</Arguments>
    </Exec>
  </Actions>
</Task>
"""
