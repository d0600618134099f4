"""``carnet backup`` and ``carnet restore``."""

from __future__ import annotations

from pathlib import Path

import click

from carnet.app import resolve_db_path
from carnet.cli.common import ask_secret, open_services, passphrase_for, user_errors
from carnet.services.backup import check_backup, is_archive, restore_database
from carnet.services.output_files import refusals_told


@click.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the backup to this new file (default: the backups folder).",
)
@click.option(
    "--password",
    "protect",
    is_flag=True,
    help="Protect the copy with a password, asked twice (AES-256 ZIP; needs --out).",
)
@click.pass_context
@user_errors
def backup(ctx: click.Context, out: Path | None, protect: bool) -> None:
    """Save a complete copy of the database (safe while Carnet is open)."""
    if protect and out is None:
        raise click.UsageError("--password needs --out: the archive is a file you keep")
    secret = None
    if protect:  # read from the terminal (or standard input), never from the command line
        secret = ask_secret("Password", twice=True)
    # A missing or read-only folder, a full disk: said, naming the file.
    with (
        open_services(ctx) as services,
        refusals_told(out or services.backup.folder() or Path("backups")),
    ):
        if secret is None:
            target = services.backup.backup_now(out)
        else:
            assert out is not None
            target = services.backup.archive(out, secret)
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
    # An encrypted database, or an encrypted backup of one, opens with its passphrase.
    key = passphrase_for(db_path) or passphrase_for(backup_file)
    if is_archive(backup_file):
        secret = ask_secret("Password")
    else:
        check_backup(backup_file, key)  # refuse a bad file before asking anything
    if not yes:
        click.confirm(f"Replace {db_path} by {backup_file}?", abort=True)
    with refusals_told(db_path):  # a read-only folder, a full disk
        aside = restore_database(db_path, backup_file, password=secret, passphrase=key)
    if aside is None:
        click.echo(f"Restored {backup_file} to {db_path} (there was no database there before)")
    else:
        click.echo(f"Restored {backup_file}; the previous database was kept as {aside}")
