"""``carnet todo``: what to do now, most urgent first."""

from __future__ import annotations

import click

from carnet.cli.common import emit_json, money, open_services, user_errors


@click.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def todo(ctx: click.Context, as_json: bool) -> None:
    """Feuilles to sign and mail, deadlines, overdue reimbursements."""
    with open_services(ctx) as services:
        items = services.todo.items()
    if as_json:
        emit_json(
            [
                {
                    "kind": i.kind,
                    "urgency": i.urgency,
                    "text": i.text,
                    "entity": i.entity,
                    "id": i.entity_id,
                    "due": i.due.isoformat() if i.due else None,
                    "amount": money(i.amount_cents),
                }
                for i in items
            ]
        )
        return
    if not items:
        click.echo("Nothing to do: every feuille is sent and every payment arrived.")
    for item in items:
        due = f" (by {item.due.isoformat()})" if item.due else ""
        click.echo(f"- {item.text}{due}")
