"""``carnet backup`` and ``carnet restore``."""

from __future__ import annotations

from pathlib import Path

import click

from carnet.app import resolve_db_path
from carnet.cli.common import open_services, user_errors
from carnet.services.backup import check_backup, is_archive, restore_database


@click.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the backup to this new file (default: the backups folder).",
)
@click.pass_context
@user_errors
def backup(ctx: click.Context, out: Path | None) -> None:
    """Save a complete copy of the database (safe while Carnet is open)."""
    with open_services(ctx) as services:
        target = services.backup.backup_now(out)
    click.echo(f"Backup written to {target}")


@click.command()
@click.argument("backup_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
@user_errors
def restore(ctx: click.Context, backup_file: Path, yes: bool) -> None:
    """Replace the database by BACKUP_FILE; the current file is kept aside."""
    root = ctx.find_root().obj or {}
    db_path = resolve_db_path(root.get("db_path"))
    secret = None
    if is_archive(backup_file):
        secret = click.prompt("Password", hide_input=True)
    else:
        check_backup(backup_file)  # refuse a bad file before asking anything
    if not yes:
        click.confirm(f"Replace {db_path} by {backup_file}?", abort=True)
    aside = restore_database(db_path, backup_file, password=secret)
    click.echo(f"Restored {backup_file}; the previous database was kept as {aside}")
