"""``carnet feuille``: paper feuilles de soins and the next step for each."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import click

from carnet.cli.common import DATE, ID, emit_json, open_services, user_errors
from carnet.domain.claims import Feuille, Step
from carnet.domain.codes import FeuilleStatus
from carnet.domain.ids import FeuilleId, PersonId


@click.group()
def feuille() -> None:
    """Paper feuilles de soins: sign, copy, mail, follow up."""


@feuille.command("list")
@click.option("--status", type=click.Choice([s.value for s in FeuilleStatus]))
@click.option("--person", "person_id", type=ID)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def list_feuilles(
    ctx: click.Context, status: str | None, person_id: int | None, as_json: bool
) -> None:
    """List feuilles, nearest deadline first."""
    with open_services(ctx) as services:
        found = services.claims.feuilles(
            FeuilleStatus(status) if status else None,
            PersonId(person_id) if person_id is not None else None,
        )
        names = {p.id: p.full_name for p in services.household.people()}
        today = services.claims.today()
    if as_json:
        emit_json([feuille_json(f, names, today) for f in found])
        return
    for f in found:
        deadline = f.deadline.isoformat() if f.deadline else "-"
        click.echo(
            f"#{f.id:<5} {names.get(f.person_id, '?'):<22.22} {f.status.value:<11} "
            f"by {deadline}  {f.next_action}"
        )


@feuille.command("warnings")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def warnings(ctx: click.Context, as_json: bool) -> None:
    """Feuilles within 90 days of their two-year deadline."""
    with open_services(ctx) as services:
        found = services.claims.deadline_warnings()
    if as_json:
        emit_json(
            [
                {
                    "feuille": w.feuille.id,
                    "days_left": w.days_left,
                    "level": w.level,
                    "advice": w.advice,
                }
                for w in found
            ]
        )
        return
    for w in found:
        click.echo(f"#{w.feuille.id:<5} {w.days_left:>4} days  {w.advice}")


def _step_command(name: str, step: Step, help_text: str) -> click.Command:
    @click.command(name, help=help_text)
    @click.argument("feuille_id", type=ID)
    @click.option("--date", "day", type=DATE, help="When it was done (default: today).")
    @click.pass_context
    @user_errors
    def command(ctx: click.Context, feuille_id: int, day: date | None) -> None:
        with open_services(ctx) as services:
            after = services.claims.step(FeuilleId(feuille_id), step, day).value
        click.echo(f"#{after.id} is now {after.status.value}: {after.next_action}")

    return command


feuille.add_command(_step_command("sign", Step.SIGN, "Record that the feuille is signed."))
feuille.add_command(_step_command("copy", Step.COPY, "Record that a copy or scan was made."))
feuille.add_command(_step_command("release", Step.RELEASE, "Release a held feuille."))
feuille.add_command(_step_command("paid", Step.PAY, "Record that the CPAM paid it."))
feuille.add_command(_step_command("close", Step.CLOSE, "Close a paid feuille."))


@feuille.command("return")
@click.argument("feuille_id", type=ID)
@click.option("--reason", required=True, help="Why the CPAM sent it back.")
@click.option("--date", "day", type=DATE)
@click.pass_context
@user_errors
def returned(ctx: click.Context, feuille_id: int, reason: str, day: date | None) -> None:
    """Record that the CPAM returned or rejected the feuille."""
    with open_services(ctx) as services:
        after = services.claims.step(FeuilleId(feuille_id), Step.RETURN, day, reason).value
    click.echo(f"#{after.id} is now {after.status.value}: {after.next_action}")


@feuille.command("merge")
@click.argument("feuille_ids", type=ID, nargs=-1, required=True)
@click.pass_context
@user_errors
def merge(ctx: click.Context, feuille_ids: tuple[int, ...]) -> None:
    """Put the acts of several feuilles on one (e.g. a physiotherapy series)."""
    with open_services(ctx) as services:
        after = services.claims.merge([FeuilleId(i) for i in feuille_ids]).value
    click.echo(f"#{after.id} now covers {len(after.act_ids)} acts")


def feuille_json(f: Feuille, names: Mapping[PersonId, str], today: date) -> dict[str, Any]:
    return {
        "id": f.id,
        "person_id": f.person_id,
        "person": names.get(f.person_id, ""),
        "status": f.status.value,
        "acts": list(f.act_ids),
        "form": f.form,
        "received_on": f.received_on.isoformat() if f.received_on else None,
        "deadline": f.deadline.isoformat() if f.deadline else None,
        "days_left": f.days_left(today),
        "mailing_id": f.mailing_id,
        "reason": f.reason,
        "next_action": f.next_action,
    }
