"""What the command groups share: opening the services, errors, JSON and parameter types."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import wraps
from pathlib import Path
from typing import Any, BinaryIO, ParamSpec, TypeVar

import click

from carnet.app import Services, build_services, resolve_db_path
from carnet.domain.errors import CarnetError, DatabaseFileError, ValidationError
from carnet.domain.ids import ascii_digits, parse_id
from carnet.domain.money import AmountError, Cents, format_plain, parse_euros
from carnet.i18n import LANGUAGES, system_language
from carnet.private_files import write_private
from carnet.services.input_files import MB, open_limited, read_limited, stream_limited
from carnet.services.output_files import check_target
from carnet.storage.cipher import is_encrypted

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def open_services(ctx: click.Context) -> Iterator[Services]:
    """The services over the database chosen by ``--db`` / ``CARNET_DB`` / default."""
    path = resolve_db_path(ctx.find_root().obj.get("db_path") if ctx.find_root().obj else None)
    check_database_exists(ctx, path)
    reads = command_name(ctx) in READS_ONLY - REWRITES
    key = passphrase_for(path)
    try:
        services = build_services(path, passphrase=key, may_read_only=reads)
    except DatabaseFileError as exc:
        if key is None and is_encrypted(path):  # a script or a pipe: nobody was asked
            raise click.ClickException(
                f"{exc}; if it is an encrypted Carnet database, set CARNET_PASSPHRASE "
                "(there is no terminal to ask its passphrase on)"
            ) from None
        raise
    if services.store.ledger.read_only:
        click.echo(
            f"carnet: note: {path} is in a read-only folder: read without changing anything",
            err=True,
        )
    try:
        yield services
    finally:
        services.close()


def passphrase_for(path: Path) -> str | None:
    """The passphrase of an encrypted database: ``CARNET_PASSPHRASE``, else asked (hidden)."""
    if not is_encrypted(path):
        return None
    given = os.environ.get("CARNET_PASSPHRASE")
    if given:
        return given
    if not sys.stdin.isatty():  # nobody to ask: the file is reported as unreadable
        return None
    return ask_secret("Passphrase")


def ask_secret(prompt: str, *, twice: bool = False) -> str:
    """A password or passphrase: typed hidden on a terminal, else read from standard input.

    From a pipe nobody reads a prompt: it is not printed (it landed in the middle of a
    script's output), the line is read as it is (spaces kept, the line break dropped),
    and an empty one is refused rather than taken as a password. ``twice`` reads a
    second line to compare, as a script confirming it would send.
    """
    if sys.stdin.isatty():
        answer = click.prompt(prompt, hide_input=True, confirmation_prompt=twice, err=True)
        if not str(answer):
            raise click.ClickException(f"the {prompt.lower()} is empty")
        return str(answer)
    what = prompt.lower()
    first = _piped_secret(what)
    if twice and _piped_secret(what) != first:
        raise click.ClickException(f"the two {what}s on standard input differ")
    return first


MAX_SECRET = 1024  # characters: a passphrase, not a file piped by mistake


def _piped_secret(what: str) -> str:
    """One line of standard input: the secret, refused when missing, empty or a flood."""
    try:
        line = sys.stdin.readline(MAX_SECRET + 2)
        line.encode("utf-8")  # bytes that are not UTF-8 come as lone surrogates
    except UnicodeError:
        raise click.ClickException(f"the {what} on standard input is not UTF-8 text") from None
    if not line:
        raise click.ClickException(f"no {what} on standard input")
    secret = line.removesuffix("\n").removesuffix("\r")
    if len(secret) > MAX_SECRET:
        raise click.ClickException(
            f"the {what} on standard input is longer than {MAX_SECRET} characters"
        )
    if not secret.strip():
        raise click.ClickException(f"the {what} on standard input is empty")
    return secret


def user_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a :class:`CarnetError` into one line on stderr and exit status 1."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except CarnetError as exc:
            hint = command_hint(exc)
            click.echo(f"carnet: error: {exc}" + (f" ({hint})" if hint else ""), err=True)
            sys.exit(1)

    return wrapper


def command_hint(exc: CarnetError) -> str:
    """The command that fixes an error, for the terminal only (the window has its editors)."""
    if not isinstance(exc, ValidationError):
        return ""
    if exc.field == "household.address":
        return 'carnet setting set household.address "12 rue des Lilas\\n69003 Lyon"'
    if exc.field.startswith("address:"):
        return f'carnet setting set "{exc.field}" "line 1\\nline 2"'
    if exc.field == "act":
        return "'carnet estimate --help' lists the act codes"
    return ""


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def money(cents: int | None) -> str | None:
    """Amounts in JSON: strings with two decimals (``"30.00"``), ``null`` when unknown."""
    return None if cents is None else format_plain(cents)


class DateType(click.ParamType[date]):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date like 2025-03-14", param, ctx)


class EurosType(click.ParamType[Cents]):
    name = "EUR"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Cents:
        try:
            return parse_euros(str(value))
        except AmountError as exc:
            self.fail(str(exc), param, ctx)


class DecimalType(click.ParamType[Decimal]):
    name = "NUMBER"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Decimal:
        try:
            number = Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            self.fail(f"{value!r} is not a number", param, ctx)
        if not number.is_finite():
            self.fail(f"{value!r} is not a number", param, ctx)
        return number


class IdType(click.ParamType[int]):
    """A record's id: the digits 0-9 only (``int`` would read ``"١٢"`` and ``"1_0"``)."""

    name = "ID"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_id(str(value))
        except ValidationError as exc:
            self.fail(str(exc.message), param, ctx)


class PlainNumberType(click.ParamType[int]):
    """A column or a count of lines: the digits 0-9 only, as an id (``int`` reads
    ``"١"`` as 1, and a negative number here is a typing slip)."""

    def __init__(self, name: str, what: str) -> None:
        self.name = name
        self.what = what

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value)
        if not ascii_digits(text):
            self.fail(f"{text[:40]!r} is not {self.what}", param, ctx)
        return int(text)


