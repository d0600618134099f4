"""``carnet gui``: the command-line way to open the window (see :mod:`carnet.ui.start`)."""

from __future__ import annotations

import sys

import click

from carnet.ui.start import open_window


@click.command("gui")
@click.option(
    "--startup-check",
    is_flag=True,
    hidden=True,
    help="Close once the first screen has painted, saying so on stderr (benchmarks, packaging).",
)
@click.pass_context
def gui(ctx: click.Context, startup_check: bool = False) -> None:
    """Open the Carnet window (the default when no command is given)."""
    root = ctx.find_root().obj
    status = open_window(root.get("db_path") if root else None, startup_check=startup_check)
    if status:
        sys.exit(status)
