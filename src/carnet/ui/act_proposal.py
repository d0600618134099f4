"""What the act form proposes: the act codes a practitioner bills, and their fee.

Qt-free, so the proposal rules are tested without a window. The fee proposed is
the tariff in force on the day of care (the base a sector-1 practitioner must
charge); acts whose base is the fee itself (medicines, labs) propose nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from carnet.domain.money import Cents, apply_rate
from carnet.domain.practitioners import Profession
from carnet.rules import RuleTables, default_tables
from carnet.rules.catalog import FEE_BASE, OVERRIDE_BASE, ActDefinition
from carnet.rules.errors import UnknownActError


@dataclass(frozen=True, slots=True)
class ActChoice:
    """One code the form offers: what to type, and how to say it."""

    code: str
    label_en: str
    label_fr: str
    key_letter: bool

    def label(self, language: str) -> str:
        return self.label_fr if language == "fr" else self.label_en


def _choice(code: str, definition: ActDefinition) -> ActChoice:
    return ActChoice(code, definition.label_en, definition.label_fr, definition.key_letter)


def act_choices(profession: Profession | None, tables: RuleTables | None = None) -> list[ActChoice]:
    """Codes billed by ``profession`` (every code when ``None``), in catalogue order."""
    acts = (tables or default_tables()).acts
    found: dict[str, ActChoice] = {}
    for name in sorted(acts.codes()):
        prefix, _, bare = name.rpartition(":")
        definition = acts.find(bare, Profession(prefix) if prefix else None)
        if definition.code != name and definition.code.rpartition(":")[2] != bare:
            continue  # an alias: the main code is offered instead
        if profession is None or definition.profession is profession:
            found.setdefault(bare, _choice(bare, definition))
    return list(found.values())


def proposed_fee(
    code: str,
    profession: Profession | None,
    day: date,
    *,
    age: int | None = None,
    coefficient: Decimal | None = None,
    tables: RuleTables | None = None,
) -> Cents | None:
    """The tariff of ``code`` in force on ``day``, or ``None`` when none applies."""
    rules = tables or default_tables()
    try:
        definition = rules.acts.find(code, profession)
    except UnknownActError:
        return None
    key = definition.tariff
    if key in (FEE_BASE, OVERRIDE_BASE):
        return None
    limit = definition.child_under_age
    if definition.child_tariff and limit is not None and age is not None and age < limit:
        key = definition.child_tariff
    snapshot = rules.on(day)
    if not snapshot.has(key):
        return None
    cents = snapshot.period(key).cents
    if definition.key_letter:
        return apply_rate(cents, coefficient if coefficient is not None else Decimal(1))
    return cents
