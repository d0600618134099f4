"""The ``carnet`` click group and the options every command shares."""

from __future__ import annotations

from pathlib import Path

import click

from carnet import __version__
from carnet.paths import ENV_DB


@click.group(invoke_without_command=True)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=ENV_DB,
    help="Database file (default: your user data folder; env CARNET_DB).",
)
@click.version_option(__version__, prog_name="carnet")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """Carnet: track French health-care claims, feuilles de soins and reimbursements."""
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path
    if ctx.invoked_subcommand is None:
        gui = cli.get_command(ctx, "gui")
        if gui is None:  # pragma: no cover - main always registers it
            raise click.UsageError("no GUI in this build")
        ctx.invoke(gui)
