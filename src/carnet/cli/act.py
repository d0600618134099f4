"""``carnet act``: log care and see what each act should bring back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from datetime import date
from decimal import Decimal
from typing import IO, Any

import click

from carnet.cli.common import (
    DATE,
    DECIMAL,
    EUROS,
    ID,
    emit_json,
    lang_option,
    money,
    open_services,
    user_errors,
)
from carnet.cli.record_options import FieldMap, all_options, given_fields, when_adding
from carnet.domain.act_query import ActSummary
from carnet.domain.assessment import Assessment
from carnet.domain.care import ActInput, CareAct
from carnet.domain.codes import Channel, Parcours, Payer, PaymentMode
from carnet.domain.ids import ActId, PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.payments import ExpectedPayment
from carnet.rules.explain import parcours_reason, render_explanation


@click.group()
def act() -> None:
    """Care acts: consultations, sessions, medicines, stays."""


def _act_options(*, editing: bool) -> Callable[[Any], Any]:
    """The options of ``add`` and ``edit``; on ``edit`` an option left out keeps its value."""

    default = when_adding(editing)
    options = [
        click.option("--person", "person_id", type=ID, required=not editing, help="Person id."),
        click.option("--practitioner", "practitioner_id", type=ID, help="Practitioner id."),
        click.option("--date", "day", type=DATE, required=not editing),
        click.option("--code", required=not editing, help="Act code, e.g. G, APC, AMK, PHARMA65."),
        click.option("--fee", type=EUROS, required=not editing, help="Amount paid, in euros."),
        click.option(
            "--channel", default=default("vitale"), type=click.Choice([c.value for c in Channel])
        ),
        click.option(
            "--tiers-payant",
            "mode",
            default=default("none"),
            type=click.Choice([m.value for m in PaymentMode]),
        ),
        click.option(
            "--parcours",
            type=click.Choice([p.value for p in Parcours]),
            help="Situation in the parcours de soins (default: worked out from the médecin "
            "traitant).",
        ),
        click.option("--ald-related/--not-ald-related", default=default(False)),
        click.option(
            "--coefficient", type=DECIMAL, help="Key-letter coefficient (AMK 8.4, AMI 2)."
        ),
        click.option("--base", type=EUROS, help="Override the base de remboursement."),
        click.option("--rate", type=DECIMAL, help="Override the AMO rate (0.70)."),
        click.option("--notes", default=default("")),
    ]
    return all_options(options)


# Option name -> (ActInput field, how the option's value becomes the field's).
_FIELDS: FieldMap = {
    "person_id": ("person_id", PersonId),
    "practitioner_id": ("practitioner_id", PractitionerId),
    "day": ("date", lambda v: v),
    "code": ("act_code", str),
    "fee": ("fee_cents", lambda v: v),
    "mode": ("payment_mode", PaymentMode),
    "channel": ("channel", Channel),
    "parcours": ("parcours", Parcours),
    "ald_related": ("ald_related", bool),
    "coefficient": ("coefficient", lambda v: v),
    "base": ("base_override_cents", lambda v: v),
    "rate": ("rate_override", lambda v: v),
    "notes": ("notes", str),
}


def _given(opts: dict[str, Any]) -> dict[str, Any]:
    return given_fields(opts, _FIELDS)


@act.command("add")
@_act_options(editing=False)
@click.pass_context
@user_errors
def add(ctx: click.Context, /, **opts: Any) -> None:
    """Log an act; prints the new id."""
    given = _given(opts)
    given.setdefault("practitioner_id", None)
    with open_services(ctx) as services:
        result = services.care.add_act(ActInput(**given))
    for warning in result.changes.warnings:
        click.echo(f"carnet: warning: {warning}", err=True)
    click.echo(result.value.id)


@act.command("reassess")
@click.pass_context
@user_errors
def reassess(ctx: click.Context) -> None:
    """Work every act out again with this version's rules (after an update of Carnet)."""
    with open_services(ctx) as services:
        result = services.care.reassess_all()
    for warning in result.changes.warnings:
        click.echo(f"carnet: warning: {warning}", err=True)
    click.echo(f"{result.value} acts reassessed")


@act.command("edit")
@click.argument("act_id", type=ID)
@_act_options(editing=True)
@click.pass_context
@user_errors
def edit(ctx: click.Context, /, act_id: int, **opts: Any) -> None:
    """Change an act: only the options given change, the rest is kept."""
    with open_services(ctx) as services:
        found = services.care.act(ActId(act_id))
        current = ActInput(**{f.name: getattr(found, f.name) for f in fields(ActInput)})
        services.care.edit_act(ActId(act_id), replace(current, **_given(opts)))


