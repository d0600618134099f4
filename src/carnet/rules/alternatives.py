"""Other ways a payer may have assessed an act: the candidate causes of a discrepancy.

When a payer pays another amount than expected, the usual reasons are few
(domain-fr §2, §3, §4): the act was taken as outside the parcours de soins (the
médecin traitant is not registered), the doctor was paid on the non-OPTAM base,
a participation forfaitaire or franchise was deducted again, another rate was
applied, the mutuelle never heard of the care (no Noémie link), or an older
tariff was used. Each :class:`Variant` re-runs the engine on the act's own
inputs changed in that one way; :func:`explain_amount` names the first variant
that gives exactly the amount received.

Deductions depend on the person's year (caps), which the stored assessment
already reflects: a variant keeps the participation and franchise of the
normal assessment instead of replaying the year.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from carnet.domain.assessment import Assessment, Explanation
from carnet.domain.care import CareAct
from carnet.domain.codes import Parcours, Payer
from carnet.domain.contracts import Contract
from carnet.domain.money import Cents, apply_rate
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner, Sector
from carnet.domain.receipts import TOLERANCE_CENTS, Cause
from carnet.domain.treating import TreatingDoctors
from carnet.rules.catalog import FEE_BASE, OVERRIDE_BASE, ActDefinition
from carnet.rules.deductions import EMPTY_LEDGER
from carnet.rules.engine import assess
from carnet.rules.errors import RulesError
from carnet.rules.explain import eur
from carnet.rules.tariffs import RuleTables, default_tables

_OPTAM_SECTORS = (Sector.S1, Sector.S2_OPTAM)
# Older tariffs tried, newest first: a payer a revaluation late is one or two behind.
_OLDER_TARIFFS = 3
# How far a predicted amount may be from the engine's (rounding, limits) and still be tried.
_NEAR = 5


class Variant(NamedTuple):
    """One alternative: the cause, its parameter, and the inputs changed accordingly.

    ``extra_cents`` is a deduction taken again from the AMO; ``no_amc`` drops the
    complementary share (the mutuelle was not told). ``predicted`` is the payer's
    amount worked out without the engine, when that is easy (close to the cent):
    a variant whose prediction is far from the amount received is not assessed.
    """

    cause: Cause
    detail: str
    act: CareAct
    practitioner: Practitioner | None
    extra_cents: int = 0
    no_amc: bool = False
    predicted: int | None = None
    # Fields of the act to change, applied only when the variant is assessed.
    changes: tuple[tuple[str, object], ...] = ()


class Inputs(NamedTuple):
    """What the engine needs for one act, and its normal (stored) assessment."""

    act: CareAct
    person: Person
    practitioner: Practitioner | None
    contract: Contract | None
    normal: Assessment
    doctors: TreatingDoctors | None = None  # the person's médecin traitant declarations


def payer_amount(assessment: Assessment, payer: Payer) -> int:
    """What ``payer`` sends the household under ``assessment`` (0 under tiers payant)."""
    if payer is Payer.AMO:
        return assessment.amo_cents if assessment.amo_to_household else 0
    return assessment.amc_cents if assessment.amc_to_household else 0


def variants(inputs: Inputs, payer: Payer, tables: RuleTables | None = None) -> Iterator[Variant]:
    """The alternatives worth trying for ``payer``, in the order they are named.

    An alternative that cannot change the act's figures (the parcours of a
    medicine, the non-OPTAM base of a nurse) is not offered.
    """
    tables = tables or default_tables()
    act, practitioner, normal = inputs.act, inputs.practitioner, inputs.normal
    definition = _definition(act, practitioner, tables)
    if act.parcours is not Parcours.OUT and (definition is None or definition.parcours):
        predicted = _out_of_parcours(inputs, payer, definition, tables)
        out = (("parcours", Parcours.OUT),)
        yield Variant(Cause.PARCOURS, "", act, practitioner, predicted=predicted, changes=out)
    # The non-OPTAM base only applies to a fee above the base (a dépassement).
    if (
        practitioner is not None
        and practitioner.sector in _OPTAM_SECTORS
        and act.fee_cents > normal.base_cents
        and (definition is None or definition.non_optam_tariff)
    ):
        yield Variant(Cause.SECTOR, "", act, replace(practitioner, sector=Sector.S2))
    if payer is Payer.AMO:
        yield from _deductions(inputs, tables)
        yield from _rates(act, practitioner, normal, tables)
    if payer is Payer.AMC:
        yield Variant(Cause.MUTUELLE_NOT_INFORMED, "", act, practitioner, no_amc=True, predicted=0)
    yield from _older_tariffs(act, practitioner, normal, payer, tables)


def _definition(
    act: CareAct, practitioner: Practitioner | None, tables: RuleTables
) -> ActDefinition | None:
    try:
        return tables.acts.find(act.act_code, practitioner.profession if practitioner else None)
    except RulesError:
        return None


def _out_of_parcours(
    inputs: Inputs, payer: Payer, definition: ActDefinition | None, tables: RuleTables
) -> int | None:
    """What the CPAM pays outside the parcours, when the base stays (domain-fr §2: 30 %)."""
    normal = inputs.normal
    if payer is not Payer.AMO or definition is None or not normal.amo_to_household:
        return None
    if definition.teleconsultation:
        return 0
    day = tables.on(inputs.act.date)
    if definition.out_tariff or not day.has("RATE_OUT_OF_PARCOURS"):
        return None
    rate = day.period("RATE_OUT_OF_PARCOURS").value
    deducted = normal.participation_cents + normal.franchise_cents
    return max(0, apply_rate(normal.base_cents, rate) - deducted)


def _deductions(inputs: Inputs, tables: RuleTables) -> Iterator[Variant]:
    normal, act = inputs.normal, inputs.act
    day = tables.on(act.date)
    candidates: list[int] = [normal.participation_cents, normal.franchise_cents]
    candidates.append(normal.participation_cents + normal.franchise_cents)
    if day.has("PF_AMOUNT"):
        candidates.append(day.period("PF_AMOUNT").cents)
    for extra in dict.fromkeys(c for c in candidates if c > 0):
        predicted = max(0, payer_amount(normal, Payer.AMO) - extra)
        yield Variant(
            Cause.DEDUCTIONS, str(extra), act, inputs.practitioner, extra, predicted=predicted
        )


def _rates(
    act: CareAct, practitioner: Practitioner | None, normal: Assessment, tables: RuleTables
) -> Iterator[Variant]:
    rates = _rates_on(tables, act.date)
    deducted = normal.participation_cents + normal.franchise_cents
    for rate in rates:
        if rate != normal.amo_rate and rate > 0:
            predicted = max(0, apply_rate(normal.base_cents, rate) - deducted)
            changes = (("rate_override", rate),)
            yield Variant(
                Cause.RATE, str(rate), act, practitioner, predicted=predicted, changes=changes
            )


_RATES: dict[tuple[int, date], tuple[Decimal, ...]] = {}


def _rates_on(tables: RuleTables, day: date) -> tuple[Decimal, ...]:
    """Every AMO rate in force on ``day``, highest first (kept: acts share their days)."""
    key = (id(tables), day)
    found = _RATES.get(key)
    if found is None:
        rules = tables.on(day)
        names = [k for k in tables.names() if k.startswith("RATE_") and rules.has(k)]
        found = _RATES[key] = tuple(sorted({rules.period(k).value for k in names}, reverse=True))
    return found


def _older_tariffs(
    act: CareAct,
    practitioner: Practitioner | None,
    normal: Assessment,
    payer: Payer,
    tables: RuleTables,
) -> Iterator[Variant]:
    """The act on each of the last tariffs before the one in force on its date."""
    if act.base_override_cents is not None:
        return
    found = _tariff_key(act, practitioner, normal, tables)
    if found is None:
        return
    key, coefficient = found
    older = [p for p in tables.periods(key) if p.valid_to is not None and p.valid_to < act.date]
    older.sort(key=lambda p: p.valid_from, reverse=True)
    deducted = normal.participation_cents + normal.franchise_cents
    for period in older[:_OLDER_TARIFFS]:
        base = apply_rate(period.cents, coefficient)
        if base == normal.base_cents:
            continue
        assert period.valid_to is not None
        until = (period.valid_to + timedelta(days=1)).isoformat()
        predicted = None
        if payer is Payer.AMO and normal.amo_to_household:
            predicted = max(0, apply_rate(min(base, act.fee_cents), normal.amo_rate) - deducted)
        changes = (("base_override_cents", base),)
        yield Variant(Cause.TARIFF, until, act, practitioner, predicted=predicted, changes=changes)


def _tariff_key(
    act: CareAct, practitioner: Practitioner | None, normal: Assessment, tables: RuleTables
) -> tuple[str, Decimal] | None:
    """The tariff the base came from (its key and the act's coefficient), if one did.

    Of the act's tariffs (usual, child, out of the parcours, ALD), the one whose
    value on the act's date gives the base; a base of the fee or typed by hand has none.
    """
    try:
        definition = tables.acts.find(
            act.act_code, practitioner.profession if practitioner else None
        )
    except RulesError:
        return None
    coefficient = act.coefficient if act.coefficient is not None else Decimal(1)
    if not definition.key_letter:
        coefficient = Decimal(1)
    day = tables.on(act.date)
    keys = (
        definition.tariff,
        definition.child_tariff,
        definition.out_tariff,
        definition.ald_tariff,
    )
    for key in keys:
        if key in (None, FEE_BASE, OVERRIDE_BASE) or not day.has(key):
            continue
        if apply_rate(day.period(key).cents, coefficient) == normal.base_cents:
            return key, coefficient
    return None


def assess_variant(
    variant: Variant, inputs: Inputs, tables: RuleTables | None = None
) -> Assessment:
    """The act assessed under ``variant``, with the normal assessment's deductions."""
    act = variant.act
    if variant.changes:
        changes: dict[str, Any] = dict(variant.changes)
        act = replace(act, **changes)
    alternative, _ledger = assess(
        act,
        inputs.person,
        variant.practitioner,
        inputs.contract,
        EMPTY_LEDGER,
        tables=tables,
        doctors=inputs.doctors,
    )
    normal = inputs.normal
    deducted = normal.participation_cents + normal.franchise_cents + variant.extra_cents
    amo = Cents(max(0, alternative.amo_gross_cents - deducted))
    amc = Cents(0 if variant.no_amc else min(alternative.amc_cents, alternative.fee_cents - amo))
    return replace(
        alternative,
        amo_cents=amo,
        amc_cents=amc,
        patient_cents=Cents(alternative.fee_cents - amo - amc),
        participation_cents=normal.participation_cents,
        franchise_cents=Cents(normal.franchise_cents + variant.extra_cents),
        withheld_cents=normal.withheld_cents,
    )


class Explained(NamedTuple):
    """The variant that gives the amount received (``None``: no rule Carnet knows does)."""

    variant: Variant | None
    assessment: Assessment | None


def explain_amount(
    inputs: Inputs, payer: Payer, received_cents: int, tables: RuleTables | None = None
) -> Explained:
    """The first alternative whose ``payer`` amount is the amount received, to the cent."""
    expected = payer_amount(inputs.normal, payer)
    for variant in variants(inputs, payer, tables):
        if variant.predicted is not None and abs(variant.predicted - received_cents) > _NEAR:
            continue
        try:
            alternative = assess_variant(variant, inputs, tables)
        except RulesError:
            continue
        amount = payer_amount(alternative, payer)
        if amount != expected and abs(amount - received_cents) <= TOLERANCE_CENTS:
            return Explained(variant, alternative)
    return Explained(None, None)


def decided(
    inputs: Inputs, payer: Payer, cause: Cause, detail: str, tables: RuleTables | None = None
) -> Assessment:
    """The act assessed as the payer decided (an accepted discrepancy).

    The explanation ends with a line saying the payer decided it. A decision
    that no longer applies (the act changed since) leaves the normal assessment.
    """
    normal = inputs.normal
    chosen = next(
        (v for v in variants(inputs, payer, tables) if v.cause is cause and v.detail == detail),
        None,
    )
    if chosen is None:
        return normal
    alternative = assess_variant(chosen, inputs, tables)
    line = Explanation(
        "decided",
        (
            ("payer", payer.value),
            ("amount", eur(payer_amount(alternative, payer))),
            ("expected", eur(payer_amount(normal, payer))),
            ("cause", cause.value),
        ),
    )
    return replace(alternative, explanation=(*alternative.explanation, line))
