"""``carnet abroad``: care received abroad, and its claim packet (form S3125)."""

from __future__ import annotations

from typing import Any

import click

from carnet.cli.common import DATE, DECIMAL, ID, open_services, user_errors
from carnet.domain.abroad import AbroadInput, TariffChoice
from carnet.domain.care import ActInput
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents


@click.group()
def abroad() -> None:
    """Care received abroad: invoices in another currency, claimed with the S3125."""


@abroad.command("add")
@click.option("--person", "person_id", type=ID, required=True, help="Person id.")
@click.option("--practitioner", "practitioner_id", type=ID, help="Practitioner id.")
@click.option("--date", "day", type=DATE, required=True)
@click.option("--code", required=True, help="The French equivalent act, e.g. G, CS, AMK.")
@click.option("--country", required=True, help="ISO country code: GB, US, DE…")
@click.option("--currency", required=True, help="ISO currency code: GBP, USD, CHF…")
@click.option("--amount", type=DECIMAL, required=True, help="The invoice, in its currency.")
@click.option("--rate", type=DECIMAL, help="Euros for one unit of the currency.")
@click.option("--bank-line", "transaction_id", type=ID, help="The bank line that paid (rate).")
@click.option("--planned", is_flag=True, help="Planned care (not urgent and unforeseen).")
@click.option("--country-tariff", is_flag=True, help="In Europe: ask the country's tariffs.")
@click.pass_context
@user_errors
def add(ctx: click.Context, /, **opts: Any) -> None:
    """Log care received abroad; prints the new act's id."""
    practitioner = opts["practitioner_id"]
    act = ActInput(
        person_id=PersonId(opts["person_id"]),
        practitioner_id=None if practitioner is None else PractitionerId(practitioner),
        date=opts["day"],
        act_code=opts["code"],
        fee_cents=Cents(0),  # the invoice converted at the rate
    )
    terms = AbroadInput(
        country=opts["country"],
        currency=opts["currency"],
        amount=opts["amount"],
        rate=opts["rate"],
        urgent=not opts["planned"],
        tariff=TariffChoice.COUNTRY if opts["country_tariff"] else TariffChoice.FRENCH,
        transaction_id=opts["transaction_id"],
    )
    with open_services(ctx) as services:
        result = services.abroad.add_act(act, terms)
    click.echo(result.value.id)


@abroad.command("claim")
@click.option("--person", "person_id", type=ID, required=True, help="Insured person or dependent.")
@click.pass_context
@user_errors
def claim(ctx: click.Context, person_id: int) -> None:
    """Put the signed S3125 forms in a claim packet (a mailing); prints its id."""
    with open_services(ctx) as services:
        mailing = services.abroad.create_claim(PersonId(person_id)).value
    click.echo(mailing.id)
