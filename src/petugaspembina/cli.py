"""The command line (architecture.md): ``petugaspembina [--home DIR] [--db FILE] COMMAND``.

Exit 0 on success, 1 on a refused input (reason on stderr, in Indonesian), 2 on wrong usage. No
command opens the window. Listing commands accept ``--json`` (raw codes, plus ``*_label`` keys);
their tables show Indonesian labels. Sync commands live in ``cli_sync.py``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import click

from . import APP_NAME, __version__
from .cli_errors import Commands
from .cli_errors import fail as fail  # command modules import it from here too
from .core.changes import canonical_json
from .core.enums import (
    Labelled,
    ParticipantCategory,
    ReferralStatus,
    RiskType,
    SessionType,
    Sex,
    Urgency,
)
from .core.labels import label_of, value_label
from .core.records import SCHEMA
from .core.text import shorten, show_escaped
from .core.validation import check_nip
from .paths import AppPaths, app_paths
from .store import queries
from .store.errors import StoreError
from .store.sqlite import sqlite3
from .store.store import Store


@dataclasses.dataclass
class Context:
    """What the global options chose."""

    paths: AppPaths
    db_path: Path

    @contextmanager
    def store(self, *, create: bool = False) -> Iterator[Store]:
        """Open the database, turning store errors into exit code 1.

        Only ``create=True`` (init, demo-data) may make a new file: any other command refuses a
        database that does not exist, so a mistyped ``--db`` never shows empty lists. The password
        is asked first (or taken from ``PETUGASPEMBINA_PASSWORD``): ``cli_password.py``.
        """
        if not create and not self.db_path.exists():
            fail(f"Basis data tidak ada: {self.db_path}; buat dengan init.")
        # Folders 0700, files 0600, also those older versions left open. A profile that cannot
        # be written (with --db elsewhere) is no reason to refuse: the database is tightened too.
        with suppress(OSError):
            self.paths.ensure()
        from .cli_password import unlock_database

        unlock_database(self.db_path, self.paths, create=create)
        try:
            store = Store.open(self.db_path)
        except StoreError as exc:
            fail(str(exc))
        except sqlite3.Error as exc:
            fail(f"Basis data {self.db_path} tidak dapat dibuka ({exc}).")
        try:
            yield store
        except StoreError as exc:
            fail(str(exc))
        finally:
            store.close()


@click.group(
    cls=Commands,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--home", type=click.Path(file_okay=False), help="Folder untuk semua berkas aplikasi."
)
@click.option(
    "--db",
    "db_file",
    type=click.Path(dir_okay=False),
    help="Berkas basis data yang dipakai (harus sudah ada, kecuali untuk init dan demo-data).",
)
@click.option("--demo", is_flag=True, help="Buka basis data sekali pakai berisi data contoh.")
@click.option("--self-test", is_flag=True, help="Periksa pemasangan lalu keluar (0 = baik).")
@click.version_option(
    __version__,
    prog_name=APP_NAME,
    message="%(prog)s versi %(version)s",
    help="Tampilkan versi lalu keluar.",
)
@click.pass_context
def main(
    ctx: click.Context, home: str | None, db_file: str | None, demo: bool, self_test: bool
) -> None:
    """Petugas Pembina: kegiatan, daftar hadir dan rujukan Desa Binaan Imigrasi, tanpa internet.

    Tanpa PERINTAH: membuka jendela aplikasi."""
    paths = app_paths(home)
    ctx.obj = Context(paths, Path(db_file) if db_file else paths.database)
    if self_test:
        from .selftest import run_self_test

        sys.exit(run_self_test())
    if ctx.invoked_subcommand is None:
        from .gui.launch import launch

        sys.exit(launch(ctx.obj.db_path, paths, demo=demo, explicit_db=db_file is not None))


@main.command()
@click.option("--officer", required=True, help="Nama lengkap petugas.")
@click.option("--nip", required=True, help="NIP petugas (18 angka).")
@click.option("--office", required=True, help="Nama Kantor Imigrasi.")
@click.option("--position", default=None, help="Jabatan.")
@click.pass_obj
def init(obj: Context, officer: str, nip: str, office: str, position: str | None) -> None:
    """Buat basis data dengan identitas perangkat ini dan profil petugasnya.

    Meminta kata sandi basis data dua kali (atau memakai PETUGASPEMBINA_PASSWORD) dan mencetak
    kunci pemulihan satu kali."""
    from .profile import create_profile

    nip_check = check_nip(nip)
    if not nip_check.ok:
        fail(" ".join(nip_check.errors))
    with obj.store(create=True) as store:
        officer_id = create_profile(store, officer, nip_check.value or nip, office, position)
        click.echo(f"Basis data: {obj.db_path}")
        click.echo(f"Perangkat: {store.device_id}")
        click.echo(f"Petugas: {officer_id}")


@main.command("demo-data")
@click.option("--seed", default=1, show_default=True, type=int, help="Benih sama, data sama.")
@click.option(
    "--sessions",
    default=12,
    show_default=True,
    type=click.IntRange(0, 100_000),
    help="Berapa kegiatan yang dibuat.",
)
@click.option(
    "--participants",
    default=None,
    type=click.IntRange(0, 10_000_000),
    help="Jumlah orang berbeda seluruhnya (bawaan: sekitar 25 per kegiatan).",
)
@click.pass_obj
def demo_data(obj: Context, seed: int, sessions: int, participants: int | None) -> None:
    """Tulis data contoh yang realistis (isi yang sama untuk benih yang sama).

    Boleh membuat basis data baru (untuk pelatihan); bila begitu, hal itu disebutkan."""
    from .demo import generate

    created = not obj.db_path.exists()
    with obj.store(create=True) as store:
        counts = generate(store, seed=seed, sessions=sessions, participants=participants)
    if created:
        click.echo(f"Basis data baru dibuat: {obj.db_path}")
    click.echo(
        f"Data contoh: {counts.sessions} kegiatan, {counts.people} peserta, "
        f"{counts.attendance} tanda hadir, {counts.referrals} rujukan."
    )


@main.command()
@click.option(
    "--json", "as_json", is_flag=True, help="Keluaran JSON (bawaan; dipertahankan untuk skrip)."
)
@click.pass_obj
def dump(obj: Context, as_json: bool) -> None:
    """Cetak setiap tabel yang disinkronkan sebagai JSON kanonis (rekaman yang tampak, nilai yang
    menang)."""
    with obj.store() as store:
        click.echo(canonical_json(queries.dump(store)))


def with_labels(item: dict[str, Any], labels: dict[str, type[Labelled]]) -> dict[str, Any]:
    """``item`` with a ``<key>_label`` (Indonesian) after each coded value; codes stay as they "
    "are."""
    out: dict[str, Any] = {}
    for key, value in item.items():
        out[key] = value
        if key in labels:
            out[f"{key}_label"] = label_of(labels[key], value)
    return out


