"""``carnet practitioner``: the doctors, dentists, nurses and others the household sees."""

from __future__ import annotations

from typing import Any

import click

from carnet.cli.common import emit_json, open_services, user_errors
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


@practitioner.command("add")
@click.option("--name", required=True)
@click.option("--profession", required=True, type=click.Choice([p.value for p in Profession]))
@click.option("--specialty", default="", type=click.Choice([s.value for s in Specialty]))
@click.option(
    "--sector",
    default="1",
    type=click.Choice([s.value for s in Sector]),
    help="1, 2-optam, 2 (without OPTAM) or 3 (non conventionné).",
)
@click.option("--rpps", default="", help="RPPS number (11 digits), if known.")
@click.option("--address", default="")
@click.option("--language", "languages", multiple=True, help="A language spoken (repeatable).")
@click.option("--notes", default="")
@click.pass_context
@user_errors
def add(ctx: click.Context, /, **opts: Any) -> None:
    """Add a practitioner; prints the new id."""
    data = PractitionerInput(
        name=opts["name"],
        profession=Profession(opts["profession"]),
        specialty=Specialty(opts["specialty"]),
        sector=Sector(opts["sector"]),
        rpps=opts["rpps"],
        address=opts["address"],
        languages=tuple(opts["languages"]),
        notes=opts["notes"],
    )
    with open_services(ctx) as services:
        result = services.household.add_practitioner(data)
    click.echo(result.value.id)


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
