"""The command line (architecture.md): ``petugaspembina [--home DIR] [--db FILE] COMMAND``.

Exit 0 on success, 1 on a refused input (reason on stderr), 2 on wrong usage. No command opens the
window. Listing commands accept ``--json``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from . import APP_NAME, __version__
from .core.changes import canonical_json
from .core.validation import check_nip
from .paths import AppPaths, app_paths
from .store import queries
from .store.errors import StoreError
from .store.store import Store


@dataclasses.dataclass
class Context:
    """What the global options chose."""

    paths: AppPaths
    db_path: Path

    @contextmanager
    def store(self) -> Iterator[Store]:
        """Open the database, turning store errors into exit code 1."""
        try:
            store = Store.open(self.db_path)
        except StoreError as exc:
            fail(str(exc))
        try:
            yield store
        except StoreError as exc:
            fail(str(exc))
        finally:
            store.close()


def fail(message: str) -> NoReturn:
    """Print the reason on stderr and exit 1 (a refused input)."""
    click.echo(f"Galat: {message}", err=True)
    sys.exit(1)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--home", type=click.Path(file_okay=False), help="Folder for all app files.")
@click.option("--db", "db_file", type=click.Path(dir_okay=False), help="Database file to use.")
@click.option("--demo", is_flag=True, help="Open a throwaway database filled with demo data.")
@click.option("--self-test", is_flag=True, help="Check the installation and exit (0 = good).")
@click.version_option(__version__, prog_name=APP_NAME)
@click.pass_context
def main(
    ctx: click.Context, home: str | None, db_file: str | None, demo: bool, self_test: bool
) -> None:
    """Petugas Pembina: sessions, sign-ins and referrals of Desa Binaan Imigrasi, offline."""
    paths = app_paths(home)
    ctx.obj = Context(paths, Path(db_file) if db_file else paths.database)
    if self_test:
        from .selftest import run_self_test

        sys.exit(run_self_test())
    if ctx.invoked_subcommand is None:
        from .gui.launch import launch

        sys.exit(launch(ctx.obj.db_path, paths, demo=demo, explicit_db=db_file is not None))


@main.command()
@click.option("--officer", required=True, help="Officer's full name.")
@click.option("--nip", required=True, help="Officer's NIP (18 digits).")
@click.option("--office", required=True, help="Kantor Imigrasi name.")
@click.option("--position", default=None, help="Position (jabatan).")
@click.pass_obj
def init(obj: Context, officer: str, nip: str, office: str, position: str | None) -> None:
    """Create a database with this device's identity and officer profile."""
    from .profile import create_profile

    nip_check = check_nip(nip)
    if not nip_check.ok:
        fail(" ".join(nip_check.errors))
    with obj.store() as store:
        officer_id = create_profile(store, officer, nip_check.value or nip, office, position)
        click.echo(f"Basis data: {obj.db_path}")
        click.echo(f"Perangkat: {store.device_id}")
        click.echo(f"Petugas: {officer_id}")


@main.command("demo-data")
@click.option("--seed", default=1, show_default=True, type=int)
@click.option("--sessions", default=12, show_default=True, type=click.IntRange(0, 100_000))
@click.option(
    "--participants",
    default=None,
    type=click.IntRange(0, 10_000_000),
    help="Distinct people in all (default: about 25 per session).",
)
@click.pass_obj
def demo_data(obj: Context, seed: int, sessions: int, participants: int | None) -> None:
    """Write realistic sample data (the same content for the same seed)."""
    from .demo import generate

    with obj.store() as store:
        counts = generate(store, seed=seed, sessions=sessions, participants=participants)
    click.echo(
        f"Data contoh: {counts.sessions} kegiatan, {counts.people} peserta, "
        f"{counts.attendance} tanda hadir, {counts.referrals} rujukan."
    )


@main.command()
@click.option("--json", "as_json", is_flag=True, required=True, help="JSON output (required).")
@click.pass_obj
def dump(obj: Context, as_json: bool) -> None:
    """Print every synced table as canonical JSON (visible records, winning values)."""
    with obj.store() as store:
        click.echo(canonical_json(queries.dump(store)))


