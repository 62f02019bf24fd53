"""At an office with keys: start and stop the inbox server from the window (docs/sync.md "The
office inbox server"). The server is the ``serve`` command in its own process, so a window closed
or frozen never takes received uploads with it, and the one merge worker stays the only writer
besides the clerk's own actions (SQLite serialises the two)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QProcess, QProcessEnvironment, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox

from ..paths import HOME_ENV, AppPaths
from ..store import vault
from ..sync.autostart import serve_command

DEFAULT_PORT = 8443
_READY = re.compile(r"siap: (https://\S+)")


class InboxControl(QGroupBox):
    """Signals: state_changed(url) with "" when stopped."""

    state_changed = Signal(str)

    def __init__(self, db_path: Path, paths: AppPaths) -> None:
        super().__init__()
        self.setTitle(self.tr("Kotak masuk kantor (menerima kiriman petugas lewat jaringan)"))
        self.db_path = db_path
        self.paths = paths
        self.url = ""
        self.process: QProcess | None = None
        row = QHBoxLayout(self)
        self.status = QLabel(self.tr("Mati."))
        self.status.setWordWrap(True)
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setPrefix(self.tr("Port "))
        self.port.setToolTip(self.tr("0: port bebas mana saja"))
        self.button = QPushButton(self.tr("Mulai kotak masuk"))
        row.addWidget(self.status, 1)
        row.addWidget(self.port)
        row.addWidget(self.button)
        self.button.clicked.connect(self.toggle)
        self._output = ""

    def toggle(self) -> None:
        """Start when stopped, stop when running."""
        if self.process is None:
            self.start()
        else:
            self.stop()

    def start(self) -> None:
        """Run ``serve`` in its own process; the address shows once it is ready."""
        process = QProcess(self)
        program, args = serve_command(self.db_path, self.port.value())
        environment = QProcessEnvironment.systemEnvironment()
        home = self.paths.data.parent
        if self.paths.config == home / "config":  # a --home installation: the same folders
            environment.insert(HOME_ENV, os.fspath(home))
        key = vault.key_for(self.db_path)
        if key is not None:  # the unlocked key, on the child's stdin (never in its arguments)
            environment.insert(vault.KEY_ON_STDIN_ENV, "1")
        process.setProcessEnvironment(environment)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        self.process = process
        self._output = ""
        self.status.setText(self.tr("Memulai…"))
        self.button.setText(self.tr("Hentikan kotak masuk"))
        self.port.setEnabled(False)
        process.start(program, args)
        if key is not None:
            process.write(key.hex().encode() + b"\n")
            process.closeWriteChannel()

    def _read(self) -> None:
        assert self.process is not None
        self._output += bytes(self.process.readAllStandardOutput().data()).decode(
            "utf-8", "replace"
        )
        found = _READY.search(self._output)
        if found and not self.url:
            self.url = found.group(1)
            self.status.setText(
                self.tr("Berjalan di {0} — petugas mengirim ke alamat ini.").format(self.url)
            )
            self.state_changed.emit(self.url)

    def stop(self) -> None:
        """A clean stop (SIGTERM; on Windows the process is ended after 10 s if it lingers)."""
        if self.process is None:
            return
        self.status.setText(self.tr("Menghentikan…"))
        self.process.terminate()
        if not self.process.waitForFinished(10_000):
            self.process.kill()
            self.process.waitForFinished(5_000)

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        error = ""
        if self.process is not None:
            error = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace")
        was_ready = bool(self.url)
        self.process = None
        self.url = ""
        self.button.setText(self.tr("Mulai kotak masuk"))
        self.port.setEnabled(True)
        reason = next((line for line in error.splitlines() if line.startswith("Galat")), "")
        if reason:
            self.status.setText(self.tr("Tidak berjalan: {0}").format(reason))
        elif was_ready:
            self.status.setText(self.tr("Dihentikan."))
        else:
            self.status.setText(self.tr("Mati."))
        self.state_changed.emit("")
