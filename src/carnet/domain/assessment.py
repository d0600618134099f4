"""The rules engine's verdict on one act: who pays what, and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from carnet.domain.money import Cents


@dataclass(frozen=True, slots=True)
class Explanation:
    """One line of the explanation: a message code and its parameters (rendered per language)."""

    code: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Assessment:
    """Expected split of a fee. Invariant: ``amo + amc + patient == fee``; none negative.

    ``amo_cents`` is the net AMO share after participation forfaitaire and
    franchises. ``withheld_cents`` are deductions the CPAM will take from a
    later transfer (under tiers payant they cannot be taken from this act).
    ``amo_to_household`` / ``amc_to_household`` say whether that payer sends its
    share to the household (False under tiers payant: it pays the practitioner).
    ``amo_gross_cents`` is the AMO share before deductions (what the CPAM pays the
    practitioner under tiers payant). ``parcours`` is the situation the act was
    assessed in (a :class:`carnet.domain.codes.Parcours` value, ``""`` where the
    parcours rules do not apply) and ``parcours_cost_cents`` what being out of the
    parcours cost on it (AMO not paid, coordination majoration lost). ``confidence``
    is the least sure tag (sure / likely / unsure) among the rule values that fed
    the figures.
    """

    category: str
    fee_cents: Cents
    base_cents: Cents
    amo_rate: Decimal
    amo_cents: Cents
    participation_cents: Cents
    franchise_cents: Cents
    amc_cents: Cents
    patient_cents: Cents
    depassement_cents: Cents
    deadline: date
    explanation: tuple[Explanation, ...]
    rules_version: str
    amo_to_household: bool = True
    amc_to_household: bool = True
    withheld_cents: Cents = Cents(0)
    amo_gross_cents: Cents = Cents(0)
    confidence: str = "sure"
    parcours: str = ""
    parcours_cost_cents: Cents = Cents(0)