def _listing(
    name: str,
    fetch: Callable[[Store], Sequence[Any]],
    columns: Sequence[tuple[str, str, int]],
    help_text: str,
) -> None:
    @main.command(name, help=help_text)
    @click.option("--json", "as_json", is_flag=True, help="JSON output.")
    @click.pass_obj
    def command(obj: Context, as_json: bool) -> None:
        with obj.store() as store:
            items = [dataclasses.asdict(item) for item in fetch(store)]
        if as_json:
            click.echo(json.dumps(items, ensure_ascii=False, indent=1))
            return
        click.echo("  ".join(title.ljust(width) for _, title, width in columns))
        for item in items:
            cells = (str(item[key] if item[key] is not None else "-") for key, _, _ in columns)
            click.echo(
                "  ".join(c[:w].ljust(w) for c, (_, _, w) in zip(cells, columns, strict=True))
            )


_listing(
    "sessions",
    queries.list_sessions,
    [
        ("date", "Tanggal", 10),
        ("session_type", "Jenis", 13),
        ("title", "Judul", 48),
        ("attendees", "Hadir", 5),
        ("male", "L", 3),
        ("female", "P", 3),
        ("id", "ID", 36),
    ],
    "List sessions (kegiatan).",
)
_listing(
    "people",
    queries.list_people,
    [
        ("full_name", "Nama", 30),
        ("sex", "L/P", 3),
        ("birth_year", "Lahir", 5),
        ("village_name", "Desa", 20),
        ("nik_masked", "NIK", 16),
        ("sessions", "Hadir", 5),
        ("id", "ID", 36),
    ],
    "List people (peserta); NIK masked.",
)
_listing(
    "referrals",
    queries.list_referrals,
    [
        ("referred_on", "Tanggal", 10),
        ("status", "Status", 10),
        ("risk_type", "Risiko", 18),
        ("urgency", "Urgensi", 8),
        ("agency", "Instansi", 20),
        ("id", "ID", 36),
    ],
    "List referrals (rujukan) without personal details.",
)


@main.command()
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="Bundle file to write, or a folder for the default name.",
)
@click.option("--full", is_flag=True, help="Every field version, not only new ones.")
@click.option(
    "--destination",
    default="kantor",
    show_default=True,
    help="Who receives it (incremental exports are counted per destination).",
)
@click.pass_obj
def export(obj: Context, out: Path, full: bool, destination: str) -> None:
    """Write a bundle (incremental by default) and print its path and counts."""
    from .sync.exporter import export_bundle

    with obj.store() as store:
        try:
            result = export_bundle(store, out, full=full, destination=destination)
        except OSError as exc:
            fail(f"Bundel tidak dapat ditulis ke {out}: {exc.strerror}.")
    if result.path is None:
        click.echo("Tidak ada perubahan baru untuk dikirim.")
        return
    click.echo(str(result.path))
    tables = ", ".join(f"{name} {count}" for name, count in result.tables.items())
    click.echo(
        f"Bundel #{result.seq}: {result.changes} perubahan, "
        f"{result.field_versions} versi kolom ({tables})."
    )


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="JSON report.")
@click.option(
    "--receipts",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write a receipt per imported bundle.",
)
@click.pass_obj
def import_(obj: Context, files: tuple[Path, ...], as_json: bool, receipts: Path | None) -> None:
    """Merge bundles; a report per file; exit 1 if any file was rejected."""
    from .sync.importer import import_files
    from .sync.receipts import write_receipts

    obj.paths.ensure()
    with obj.store() as store:
        reports = import_files(
            store, list(files), quarantine=obj.paths.quarantine, backups=obj.paths.backups
        )
        if receipts is not None:
            write_receipts(store, reports, receipts)
    if as_json:
        click.echo(json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=1))
    else:
        for report in reports:
            click.echo(f"{report.file}: {report.message}")
            for line in [*report.problems, *report.warnings]:
                click.echo(f"  - {line}")
            if report.quarantined_as:
                click.echo(f"  (disimpan di karantina sebagai {report.quarantined_as})")
    if any(r.result in ("rejected", "failed") for r in reports):
        for report in reports:
            if report.result in ("rejected", "failed"):
                click.echo(f"Ditolak: {report.file}: {report.message}", err=True)
        sys.exit(1)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_obj
