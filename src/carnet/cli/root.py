"""The ``carnet`` click group and the options every command shares."""

from __future__ import annotations

from pathlib import Path

import click

from carnet import __version__
from carnet.cli.commands import COMMANDS
from carnet.cli.lazy import LazyGroup
from carnet.paths import ENV_DB


def _remember_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        root = ctx.find_root()
        root.ensure_object(dict)
        root.obj["db_path"] = value


def add_db_option(command: click.Command) -> None:
    """Accept ``--db`` after a command too (``carnet demo --db x.sqlite``), not only before.

    People type the option where they think of it; both places mean the same.
    """
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_db_option(sub)
        return
    if any(p.name == "db_path_local" for p in command.params):
        return
    command.params.append(
        click.Option(
            ["--db", "db_path_local"],
            type=click.Path(dir_okay=False, path_type=Path),
            expose_value=False,
            is_eager=True,
            callback=_remember_db,
            help="Database file (same as 'carnet --db').",
        )
    )


@click.group(cls=LazyGroup, lazy=COMMANDS, prepare=add_db_option, invoke_without_command=True)
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
        if gui is None:  # pragma: no cover - COMMANDS always names it
            raise click.UsageError("no GUI in this build")
        ctx.invoke(gui)
