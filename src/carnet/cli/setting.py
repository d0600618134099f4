"""``carnet setting``: the household's postal address and recipients' addresses."""

from __future__ import annotations

import click

from carnet.cli.common import emit_json, open_services, user_errors
from carnet.services.settings import KNOWN


@click.group()
def setting() -> None:
    """Household settings (address for letters, CPAM addresses)."""


@setting.command("set")
@click.argument("key")
@click.argument("value")
@click.pass_context
@user_errors
def set_value(ctx: click.Context, key: str, value: str) -> None:
    """Set KEY to VALUE; write line breaks as \\n."""
    with open_services(ctx) as services:
        warnings = services.settings.set(key, value)
        kept = services.settings.get(key)
    for warning in warnings:
        click.echo(f"carnet: warning: {warning}", err=True)
    if warnings:
        click.echo(
            f'carnet: hint: carnet setting set "address:{kept}" "street\\npostcode town"', err=True
        )


@setting.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def list_values(ctx: click.Context, as_json: bool) -> None:
    """Show the settings, and what the known keys mean."""
    with open_services(ctx) as services:
        values = services.settings.all()
    if as_json:
        emit_json(values)
        return
    for key, meaning in KNOWN.items():
        click.echo(f"{key:<18} {values.get(key, '')!r:<40} {meaning}")
    for key, value in values.items():
        if key not in KNOWN:
            click.echo(f"{key:<18} {value!r}")
