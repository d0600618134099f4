"""Entry point: the ``carnet`` group; each command, ``gui`` included, loads on use."""

from __future__ import annotations

import os
import sys

import click

from carnet.cli import cli


def main(argv: list[str] | None = None) -> None:
    """Run ``carnet``; usage mistakes get one line on stderr naming the option."""
    garbled = _not_utf8(sys.argv[1:] if argv is None else argv)
    if garbled is not None:
        click.echo(f"carnet: error: argument {garbled} is not valid UTF-8 text", err=True)
        sys.exit(2)
    try:
        cli.main(args=argv, prog_name="carnet", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("carnet: aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        hint = ""
        if isinstance(exc, click.UsageError) and exc.ctx is not None:
            hint = f" (see '{exc.ctx.command_path} --help')"
        click.echo(f"carnet: error: {exc.format_message()}{hint}", err=True)
        sys.exit(exc.exit_code)
    except OverflowError:
        # A number too large for the database (an id or an amount of twenty digits):
        # SQLite refused it before writing anything.
        click.echo("carnet: error: a number given is too large (at most 19 digits)", err=True)
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("CARNET_DEBUG"):
            raise
        # A bug, not a mistake of the user's: say so plainly, keep the details available.
        click.echo(
            f"carnet: unexpected error ({type(exc).__name__}: {exc}); "
            "run again with CARNET_DEBUG=1 for the details and please report it",
            err=True,
        )
        sys.exit(70)


def _not_utf8(args: list[str]) -> int | None:
    """The position (from 1) of the first argument with bytes that are not UTF-8.

    Python keeps such bytes as lone surrogates; writing them to the database or the
    terminal would fail far from the cause.
    """
    for position, arg in enumerate(args, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return position
    return None
