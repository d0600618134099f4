"""The directory of caisses that receive paper feuilles de soins, and finding one.

A household finds its caisse by what it knows: its département number (``69``,
``2A``, ``974``), its postcode (``69003``), its town (``Villeurbanne``) or the
caisse's name. Where a département has several caisses (Nord, Pas-de-Calais…)
the number alone names the choices and the town tells them apart.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from carnet.domain.errors import ValidationError
from carnet.domain.messages import N_

CONFIDENCES = ("likely", "low")
MAX_CHOICES = 5  # caisses named in a message that asks to choose
# Where an address was read: on an official page, in someone else's copy, or nowhere.
EVIDENCES = ("official", "third-party", "memory")

# Every département a caisse must serve: 01–95 (Corsica as 2A / 2B), 971–976.
DEPARTEMENTS: tuple[str, ...] = (
    *(f"{n:02d}" for n in range(1, 20)),
    "2A",
    "2B",
    *(f"{n:02d}" for n in range(21, 96)),
    *(str(n) for n in range(971, 977)),
)


class Caisse(NamedTuple):
    """One caisse and the postal address where paper claims go."""

    name: str
    departements: tuple[str, ...]
    street: tuple[str, ...]
    postcode: str
    city: str
    towns: tuple[str, ...]
    source: str
    confidence: str
    evidence: str = "memory"
    checked: date | None = None  # the day ``source`` was read; None for "memory"
    note: str = ""

    @property
    def address(self) -> tuple[str, ...]:
        """The envelope's lines after the caisse's name."""
        return (*self.street, f"{self.postcode} {self.city}")


def fold(text: str) -> str:
    """Lower case without accents, hyphens or apostrophes: what people type."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in "-'’.":
        plain = plain.replace(mark, " ")
    return " ".join(plain.replace("œ", "oe").split())


# Words in every caisse's name: left out when names are compared for near matches.
_COMMON_WORDS = frozenset(
    {"cpam", "cgss", "css", "caisse", "primaire", "assurance", "maladie", "de", "du", "des"}
    | {"la", "le", "les", "l", "d"}
)


def _distinctive(text: str) -> str:
    """``"CPAM du Rhône"`` → ``"rhone"``: what tells one caisse's name from another."""
    return " ".join(word for word in fold(text).split() if word not in _COMMON_WORDS)


def departement_of_postcode(postcode: str) -> str:
    """The département of a French postcode: ``69003`` → ``69``, ``20090`` → ``2A``."""
    code = postcode.strip().replace(" ", "")
    if len(code) != 5 or not code.isdigit():
        return ""
    if code.startswith("977"):
        return "974"  # La Réunion's Cedex codes (97704 Saint-Denis Messag Cedex 9)
    if code.startswith("97"):
        # Saint-Barthélemy and Saint-Martin (collectivités 977, 978) have 971 postcodes.
        return code[:3]
    if code.startswith("20"):
        # 200xx, 201xx and the Ajaccio Cedex codes 207xx are Corse-du-Sud;
        # 202xx to 206xx (Bastia Cedex 204xx included) are Haute-Corse.
        return "2A" if code[2] in "017" else "2B"
    return code[:2]


def normalise_departement(text: str) -> str:
    """``"1"`` → ``"01"``, ``"2a"`` → ``"2A"``; anything else comes back as typed."""
    code = text.strip().upper()
    if code.isdigit() and len(code) == 1:
        code = "0" + code
    return code


