"""``carnet cpam``: the caisses that receive paper feuilles de soins, and their addresses."""

from __future__ import annotations

import click

from carnet.cli.common import emit_json, user_errors
from carnet.services.caisses import caisse_directory


@click.group()
def cpam() -> None:
    """The caisses (CPAM, CGSS, CSS) and where paper feuilles go."""


@cpam.command("list")
@click.argument("search", required=False, default="")
@click.option("--json", "as_json", is_flag=True)
@user_errors
def list_caisses(search: str, as_json: bool) -> None:
    """List the caisses; SEARCH keeps those of a département, postcode, town or name."""
    directory = caisse_directory()
    caisses = directory.search(search) if search else directory.caisses
    if as_json:
        emit_json(
            [
                {
                    "name": c.name,
                    "departements": list(c.departements),
                    "address": list(c.address),
                    "postcode": c.postcode,
                    "city": c.city,
                    "towns": list(c.towns),
                    "source": c.source,
                    "evidence": c.evidence,
                    "checked": c.checked.isoformat() if c.checked else None,
                    "confidence": c.confidence,
                    "note": c.note,
                }
                for c in caisses
            ]
        )
        return
    for c in caisses:
        where = ", ".join(c.departements)
        click.echo(f"{where:<4} {c.name:<46} {' / '.join(c.address)}  [{c.confidence}]")
