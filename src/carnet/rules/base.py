"""The base de remboursement (BR) of an act: tariff in force, sector, override."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from carnet.domain.money import Cents, apply_rate
from carnet.domain.practitioners import Sector
from carnet.rules.case import Case
from carnet.rules.catalog import FEE_BASE, OVERRIDE_BASE
from carnet.rules.errors import MissingBaseError
from carnet.rules.explain import eur

_ONE = Decimal(1)
_S2 = Sector.S2
_S3 = Sector.NON_CONVENTIONNE


class Base(NamedTuple):
    """The base of the act, and what it would be within the parcours (for its cost)."""

    amount: Cents
    usual: Cents


def compute_base(case: Case, is_penalised: bool) -> Base:
    """The base, never above the fee: the AMO never pays more than was spent."""
    act, definition, trace = case.act, case.definition, case.trace
    usual = None
    if act.base_override_cents is not None:
        base = act.base_override_cents
        trace.add("base.override", base=eur(base))
    elif definition.tariff == OVERRIDE_BASE:
        raise MissingBaseError(definition.code)
    elif definition.tariff == FEE_BASE:
        base = act.fee_cents
        trace.add("base.fee", base=eur(base))
        base = _sector_base(case, base, is_penalised)
    else:
        key = _tariff_key(case, is_penalised)
        tariff = _tariff_amount(case, key)
        lost = coordination_cents(case, penalised=True) if is_penalised else Cents(0)
        base = Cents(max(0, tariff - lost))
        if lost:
            trace.add("base.no_coordination", amount=eur(lost), base=eur(base))
        sector_base = _sector_base(case, base, is_penalised)
        if lost and sector_base == base:
            usual = _usual(case, tariff, base)
        base = sector_base
    if base > act.fee_cents:
        base = act.fee_cents
        trace.add("base.limited", base=eur(base))
    return Base(base, base if usual is None else Cents(min(usual, act.fee_cents)))


def _usual(case: Case, tariff: Cents, without: Cents) -> Cents:
    """The base within the parcours of an act that lost its coordination majoration."""
    definition = case.definition
    if (
        case.sector is _S2
        and definition.non_optam_without_coordination
        and case.act.fee_cents > tariff
    ):
        return without  # a non-OPTAM psychiatrist billing above it never has the MCS
    return tariff


def coordination_cents(case: Case, *, penalised: bool) -> Cents:
    """The coordination majoration a tariff includes, when it is not billable (out of parcours)."""
    definition = case.definition
    if not penalised or definition.coordination is None or case.act.base_override_cents:
        return Cents(0)
    return case.trace.use(case.rules.period(definition.coordination)).cents


def _tariff_key(case: Case, is_penalised: bool) -> str:
    definition, age, trace = case.definition, case.age, case.trace
    limit = definition.child_under_age
    if definition.child_tariff and limit is not None and age is not None and age < limit:
        trace.add("base.child", age=str(limit))
        return definition.child_tariff
    if definition.out_tariff and is_penalised:
        trace.add("base.out_tariff")
        return definition.out_tariff
    if definition.ald_tariff and case.person.ald:
        trace.add("base.ald_tariff")
        return definition.ald_tariff
    return definition.tariff


def _tariff_amount(case: Case, key: str) -> Cents:
    act, definition, trace = case.act, case.definition, case.trace
    tariff = trace.use(case.rules.period(key)).cents
    if not definition.key_letter:
        # The act's name is looked up when the line is read: it is not on the hot path.
        trace.add("base.tariff", base=eur(tariff), act=definition.code, date=act.date.isoformat())
        return tariff
    coefficient = act.coefficient if act.coefficient is not None else _ONE
    base = apply_rate(tariff, coefficient)
    trace.add(
        "base.key_letter",
        coefficient=str(coefficient),
        tariff=eur(tariff),
        act=definition.code,
        base=eur(base),
    )
    return base


def _sector_base(case: Case, base: Cents, is_penalised: bool) -> Cents:
    """Lower bases of non-OPTAM sector 2 (only when billing above the tariff) and sector 3."""
    definition, rules, trace = case.definition, case.rules, case.trace
    if case.sector is _S2 and case.act.fee_cents > base:
        lower = base
        if definition.non_optam_tariff:
            lower = trace.use(rules.period(definition.non_optam_tariff)).cents
        elif definition.non_optam_without_coordination and definition.coordination:
            # A non-OPTAM psychiatrist's base: the tariff without the majoration (not 23 €).
            lower = Cents(base - coordination_cents(case, penalised=not is_penalised))
        if lower < base:
            trace.add("base.non_optam", base=eur(lower))
            return Cents(lower)
    if case.sector is _S3:
        if definition.authority_tariff:
            authority = trace.use(rules.period(definition.authority_tariff)).cents
        else:
            ratio = trace.use(rules.period("AUTHORITY_BASE_RATIO")).value
            authority = apply_rate(base, ratio)
        trace.add("base.authority", base=eur(authority))
        return Cents(min(authority, base))
    return base
