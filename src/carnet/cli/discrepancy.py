"""``carnet discrepancy``: acts a payer paid with another amount than expected, and why.

Amounts in JSON are strings with two decimals (``"19.00"``), as in ``act show --json``;
``difference`` is expected minus received (negative when the payer paid more).
"""

from __future__ import annotations

from typing import Any

import click

from carnet.cli.common import ID, emit_json, money, open_services, user_errors
from carnet.domain.codes import Payer
from carnet.domain.ids import ExpectedPaymentId
from carnet.services.discrepancies import Discrepancy

PAYER_WORDS = {Payer.AMO: "cpam", Payer.AMC: "mutuelle"}


@click.group()
def discrepancy() -> None:
    """What the CPAM or the mutuelle paid differently from what was expected."""


@discrepancy.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def list_discrepancies(ctx: click.Context, as_json: bool) -> None:
    """List the discrepancies, oldest act first, each with its likely cause."""
    with open_services(ctx) as services:
        found = services.discrepancies.find()
    if as_json:
        emit_json([discrepancy_json(d) for d in found])
        return
    if not found:
        click.echo("No discrepancy: every amount received is the amount expected.")
        return
    for d in found:
        click.echo(
            f"#{d.id:<6} act #{d.act_id:<6} {d.act_date.isoformat()} {d.act_code:<6} "
            f"{PAYER_WORDS[d.payer]:<8} expected {money(d.expected_cents):>8} "
            f"received {money(d.received_cents):>8}  {d.cause.value}"
        )
        click.echo(f"        {d.explanation}")


@discrepancy.command("accept")
@click.argument("discrepancy_id", type=ID)
@click.pass_context
@user_errors
def accept(ctx: click.Context, discrepancy_id: int) -> None:
    """Accept the payer's amount: the act is reassessed with that cause."""
    with open_services(ctx) as services:
        decision = services.discrepancies.accept(ExpectedPaymentId(discrepancy_id)).value
    click.echo(
        f"Act #{decision.act_id} reassessed: {PAYER_WORDS[decision.payer]} decided "
        f"({decision.cause.value})"
    )


def discrepancy_json(d: Discrepancy) -> dict[str, Any]:
    return {
        "id": d.id,
        "act_id": d.act_id,
        "person_id": d.person_id,
        "person": d.person,
        "date": d.act_date.isoformat(),
        "act_code": d.act_code,
        "payer": PAYER_WORDS[d.payer],
        "expected": money(d.expected_cents),
        "received": money(d.received_cents),
        "difference": money(d.difference_cents),
        "cause": d.cause.value,
        "explanation": str(d.explanation),
        "claimed_in_letter": d.claimed_in,
    }
