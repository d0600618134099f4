"""The caisse directory shipped in ``resources/caisses.toml``, read once."""

from __future__ import annotations

import tomllib
from functools import cache

from carnet.domain.caisses import CaisseDirectory
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
