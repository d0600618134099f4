"""The base de remboursement (BR) of an act: tariff in force, sector, override."""

from __future__ import annotations

from decimal import Decimal

from carnet.domain.money import Cents, apply_rate
from carnet.domain.practitioners import Sector
from carnet.rules.case import Case
from carnet.rules.catalog import FEE_BASE, OVERRIDE_BASE
from carnet.rules.errors import MissingBaseError
from carnet.rules.explain import eur

_ONE = Decimal(1)
_S2 = Sector.S2
_S3 = Sector.NON_CONVENTIONNE


def compute_base(case: Case, is_penalised: bool) -> Cents:
    """The base, never above the fee: the AMO never pays more than was spent."""
    act, definition, trace = case.act, case.definition, case.trace
    if act.base_override_cents is not None:
        base = act.base_override_cents
        trace.add("base.override", base=eur(base))
    elif definition.tariff == OVERRIDE_BASE:
        raise MissingBaseError(definition.code)
    elif definition.tariff == FEE_BASE:
        base = act.fee_cents
        trace.add("base.fee", base=eur(base))
        base = _sector_base(case, base)
    else:
        key = _tariff_key(case, is_penalised)
        base = _sector_base(case, _tariff_amount(case, key))
    if base > act.fee_cents:
        base = act.fee_cents
        trace.add("base.limited", base=eur(base))
    return base


def _tariff_key(case: Case, is_penalised: bool) -> str:
    definition, age, trace = case.definition, case.age, case.trace
    limit = definition.child_under_age
    if definition.child_tariff and limit is not None and age is not None and age < limit:
        trace.add("base.child", age=str(limit), key=definition.child_tariff)
        return definition.child_tariff
    if definition.out_tariff and is_penalised:
        trace.add("base.out_tariff", key=definition.out_tariff)
        return definition.out_tariff
    if definition.ald_tariff and case.person.ald:
        trace.add("base.ald_tariff", key=definition.ald_tariff)
        return definition.ald_tariff
    return definition.tariff


def _tariff_amount(case: Case, key: str) -> Cents:
    act, trace = case.act, case.trace
    tariff = trace.use(case.rules.period(key)).cents
    if not case.definition.key_letter:
        trace.add("base.tariff", base=eur(tariff), key=key, date=act.date.isoformat())
        return tariff
    coefficient = act.coefficient if act.coefficient is not None else _ONE
    base = apply_rate(tariff, coefficient)
    trace.add(
        "base.key_letter", coefficient=str(coefficient), tariff=eur(tariff), key=key, base=eur(base)
    )
    return base


def _sector_base(case: Case, base: Cents) -> Cents:
    """Lower bases of non-OPTAM sector 2 (only when billing above the tariff) and sector 3."""
    definition, rules, trace = case.definition, case.rules, case.trace
    if case.sector is _S2 and definition.non_optam_tariff and case.act.fee_cents > base:
        lower = trace.use(rules.period(definition.non_optam_tariff)).cents
        if lower < base:
            trace.add("base.non_optam", base=eur(lower))
            return lower
    if case.sector is _S3:
        if definition.authority_tariff:
            authority = trace.use(rules.period(definition.authority_tariff)).cents
        else:
            ratio = trace.use(rules.period("AUTHORITY_BASE_RATIO")).value
            authority = apply_rate(base, ratio)
        trace.add("base.authority", base=eur(authority))
        return Cents(min(authority, base))
    return base
