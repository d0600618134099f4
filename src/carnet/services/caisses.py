"""The caisse directory shipped in ``resources/caisses.toml``, read once."""

from __future__ import annotations

import tomllib
from functools import cache

from carnet.domain.caisses import CaisseDirectory
from carnet.domain.messages import N_, Message
from carnet.i18n import resources_dir


@cache
def caisse_directory() -> CaisseDirectory:
    """Every caisse receiving paper feuilles de soins, with its postal address."""
    path = resources_dir() / "caisses.toml"
    with path.open("rb") as handle:
        return CaisseDirectory.from_mapping(tomllib.load(handle), path.name)


def caisse_name(text: str) -> str:
    """The caisse a household typed (``69``, ``2A``, ``Lyon``, a name), as stored on a person.

    A number must point at one caisse: where a département has several, the message
    names them. A name the directory does not know (a régime spécial, the MSA) is kept
    as typed: its address is then typed by the household.
    """
    typed = " ".join(text.split())
    if not typed:
        return ""
    directory = caisse_directory()
    found = directory.search(typed)
    if len(found) == 1:
        return found[0].name
    if found or any(c.isdigit() for c in typed) or typed.upper() in ("2A", "2B"):
        return directory.resolve(typed).name  # names the choices, or says none matches
    return typed


def caisse_warnings(name: str, address_typed: bool) -> tuple[Message, ...]:
    """What to tell a household whose caisse is not in the directory.

    Kept as typed, since régimes spéciaux and the MSA are not listed, but said: a
    slip (``CPAM du Rhne``) would otherwise go unnoticed until the first letter,
    which needs the caisse's real address. Nothing is said once its address is typed.
    """
    directory = caisse_directory()
    if not name or address_typed or directory.by_name(name) is not None:
        return ()
    near = directory.near(name)
    if near:
        return (
            Message(
                N_(
                    "{name} is not in Carnet's list of caisses (did you mean {near}?); "
                    "if it is yours, type its address from your attestation de droits"
                ),
                name=name,
                near=", ".join(c.name for c in near),
            ),
        )
    return (
        Message(
            N_(
                "{name} is not in Carnet's list of caisses: type its address from your "
                "attestation de droits before writing to it"
            ),
            name=name,
        ),
    )
