"""The Desa Binaan register on the command line: ``desa-binaan add | list | end | profile | xlsx``.
Registered on the same ``main`` group (docs/clerk.md "Desa Binaan")."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from .cli import Context, fail, main
from .core.enums import VillageStatus
from .core.labels import label_of
from .core.text import shorten, show_escaped


@main.group("desa-binaan")
def desa_binaan() -> None:
    """Desa binaan kantor: register, petugas, kegiatan, PDF profil."""


@desa_binaan.command("add")
@click.option(
    "--region",
    "region",
    required=True,
    help="Kode desa/kelurahan (Kemendagri), mis. 61.12.08.2013.",
)
@click.option("--sk", "sk_number", required=True, help="Nomor SK kepala kantor.")
@click.option("--date", "sk_date", required=True, help="Tanggal SK (YYYY-MM-DD).")
@click.option(
    "--officer", "nips", multiple=True, help="NIP petugas PIMPASA yang ditunjuk (boleh berulang)."
)
@click.option("--session", "session_id", default=None, help="Id kegiatan pembentukan.")
@click.pass_obj
def add_command(
    obj: Context,
    region: str,
    sk_number: str,
    sk_date: str,
    nips: tuple[str, ...],
    session_id: str | None,
) -> None:
    """Daftarkan desa/kelurahan sebagai desa binaan (petugas yang ditunjuk mulai pada tanggal "
    "SK)."""
    from .store.desa_binaan import (
        EntryValues,
        add_entry,
        appointment_for,
        check_date,
        check_village_code,
        get_entry,
        officer_by_nip,
    )
    from .store.id_prefix import resolve_id

    with obj.store() as store:
        if session_id is not None:
            session_id = resolve_id(store, "sessions", session_id)
        check_village_code(region)
        start = check_date(sk_date, "Tanggal SK (--date)") or ""
        officers = [officer_by_nip(store, nip) for nip in nips]
        appointments = [appointment_for(store, o.id, start=start) for o in officers]
        values = EntryValues(sk_number, start, appointments, formed_session_id=session_id)
        rid = add_entry(store, region, values)
        entry = get_entry(store, rid)
    names = ", ".join(entry.officer_names()) or "belum ada petugas"
    click.echo(f"Desa binaan terdaftar: {entry.name} ({entry.region_code}), SK {entry.sk_number}.")
    click.echo(f"Petugas: {names}")


def _json_item(item: Any) -> dict[str, Any]:
    entry = item.entry
    return {
        "id": entry.id,
        "region_code": entry.region_code,
        "name": entry.name,
        "region_path": entry.region_path,
        "sk_number": entry.sk_number,
        "sk_date": entry.sk_date,
        "formed_session_id": entry.formed_session_id,
        "status": entry.status,
        "status_label": label_of(VillageStatus, entry.status),
        "ended_on": entry.ended_on,
        "end_reason": entry.end_reason,
        "officers": [
            {
                "officer_id": a.officer_id,
                "nip": a.nip,
                "name": a.name,
                "letter_number": a.letter_number or None,
                "start": a.start or None,
                "end": a.end or None,
            }
            for a in entry.officers
        ],
        "focal_points": [
            {"name": f.name, "position": f.position or None, "phone_masked": f.phone_masked or None}
            for f in entry.focal_points
        ],
        "partner_programs": entry.partner_programs,
        "last_visit": item.last_visit,
        "days_since_activity": item.days_since,
        "inactive": item.overdue,
        "sessions": item.year.sessions,
        "participants": item.year.participants,
        "quarter": _reach(item.quarter),
        "year": _reach(item.year),
        "referrals": item.referrals,
        "open_referrals": item.open_referrals,
    }


def _reach(reach: Any) -> dict[str, Any]:
    return {
        "sessions": reach.sessions,
        "sign_ins": reach.sign_ins,
        "participants": reach.participants,
        "by_sex": reach.by_sex,
        "by_category": reach.by_category,
    }


@desa_binaan.command("list")
@click.option(
    "--json", "as_json", is_flag=True, help="Keluaran JSON (kode, ditambah kunci *_label)."
)
@click.pass_obj
def list_command(obj: Context, as_json: bool) -> None:
    """Setiap desa di register dengan petugas dan kegiatannya (tahun ini, triwulan ini)."""
    from .core.display import short_date
    from .store.desa_activity import village_activities

    with obj.store() as store:
        items = village_activities(store)
    if as_json:
        click.echo(json.dumps([_json_item(i) for i in items], ensure_ascii=False, indent=1))
        return
    columns = [
        ("Kode", 13),
        ("Desa", 20),
        ("Nomor SK", 18),
        ("Status", 8),
        ("Petugas", 26),
        ("Terakhir", 11),
        ("Keg.", 4),
        ("Orang", 5),
        ("Rujukan", 7),
        ("", 14),
    ]
    click.echo("  ".join(title.ljust(width) for title, width in columns).rstrip())
    if not items:
        click.echo("Belum ada desa binaan. Tambahkan dengan: desa-binaan add --region KODE …")
    for item in items:
        entry = item.entry
        cells = [
            entry.region_code,
            entry.name,
            entry.sk_number,
            label_of(VillageStatus, entry.status),
            ", ".join(entry.officer_names()) or "-",
            short_date(item.last_visit) if item.last_visit else "-",
            str(item.year.sessions),
            str(item.year.participants),
            str(item.open_referrals),
            "TANPA KEGIATAN" if item.overdue else "",
        ]
        click.echo(
            "  ".join(
                shorten(show_escaped(c), w).ljust(w)
                for c, (_, w) in zip(cells, columns, strict=True)
            ).rstrip()
        )


@desa_binaan.command("end")
@click.argument("code", metavar="KODE_DESA")
@click.option(
    "--date", "end_date", required=True, help="Hari terakhir sebagai desa binaan (YYYY-MM-DD)."
)
@click.option("--reason", required=True, help="Alasan penetapan berakhir.")
@click.pass_obj
def end_command(obj: Context, code: str, end_date: str, reason: str) -> None:
    """Akhiri penetapan desa berkode KODE_DESA (entrinya tetap di register)."""
    from .store.desa_binaan import end_entry

    with obj.store() as store:
        entry = end_entry(store, code, end_date, reason)
    click.echo(f"Desa binaan {entry.name} berakhir per {entry.ended_on}.")


@desa_binaan.command("profile")
@click.argument("code", metavar="KODE_DESA")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="PDF yang ditulis.",
)
@click.pass_obj
def profile_command(obj: Context, code: str, out: Path) -> None:
    """Tulis PDF satu halaman "Profil Desa Binaan" untuk desa berkode KODE_DESA."""
    from .documents.desa_binaan import render_profile_pdf
    from .documents.pdfout import OutputError
    from .store.desa_binaan import entry_for_code

    with obj.store() as store:
        entry = entry_for_code(store, code)
        try:
            render_profile_pdf(store, entry, out, date.today())
        except (OutputError, OSError) as exc:
            fail(str(exc))
    click.echo(f"Ditulis: {out}")


@desa_binaan.command("xlsx")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="XLSX yang ditulis.",
)
@click.pass_obj
def xlsx_command(obj: Context, out: Path) -> None:
    """Tulis register beserta kegiatan setiap desa sebagai XLSX."""
    from .documents.desa_binaan import write_register_xlsx
    from .documents.pdfout import OutputError

    with obj.store() as store:
        try:
            write_register_xlsx(store, out)
        except (OutputError, OSError) as exc:
            fail(str(exc))
    click.echo(f"Ditulis: {out}")
