"""How the command line fails: Indonesian messages on stderr, exit 1 (refused) or 2 (usage).

click words its own usage errors in English; :class:`Commands` rewords them, and turns OS and
SQLite errors that escape a command into a message instead of a traceback.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import IO, Any, NoReturn

import click

from .core.oserrors import describe_os_error
from .store.sqlite import sqlite3


def fail(message: str) -> NoReturn:
    """Print the reason on stderr and exit 1 (a refused input)."""
    click.echo(f"Galat: {message}", err=True)
    sys.exit(1)


_USAGE: Sequence[tuple[str, str]] = (
    (r"^No such command (.+?)\.(?=\s|$)", r"Perintah tidak dikenal: \1."),
    (r"^No such option:? (.+?)\.?$", r"Opsi tidak dikenal: \1."),
    (r"^Missing option (.+)\.(.*)$", r"Opsi wajib belum diisi: \1.\2"),
    (r"^Missing argument (.+)\.$", r"Argumen wajib belum diisi: \1."),
    (r"^Missing parameter:? (.+?)\.?$", r"Isian wajib belum diisi: \1."),
    (r"^Missing command\.$", "Perintah belum diberikan."),
    (r"^Option (.+) requires an argument\.$", r"Opsi \1 memerlukan nilai."),
    (r"^Option (.+) requires (\d+) arguments\.$", r"Opsi \1 memerlukan \2 nilai."),
    (r"^Option (.+) does not take a value\.$", r"Opsi \1 tidak menerima nilai."),
    (r"^Got unexpected extra arguments? \((.+)\)$", r"Argumen berlebih: \1."),
    (r"^Invalid value for (.+?): (.+)$", r"Nilai tidak sah untuk \1: \2"),
    (r"^Invalid value: (.+)$", r"Nilai tidak sah: \1"),
)
_DETAIL: Sequence[tuple[str, str]] = (
    (r"(\S+) is not a valid integer( range)?\.", r"\1 bukan bilangan bulat."),
    (r"(\S+) is not a valid float( range)?\.", r"\1 bukan bilangan."),
    (r"(\S+) is not a valid boolean\.", r"\1 bukan ya/tidak."),
    (r"(\S+) is not in the range (.+)\.", r"\1 di luar rentang \2."),
    (r"(?:File|Directory|Path) (.+) does not exist\.", r"\1 tidak ada."),
    (r"(?:File|Directory|Path) (.+) is a directory\.", r"\1 adalah folder, bukan berkas."),
    (r"(?:File|Directory|Path) (.+) is a file\.", r"\1 adalah berkas, bukan folder."),
    (r"(?:File|Directory|Path) (.+) is not readable\.", r"\1 tidak dapat dibaca."),
    (r"(?:File|Directory|Path) (.+) is not writable\.", r"\1 tidak dapat ditulisi."),
    (r"(.+) is not one of (.+)\.", r"\1 bukan salah satu dari \2."),
    (r"Did you mean (.+)\?", r"Maksud Anda \1?"),
    (r"\(Possible options: (.+)\)", r"(Opsi yang ada: \1)"),
)


def indonesian_usage(message: str) -> str:
    """click's English wording of a usage error, in Indonesian (unknown wordings kept)."""
    for pattern, replacement in _USAGE:
        translated, count = re.subn(pattern, replacement, message, count=1, flags=re.DOTALL)
        if count:
            message = translated
            break
    for pattern, replacement in _DETAIL:
        message = re.sub(pattern, replacement, message)
    return message


class IndonesianError(click.ClickException):
    """A click error (exit 1) shown in Indonesian."""

    def __init__(self, original: click.ClickException) -> None:
        super().__init__(indonesian_usage(original.format_message()))
        self.ctx: click.Context | None = getattr(original, "ctx", None)

    def show(self, file: IO[Any] | None = None) -> None:
        """Usage line and help hint for a usage error, then the reason, like click does."""
        ctx = self.ctx
        if ctx is not None and isinstance(self, IndonesianUsageError):
            click.echo(ctx.get_usage().replace("Usage:", "Pemakaian:", 1), err=True)
            if ctx.command.get_help_option(ctx) is not None:
                help_name = ctx.help_option_names[0]
                click.echo(f"Lihat '{ctx.command_path} {help_name}' untuk bantuan.\n", err=True)
        click.echo(f"Galat: {self.format_message()}", err=True)


class IndonesianUsageError(IndonesianError):
    """A usage error (exit 2) shown in Indonesian."""

    exit_code = 2


def indonesian(exc: click.ClickException) -> IndonesianError:
    """The same error, worded in Indonesian, with the same exit code."""
    return IndonesianUsageError(exc) if exc.exit_code == 2 else IndonesianError(exc)


HELP_OPTION = "Tampilkan bantuan ini lalu keluar."
_EXTRA: Sequence[tuple[str, str]] = (
    ("[required]", "[wajib]"),
    ("default: ", "bawaan: "),
    ("env var: ", "variabel lingkungan: "),
)


METAVARS = {
    "TEXT": "TEKS",
    "FILE": "BERKAS",
    "DIRECTORY": "FOLDER",
    "PATH": "JALUR",
    "INTEGER": "ANGKA",
    "FLOAT": "BILANGAN",
}
_METAVAR = re.compile(r"\b(" + "|".join(METAVARS) + r")\b")


class IndonesianHelp(click.Command):
    """``--help`` in Indonesian: click's own words (Usage, Options, Commands, [required],
    [default: …], the help option's text) reworded; the help texts are written in Indonesian.
    Option names stay as they are: they are the command line's contract."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION
        return option

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[OPSI]"

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Pemakaian: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None and not isinstance(param, click.Argument):
                names, text = record
                names = _METAVAR.sub(lambda m: METAVARS[m.group(0)], names)
                for english, words in _EXTRA:
                    text = text.replace(english, words)
                rows.append((names, text))
        if rows:
            with formatter.section("Opsi"):
                formatter.write_dl(rows)


class Command(IndonesianHelp):
    """A command of the command line (help in Indonesian)."""


class Commands(IndonesianHelp, click.Group):
    """The command group: errors of any command reach the user in Indonesian, never a traceback;
    its commands and subgroups word their help in Indonesian too."""

    command_class = Command
    group_class = type  # subgroups are Commands as well

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        optional = (self.subcommand_metavar or "").startswith("[")
        self.subcommand_metavar = "[PERINTAH] [ARGUMEN]..." if optional else "PERINTAH [ARGUMEN]..."

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        IndonesianHelp.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [
            (name, command)
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section("Perintah"):
                formatter.write_dl([(name, c.get_short_help_str(limit)) for name, c in commands])

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as exc:
            raise indonesian(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except IndonesianError:
            raise
        except click.ClickException as exc:
            raise indonesian(exc) from exc
        except (click.Abort, KeyboardInterrupt):
            fail("Dibatalkan.")
        except BrokenPipeError:
            raise  # output piped into `head`: click ends quietly
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            fail(f"Operasi berkas gagal{where}: {describe_os_error(exc)}.")
        except sqlite3.Error as exc:
            fail(f"Basis data tidak dapat dipakai: {exc}.")