class CaisseDirectory:
    """The shipped caisses, looked up by département, postcode, town or name."""

    def __init__(self, caisses: Iterable[Caisse]) -> None:
        self.caisses: tuple[Caisse, ...] = tuple(caisses)
        self._by_name = {fold(c.name): c for c in self.caisses}

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], origin: str) -> CaisseDirectory:
        """Read the parsed TOML; a bad entry names the file and the entry."""
        entries = data.get("caisse", [])
        return cls(_entry(raw, origin, index) for index, raw in enumerate(entries, 1))

    def by_name(self, name: str) -> Caisse | None:
        return self._by_name.get(fold(name))

    def in_departement(self, departement: str) -> tuple[Caisse, ...]:
        code = normalise_departement(departement)
        return tuple(c for c in self.caisses if code in c.departements)

    def search(self, text: str) -> tuple[Caisse, ...]:
        """The caisses that ``text`` (a number, postcode, town or name) points at."""
        typed = text.strip()
        if not typed:
            return ()
        named = self.by_name(typed)
        if named is not None:
            return (named,)
        code = normalise_departement(typed)
        if code in DEPARTEMENTS:
            return self.in_departement(code)
        if typed.replace(" ", "").isdigit():
            return self._by_postcode(typed)
        return self._by_words(fold(typed)) or self._by_distinctive(_distinctive(typed))

    def resolve(self, text: str) -> Caisse:
        """One caisse for ``text``, else a message naming the choices (for ``--cpam``)."""
        found = self.search(text)
        if len(found) == 1:
            return found[0]
        if not found:
            raise ValidationError(
                "cpam",
                N_("no caisse matches {text}; type a département number, a town or a name"),
                text=repr(text),
            )
        shown = "; ".join(c.name for c in found[:MAX_CHOICES])
        if len(found) > MAX_CHOICES:  # "CPAM" names a hundred: a line, not a wall
            raise ValidationError(
                "cpam",
                N_("{text} names {count} caisses, such as {choices}; type the town or the number"),
                text=repr(text),
                count=len(found),
                choices=shown,
            )
        raise ValidationError(
            "cpam", N_("{text} names several caisses: {choices}"), text=repr(text), choices=shown
        )

    def near(self, text: str, count: int = 3) -> tuple[Caisse, ...]:
        """The caisses whose name or town is closest to ``text``: a typing slip
        (``CPAM du Rhne``) or a name said another way (``CPAM Rhone``, ``CPAM de Lyon``).

        Compared without the words every name shares (``CPAM de``), which would make
        every caisse look close to every other.
        """
        keys: dict[str, Caisse] = {}
        for caisse in self.caisses:
            for key in (caisse.name, *caisse.towns):
                keys.setdefault(_distinctive(key), caisse)
        close = difflib.get_close_matches(_distinctive(text), list(keys), n=count * 4, cutoff=0.75)
        found = dict.fromkeys(keys[key] for key in close)  # in order, each caisse once
        return tuple(found)[:count]

    def _by_distinctive(self, words: str) -> tuple[Caisse, ...]:
        """``CPAM Rhone``, ``CPAM de Lyon``: the caisse named, or of the town, said
        without the words every name shares."""
        if not words:
            return ()
        return tuple(
            c
            for c in self.caisses
            if _distinctive(c.name) == words or any(_distinctive(t) == words for t in c.towns)
        )

    def _by_postcode(self, postcode: str) -> tuple[Caisse, ...]:
        exact = tuple(c for c in self.caisses if c.postcode == postcode.replace(" ", ""))
        return exact or self.in_departement(departement_of_postcode(postcode))

    def _by_words(self, folded: str) -> tuple[Caisse, ...]:
        towns = tuple(c for c in self.caisses if any(fold(t) == folded for t in c.towns))
        if towns:
            return towns
        return tuple(
            c
            for c in self.caisses
            if folded in fold(c.name) or any(fold(t).startswith(folded) for t in c.towns)
        )


def _entry(raw: Mapping[str, Any], origin: str, index: int) -> Caisse:
    where = f"{origin}, caisse {index}"
    try:
        caisse = Caisse(
            name=str(raw["name"]),
            departements=tuple(str(d) for d in raw["departements"]),
            street=tuple(str(s) for s in raw.get("street", ())),
            postcode=str(raw["postcode"]),
            city=str(raw["city"]),
            towns=tuple(str(t) for t in raw.get("towns", ())),
            source=str(raw["source"]),
            confidence=str(raw["confidence"]),
            evidence=str(raw.get("evidence", "memory")),
            checked=_day(raw.get("checked"), where),
            note=str(raw.get("note", "")),
        )
    except KeyError as missing:
        raise ValidationError(where, N_("{field} is missing"), field=str(missing)) from None
    _check(caisse, where)
    return caisse


def _day(value: object, where: str) -> date | None:
    """``checked`` is a TOML date (``checked = 2026-12-06``), or absent."""
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise ValidationError(where, N_("{field} is not valid"), field="checked")


def _check(caisse: Caisse, where: str) -> None:
    read = caisse.evidence != "memory"
    problems: Sequence[tuple[bool, str]] = (
        (len(caisse.postcode) == 5 and caisse.postcode.isdigit(), "postcode"),
        (bool(caisse.city.strip()), "city"),
        (all(d in DEPARTEMENTS for d in caisse.departements), "departements"),
        (caisse.confidence in CONFIDENCES, "confidence"),
        (caisse.evidence in EVIDENCES, "evidence"),
        # An address read somewhere says when; one from memory claims no more than "low".
        ((caisse.checked is not None) == read, "checked"),
        (read or caisse.confidence == "low", "confidence"),
    )
    for ok, field in problems:
        if not ok:
            raise ValidationError(where, N_("{field} is not valid"), field=field)