def conflicts(obj: Context, as_json: bool) -> None:
    """List conflicts: every candidate value, where it came from, the provisional winner."""
    from .sync.conflict_words import describe_conflicts
    from .sync.conflicts import list_conflicts

    with obj.store() as store:
        found = list_conflicts(store)
        words = describe_conflicts(store, found) if as_json else []
    if as_json:
        items = [{**c.to_json(), **w.to_json()} for c, w in zip(found, words, strict=True)]
        click.echo(json.dumps(items, ensure_ascii=False, indent=1))
        return
    if not found:
        click.echo("Tidak ada konflik.")
    for c in found:
        click.echo(f"{c.conflict_id}  {c.kind}  {c.table}.{c.field}  {c.record_id}")
        for cand in c.candidates:
            mark = "*" if cand.hlc == c.winner.hlc else " "
            click.echo(
                f"   {mark} {json.dumps(cand.value, ensure_ascii=False)}  "
                f"({cand.device_id[:8]}, {cand.hlc[:23]})"
            )


@main.command()
@click.argument("conflict_id")
@click.option("--value", "value_json", required=True, help="The chosen value, as JSON.")
@click.pass_obj
def resolve(obj: Context, conflict_id: str, value_json: str) -> None:
    """Resolve a conflict with a value (JSON); it stays resolved wherever it travels."""
    from .sync.conflicts import resolve as resolve_conflict

    try:
        value = json.loads(value_json)
    except json.JSONDecodeError:
        fail("--value harus JSON, misalnya '\"Siti Aminah\"' atau true.")
    with obj.store() as store:
        conflict = resolve_conflict(store, conflict_id, value)
    click.echo(f"Konflik {conflict.conflict_id} diselesaikan ({conflict.table}.{conflict.field}).")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_obj
def duplicates(obj: Context, as_json: bool) -> None:
    """Suggest people who may be registered twice (same NIK; similar name, birth year, village)."""
    from .sync.duplicates import find_duplicates

    with obj.store() as store:
        pairs = [dataclasses.asdict(p) for p in find_duplicates(store)]
    if as_json:
        click.echo(json.dumps(pairs, indent=1))
        return
    if not pairs:
        click.echo("Tidak ada dugaan peserta ganda.")
    for pair in pairs:
        click.echo(f"{pair['first_id']}  {pair['second_id']}  {pair['reason']}  {pair['score']}")


@main.command("link-duplicate")
@click.argument("duplicate_id")
@click.argument("survivor_id")
@click.pass_obj
def link_duplicate(obj: Context, duplicate_id: str, survivor_id: str) -> None:
    """Mark DUPLICATE_ID as the same person as SURVIVOR_ID (writes merged_into)."""
    from .sync.duplicates import link_duplicate as link

    with obj.store() as store:
        root = link(store, duplicate_id, survivor_id)
    click.echo(f"Digabungkan ke {root}.")


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def receipt(obj: Context, file: Path) -> None:
    """Read an office receipt and mark that bundle delivered."""
    from .sync.errors import BundleRejected
    from .sync.receipts import read_receipt

    with obj.store() as store:
        try:
            click.echo(read_receipt(store, file))
        except BundleRejected as exc:
            fail(str(exc))


@main.command("erase-person")
@click.argument("person_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def erase_person_command(obj: Context, person_id: str, yes: bool) -> None:
    """Erase a person everywhere (UU PDP): values blanked here and, via bundles, everywhere."""
    from .store.erasure import erase_person

    if not yes and not click.confirm("Hapus permanen semua data orang ini?", default=False):
        fail("Dibatalkan.")
    with obj.store() as store:
        count = erase_person(store, person_id)
    click.echo(f"{count} rekaman dihapus permanen.")


# Commands kept in their own modules register themselves on ``main``.
from . import (  # noqa: E402, F401
    cli_clerk,  # recap, keep-apart
    cli_documents,  # certificates, attendance-sheet, report, ...
)
