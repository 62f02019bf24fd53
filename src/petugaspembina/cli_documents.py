"""The document commands of the command line: certificates, attendance-sheet, report,
verify-certificate, office-profile, register, void-certificate.

Registered on the same ``main`` group as the rest of the command line. Every command that writes a
PDF checks ``--out`` before anything else, and writes the register in the same transaction as the
file (``documents.produce``): a refused or failed command leaves the register as it was.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import click

from .cli import Context, main
from .cli_errors import fail
from .core.text import show_escaped
from .store.store import Store

OUT_HELP = "Berkas PDF yang ditulis (foldernya harus sudah ada)."
# Where the Profil kantor dialog words a field differently from the general labels.
OFFICE_WORDS = {"phone": "Telepon", "numbering_pattern": "Pola nomor sertifikat"}


def _missing_note(obj: Context) -> None:
    """Tell, on stderr, which office profile fields still hold placeholders."""
    from .documents.office import DRAFT_MARK, missing_fields

    with obj.store() as store:
        missing = missing_fields(store)
    if missing:
        click.echo(
            f'Catatan: dokumen bertanda "{DRAFT_MARK}". Lengkapi dengan office-profile --set: '
            + ", ".join(missing)
            + ".",
            err=True,
        )


def _make(obj: Context, session_id: str, action: Callable[[Store, str], object]) -> None:
    """Run a document action on a session (its ID or a unique beginning of it), turning refusals
    and output errors into exit 1."""
    from .documents.pdfout import OutputError
    from .store.id_prefix import resolve_id

    with obj.store() as store:
        try:
            action(store, resolve_id(store, "sessions", session_id))
        except OutputError as exc:
            fail(str(exc))
    _missing_note(obj)


@main.command()
@click.option("--session", "session_id", required=True, help="Id kegiatan.")
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help=OUT_HELP
)
@click.option("--person", "person_ids", multiple=True, help="Hanya peserta ini (boleh berulang).")
@click.pass_obj
def certificates(obj: Context, session_id: str, out: Path, person_ids: tuple[str, ...]) -> None:
    """Sertifikat kehadiran satu kegiatan (atau beberapa peserta) dalam satu PDF."""
    from .documents.produce import make_certificates

    printed = []
    from .store.id_prefix import resolve_id

    _make(
        obj,
        session_id,
        lambda store, session: printed.extend(
            make_certificates(
                store,
                session,
                out,
                [resolve_id(store, "people", p) for p in person_ids] or None,
            )
        ),
    )
    if any(item.preview for item in printed):
        click.echo(f"{out}: {len(printed)} sertifikat pratinjau (DRAF, belum bernomor).")
        return
    reprints = sum(item.reprint for item in printed)
    click.echo(f"{out}: {len(printed)} sertifikat ({reprints} cetak ulang).")


@main.command("attendance-sheet")
@click.option("--session", "session_id", required=True, help="Id kegiatan.")
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help=OUT_HELP
)
@click.option(
    "--mask-phone/--no-mask-phone",
    default=True,
    show_default=True,
    help=(
        "Nomor HP tersamar (0812-****-7890), seperti di jendela; --no-mask-phone mencetak "
        "nomor lengkap."
    ),
)
@click.option("--blank", is_flag=True, help="Formulir kosong untuk diisi tangan (cadangan kertas).")
@click.option(
    "--rows",
    type=int,
    default=None,
    help=(
        "Sekurang-kurangnya sejumlah ini baris kosong bernomor pada formulir kosong, 1-1000 "
        "(dengan --blank; bawaan 36); halaman terakhir diisi penuh dengan baris tambahan."
    ),
)
@click.pass_obj
def attendance_sheet(
    obj: Context, session_id: str, out: Path, mask_phone: bool, blank: bool, rows: int | None
) -> None:
    """Daftar hadir satu kegiatan sebagai PDF, dengan tanda tangan yang digambar dan jumlahnya.

    Dengan --blank: formulir kosong kegiatan itu untuk dicetak (kepala terisi, baris kosong
    bernomor, jumlah kosong, tanda tangan petugas), untuk saat laptop tidak dapat dipakai; daftar
    kertasnya diketik kemudian lewat mode "Dari kertas" di jendela daftar hadir."""
    from .documents.produce import make_attendance_sheet, make_blank_attendance_sheet

    chosen = click.get_current_context().get_parameter_source("mask_phone")
    if blank and chosen is click.core.ParameterSource.COMMANDLINE:
        option = "--mask-phone" if mask_phone else "--no-mask-phone"
        raise click.UsageError(f"{option} tidak berlaku untuk --blank (formulir kosong).")
    if not blank and rows is not None:
        raise click.UsageError("--rows hanya berlaku bersama --blank.")
    if blank:
        _make(
            obj,
            session_id,
            lambda store, session: make_blank_attendance_sheet(
                store, session, out, **({} if rows is None else {"rows": rows})
            ),
        )
    else:
        _make(
            obj,
            session_id,
            lambda store, session: make_attendance_sheet(
                store, session, out, hide_phone=mask_phone
            ),
        )
    click.echo(str(out))


@main.command()
@click.option("--session", "session_id", required=True, help="Id kegiatan.")
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help=OUT_HELP
)
@click.option("--berita-acara", is_flag=True, help="Berita acara, bukan laporan.")
@click.pass_obj
def report(obj: Context, session_id: str, out: Path, berita_acara: bool) -> None:
    """Laporan kegiatan (atau berita acara, dengan nomornya sendiri) satu kegiatan sebagai PDF."""
    from .documents.produce import make_berita_acara, make_report

    make = make_berita_acara if berita_acara else make_report
    _make(obj, session_id, lambda store, session: make(store, session, out))
    click.echo(str(out))


@main.command("verify-certificate")
@click.argument("code", metavar="KODE")
@click.pass_obj
def verify_certificate(obj: Context, code: str) -> None:
    """Periksa kode verifikasi KODE sebuah sertifikat, tercetak di bawah kode QR-nya (keluar 1 bila
    tidak asli)."""
    from .documents.register import verify_code

    with obj.store() as store:
        result = verify_code(store, code)
    if not result.valid:
        fail(result.message)
    click.echo(result.message)
    click.echo(f"Nama: {show_escaped(str(result.name))}")
    click.echo(f"Kegiatan: {show_escaped(str(result.session_title))}")
    click.echo(f"Tanggal: {result.session_date}")


def _assignment(item: str) -> tuple[str, str]:
    """``FIELD=VALUE``; anything else is a usage error (exit 2)."""
    name, sep, value = item.partition("=")
    if not sep or not name.strip():
        raise click.UsageError(f"--set perlu bentuk KOLOM=NILAI, bukan '{item}'.")
    return name.strip(), value


@main.command("office-profile")
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Ubah sebuah isian (baris kop surat dipisah '|'); boleh berulang.",
)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.pass_obj
def office_profile_command(obj: Context, assignments: tuple[str, ...], as_json: bool) -> None:
    """Tampilkan atau ubah profil kantor yang dipakai pada dokumen (kop surat, penanda tangan,
    kata-kata).

    Selama sebuah isian masih berisi contoh, dokumen diberi tanda DRAF; isian yang perlu diisi
    didaftar di akhir."""
    from .core.labels import field_label, value_label
    from .core.records import OfficeProfile, field_kinds
    from .documents.office import (
        PATTERN_HELP,
        device_code,
        missing_fields,
        office_profile,
        pattern_preview,
        save_office_profile,
    )

    known = [n for n in field_kinds(OfficeProfile) if not n.endswith("_png")]
    changes: dict[str, object] = {}
    for item in assignments:
        name, value = _assignment(item)
        if name not in known:
            fail(f"Kolom '{name}' tidak dikenal. Kolom: " + ", ".join(known))
        changes[name] = (
            [p.strip() for p in value.split("|") if p.strip()]
            if name == "letterhead"
            else (value.strip() or None)
        )
    with obj.store() as store:
        if changes:
            save_office_profile(store, changes)
        profile = office_profile(store)
        missing = missing_fields(store)
        preview = pattern_preview(profile.numbering_pattern or "", store.device_id)
        device = device_code(store.device_id)
    shown = {
        k: ("(gambar)" if k.endswith("_png") and v else v)
        for k, v in dataclasses.asdict(profile).items()
        if k not in ("id", "deleted")
    }
    if as_json:
        shown["numbering_preview"] = preview
        shown["missing"] = missing
        click.echo(json.dumps(shown, ensure_ascii=False, indent=1))
        return
    # A person reads the Indonesian labels; --json keeps the field names (the CLI contract).
    labels = {key: OFFICE_WORDS.get(key) or field_label(key) for key in shown}
    width = max(len(label) for label in labels.values())
    for key, value in shown.items():
        if isinstance(value, list):
            text = " | ".join(value) or "-"
        elif key.endswith("_png"):
            text = str(value or "-")
        else:
            text = value_label(OfficeProfile.TABLE, key, value)
        click.echo(f"{labels[key] + ':':{width + 1}} {show_escaped(text)}")
    click.echo(f"Contoh nomor: {preview}")
    click.echo("Kolom pola: " + PATTERN_HELP.replace("{code}", device))
    if missing:
        click.echo("Belum diisi (dokumen bertanda DRAF): " + ", ".join(missing))
    click.echo(
        "Ubah dengan --set KOLOM=NILAI; KOLOM: "
        + ", ".join(f"{name} ({OFFICE_WORDS.get(name) or field_label(name)})" for name in known)
        + "."
    )


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.option("--search", default="", help="Hanya nomor atau nama yang memuat teks ini.")
@click.pass_obj
def register(obj: Context, as_json: bool, search: str) -> None:
    """Register sertifikat: nomor, tanggal terbit, status, cetak ulang."""
    from .core.display import short_date
    from .documents.register import list_register

    with obj.store() as store:
        entries = list_register(store, search=search)
    if as_json:
        items = [dataclasses.asdict(e) for e in entries]
        click.echo(json.dumps(items, ensure_ascii=False, indent=1))
        return
    if not entries:
        click.echo("Register sertifikat masih kosong.")
        return
    columns = (("Nomor", 38), ("Terbit", 11), ("Status", 10), ("Ulang", 5), ("Nama", 30))
    click.echo("  ".join(title.ljust(width) for title, width in columns))
    for e in entries:
        cells = (e.number, short_date(e.issued_on), e.status_label, str(e.reprints), e.name or "-")
        click.echo(
            "  ".join(c[:w].ljust(w) for c, (_, w) in zip(cells, columns, strict=True)).rstrip()
        )


@main.command("void-certificate")
@click.argument("number", metavar="NOMOR")
@click.option("--reason", required=True, help="Alasan sertifikat dibatalkan.")
@click.pass_obj
def void_certificate_command(obj: Context, number: str, reason: str) -> None:
    """Batalkan sertifikat bernomor NOMOR (sesudahnya verifikasinya gagal)."""
    from .documents.register import find_by_number, void_certificate

    with obj.store() as store:
        void_certificate(store, find_by_number(store, number).id, reason)
    click.echo(f"Sertifikat {number} dibatalkan.")