DATE = DateType()
ID = IdType()
COLUMN = PlainNumberType("COLUMN", "a column number (0 for the first)")
LINES = PlainNumberType("LINES", "a number of lines")
EUROS = EurosType()
DECIMAL = DecimalType()


# -- conventions shared by every command ---------------------------------------------------
# A command that only reads the database, run on a path that holds none, says so and
# creates nothing (no folder, no empty database): a typo in --db must not leave a new
# file behind. Every command is in one of these two sets; tests/cli/test_conventions.py
# fails, naming it, when a new command is in neither.
READS_ONLY = frozenset(
    {
        "act list", "act show", "attachments list", "attachments verify", "backup",
        "export csv", "export json", "export xlsx", "feuille list", "feuille warnings",
        "letter reminder", "mailing labels", "mailing list", "mailing pdf", "person list",
        "person show", "practitioner list", "reconcile", "setting list", "summary", "todo",
        "todo-sheet", "calendar", "road show", "discrepancy list", "cpam list",
        "act reassess",  # rewrites existing acts: on a missing file there is nothing to do
        "encrypt", "decrypt",  # rewrite an existing database, never make one
    }
)  # fmt: skip
# Among those, the commands that write to an existing database: in a read-only folder
# they are refused, where the others read it (opened read-only, nothing written beside).
REWRITES = frozenset({"act reassess", "encrypt", "decrypt"})
MAY_CREATE = frozenset(
    {
        "act add", "attach", "attachments kind", "csv-profile", "demo", "feuille close",
        "feuille copy", "feuille merge", "feuille paid", "feuille release", "feuille return",
        "feuille sign", "gui", "import", "load-json", "mailing cancel", "mailing create",
        "mailing mark-mailed", "mailing mark-printed", "payer", "person add", "person edit",
        "practitioner add", "restore", "setting set", "abroad add", "abroad claim",
        "road reach", "act edit", "practitioner edit", "person erase",
        "act received", "act decompte", "discrepancy accept", "letter reclamation",
        "estimate",  # needs no database at all
    }
)  # fmt: skip


def command_name(ctx: click.Context) -> str:
    """``"person list"`` for ``carnet --db x person list``."""
    return ctx.command_path.partition(" ")[2]


def holds_database(path: Path) -> bool:
    """Whether ``path`` is a file with something in it (SQLite says whether it is ours)."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def check_database_exists(ctx: click.Context, path: Path) -> None:
    """Refuse a read-only command on a path without a database, before anything is made."""
    if command_name(ctx) in READS_ONLY and not holds_database(path):
        raise click.ClickException(
            f"there is no Carnet database at {path} (nothing was created); "
            "'carnet demo' or the window makes one, and --db chooses another file"
        )


# "-" for a file means standard input or output, as in most command-line tools.
IN_FILE = click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path)
OUT_FILE = click.Path(dir_okay=False, allow_dash=True, path_type=Path)


def is_dash(path: Path) -> bool:
    return str(path) == "-"


def read_input(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` (a regular file), or of standard input for ``-``: ``limit`` at most."""
    if not is_dash(path):
        return read_limited(path, limit)
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise click.ClickException(
            f"standard input is larger than {limit // MB} MB, more than Carnet reads"
        )
    return data


@contextmanager
def open_input(path: Path, limit: int) -> Iterator[BinaryIO]:
    """``path`` (a regular file) or standard input for ``-``, to be read as it goes.

    Past ``limit`` bytes either is refused as it is read; standard input is not
    seekable, so only one-pass readers (load-json) take it this way.
    """
    if is_dash(path):
        with stream_limited(sys.stdin.buffer, limit, "standard input") as stream:
            yield stream
    else:
        with open_limited(path, limit) as stream:
            yield stream


def write_output(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` and say so, or to standard output (silently) for ``-``."""
    if is_dash(out):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    check_target(out)  # /dev/full or a pipe would be replaced by a file, not written to
    try:
        write_private(out, data)  # 0600, and under its name only once complete
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror}") from None
    click.echo(f"Wrote {out} ({len(data)} bytes)")


def lang_option(help_text: str = "Language of the output.") -> Callable[[F], F]:
    """``--lang en|fr``, by default the system's language (LANG), else English."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=system_language,
        show_default="the system's language",
        help=help_text,
    )
