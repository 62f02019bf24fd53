"""Trust commands (docs/security.md): office keys, device key files, enrolment, revocation.

Registered on the same ``main`` group as every other command (imported at the end of ``cli``).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from .cli import Context, fail, main
from .core.text import show_escaped


@main.group("office-keys")
def office_keys_group() -> None:
    """Pasangan kunci kantor (penyegelan dan penandatanganan)."""


@office_keys_group.command("create")
@click.pass_obj
def office_keys_create(obj: Context) -> None:
    """Buat pasangan kunci kantor ini (sekali) dan cetak sidik jarinya."""
    from .store.errors import InvalidInput
    from .sync.trust import create_office_keys

    with obj.store() as store:
        try:
            keys = create_office_keys(store)
        except InvalidInput as exc:
            fail(str(exc))
    click.echo(f"Kunci kantor dibuat (id {keys.kid}).")
    click.echo(f"Sidik jari: {keys.fingerprint}")


@office_keys_group.command("export")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Berkas kunci yang ditulis (berikan ke setiap perangkat petugas untuk didaftarkan).",
)
@click.option(
    "--url",
    default=None,
    help="Alamat kotak masuk tujuan kiriman petugas (https://HOST:PORT dari `serve`); diingat.",
)
@click.pass_obj
def office_keys_export(obj: Context, out: Path, url: str | None) -> None:
    """Tulis berkas kunci publik kantor (untuk didaftarkan petugas).

    Berisi sidik jari sertifikat kotak masuk (dan --url), ditandatangani kunci kantor."""
    from .store.errors import NotFound
    from .sync.netkeys import INBOX_URL_SETTING, URL_RE
    from .sync.trust import office_key_file

    if url is not None and not URL_RE.fullmatch(url):
        fail(f"Alamat tidak sah: {url[:80]} (harus https://HOST:PORT).")
    with obj.store() as store:
        if url is not None:
            store.set_setting(INBOX_URL_SETTING, url.rstrip("/"))
        try:
            doc = office_key_file(store)
        except NotFound as exc:
            fail(str(exc))
    _write(doc, out)
    click.echo(str(out))
    click.echo(f"Sidik jari: {doc['fingerprint']}")


@main.group("device-key")
def device_key_group() -> None:
    """Kunci publik perangkat ini."""


@device_key_group.command("export")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Berkas kunci yang ditulis (bawa ke kantor untuk didaftarkan).",
)
@click.pass_obj
def device_key_export(obj: Context, out: Path) -> None:
    """Tulis berkas kunci publik perangkat ini (untuk didaftarkan di kantor)."""
    from .sync.trust import device_key_file

    with obj.store() as store:
        doc = device_key_file(store)
    _write(doc, out)
    click.echo(str(out))
    click.echo(f"Sidik jari: {doc['fingerprint']}")


def _write(doc: dict[str, object], out: Path) -> None:
    from .sync.trust import write_key_file

    try:
        write_key_file(doc, out)
    except OSError as exc:
        fail(f"Berkas kunci tidak dapat ditulis ke {out}: {exc.strerror}.")


WITHDRAWN_MESSAGE = (
    "{0} bundel yang ditulis sebelum kantor ini didaftarkan tidak tersegel untuknya, dan kantor "
    "yang memakai kunci menolaknya: bundel itu tidak lagi dihitung terkirim. Isinya ikut di "
    "ekspor berikutnya, tersegel: ekspor lagi (export --out …) atau kirim (send)."
)


@main.command("enrol")
@click.argument("file", metavar="BERKAS", type=click.Path(path_type=Path))
@click.pass_obj
def enrol(obj: Context, file: Path) -> None:
    """Daftarkan kunci dalam BERKAS: kunci perangkat di kantor, atau kunci kantor di perangkat
    petugas."""
    from .sync.errors import BundleRejected
    from .sync.trust import enrol_file

    with obj.store() as store:
        try:
            done = enrol_file(store, file)
        except BundleRejected as exc:
            fail(str(exc))
    who = show_escaped(done.label or "-")
    if done.kind == "device":
        click.echo(f"Perangkat {done.key_id} ({who}) terdaftar di kantor ini.")
    elif done.kind == "relay-office":
        click.echo(
            f"Kantor terdaftar: {who} (id {done.key_id}); bundel bertanda tangannya diterima "
            "di sini, termasuk versi petugas yang diteruskannya."
        )
    else:
        click.echo(f"Kantor terdaftar: {who} (id {done.key_id}); bundel akan disegel untuknya.")
        if done.withdrawn:
            click.echo(WITHDRAWN_MESSAGE.format(done.withdrawn))
    click.echo(f"Sidik jari: {done.fingerprint}")
    click.echo("Bacakan sidik jari ini dan cocokkan dengan layar pihak lain sebelum dipakai.")


@main.command("devices")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.pass_obj
def devices(obj: Context, as_json: bool) -> None:
    """Daftar perangkat yang terdaftar (dan kantor yang terdaftar, atau kantor yang terdaftar
    sebagai perantara)."""
    from .sync.trust import enrolled_office, list_devices, list_relay_offices, office_keys

    with obj.store() as store:
        entries = list_devices(store)
        office = enrolled_office(store)
        own = office_keys(store)
        relays = list_relay_offices(store)
    if as_json:
        doc = {
            "office_keys": {"kid": own.kid, "fingerprint": own.fingerprint} if own else None,
            "enrolled_office": (
                {"kid": office.kid, "office": office.office, "fingerprint": office.fingerprint}
                if office
                else None
            ),
            "devices": [dataclasses.asdict(e) for e in entries],
            "relay_offices": [dataclasses.asdict(r) for r in relays],
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=1))
        return
    if own:
        click.echo(f"Kunci kantor ini: {own.kid}  sidik jari {own.fingerprint}")
    if office:
        click.echo(
            f"Kantor terdaftar: {show_escaped(office.office or '-')} ({office.kid})  "
            f"sidik jari {office.fingerprint}"
        )
    for relay in relays:
        click.echo(
            f"Kantor relai: {show_escaped(relay.office or '-')} ({relay.kid})  "
            f"sidik jari {relay.fingerprint}"
        )
    if not entries:
        click.echo("Belum ada perangkat terdaftar.")
    for entry in entries:
        state = f"dicabut {entry.revoked_at[:10]}" if entry.revoked_at else "aktif"
        click.echo(
            f"{entry.device_id}  {state:<18}  {entry.fingerprint}  "
            f"{show_escaped(entry.label or '-')}"
        )


@main.command("revoke-device")
@click.argument("device_id", metavar="ID_PERANGKAT")
@click.pass_obj
def revoke(obj: Context, device_id: str) -> None:
    """Cabut perangkat terdaftar ID_PERANGKAT: setiap bundel darinya sesudah ini ditolak."""
    from .store.errors import NotFound
    from .sync.trust import revoke_device

    with obj.store() as store:
        try:
            entry = revoke_device(store, device_id)
        except NotFound as exc:
            fail(str(exc))
    click.echo(f"Perangkat {entry.device_id} dicabut ({entry.revoked_at}).")
