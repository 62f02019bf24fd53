"""Where the app keeps its files: platformdirs locations, or one folder named by PETUGASPEMBINA_HOME.

The override serves tests (which must never touch the real user folders) and portable installs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import APP_ID, ORG_NAME
from .core.private_files import private_folder, tighten_tree

HOME_ENV = "PETUGASPEMBINA_HOME"
DB_NAME = "petugaspembina.sqlite3"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The folders of one installation."""

    data: Path
    config: Path
    logs: Path

    @property
    def database(self) -> Path:
        """The default database file."""
        return self.data / DB_NAME

    @property
    def backups(self) -> Path:
        """Rotating SQLite backups."""
        return self.data / "backups"

    @property
    def quarantine(self) -> Path:
        """Rejected bundles, each kept with the reason it was refused."""
        return self.data / "quarantine"

    @property
    def keys(self) -> Path:
        """The device's signing key and enrolled public keys."""
        return self.data / "keys"

    @property
    def outbox(self) -> Path:
        """Copies of exported bundles until the office confirms them (docs/sync.md)."""
        return self.data / "outbox"

    @property
    def inbox_spool(self) -> Path:
        """At an office: uploads received by the inbox server, waiting to be merged."""
        return self.data / "inbox-spool"

    def ensure(self) -> AppPaths:
        """Create the folders if missing, readable by the user only, and return self.

        Folders become 0700 and every file in them 0600 on POSIX, also those an older version
        left at 0755/0644 (docs/security.md "File permissions").
        """
        for folder in (self.data, self.config, self.logs, self.backups, self.quarantine):
            private_folder(folder)
        for folder in (self.data, self.config, self.logs):
            tighten_tree(folder)  # the data folder holds backups, quarantine and keys
        return self


def app_paths(home: str | os.PathLike[str] | None = None) -> AppPaths:
    """The folders to use: ``home`` if given, else ``$PETUGASPEMBINA_HOME``, else the platform's."""
    chosen = home or os.environ.get(HOME_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(root / "data", root / "config", root / "logs")
    import platformdirs  # only without a home folder: keeps portable and test starts lean

    return AppPaths(
        Path(platformdirs.user_data_dir(APP_ID, ORG_NAME)),
        Path(platformdirs.user_config_dir(APP_ID, ORG_NAME)),
        Path(platformdirs.user_log_dir(APP_ID, ORG_NAME)),
    )
