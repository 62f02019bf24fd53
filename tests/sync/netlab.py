"""A laboratory for network tests: an office with keys serving its inbox in a real process on
127.0.0.1, officers' devices enrolled there, and a TCP proxy that slows and cuts connections."""

from __future__ import annotations

import contextlib
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from petugaspembina.demo import generate
from petugaspembina.profile import create_profile
from petugaspembina.store.store import Store
from petugaspembina.sync import outbox, sender
from petugaspembina.sync.exporter import export_bundles
from petugaspembina.sync.netkeys import INBOX_URL_SETTING
from petugaspembina.sync.trust import (
    create_office_keys,
    device_key_file,
    enrol_file,
    office_key_file,
    write_key_file,
)

NIP_OFFICE = "197001011990011001"
NIPS = ["198609262015051001", "199005122016032002", "198801012010011003"]
_URL = re.compile(r"siap: (https://\S+)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """``petugaspembina serve`` in its own process."""

    def __init__(self, db: Path, home: Path, port: int, *args: str) -> None:
        self.db, self.home, self.port, self.args = db, home, port, args
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""
        self.log = home / "serve.err"

    def start(self) -> Server:
        env = {**os.environ, "PETUGASPEMBINA_HOME": str(self.home)}
        self.home.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "petugaspembina", "--db", str(self.db), "serve"),
                *("--host", "127.0.0.1", "--port", str(self.port), *self.args),
            ],
            stdout=subprocess.PIPE,
            stderr=self.log.open("a"),
            text=True,
            env=env,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()  # the server prints its address once ready
        found = _URL.search(line)
        assert found, f"serve did not start: {line!r} {self.log.read_text()[-2000:]}"
        self.url = found.group(1)
        return self

    def kill(self) -> None:
        """SIGKILL: no goodbye."""
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(10)

    def stop(self) -> int:
        """SIGTERM: the graceful way; the exit code."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(20)
        rest = self.proc.stdout.read() if self.proc.stdout else ""
        self.closing = rest
        return code


class Officer:
    """An officer's device enrolled at the office."""

    def __init__(self, folder: Path, name: str, nip: str, seed: int, sessions: int) -> None:
        self.db = folder / f"{name}.db"
        self.outbox = folder / f"{name}-outbox"
        self.outbox.mkdir(parents=True, exist_ok=True)
        with Store.open(self.db) as store:
            create_profile(store, name, nip, "Kantor Imigrasi Bogor", None)
            if sessions:
                generate(store, seed=seed, sessions=sessions)
            self.device_id = store.device_id

    def export(self) -> list[str]:
        """New changes into the outbox; the bundle ids."""
        with Store.open(self.db) as store:
            made = export_bundles(store, self.outbox, outbox_dir=self.outbox)
        return [r.bundle_id for r in made if r.bundle_id]

    def send(self, url: str, wait: float = 20.0, timeout: float = 10.0) -> sender.SendReport:
        with Store.open(self.db) as store:
            return sender.send_until_done(
                store, self.outbox, url=url, wait_seconds=wait, timeout=timeout
            )

    def send_once(self, url: str, timeout: float = 10.0) -> sender.SendReport:
        with Store.open(self.db) as store:
            return sender.send_once(store, self.outbox, url=url, timeout=timeout)

    def statuses(self) -> dict[str, str]:
        with Store.open(self.db) as store:
            return {e.bundle_id: e.status for e in outbox.entries(store, destination="kantor")}

    def target(self, url: str) -> sender.Target:
        with Store.open(self.db) as store:
            store.set_setting(INBOX_URL_SETTING, url)
            return sender.target(store)


class Office:
    """An office database with keys and its inbox folders."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "office.db"
        self.home = folder / "office-home"
        with Store.open(self.db) as store:
            create_profile(store, "Budi Santoso", NIP_OFFICE, "Kantor Imigrasi Bogor", None)
            create_office_keys(store)
            write_key_file(office_key_file(store), folder / "kantor.key.json")

    def enrol(self, officer: Officer) -> None:
        self.enrol_db(officer.db)

    def enrol_db(self, db: Path) -> None:
        """Both ways: the office key file on the device, the device key file at the office."""
        with Store.open(db) as store:
            enrol_file(store, self.folder / "kantor.key.json")
        self.enrol_db_device_only(db)

    def enrol_db_device_only(self, db: Path) -> None:
        """The device key file at the office (the device already has the office's)."""
        key = self.folder / f"{db.stem}.key.json"
        with Store.open(db) as store:
            write_key_file(device_key_file(store), key)
        with Store.open(self.db) as store:
            enrol_file(store, key)

    def server(self, *args: str, port: int | None = None) -> Server:
        return Server(self.db, self.home, port or free_port(), *args)

    def imported(self) -> list[tuple[Any, ...]]:
        with Store.open(self.db) as store:
            return [
                tuple(r)
                for r in store.conn.execute(
                    "SELECT bundle_id, device_id, seq FROM imported_bundles ORDER BY seq"
                )
            ]

    def spool(self) -> list[str]:
        folder = self.home / "data" / "inbox-spool"
        return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


class Proxy(threading.Thread):
    """A TCP proxy on 127.0.0.1: uploads (client → server) paced at ``rate`` bytes/s; the n-th
    connection cut after ``cuts[n]`` bytes of upload (None: not cut)."""

    def __init__(
        self, upstream: int, rate: float | None = None, cuts: list[int | None] = ()
    ) -> None:  # type: ignore[assignment]
        super().__init__(daemon=True)
        self.upstream, self.rate, self.cuts = upstream, rate, list(cuts or [])
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.connections = 0
        self.closed = False

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def run(self) -> None:
        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            cut = self.cuts[self.connections] if self.connections < len(self.cuts) else None
            self.connections += 1
            try:
                server = socket.create_connection(("127.0.0.1", self.upstream))
            except OSError:
                client.close()
                continue
            threading.Thread(
                target=self._pump, args=(client, server, cut, True), daemon=True
            ).start()
            threading.Thread(
                target=self._pump, args=(server, client, None, False), daemon=True
            ).start()

    def _pump(self, src: socket.socket, dst: socket.socket, cut: int | None, up: bool) -> None:
        moved = 0
        try:
            while True:
                data = src.recv(1024 if up and self.rate else 65536)
                if not data:
                    break
                if cut is not None and moved + len(data) >= cut:
                    break  # the link drops
                dst.sendall(data)
                moved += len(data)
                if up and self.rate:
                    time.sleep(len(data) / self.rate)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def close(self) -> None:
        self.closed = True
        self.listener.close()


def random_cuts(count: int, upto: int, seed: int) -> list[int | None]:
    rng = random.Random(seed)
    return [rng.randrange(100, upto) for _ in range(count)]
