"""Entry point: the ``carnet`` group; each command, ``gui`` included, loads on use."""

from __future__ import annotations

import os
import sys

import click

from carnet.cli import cli


def main(argv: list[str] | None = None) -> None:
    """Run ``carnet``; usage mistakes get one line on stderr naming the option."""
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
