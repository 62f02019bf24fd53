"""Network commands (docs/sync.md "Sending to the office"): serve, send, outbox.

Registered on the same ``main`` group as every other command (imported at the end of ``cli``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import logging.handlers
import sys
from pathlib import Path

import click

from .cli import Context, fail, main

STATUS_LABELS = {
    "waiting": "menunggu",
    "sent": "terkirim",
    "confirmed": "dikonfirmasi",
    "withdrawn": "ditarik, dikirim ulang tersegel",
}
FOLDER_SENT_LABEL = "ditulis ke folder, menunggu tanda terima"  # the window's words, too


def _log_to(folder_file: str | None) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if folder_file:
        handlers.append(
            logging.handlers.RotatingFileHandler(
                folder_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
            )
        )
    for handler in handlers:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("petugaspembina.inbox")
    logger.setLevel(logging.INFO)
    for handler in handlers:
        logger.addHandler(handler)


@main.command()
@click.option("--host", default="0.0.0.0", show_default=True, help="Alamat yang didengarkan.")
@click.option(
    "--port", default=8443, show_default=True, type=click.IntRange(0, 65535), help="0: sembarang."
)
@click.option(
    "--max-mib",
    default=256,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Unggahan terbesar yang diterima (MiB).",
)
@click.option(
    "--rate",
    default=120,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Permintaan per perangkat per menit.",
)
@click.option(
    "--wait",
    "wait_seconds",
    default=20.0,
    show_default=True,
    type=click.FloatRange(0, 600),
    help="Detik sebuah unggahan menunggu penggabungannya sebelum menjawab 202.",
)
@click.option(
    "--password-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Baca kata sandi basis data dari berkas ini (baris pertama; hanya pemilik) untuk layanan.",
)
@click.pass_obj
def serve(
    obj: Context,
    host: str,
    port: int,
    max_mib: int,
    rate: int,
    wait_seconds: float,
    password_file: Path | None,
) -> None:
    """Jalankan kotak masuk kantor lewat HTTPS: perangkat petugas mengirim bundel tersegelnya ke
    sini.

    Mencetak alamatnya bila siap; berhenti dengan rapi pada Ctrl+C atau SIGTERM."""
    from .store.store import Store
    from .sync.errors import BundleRejected
    from .sync.inbox_server import Limits
    from .sync.serve import run

    obj.paths.ensure()
    if password_file is not None:
        _unlock_from_file(obj, password_file)
    with obj.store():  # refuses a missing or damaged database with the usual message
        pass
    _log_to(str(obj.paths.logs / "inbox.log"))
    limits = Limits(
        max_bytes=max_mib * 1024 * 1024,
        per_minute=float(rate),
        burst=max(5, rate // 4),
        wait_seconds=wait_seconds,
    )

    def ready(url: str) -> None:
        click.echo(f"Kotak masuk kantor siap: {url}", nl=True)
        sys.stdout.flush()

    try:
        run(
            lambda: Store.open(obj.db_path, full_check=False),
            host=host,
            port=port,
            spool=obj.paths.inbox_spool,
            quarantine=obj.paths.quarantine,
            backups=obj.paths.backups,
            limits=limits,
            ready=ready,
        )
    except BundleRejected as exc:
        fail(str(exc))
    except OSError as exc:
        from .core.oserrors import describe_os_error

        fail(f"Kotak masuk tidak dapat dibuka di {host}:{port}: {describe_os_error(exc)}.")
    click.echo("Kotak masuk kantor berhenti.")


def _unlock_from_file(obj: Context, password_file: Path) -> None:
    from .store import vault
    from .store.errors import StoreError
    from .sync.autostart import PasswordFileError, read_password_file

    if not vault.is_set_up(obj.db_path):
        fail(f"Basis data {obj.db_path} belum punya kata sandi atau tidak ada.")
    try:
        vault.unlock(obj.db_path, read_password_file(password_file))
    except PasswordFileError as exc:
        fail(str(exc))
    except StoreError as exc:
        fail(f"Kata sandi dari {password_file} tidak membuka basis data: {exc}")


@main.command("login-task")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tempat menulis tugas (XML).",
)
@click.option(
    "--port",
    default=8443,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port yang didengarkan kotak masuk.",
)
@click.option(
    "--password-file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Berkas tempat kotak masuk membaca kata sandi basis data.",
)
@click.option(
    "--user",
    default=None,
    help="Mulai saat pengguna ini masuk (DOMAIN\\nama); bawaan: pengguna mana pun.",
)
@click.pass_obj
def login_task(obj: Context, out: Path, port: int, password_file: Path, user: str | None) -> None:
    """Tulis tugas Windows Task Scheduler yang menjalankan kotak masuk kantor saat masuk log.

    Pasang dengan: schtasks /Create /TN "Petugas Pembina - kotak masuk kantor" /XML BERKAS
    """
    from .sync.autostart import TASK_NAME, PasswordFileError, read_password_file, windows_login_task

    try:
        read_password_file(password_file)
    except PasswordFileError as exc:
        fail(str(exc))
    text = windows_login_task(obj.db_path, port, password_file, user)
    out.write_bytes(text.encode("utf-16"))  # with a BOM, as schtasks reads it
    click.echo(f"Tugas ditulis: {out}")
    click.echo(f'Pasang di Windows: schtasks /Create /TN "{TASK_NAME}" /XML "{out}"')


@main.command()
@click.option("--to", "url", default=None, help="Alamat kotak masuk kantor (https://HOST:PORT).")
@click.option(
    "--wait",
    "wait_seconds",
    default=60.0,
    show_default=True,
    type=click.FloatRange(0, 3600),
    help="Terus mencoba selama ini untuk setiap tanda terima.",
)
@click.pass_obj
def send(obj: Context, url: str | None, wait_seconds: float) -> None:
    """Kirim kotak keluar ke kantor sekarang (perubahan baru diekspor ke dalamnya lebih dahulu).

    Keluar 0 bila setiap bundel dikonfirmasi tanda terima bertanda tangan; 1 bila tidak (bundel
    tetap di kotak keluar dan dicoba lagi)."""
    from .sync.exporter import export_bundles
    from .sync.sender import SendError, send_until_done, target

    obj.paths.ensure()
    obj.paths.outbox.mkdir(parents=True, exist_ok=True)
    with obj.store() as store:
        try:
            target(store, url)
        except SendError as exc:
            fail(str(exc))
        made = export_bundles(store, obj.paths.outbox, outbox_dir=obj.paths.outbox)
        for result in made:
            if result.photos:
                click.echo(f"Berkas foto #{result.seq} ({result.photos} foto) masuk kotak keluar.")
            else:
                click.echo(f"Bundel #{result.seq} masuk kotak keluar.")
        report = send_until_done(store, obj.paths.outbox, url=url, wait_seconds=wait_seconds)
    click.echo(
        f"Dikonfirmasi {report.confirmed}, terkirim menunggu konfirmasi {report.sent}, "
        f"menunggu {report.waiting}."
    )
    if not report.done:
        for line in dict.fromkeys(report.errors):
            click.echo(f"  - {line}", err=True)
        fail("Belum semua bundel dikonfirmasi kantor; akan dicoba lagi.")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.pass_obj
def outbox(obj: Context, as_json: bool) -> None:
    """Daftar kotak keluar: setiap bundel atau berkas foto (``kind``) dengan tujuan dan statusnya
    (menunggu, terkirim, dikonfirmasi)."""
    from .sync import outbox as box
    from .sync.netkeys import INBOX_URL_SETTING
    from .sync.trust import enrolled_office

    with obj.store() as store:
        found = box.entries(store)
        office = enrolled_office(store)
        url = store.get_setting(INBOX_URL_SETTING) or (office.inbox_url if office else None)
    items = []
    for entry in found:
        item = dataclasses.asdict(entry)
        item["id"] = entry.bundle_id
        item["kind"] = entry.kind
        if entry.destination == box.NETWORK:
            item["destination"] = url or box.NETWORK
            item["status_label"] = STATUS_LABELS[entry.status]
        else:  # a folder (a stick): written is not delivered until the office's receipt
            sent = entry.status == "sent"
            item["status_label"] = FOLDER_SENT_LABEL if sent else STATUS_LABELS[entry.status]
        items.append(item)
    if as_json:
        click.echo(json.dumps(items, ensure_ascii=False, indent=1))
        return
    if not items:
        click.echo("Kotak keluar kosong.")
        return
    width = max(len(item["status_label"]) for item in items)
    click.echo(f"{'Berkas':<16}  {'Status':<{width}}  {'Tujuan':<40}  Keterangan")
    from .core.display import local_moment

    for entry, item in zip(found, items, strict=True):
        note = entry.last_error or local_moment(entry.confirmed_at or entry.sent_at)
        if entry.last_error and entry.next_try_at and entry.status != "confirmed":
            note += f" · dicoba lagi {local_moment(entry.next_try_at)}"
        click.echo(
            f"{entry.label:<16}  {item['status_label']:<{width}}  {item['destination'][:40]:<40}  "
            f"{note}"
        )
