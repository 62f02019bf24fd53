"""Running the office inbox: uvicorn over HTTPS with the office's own certificate.

Why Starlette + uvicorn (docs/sync.md "The office inbox server"): both are pure Python here (uvicorn
without its optional speed-ups, on the standard asyncio loop and h11), about 1.5 MB in the frozen
app against ~9 MB of compiled extensions for aiohttp and its helpers, on every platform PyInstaller
builds for; both are among the most used and most actively kept Python web packages. Streaming an
upload is ``request.stream()``; TLS is the standard ``ssl`` module with our own context.
"""

from __future__ import annotations

import logging
import os
import socket
import ssl
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from ..store.store import Store
from .inbox_server import Inbox, Limits, make_app
from .netkeys import ensure_tls_certificate

log = logging.getLogger("petugaspembina.inbox")


def tls_context(cert_pem: bytes, key_pem: bytes) -> ssl.SSLContext:
    """A server context with the inbox certificate. The ``ssl`` module loads keys only from files:
    the key is written to a private temporary folder and removed at once."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    with tempfile.TemporaryDirectory(prefix="pp-tls-") as folder:
        os.chmod(folder, 0o700)
        cert, key = Path(folder) / "cert.pem", Path(folder) / "key.pem"
        cert.write_bytes(cert_pem)
        fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(key_pem)
        context.load_cert_chain(cert, key)
    return context


def listen(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named explicitly: asyncio turns Nagle off (TCP_NODELAY) only on sockets whose
    # ``proto`` says TCP; with 0 every small answer waited ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    if sys.platform != "win32":  # on Windows this would let two servers share the port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket, host: str) -> str:
    """The address officers send to: for a wildcard host (all addresses) this computer's own
    address on the network, or its name."""
    port = sock.getsockname()[1]
    if host in ("0.0.0.0", "::", ""):
        host = _own_address()
    shown = f"[{host}]" if ":" in host else host
    return f"https://{shown}:{port}"


def _own_address() -> str:
    name = socket.gethostname()
    try:
        found = socket.getaddrinfo(name, None, socket.AF_INET, socket.SOCK_STREAM)
    except OSError:
        return name
    addresses = [str(info[4][0]) for info in found if not str(info[4][0]).startswith("127.")]
    return addresses[0] if addresses else name


def run(
    opener: Callable[[], Store],
    *,
    host: str,
    port: int,
    spool: Path,
    quarantine: Path,
    backups: Path | None,
    limits: Limits,
    ready: Callable[[str], None],
) -> None:
    """Serve until SIGTERM or Ctrl+C; ``ready`` gets the URL once the socket accepts."""
    import uvicorn

    inbox = Inbox(opener, spool, quarantine=quarantine, backups=backups, limits=limits)
    with opener() as store:  # only at an office with keys (checked just above)
        cert_pem, key_pem = ensure_tls_certificate(store)
    sock = listen(host, port)
    config = uvicorn.Config(
        make_app(inbox),
        lifespan="on",
        log_config=None,
        access_log=False,
        http="h11",
        ws="none",
        loop="asyncio",
        timeout_keep_alive=5,
        timeout_graceful_shutdown=10,
        limit_concurrency=400,
        # Officers connect directly, never through a proxy: no X-Forwarded-For is believed (and
        # its middleware is one step less per request).
        proxy_headers=False,
    )
    config.load()
    config.ssl = tls_context(cert_pem, key_pem)

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if not self.should_exit:
                ready(url_of(sock, host))

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            super().handle_exit(sig, frame)
            # uvicorn re-raises the signal after its graceful shutdown (exit 143); a stop asked
            # for is a normal end here: exit 0 with the closing message.
            getattr(self, "_captured_signals", []).clear()

    Server(config).run(sockets=[sock])
