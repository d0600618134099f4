"""``carnet practitioner``: the doctors, dentists, nurses and others the household sees."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any

import click

from carnet.cli.common import ID, emit_json, open_services, user_errors
from carnet.cli.record_options import FieldMap, all_options, given_fields, when_adding
from carnet.domain.ids import PractitionerId
from carnet.domain.practitioners import (
    Practitioner,
    PractitionerInput,
    Profession,
    Sector,
    Specialty,
)


@click.group()
def practitioner() -> None:
    """Practitioners (profession, specialty, sector)."""


def _options(*, editing: bool) -> Callable[[Any], Any]:
    """The options of ``add`` and ``edit``; on ``edit`` an option left out keeps its value."""

    default = when_adding(editing)
    options = [
        click.option("--name", required=not editing),
        click.option(
            "--profession", required=not editing, type=click.Choice([p.value for p in Profession])
        ),
        click.option(
            "--specialty", default=default(""), type=click.Choice([s.value for s in Specialty])
        ),
        click.option(
            "--sector",
            default=default("1"),
            type=click.Choice([s.value for s in Sector]),
            help="1, 2-optam, 2 (without OPTAM) or 3 (non conventionné).",
        ),
        click.option("--rpps", default=default(""), help="RPPS number (11 digits), if known."),
        click.option("--address", default=default("")),
        click.option(
            "--language", "languages", multiple=True, help="A language spoken (repeatable)."
        ),
        click.option("--notes", default=default("")),
    ]
    return all_options(options)


_FIELDS: FieldMap = {
    "name": ("name", str),
    "profession": ("profession", Profession),
    "specialty": ("specialty", Specialty),
    "sector": ("sector", Sector),
    "rpps": ("rpps", str),
    "address": ("address", str),
    "notes": ("notes", str),
}


def _given(opts: dict[str, Any]) -> dict[str, Any]:
    """The PractitionerInput fields the options name (those left out are not in it)."""
    values = given_fields(opts, _FIELDS)
    if opts.get("languages"):
        values["languages"] = tuple(opts["languages"])
    return values


@practitioner.command("add")
@_options(editing=False)
@click.pass_context
@user_errors
def add(ctx: click.Context, /, **opts: Any) -> None:
    """Add a practitioner; prints the new id."""
    with open_services(ctx) as services:
        result = services.household.add_practitioner(PractitionerInput(**_given(opts)))
    click.echo(result.value.id)


@practitioner.command("edit")
@click.argument("practitioner_id", type=ID)
@_options(editing=True)
@click.pass_context
@user_errors
def edit(ctx: click.Context, /, practitioner_id: int, **opts: Any) -> None:
    """Change a practitioner: only the options given change, the rest is kept."""
    key = PractitionerId(practitioner_id)
    with open_services(ctx) as services:
        found = services.household.practitioner(key)
        current = PractitionerInput(
            **{f.name: getattr(found, f.name) for f in fields(PractitionerInput)}
        )
        given = _given(opts)
        changed = replace(current, **given)
        if "specialty" not in given and changed.profession is not Profession.SPECIALIST:
            changed = _without_specialty(changed)
        services.household.edit_practitioner(key, changed)


def _without_specialty(data: PractitionerInput) -> PractitionerInput:
    """A specialist who becomes a GP (or a record from before the check) loses the
    specialty, as in the window, where the field shows for a specialist only: said."""
    if data.specialty is Specialty.NONE:
        return data
    click.echo(
        f"carnet: note: the specialty {data.specialty.value} was dropped: "
        f"only a specialist has one, and this is a {data.profession.value}",
        err=True,
    )
    return replace(data, specialty=Specialty.NONE)


@practitioner.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@user_errors
def list_practitioners(ctx: click.Context, as_json: bool) -> None:
    """List practitioners."""
    with open_services(ctx) as services:
        found = services.household.practitioners()
    if as_json:
        emit_json([practitioner_json(p) for p in found])
        return
    for p in found:
        kind = p.profession.value + (f"/{p.specialty.value}" if p.specialty.value else "")
        click.echo(f"#{p.id:<4} {p.name:<32} {kind:<28} sector {p.sector.value}")


def practitioner_json(p: Practitioner) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "profession": p.profession.value,
        "specialty": p.specialty.value,
        "sector": p.sector.value,
        "rpps": p.rpps,
        "address": p.address,
        "languages": list(p.languages),
        "notes": p.notes,
    }