def print_table(
    items: Sequence[dict[str, Any]],
    columns: Sequence[tuple[str, str, int]],
    labels: dict[str, type[Labelled]] | None = None,
    table: str | None = None,
) -> None:
    """A plain text table as people read it: labels instead of codes, dates as 22 Nov 2026,
    long text shortened at a word with "…" (``--json`` keeps the codes)."""
    labels = labels or {}
    fields = SCHEMA.get(table or "", {})
    click.echo("  ".join(title.ljust(width) for _, title, width in columns).rstrip())
    for item in items:
        cells = []
        for key, _, width in columns:
            value = item[key]
            if key in labels:
                text = label_of(labels[key], value)
            elif key in fields and key != "sex":  # L/P is what people write
                text = value_label(table or "", key, value)
            else:
                text = "-" if value is None or value == "" else str(value)
            cells.append(shorten(show_escaped(text or "-"), width))
        click.echo(
            "  ".join(c.ljust(w) for c, (_, _, w) in zip(cells, columns, strict=True)).rstrip()
        )


LISTING_LIMIT = 1000  # rows a listing command prints; --search narrows a longer list


def _listing(
    name: str,
    table: str,
    fetch: Callable[..., Sequence[Any]],
    count: Callable[[Store, str], int],
    columns: Sequence[tuple[str, str, int]],
    help_text: str,
    search_help: str,
    labels: dict[str, type[Labelled]] | None = None,
    table_labels: dict[str, type[Labelled]] | None = None,
) -> None:
    """Register a listing command: a table with labels, or ``--json`` with codes and labels;
    ``--search`` filters in SQL, and stderr says when the list was cut at ``LISTING_LIMIT``."""
    labels = labels or {}
    shown = labels if table_labels is None else table_labels

    @main.command(name, help=help_text)
    @click.option(
        "--json", "as_json", is_flag=True, help="Keluaran JSON (kode, ditambah kunci *_label)."
    )
    @click.option("--search", "text", default="", metavar="TEKS", help=search_help)
    @click.pass_obj
    def command(obj: Context, as_json: bool, text: str) -> None:
        with obj.store() as store:
            items = [dataclasses.asdict(item) for item in fetch(store, LISTING_LIMIT, 0, text=text)]
            total = count(store, text) if len(items) == LISTING_LIMIT else len(items)
        if total > len(items):
            click.echo(
                f"… ditampilkan {len(items)} dari {total}; pakai --search untuk mempersempit.",
                err=True,
            )
        if as_json:
            labelled = [with_labels(item, labels) for item in items]
            click.echo(json.dumps(labelled, ensure_ascii=False, indent=1))
            return
        print_table(items, columns, shown, table)