@act.command("list")
@click.option("--person", "person_id", type=ID, help="Only this person's acts.")
@click.option("--year", type=int, help="Only acts of this calendar year.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def list_acts(ctx: click.Context, person_id: int | None, year: int | None, as_json: bool) -> None:
    """List acts, newest first."""
    with open_services(ctx) as services:
        rows = services.care.summaries()
    rows = [
        r
        for r in rows
        if (person_id is None or r.person_id == person_id) and (year is None or r.date.year == year)
    ]
    if as_json:
        emit_json([summary_json(r) for r in rows])
        return
    for r in rows:
        click.echo(
            f"#{r.id:<6} {r.date.isoformat()} {r.person_name:<22.22} {r.act_code:<8} "
            f"{money(r.fee_cents):>8} AMO {money(r.amo_cents) or '-':>7} "
            f"AMC {money(r.amc_cents) or '-':>7}  {r.status}"
        )


@act.command("show")
@click.argument("act_id", type=ID)
@click.option("--json", "as_json", is_flag=True)
@lang_option("Language of the explanation.")
@click.pass_context
@user_errors
def show(ctx: click.Context, act_id: int, as_json: bool, lang: str) -> None:
    """Show an act with its assessment, expected payments and history."""
    with open_services(ctx) as services:
        ident = ActId(act_id)
        data = act_json(services.care.act(ident), services.care.summary(ident))
        assessment = services.care.assessment(ident)
        data["assessment"] = None if assessment is None else assessment_json(assessment, lang)
        if assessment is not None:
            # The parcours the act was assessed in (worked out when the act does not say it).
            data["parcours"] = assessment.parcours or None
            data["parcours_reason"] = parcours_reason(assessment, lang)
        data["expected_payments"] = [
            payment_json(p) for p in services.care.expected_payments(ident)
        ]
        data["history"] = [
            {"at": e.at.isoformat(), "action": e.action} for e in services.care.history(ident)
        ]
    if as_json:
        emit_json(data)
        return
    _print_act(data)


def _print_act(data: dict[str, Any]) -> None:
    for key in ("id", "date", "person", "practitioner", "act_code", "category", "fee", "status"):
        click.echo(f"{key:>14}: {data[key]}")
    assessment = data["assessment"]
    if assessment:
        for key in (
            "base",
            "amo_rate",
            "amo",
            "participation_forfaitaire",
            "franchise",
            "amc",
            "patient",
            "deadline",
        ):
            click.echo(f"{key:>26}: {assessment[key]}")
        for line in assessment["explanation"]:
            click.echo(f"  - {line}")


def summary_json(r: ActSummary) -> dict[str, Any]:
    return {
        "id": r.id,
        "date": r.date.isoformat(),
        "person_id": r.person_id,
        "person": r.person_name,
        "practitioner": r.practitioner_name,
        "act_code": r.act_code,
        "category": r.category,
        "fee": money(r.fee_cents),
        "amo": money(r.amo_cents),
        "amc": money(r.amc_cents),
        "patient": money(r.patient_cents),
        "channel": r.channel.value,
        "tiers_payant": r.payment_mode.value,
        "status": r.status,
    }


def act_json(a: CareAct, r: ActSummary) -> dict[str, Any]:
    data = summary_json(r)
    data.update(
        practitioner_id=a.practitioner_id,
        parcours=None if a.parcours is None else a.parcours.value,
        parcours_stated=None if a.parcours is None else a.parcours.value,
        ald_related=a.ald_related,
        coefficient=_dec(a.coefficient),
        base_override=money(a.base_override_cents),
        rate_override=_dec(a.rate_override),
        notes=a.notes,
    )
    return data


def assessment_json(a: Assessment, lang: str) -> dict[str, Any]:
    return {
        "category": a.category,
        "base": money(a.base_cents),
        "amo_rate": f"{a.amo_rate:.2f}",
        "amo": money(a.amo_cents),
        "participation_forfaitaire": money(a.participation_cents),
        "franchise": money(a.franchise_cents),
        "amc": money(a.amc_cents),
        "patient": money(a.patient_cents),
        "depassement": money(a.depassement_cents),
        "withheld": money(a.withheld_cents),
        "deadline": a.deadline.isoformat(),
        "rules_version": a.rules_version,
        "parcours": a.parcours or None,
        "parcours_reason": parcours_reason(a, lang),
        "parcours_cost": money(a.parcours_cost_cents),
        "explanation": [render_explanation(line, lang) for line in a.explanation],
    }


def payment_json(p: ExpectedPayment) -> dict[str, Any]:
    return {
        "id": p.id,
        "payer": p.payer.value,
        "amount": money(p.amount_cents),
        "earliest": p.earliest.isoformat(),
        "latest": p.latest.isoformat(),
        "status": p.status.value,
        "settled": money(p.settled_cents),
    }


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


_PAYERS = {"cpam": Payer.AMO, "mutuelle": Payer.AMC}


@act.command("received")
@click.argument("act_id", type=ID)
@click.option("--payer", required=True, type=click.Choice(list(_PAYERS)), help="Who paid.")
@click.option("--amount", type=EUROS, required=True, help="Amount paid, in euros (0 allowed).")
@click.option("--date", "day", type=DATE, help="When it was paid (default: today).")
@click.pass_context
@user_errors
def received(ctx: click.Context, act_id: int, payer: str, amount: Cents, day: date | None) -> None:
    """Record what the CPAM or the mutuelle paid for an act (from its décompte)."""
    with open_services(ctx) as services:
        receipt = services.received.record(ActId(act_id), _PAYERS[payer], amount, day).value
    click.echo(f"Act #{receipt.act_id}: {payer} paid {money(receipt.amount_cents)} EUR")


@act.command("decompte")
@click.argument("csv_file", type=click.File("r", encoding="utf-8-sig"))
@click.option("--payer", required=True, type=click.Choice(list(_PAYERS)), help="Whose décompte.")
@click.pass_context
@user_errors
def decompte(ctx: click.Context, csv_file: IO[str], payer: str) -> None:
    """Record a décompte typed as CSV: columns date_of_care, act, amount, payment_date.

    ``act`` is the act code (or ``#id`` when several acts share the date).
    """
    name = getattr(csv_file, "name", "décompte")
    with open_services(ctx) as services:
        receipts = services.received.decompte_csv(_PAYERS[payer], csv_file.read(), str(name)).value
    click.echo(f"Recorded {len(receipts)} line(s) of the {payer} décompte")
