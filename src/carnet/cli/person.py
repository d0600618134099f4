"""``carnet person``: add, edit, list and show the household's people."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from datetime import date
from typing import Any

import click

from carnet.cli.common import DATE, ID, emit_json, open_services, user_errors
from carnet.cli.record_options import FieldMap, all_options, given_fields, when_adding
from carnet.domain.ids import ContractId, PersonId, PractitionerId
from carnet.domain.people import Person, PersonInput, Registration, Sex
from carnet.domain.validation import format_nir
from carnet.services.caisses import caisse_name


@click.group()
def person() -> None:
    """The household's people (insured persons and dependents)."""


def _person_options(*, editing: bool) -> Callable[[Any], Any]:
    """The options of ``add`` and ``edit``.

    On ``edit`` nothing is required and nothing has a default: an option left out
    keeps what the person already has (``None`` means "not given").
    """

    default = when_adding(editing)
    options = [
        click.option("--first-name", required=not editing),
        click.option("--last-name", required=not editing),
        click.option("--birth-date", type=DATE),
        click.option("--nir", help="Social security number (15 digits with key)."),
        click.option(
            "--sex",
            type=click.Choice([s.value for s in Sex]),
            default=default(Sex.NOT_STATED.value),
            help="As the attestation de droits states it (the number's first digit: "
            "1 male, 2 female); checked against the number.",
        ),
        click.option(
            "--registration",
            type=click.Choice([r.value for r in Registration]),
            help="Default: from the number (none: not registered).",
        ),
        click.option("--insured-id", type=ID, help="For a dependent: the insured person's id."),
        click.option(
            "--cpam",
            default=default(""),
            help="The person's caisse: a département number (69, 2A, 974), a town or its name.",
        ),
        click.option("--doctor-id", type=ID, help="Médecin traitant (practitioner id)."),
        click.option(
            "--doctor-since",
            type=DATE,
            help="Date the médecin traitant was declared (YYYY-MM-DD; a change: default today).",
        ),
        click.option("--contract-id", type=ID, help="Mutuelle contract id."),
        click.option("--ald/--no-ald", default=default(False), help="Affection de longue durée."),
        click.option(
            "--css/--no-css", default=default(False), help="Complémentaire santé solidaire."
        ),
        click.option("--ame/--no-ame", default=default(False), help="Aide médicale de l'État."),
        click.option("--vitale/--no-vitale", default=default(False), help="Has a carte Vitale."),
        click.option("--notes", default=default("")),
    ]
    return all_options(options)


# Option name -> (PersonInput field, how the option's value becomes the field's).
_FIELDS: FieldMap = {
    "first_name": ("first_name", str),
    "last_name": ("last_name", str),
    "birth_date": ("birth_date", lambda v: v),
    "nir": ("nir", str),
    "sex": ("sex", Sex),
    "registration": ("registration", Registration),
    "insured_id": ("insured_id", PersonId),
    "cpam": ("cpam", caisse_name),
    "doctor_id": ("treating_doctor_id", PractitionerId),
    "doctor_since": ("treating_declared_on", lambda v: v),
    "contract_id": ("contract_id", ContractId),
    "ald": ("ald", bool),
    "css": ("css", bool),
    "ame": ("ame", bool),
    "vitale": ("vitale", bool),
    "notes": ("notes", str),
}


def _given(opts: dict[str, Any]) -> dict[str, Any]:
    return given_fields(opts, _FIELDS)


def _input(opts: dict[str, Any]) -> PersonInput:
    return PersonInput(**_given(opts))


def as_input(found: Person) -> PersonInput:
    """What the person has now, as the input that would keep it unchanged."""
    return PersonInput(**{f.name: getattr(found, f.name) for f in fields(PersonInput)})