_listing(
    "sessions",
    "sessions",
    queries.list_sessions,
    queries.count_sessions,
    [
        ("date", "Tanggal", 11),
        ("session_type", "Jenis", 23),
        ("title", "Judul", 48),
        ("attendees", "Hadir", 5),
        ("male", "L", 3),
        ("female", "P", 3),
        ("id", "ID", 36),
    ],
    "Daftar kegiatan (terbaru dahulu).",
    "Hanya kegiatan yang judul, desa atau tempatnya memuat TEKS.",
    {"session_type": SessionType},
)
_listing(
    "people",
    "people",
    queries.list_people,
    queries.count_people,
    [
        ("full_name", "Nama", 30),
        ("sex", "L/P", 3),
        ("birth_year", "Lahir", 5),
        ("village_name", "Desa", 20),
        ("category", "Kategori", 19),
        ("nik_masked", "NIK", 16),
        ("sessions", "Hadir", 5),
        ("id", "ID", 36),
    ],
    "Daftar peserta; NIK tersamar.",
    "Hanya peserta yang nama, NIK, desa atau nomor HP-nya cocok dengan TEKS.",
    {"sex": Sex, "category": ParticipantCategory},
    {"category": ParticipantCategory},  # L/P is the column people know; the label is in --json
)
_listing(
    "referrals",
    "referrals",
    queries.list_referrals,
    queries.count_referrals,
    [
        ("referred_on", "Tanggal", 11),
        ("status", "Status", 10),
        ("risk_type", "Risiko", 34),
        ("urgency", "Urgensi", 8),
        ("agency", "Instansi", 20),
        ("id", "ID", 36),
    ],
    "Daftar rujukan tanpa rincian pribadi.",
    "Hanya rujukan yang status, jenis risiko, urgensi atau instansinya cocok dengan TEKS.",
    {"status": ReferralStatus, "risk_type": RiskType, "urgency": Urgency},
)


@main.command("erase-person")
@click.argument("person_id", metavar="ID_PESERTA")
@click.option("--yes", is_flag=True, help="Jangan minta konfirmasi.")
@click.pass_obj
def erase_person_command(obj: Context, person_id: str, yes: bool) -> None:
    """Hapus peserta ID_PESERTA di mana pun (UU PDP): dikosongkan di sini, di cadangan dan
    karantina, dan, lewat bundel, di kantor. Mencetak apa yang dihapus di mana (hanya jumlahnya)."""
    from .erase import describe, erase_everywhere
    from .store.id_prefix import resolve_id

    if not yes and not click.confirm("Hapus permanen semua data orang ini?", default=False):
        fail("Dibatalkan.")
    with obj.store() as store:
        report = erase_everywhere(store, resolve_id(store, "people", person_id), obj.paths)
    done, beyond = describe(report)
    click.echo(f"{report.database.total} rekaman dihapus permanen.")
    for line in done:
        click.echo(f"  {line}")
    click.echo("Tidak dapat ditarik kembali:")
    for line in beyond:
        click.echo(f"  {line}")


# Command groups kept in their own modules register themselves on ``main``.
from . import (  # noqa: E402, F401
    cli_audit,
    cli_clerk,
    cli_desa,
    cli_documents,
    cli_net,
    cli_password,
    cli_photos,
    cli_sync,
    cli_trust,
)
