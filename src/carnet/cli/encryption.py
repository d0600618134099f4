"""``carnet encrypt`` and ``carnet decrypt``: the optional encrypted database (SQLCipher)."""

from __future__ import annotations

import click

from carnet.app import resolve_db_path
from carnet.cli.common import ask_secret, user_errors
from carnet.services.encryption import set_encryption


@click.command()
@click.pass_context
@user_errors
def encrypt(ctx: click.Context) -> None:
    """Encrypt the database and its backups with a passphrase (asked twice)."""
    db_path = resolve_db_path((ctx.find_root().obj or {}).get("db_path"))
    secret = ask_secret("New passphrase", twice=True)
    skipped = set_encryption(db_path, None, secret)
    click.echo(f"{db_path} is now encrypted; Carnet asks for the passphrase when it opens it")
    for path in skipped:
        click.echo(f"carnet: warning: {path} was left as it was", err=True)


@click.command()
@click.pass_context
@user_errors
def decrypt(ctx: click.Context) -> None:
    """Store the database (and its backups) unencrypted again."""
    db_path = resolve_db_path((ctx.find_root().obj or {}).get("db_path"))
    secret = ask_secret("Passphrase")
    skipped = set_encryption(db_path, secret, None)
    click.echo(f"{db_path} is no longer encrypted")
    for path in skipped:
        click.echo(f"carnet: warning: {path} was left as it was", err=True)