@person.command("add")
@_person_options(editing=False)
@click.pass_context
@user_errors
def add(ctx: click.Context, /, **opts: Any) -> None:
    """Add a person; prints the new id."""
    with open_services(ctx) as services:
        result = services.household.add_person(_input(opts))
    for warning in result.changes.warnings:
        click.echo(f"carnet: warning: {warning}", err=True)
    click.echo(result.value.id)


@person.command("edit")
@click.argument("person_id", type=ID)
@_person_options(editing=True)
@click.pass_context
@user_errors
def edit(ctx: click.Context, /, person_id: int, **opts: Any) -> None:
    """Change a person's details: only the options given change, the rest is kept."""
    with open_services(ctx) as services:
        household = services.household
        current = as_input(household.person(PersonId(person_id)))
        given = _given(opts)
        if given.get("treating_doctor_id", current.treating_doctor_id) != (
            current.treating_doctor_id
        ):
            # A new médecin traitant: declared on --doctor-since, else today (not the
            # date the previous one was declared).
            given.setdefault("treating_declared_on", None)
        result = household.edit_person(PersonId(person_id), replace(current, **given))
    for warning in result.changes.warnings:
        click.echo(f"carnet: warning: {warning}", err=True)


@person.command("erase")
@click.argument("person_id", type=ID)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
@user_errors
def erase(ctx: click.Context, person_id: int, yes: bool) -> None:
    """Erase a person's identifying data, also from the history (cannot be undone)."""
    with open_services(ctx) as services:
        found = services.household.person(PersonId(person_id))
        if not yes:
            click.confirm(
                f"Erase the name, birth date, social security number, CPAM and notes of "
                f"{found.full_name} (#{found.id}), here and in Carnet's history, for good? "
                "Their acts stay, under 'Erased'. Backups made before still hold the data",
                abort=True,
            )
        result = services.household.erase_identity(PersonId(person_id))
    click.echo(f"Erased the identifying data of person #{result.value.id}")


@person.command("list")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
@user_errors
def list_people(ctx: click.Context, as_json: bool) -> None:
    """List the household."""
    with open_services(ctx) as services:
        people = services.household.people()
    if as_json:
        emit_json([person_json(p) for p in people])
        return
    for p in people:
        role = f"dependent of #{p.insured_id}" if p.insured_id else "insured"
        nir = format_nir(p.nir) if p.nir else p.registration.value
        if p.is_dependent and not p.nir:
            nir = "(on the insured person's number)"
        click.echo(f"#{p.id:<4} {p.full_name:<30} {role:<18} {nir}")


@person.command("show")
@click.argument("person_id", type=ID)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def show(ctx: click.Context, person_id: int, as_json: bool) -> None:
    """Show one person."""
    with open_services(ctx) as services:
        found = services.household.person(PersonId(person_id))
        history = services.household.treating_history(found.id).periods
    data = person_json(found)
    data["doctor_history"] = [
        {
            "doctor_id": period.practitioner_id,
            "since": None if period.since is None else period.since.isoformat(),
            "until": None if period.until is None else period.until.isoformat(),
        }
        for period in history
    ]
    if as_json:
        emit_json(data)
        return
    for key, value in data.items():
        click.echo(f"{key:>22}: {'' if value is None else value}")


def person_json(p: Person) -> dict[str, Any]:
    def iso(day: date | None) -> str | None:
        return None if day is None else day.isoformat()

    return {
        "id": p.id,
        "first_name": p.first_name,
        "last_name": p.last_name,
        "birth_date": iso(p.birth_date),
        "nir": p.nir,
        "sex": p.sex.value,
        "registration": p.registration.value,
        "insured_id": p.insured_id,
        "cpam": p.cpam,
        "doctor_id": p.treating_doctor_id,
        "doctor_since": iso(p.treating_declared_on),
        "contract_id": p.contract_id,
        "ald": p.ald,
        "css": p.css,
        "ame": p.ame,
        "vitale": p.vitale,
        "noemie": p.noemie,
        "maternity_start": iso(p.maternity_start),
        "maternity_end": iso(p.maternity_end),
        "notes": p.notes,
    }
