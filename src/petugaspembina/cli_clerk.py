"""The office clerk's commands: ``recap`` (figures, XLSX, PDF, CSV) and ``keep-apart`` (the
"Berbeda" decision on a suggested duplicate pair). Registered on the same ``main`` group."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from .cli import Context, fail, main


def _iso(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        fail(f"{option} harus tanggal YYYY-MM-DD (bukan '{value}').")


@main.command()
@click.option("--from", "date_from", default=None, help="Hari pertama (YYYY-MM-DD), termasuk.")
@click.option("--to", "date_to", default=None, help="Hari terakhir (YYYY-MM-DD), termasuk.")
@click.option("--region", default=None, help="Kode wilayah: provinsi, kabupaten, kecamatan, desa.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.option(
    "--xlsx", type=click.Path(dir_okay=False, path_type=Path), help="Berkas XLSX yang ditulis."
)
@click.option(
    "--pdf", type=click.Path(dir_okay=False, path_type=Path), help="Berkas PDF yang ditulis."
)
@click.option(
    "--csv",
    "csv_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder untuk berkas CSV.",
)
@click.option("--personal", is_flag=True, help="Nama dan nomor HP di XLSX/CSV (NIK tersamar).")
@click.option("--full-nik", is_flag=True, help="Dengan --personal: NIK tidak disamarkan.")
@click.pass_obj
def recap(
    obj: Context,
    date_from: str | None,
    date_to: str | None,
    region: str | None,
    as_json: bool,
    xlsx: Path | None,
    pdf: Path | None,
    csv_dir: Path | None,
    personal: bool,
    full_nik: bool,
) -> None:
    """Rekapitulasi satu periode dan wilayah: kegiatan, tanda hadir, rujukan, sertifikat."""
    from .core.fields import Kind
    from .documents.pdfout import OutputError
    from .store.recap import RecapFilter, compute_recap, dumps

    flt = RecapFilter(_iso(date_from, "--from"), _iso(date_to, "--to"), region)
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        fail("--from harus sebelum --to.")
    if region and Kind("region").problem(region):
        fail(f"--region harus kode wilayah Kemendagri, mis. 61.12 (bukan '{region}').")
    if full_nik and not personal:
        fail("--full-nik hanya bersama --personal.")
    with obj.store() as store:
        figures = compute_recap(store, flt)
        try:
            if pdf is not None:
                from .documents.recap_pdf import render_recap_pdf

                render_recap_pdf(store, figures, pdf)
            if xlsx is not None:
                from .documents.spreadsheet import write_xlsx

                write_xlsx(store, figures, xlsx, personal=personal, full_nik=full_nik)
            if csv_dir is not None:
                from .documents.spreadsheet import write_csv

                write_csv(store, figures, csv_dir, personal=personal, full_nik=full_nik)
        except (OutputError, OSError) as exc:
            fail(str(exc))
    if as_json:
        click.echo(dumps(figures))
        return
    click.echo(
        f"Rekapitulasi {flt.date_from or 'awal'} s.d. {flt.date_to or 'sekarang'}, "
        f"{figures.region_name}"
    )
    click.echo(
        f"  {figures.sessions} kegiatan, {figures.sign_ins} tanda hadir, "
        f"{figures.participants} peserta unik, {figures.referrals} rujukan, "
        f"{figures.certificates} sertifikat terbit"
    )
    desa = figures.desa_binaan
    if desa is not None and (desa.active or desa.ended):
        click.echo(
            f"  {desa.active} desa binaan aktif, {desa.officers} petugas PIMPASA, "
            f"{len(desa.without_activity)} tanpa kegiatan"
        )
    for breakdown in figures.breakdowns:
        click.echo(f"{breakdown.title}:")
        for row in breakdown.rows:
            click.echo(f"  {row.label:<40} {row.count:>7}")
        if breakdown.note:
            click.echo(f"  {breakdown.total_label:<40} {breakdown.total:>7}")
            click.echo(f"  Catatan: {breakdown.note}")
    for path in (pdf, xlsx, csv_dir):
        if path is not None:
            click.echo(f"Ditulis: {path}")


@main.command("keep-apart")
@click.argument("first_id", metavar="ID_PERTAMA")
@click.argument("second_id", metavar="ID_KEDUA")
@click.option(
    "--undo", is_flag=True, help="Tarik kembali keputusan itu (pasangan ini boleh disarankan lagi)."
)
@click.pass_obj
def keep_apart_command(obj: Context, first_id: str, second_id: str, undo: bool) -> None:
    """Catat bahwa ID_PERTAMA dan ID_KEDUA orang yang berbeda ("Berbeda"); ikut terkirim dalam
    bundel."""
    from .store.id_prefix import resolve_id
    from .sync.duplicates import keep_apart, undo_keep_apart

    with obj.store() as store:
        first_id = resolve_id(store, "people", first_id)
        second_id = resolve_id(store, "people", second_id)
        if undo:
            undo_keep_apart(store, first_id, second_id)
            click.echo("Keputusan 'Berbeda' dibatalkan.")
        else:
            keep_apart(store, first_id, second_id)
            click.echo("Dicatat: dua orang berbeda; pasangan ini tidak disarankan lagi.")
