"""The database password on the command line (docs/security.md "Encryption at rest").

Every command that opens the database first unlocks it (``unlock_database``): the password is
asked at a hidden prompt, or taken from ``PETUGASPEMBINA_PASSWORD`` (scripts and tests; see its
risks in docs/security.md). A new database (``init``, ``demo-data``) asks for a new password
twice and prints the recovery key once; a plain database of an older version is encrypted in
place, with progress, after a backup. ``change-password`` re-wraps the key (``--recovery``: with
the office's recovery key instead of the old password).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .cli import Context, fail, main
from .paths import AppPaths
from .store import vault
from .store.errors import StoreError


def _ask(prompt: str) -> str:
    """A password at a hidden prompt; piped in (no terminal), the line read as it is — getpass
    would warn in English that it cannot hide what is not typed."""
    if sys.stdin is not None and sys.stdin.isatty():
        return str(click.prompt(prompt, hide_input=True, err=True))
    click.echo(f"{prompt}: ", nl=False, err=True)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    click.echo("", err=True)
    if not line:
        fail("Kata sandi tidak diberikan.")
    return line.rstrip("\r\n")


def _ask_twice(prompt: str) -> str:
    """A new password typed twice; on a terminal asked again when the two differ."""
    while True:
        first = _ask(prompt)
        if _ask("Ulangi kata sandi baru") == first:
            return first
        if not sys.stdin.isatty():
            fail("Kedua kata sandi tidak sama.")
        click.echo("Kedua kata sandi tidak sama. Coba lagi.", err=True)


def new_password() -> str:
    """A new password: from the environment, or typed twice at hidden prompts."""
    given = vault.password_from_env()
    if given is None:
        click.echo(
            f"Pilih kata sandi basis data (minimal {vault.MIN_PASSWORD_LENGTH} karakter).",
            err=True,
        )
        given = _ask_twice("Kata sandi baru")
    problem = vault.password_problem(given)
    if problem:
        fail(problem)
    return given


def show_recovery(code: str) -> None:
    """Print the recovery key once, with what to do with it."""
    click.echo("")
    click.echo("KUNCI PEMULIHAN (hanya ditampilkan sekali; catat dan serahkan ke kantor):")
    click.echo(f"    {code}")
    click.echo(
        "Tanpa kata sandi atau kunci ini, data di laptop ini tidak dapat dibuka oleh siapa pun."
    )
    click.echo("")


def _progress(fraction: float, step: str) -> None:
    click.echo(f"  {fraction * 100:5.1f} %  {step}", err=True)


def unlock_database(db: Path, paths: AppPaths, *, create: bool) -> None:
    """Make ``db``'s key available to this process, or exit 1 with the reason."""
    if vault.key_for(db) is not None:
        return
    try:
        if vault.is_set_up(db) and os.environ.get(vault.KEY_ON_STDIN_ENV) == "1":
            try:
                given_key = bytes.fromhex(sys.stdin.readline().strip())  # a wrong one opens nothing
            except ValueError:
                fail("Kunci basis data dari jendela tidak terbaca.")
            vault.remember(db, given_key)
            return
        if vault.is_set_up(db):
            given = vault.password_from_env() or _ask("Kata sandi basis data")
            vault.unlock(db, given)
            return
        plain = vault.is_plain(db)
        new = not db.exists() or db.stat().st_size == 0
        if not plain and not (new and create):
            return  # a missing database or a damaged one: Store.open says which
        if plain:
            click.echo(
                f"Basis data {db.name} dari versi lama belum terenkripsi; sekarang dienkripsi.",
                err=True,
            )
        code = vault.set_up(db, new_password())
        show_recovery(code)
        if plain:
            from .store.conversion import encrypt_old_copies, encrypt_plain_database

            encrypt_plain_database(db, backups=paths.backups, progress=_progress)
            unlocked = vault.key_for(db)
            assert unlocked is not None
            others = encrypt_old_copies(paths.backups, paths.quarantine, unlocked)
            click.echo(
                f"Basis data kini terenkripsi (juga {others} cadangan/berkas karantina lama).",
                err=True,
            )
    except StoreError as exc:
        fail(str(exc))


@main.command("change-password")
@click.option(
    "--recovery",
    is_flag=True,
    help="Buktikan dengan kunci pemulihan kantor, bukan kata sandi lama.",
)
@click.pass_obj
def change_password(obj: Context, recovery: bool) -> None:
    """Pilih kata sandi basis data yang baru (data tidak dienkripsi ulang)."""
    db = obj.db_path
    if not vault.is_set_up(db):
        fail(f"Basis data {db} belum punya kata sandi; buka sekali untuk membuatnya.")
    try:
        if recovery:
            code = _ask("Kunci pemulihan")
            vault.unlock_with_recovery(db, code)
            click.echo("Kunci pemulihan benar.", err=True)
            vault.change_password(db, _typed_new_password(), recovery=code)
        else:
            old = vault.password_from_env() or _ask("Kata sandi lama")
            vault.unlock(db, old)
            vault.change_password(db, _typed_new_password(), old_password=old)
    except StoreError as exc:
        fail(str(exc))
    click.echo("Kata sandi diganti. Kunci pemulihan tetap sama.")


def _typed_new_password() -> str:
    """The new password always at the prompt (the environment holds the old one)."""
    given = _ask_twice(f"Kata sandi baru (minimal {vault.MIN_PASSWORD_LENGTH} karakter)")
    problem = vault.password_problem(given)
    if problem:
        fail(problem)
    return given
