"""``audit``: the audit log for an inspection (who did what, when, on which record and fields;
never values), as a table, JSON or a CSV file. Registered on the same ``main`` group."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from .cli import Context, fail, main, print_table
from .cli_clerk import _iso
from .core.oserrors import describe_os_error


@main.command()
@click.option("--since", default=None, help="Hari pertama (YYYY-MM-DD), termasuk.")
@click.option("--until", default=None, help="Hari terakhir (YYYY-MM-DD), termasuk.")
@click.option("--action", default=None, help="Hanya kode tindakan ini (create, update, erase…).")
@click.option("--table", "table", default=None, help="Hanya jenis rekaman ini (people, sessions…).")
@click.option("--device", default=None, help="Hanya entri dari id perangkat ini (pelakunya).")
@click.option(
    "--limit",
    type=click.IntRange(1, None),
    default=None,
    help="Paling banyak sejumlah ini, terbaru lebih dahulu (tabel: 200 bila tidak diberikan).",
)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.option(
    "--csv",
    "csv_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Berkas CSV yang ditulis.",
)
@click.pass_obj
def audit(
    obj: Context,
    since: str | None,
    until: str | None,
    action: str | None,
    table: str | None,
    device: str | None,
    limit: int | None,
    as_json: bool,
    csv_file: Path | None,
) -> None:
    """Log audit, terbaru lebih dahulu: siapa melakukan apa, kapan, pada rekaman dan isian mana
    (tanpa nilainya)."""
    from datetime import date

    from .documents.spreadsheet import write_csv_file
    from .store.audit_view import CSV_HEADERS, AuditFilter, audit_entries, csv_rows

    first, last = _iso(since, "--since"), _iso(until, "--until")
    if first and last and first > last:
        fail("--since harus sebelum --until.")
    flt = AuditFilter(
        date.fromisoformat(first) if first else None,
        date.fromisoformat(last) if last else None,
        device,
        action,
        table,
    )
    shown = limit if (limit or as_json or csv_file) else 200
    with obj.store() as store:
        entries = audit_entries(store, flt, shown)
    if csv_file is not None:
        try:
            write_csv_file(csv_file, [CSV_HEADERS, *csv_rows(entries)])
        except OSError as exc:
            fail(f"Berkas {csv_file.name} tidak dapat ditulis: {describe_os_error(exc)}.")
        click.echo(f"{len(entries)} catatan audit ditulis ke {csv_file}")
        return
    if as_json:
        click.echo(
            json.dumps([dataclasses.asdict(e) for e in entries], ensure_ascii=False, indent=1)
        )
        return
    print_table(
        [dataclasses.asdict(e) for e in entries],
        [
            ("when", "Waktu", 17),
            ("actor", "Pelaku", 20),
            ("action_label", "Tindakan", 24),
            ("table_label", "Jenis", 14),
            ("record_id", "ID rekaman", 36),
            ("fields", "Isian", 40),
        ],
    )
    if shown is not None and len(entries) == shown:
        click.echo(
            f"(hanya {shown} catatan terbaru; persempit dengan --since/--until atau --limit)"
        )
