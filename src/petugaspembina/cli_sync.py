"""Sync commands: export, import, conflicts, resolve, duplicates, link-duplicate, receipt.

Same conventions as ``cli.py``: Indonesian messages, exit 0 / 1 (refused) / 2 (usage), ``--json``
keeps the contract's keys and only adds ``*_label`` keys.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .cli import Context, main
from .cli_errors import fail
from .core.labels import label_of, table_label
from .core.oserrors import describe_os_error
from .core.records import SCHEMA
from .core.text import shorten, show_escaped

if TYPE_CHECKING:
    from .sync.exporter import Protection

SIGNED_WORDS = (
    "bertanda tangan kantor ini ({0}), tidak terenkripsi: siapa pun yang memegang berkas dapat "
    "membacanya."
)
CONFLICT_KINDS = {"values": "Nilai berbeda", "edited-after-deletion": "Diubah setelah dihapus"}


def export_target(raw: str) -> Path:
    """Where ``export --out`` writes: an existing folder, or a file in an existing folder.

    ``DIR/`` (a trailing slash) names a folder: when it does not exist the export is refused, so a
    USB stick that is not mounted never gets a bundle written onto the laptop in its place.
    """
    path = Path(raw)
    if path.is_dir():
        return path
    separators = tuple(s for s in (os.sep, os.altsep, "/") if s)
    if raw.endswith(separators):
        fail(
            f"Folder tujuan tidak ada: {raw} (flashdisk belum terpasang?). "
            "Pasang medianya atau buat foldernya dulu; bundel tidak ditulis."
        )
    if path.exists() and not path.is_file():
        fail(f"{raw} bukan berkas biasa; bundel tidak ditulis.")
    if not path.parent.is_dir():
        fail(f"Folder {path.parent} tidak ada; bundel tidak ditulis.")
    return path


@main.command()
@click.option(
    "--out",
    required=True,
    type=click.Path(),
    help="Berkas bundel yang ditulis, atau folder yang sudah ada (DIR/) untuk nama bawaan.",
)
@click.option("--full", is_flag=True, help="Setiap versi isian, tidak hanya yang baru.")
@click.option(
    "--destination",
    default="kantor",
    show_default=True,
    help="Siapa penerimanya (ekspor bertahap dihitung per tujuan).",
)
@click.option("--plain", is_flag=True, help="Tidak disegel walaupun kantor sudah terdaftar.")
@click.pass_obj
def export(obj: Context, out: str, full: bool, destination: str, plain: bool) -> None:
    """Tulis bundel (bertahap bila tidak diminta lain; disegel untuk kantor yang terdaftar kecuali
    --plain).

    Perubahan baru dihitung terkirim setelah berkasnya aman tertulis di disk."""
    from .sync.exporter import DEFAULT_DESTINATION, export_bundles, protection_of

    target = export_target(out)
    with obj.store() as store:
        try:
            results = export_bundles(
                store,
                target,
                full=full,
                destination=destination,
                plain=plain,
                max_versions=None,
                outbox_dir=obj.paths.outbox if destination == DEFAULT_DESTINATION else None,
            )
        except OSError as exc:
            fail(
                f"Bundel tidak dapat ditulis ke {out}: {describe_os_error(exc)}. "
                "Tidak ada yang ditandai terkirim."
            )
    if not results:
        click.echo("Tidak ada perubahan baru untuk dikirim.")
        return
    for result in results:
        click.echo(str(result.path))
        if result.photos:
            click.echo(f"Berkas foto: {result.photos} foto.")
            continue
        tables = ", ".join(f"{table_label(name)} {count}" for name, count in result.tables.items())
        # The window's words: a change is a record written (by kind), an "isian" one field of it.
        click.echo(
            f"Bundel #{result.seq}: {result.changes} perubahan ({tables}), "
            f"{result.field_versions} isian."
        )
    for line in protection_lines(protection_of(results)):
        click.echo(line)


def protection_lines(p: Protection) -> list[str]:
    """How an export's files are protected, in words: the bundles and the photo parts each
    named when they differ (an office signs its bundles but not its photo parts)."""
    kinds = [k for k, level in (("bundel", p.bundles), ("berkas foto", p.photos)) if level]
    if len({p.bundles, p.photos} - {None}) == 1:  # one level for every file written
        what = " dan ".join(kinds)
        if p.bundles == "sealed" or p.photos == "sealed":
            return [f"Tersegel untuk kantor {p.sealed_to} ({what}: bertanda tangan, terenkripsi)."]
        if p.bundles == "signed" or p.photos == "signed":
            return [f"{what.capitalize()}: {SIGNED_WORDS.format(p.signed_by)}"]
        return [f"Tidak tersegel ({what} biasa, tidak bertanda tangan, tidak terenkripsi)."]
    lines = []
    for kind, level in (("Bundel", p.bundles), ("Berkas foto", p.photos)):
        if level == "sealed":
            lines.append(f"{kind}: tersegel untuk kantor {p.sealed_to}.")
        elif level == "signed":
            lines.append(f"{kind}: {SIGNED_WORDS.format(p.signed_by)}")
        elif level == "plain":
            lines.append(f"{kind}: TIDAK tersegel (tidak bertanda tangan, tidak terenkripsi).")
    if p.photos == "plain" and p.bundles == "signed":
        lines.append(
            "Kantor penerima yang punya kunci menolak berkas foto tanpa tanda tangan kecuali "
            "diimpor dengan --allow-unsigned."
        )
    return lines


@main.command("import")
@click.argument(
    "files", metavar="BERKAS...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="Laporan JSON.")
@click.option(
    "--receipts",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder untuk menulis tanda terima per bundel yang diimpor.",
)
@click.option(
    "--allow-unsigned",
    is_flag=True,
    help=(
        "Di kantor yang punya kunci: terima bundel polos (tanpa tanda tangan) untuk perintah ini "
        "saja."
    ),
)
@click.pass_obj
def import_(
    obj: Context,
    files: tuple[Path, ...],
    as_json: bool,
    receipts: Path | None,
    allow_unsigned: bool,
) -> None:
    """Gabungkan bundel BERKAS (folder: setiap *.json di dalamnya, menurut nama); laporan per
    berkas.

    Berkas yang tidak dapat dibaca mendapat pesannya sendiri dan yang lain tetap diimpor; keluar
    1 di akhir bila ada yang ditolak."""
    from .sync.importer import import_files
    from .sync.inputs import expand_folders
    from .sync.receipts import write_receipts

    paths = expand_folders(files)
    obj.paths.ensure()
    receipt_error = None
    with obj.store() as store:
        reports = import_files(
            store,
            paths,
            quarantine=obj.paths.quarantine,
            backups=obj.paths.backups,
            allow_unsigned=allow_unsigned,
        )
        if receipts is not None:
            try:
                write_receipts(store, reports, receipts)
            except OSError as exc:
                receipt_error = (
                    f"Tanda terima tidak dapat ditulis ke {receipts}: {describe_os_error(exc)}."
                )
    rejected = [r for r in reports if r.result in ("rejected", "failed")]
    if as_json:
        click.echo(json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=1))
        for report in rejected:  # stdout is for programs: the refusals once more for a person
            click.echo(f"Ditolak: {report.file}: {report.message}", err=True)
    else:
        for report in reports:  # each report once: a refused file's on stderr
            refused = report in rejected
            prefix = "Ditolak: " if refused else "Dilewati: " if report.result == "skipped" else ""
            click.echo(f"{prefix}{report.file}: {report.message}", err=refused)
            for line in [*report.problems, *report.warnings]:
                click.echo(f"  - {line}", err=refused)
            if report.quarantined_as:
                click.echo(
                    f"  (disimpan di karantina sebagai {report.quarantined_as})", err=refused
                )
    if receipt_error:
        click.echo(f"Galat: {receipt_error}", err=True)
    if rejected or receipt_error:
        sys.exit(1)


def _shown_value(table: str, field: str, value: Any) -> str:
    """A candidate value as JSON, with its Indonesian label when the field is coded."""
    text = show_escaped(json.dumps(value, ensure_ascii=False))
    kind = SCHEMA.get(table, {}).get(field)
    if kind is not None and kind.enum is not None and isinstance(value, str) and value:
        label = label_of(kind.enum, value)
        if label != value:
            text += f" ({label})"
    return text


@main.command()
@click.option(
    "--json", "as_json", is_flag=True, help="Keluaran JSON (kode, ditambah kunci *_label)."
)
@click.pass_obj
def conflicts(obj: Context, as_json: bool) -> None:
    """Daftar konflik: setiap nilai calon, asalnya, dan pemenang sementara."""
    from .sync.conflict_words import UNKNOWN_OFFICER, describe_conflicts
    from .sync.conflicts import list_conflicts

    with obj.store() as store:
        found = list_conflicts(store)
        words = describe_conflicts(store, found)
    if as_json:
        items = [
            {
                **c.to_json(),
                "kind_label": CONFLICT_KINDS.get(c.kind, c.kind),
                "table_label": table_label(c.table),
                **w.to_json(),
            }
            for c, w in zip(found, words, strict=True)
        ]
        click.echo(json.dumps(items, ensure_ascii=False, indent=1))
        return
    if not found:
        click.echo("Tidak ada konflik.")
        return
    for c, w in zip(found, words, strict=True):
        click.echo(f"Konflik {c.conflict_id} — {CONFLICT_KINDS.get(c.kind, c.kind)}")
        click.echo(f"  {w.record_kind}: {show_escaped(w.record)}")
        click.echo(f"  Isian: {w.field_label}")
        for cand, said in zip(c.candidates, w.candidates, strict=True):
            mark = "*" if said.provisional else " "
            who = (
                said.officer
                if said.officer != UNKNOWN_OFFICER
                else f"{said.officer}, perangkat {said.device}"
            )
            click.echo(
                f"   {mark} {_shown_value(c.table, c.field, cand.value)}  "
                f"— {show_escaped(who)}, {said.local_time}"
            )
    click.echo("* = sementara dipakai. Pilih dengan: resolve ID_KONFLIK --value JSON")


@main.command()
@click.argument("conflict_id", metavar="ID_KONFLIK")
@click.option("--value", "value_json", required=True, help="Nilai yang dipilih, sebagai JSON.")
@click.pass_obj
def resolve(obj: Context, conflict_id: str, value_json: str) -> None:
    """Selesaikan konflik ID_KONFLIK dengan sebuah nilai (JSON); tetap selesai ke mana pun ia
    terkirim."""
    from .sync.conflicts import resolve as resolve_conflict

    try:
        value = json.loads(value_json)
    except json.JSONDecodeError:
        fail("--value harus JSON, misalnya '\"Siti Aminah\"' atau true.")
    with obj.store() as store:
        conflict = resolve_conflict(store, conflict_id, value)
    click.echo(f"Konflik {conflict.conflict_id} diselesaikan ({conflict.table}.{conflict.field}).")


def _person_line(number: int, person: dict[str, Any] | None, person_id: str) -> str:
    if person is None:
        return f"   {number}  {'(tidak ditemukan)':30}  {person_id}"
    cells = [
        shorten(person["name"] or "-", 30).ljust(30),
        (person["sex"] or "-").ljust(3),
        str(person["birth_year"] or "-").ljust(5),
        shorten(person["village"] or "-", 20).ljust(20),
        (person["nik_masked"] or "-").ljust(16),
        person_id,
    ]
    return f"   {number}  " + "  ".join(cells)


@main.command()
@click.option(
    "--json", "as_json", is_flag=True, help="Keluaran JSON (kode, ditambah kunci *_label)."
)
@click.pass_obj
def duplicates(obj: Context, as_json: bool) -> None:
    """Sarankan peserta yang mungkin tercatat dua kali (NIK sama; nama, tahun lahir, desa mirip)."""
    from .sync.duplicates import suggest_duplicates

    with obj.store() as store:
        suggestions = suggest_duplicates(store)
    found = suggestions.pairs
    if suggestions.total > len(found):  # stderr: the JSON on stdout stays a plain list
        click.echo(
            f"{len(found)} pasangan paling mirip dari {suggestions.total} ditampilkan; "
            "putuskan ini dulu, sisanya muncul sesudahnya.",
            err=True,
        )
    pairs = []
    for pair in found:
        item = dataclasses.asdict(pair)
        item["reason_label"] = pair.reason_label
        for key, brief in (("first", pair.first), ("second", pair.second)):
            if brief is not None:
                item[key]["sex_label"] = brief.sex_label
        pairs.append(item)
    if as_json:
        click.echo(json.dumps(pairs, ensure_ascii=False, indent=1))
        return
    if not pairs:
        click.echo("Tidak ada dugaan peserta ganda.")
        return
    header = ["Nama".ljust(30), "L/P", "Lahir", "Desa".ljust(20), "NIK".ljust(16), "ID"]
    click.echo("Skor   Alasan")
    click.echo("   #  " + "  ".join(header))
    for item in pairs:
        click.echo(f"{item['score']:.3f}  {item['reason_label']}")
        click.echo(_person_line(1, item["first"], item["first_id"]))
        click.echo(_person_line(2, item["second"], item["second_id"]))
    click.echo(
        "Gabungkan dengan: link-duplicate ID_GANDA ID_YANG_DIPERTAHANKAN "
        "(periksa dulu bahwa keduanya orang yang sama)."
    )


@main.command("link-duplicate")
@click.argument("duplicate_id", metavar="ID_DUPLIKAT")
@click.argument("survivor_id", metavar="ID_UTAMA")
@click.option(
    "--force",
    is_flag=True,
    help="Tautkan walaupun jenis kelamin berbeda atau tahun lahir berselisih lebih dari 2.",
)
@click.pass_obj
def link_duplicate(obj: Context, duplicate_id: str, survivor_id: str, force: bool) -> None:
    """Tandai ID_DUPLIKAT sebagai orang yang sama dengan ID_UTAMA (menulis merged_into).

    Ditolak bila jenis kelamin keduanya berbeda atau tahun lahirnya berselisih lebih dari 2
    (--force)."""
    from .store.id_prefix import resolve_id
    from .sync.duplicates import link_duplicate as link

    with obj.store() as store:
        duplicate_id = resolve_id(store, "people", duplicate_id)
        survivor_id = resolve_id(store, "people", survivor_id)
        root = link(store, duplicate_id, survivor_id, force=force)
    click.echo(f"Digabungkan ke {root}.")


@main.command()
@click.argument("file", metavar="BERKAS", type=click.Path(path_type=Path))
@click.pass_obj
def receipt(obj: Context, file: Path) -> None:
    """Baca tanda terima kantor BERKAS dan tandai bundel itu sudah diterima."""
    from .sync.errors import BundleRejected
    from .sync.receipts import read_receipt

    with obj.store() as store:
        try:
            click.echo(read_receipt(store, file))
        except BundleRejected as exc:
            fail(f"{file}: {exc}")
