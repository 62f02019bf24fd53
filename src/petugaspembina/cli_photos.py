"""The photo commands: ``photos add``, ``photos list``, ``photos remove`` (docs/app.md "Photos").

Registered on the same ``main`` group as the rest of the command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from .cli import Context, main
from .cli_errors import fail
from .core.display import wall_clock_moment


@main.group()
def photos() -> None:
    """Foto kegiatan (dokumentasi untuk lampiran laporan)."""


@photos.command("add")
@click.option("--session", "session_id", required=True, help="Id kegiatan.")
@click.argument(
    "files", metavar="BERKAS...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option("--caption", default=None, help="Keterangan untuk setiap foto yang ditambahkan.")
@click.option("--keep-location", is_flag=True, help="Simpan posisi GPS (bawaannya dihapus).")
@click.pass_obj
def photos_add(
    obj: Context, session_id: str, files: tuple[Path, ...], caption: str | None, keep_location: bool
) -> None:
    """Tambahkan BERKAS (gambar, atau folder berisi gambar) ke kegiatan; keluar 1 bila ada yang
    ditolak."""
    from .store.id_prefix import resolve_id
    from .store.photo_files import add_photo_files

    with obj.store() as store:
        outcomes = add_photo_files(
            store,
            resolve_id(store, "sessions", session_id),
            list(files),
            caption=caption,
            keep_location=keep_location,
        )
    if not outcomes:
        fail("Tidak ada berkas gambar di antara yang diberikan.")
    for outcome in outcomes:
        ident = f" ({outcome.photo_id})" if outcome.photo_id else ""
        click.echo(f"{outcome.file}: {outcome.message}{ident}")
    added = sum(o.result == "added" for o in outcomes)
    refused = sum(o.result == "refused" for o in outcomes)
    click.echo(f"{added} foto ditambahkan, {refused} ditolak.")
    if refused:
        raise SystemExit(1)


@photos.command("list")
@click.option("--session", "session_id", required=True, help="Id kegiatan.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.pass_obj
def photos_list(obj: Context, session_id: str, as_json: bool) -> None:
    """Foto satu kegiatan menurut urutan lampiran."""
    from .core.records import Session
    from .store.id_prefix import resolve_id
    from .store.photos import list_photos, session_must_exist

    with obj.store() as store:
        session_id = resolve_id(store, "sessions", session_id)
        session_must_exist(store, session_id)
        found = list_photos(store, session_id)
        zone = store.get(Session, session_id, include_deleted=True).time_zone
    if as_json:
        click.echo(json.dumps([p.to_json() for p in found], ensure_ascii=False, indent=1))
        return
    if not found:
        click.echo("Belum ada foto.")
    for number, photo in enumerate(found, start=1):
        size = f"{photo.width}×{photo.height}, {(photo.byte_size or 0) / 1024:.0f} KB"
        state = "" if photo.available else " [belum diterima]"
        gps = " [lokasi disimpan]" if photo.keep_location else ""
        taken = wall_clock_moment(photo.taken_at, zone) or "-"
        click.echo(
            f"{number}. {photo.id}  {taken}  {size}{gps}{state}  {photo.caption or ''}".rstrip()
        )


@photos.command("remove")
@click.argument("photo_id", metavar="ID_FOTO")
@click.pass_obj
def photos_remove(obj: Context, photo_id: str) -> None:
    """Hapus foto ID_FOTO di sini dan, lewat bundel, di mana pun (isi berkasnya dihapus)."""
    from .store.photos import remove_photo

    with obj.store() as store:
        remove_photo(store, photo_id)
    click.echo("Foto dihapus permanen.")
