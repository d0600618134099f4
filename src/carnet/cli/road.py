"""``carnet road``: the newcomer's road of each person, and marking a step done."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from carnet.cli.common import DATE, ID, emit_json, open_services, user_errors
from carnet.domain.ids import ContractId, PersonId, PractitionerId
from carnet.domain.road import Road, Step
from carnet.i18n import Translator
from carnet.services.road_texts import ADVICE, LABELS


@click.group()
def road() -> None:
    """The steps of a newcomer: registration, attestation, carte Vitale, ameli, doctor…"""


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _show(found: Road, as_json: bool) -> None:
    t = Translator("en")
    upcoming = found.next_step
    if as_json:
        emit_json(
            {
                "person": found.person.id,
                "next": None if upcoming is None else upcoming.step.value,
                "steps": [
                    {
                        "step": s.step.value,
                        "done": s.done,
                        "on": _day(s.done_on),
                        "until": _day(s.until),
                        "optional": s.optional,
                    }
                    for s in found.steps
                ],
            }
        )
        return
    click.echo(found.person.full_name)
    for state in found.steps:
        mark = "[x]" if state.done else "[ ]"
        when = f" ({state.done_on.isoformat()})" if state.done_on else ""
        until = f", until {state.until.isoformat()}" if state.until else ""
        click.echo(f"  {mark} {t.gettext(LABELS[state.step])}{when}{until}")
    if upcoming is not None:
        click.echo(f"Next: {t.gettext(LABELS[upcoming.step])}. {t.gettext(ADVICE[upcoming.step])}")


@road.command("show")
@click.argument("person_id", type=ID)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def show(ctx: click.Context, person_id: int, as_json: bool) -> None:
    """A person's steps, done or not, and the next one with its advice."""
    with open_services(ctx) as services:
        found = services.road.road(PersonId(person_id))
    _show(found, as_json)


@road.command("reach")
@click.argument("person_id", type=ID)
@click.argument("step", type=click.Choice([s.value for s in Step]))
@click.option("--date", "day", type=DATE, help="When (default: today).")
@click.option("--number", help="attestation: the social security number on it.")
@click.option("--temporary", is_flag=True, help="attestation: the number is temporary.")
@click.option("--until", type=DATE, help="attestation: end of rights; ehic-received: last day.")
@click.option("--doctor", "doctor_id", type=ID, help="treating-doctor: practitioner id.")
@click.option("--contract", "contract_id", type=ID, help="mutuelle: contract id.")
@click.pass_context
@user_errors
def reach(ctx: click.Context, /, person_id: int, step: str, **opts: Any) -> None:
    """Mark a step done (with its detail); prints the road after it."""
    with open_services(ctx) as services:
        result = services.road.reach(
            PersonId(person_id),
            Step(step),
            opts["day"],
            number=opts["number"],
            temporary=opts["temporary"],
            until=opts["until"],
            doctor_id=None if opts["doctor_id"] is None else PractitionerId(opts["doctor_id"]),
            contract_id=None if opts["contract_id"] is None else ContractId(opts["contract_id"]),
        )
        for warning in result.changes.warnings:
            click.echo(f"warning: {warning}", err=True)
    _show(result.value, as_json=False)
