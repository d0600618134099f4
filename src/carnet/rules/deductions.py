"""Participation forfaitaire and franchises, with a person's immutable deduction ledger.

The caps are per person: the PF at most ``PF_DAILY_COUNT`` times a day with the
same practitioner and ``PF_ANNUAL_CAP`` a calendar year; franchises at most a
daily cap per kind (paramedical acts, transport) and ``FRANCHISE_ANNUAL_CAP`` a
calendar year for all kinds together. The ledger remembers what was charged;
charging returns the amount and a *new* ledger, so a year can be replayed from
any starting point and the result depends only on the order of the replay.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple, TypeVar

from carnet.domain.care import CareAct
from carnet.domain.codes import Parcours
from carnet.domain.money import Cents
from carnet.domain.practitioners import Profession
from carnet.rules.case import Case
from carnet.rules.catalog import FranchiseKind
from carnet.rules.explain import Trace, eur
from carnet.rules.tariffs import DayRules

_K = TypeVar("_K")

# Professions never charged a PF (docs/rules.md §3): dentists, midwives, auxiliaries.
_NO_PF = frozenset(
    {
        Profession.DENTIST,
        Profession.MIDWIFE,
        Profession.NURSE,
        Profession.PHYSIOTHERAPIST,
        Profession.SPEECH_THERAPIST,
        Profession.ORTHOPTIST,
        Profession.PODIATRIST,
    }
)
_NO_FRANCHISE = FranchiseKind.NONE
_FRANCHISE_KEYS = {
    FranchiseKind.BOX: ("FRANCHISE_BOX", None),
    FranchiseKind.PARAMEDICAL: ("FRANCHISE_PARAMEDICAL", "FRANCHISE_DAILY_CAP_PARAMEDICAL"),
    FranchiseKind.TRANSPORT: ("FRANCHISE_TRANSPORT", "FRANCHISE_DAILY_CAP_TRANSPORT"),
}


@dataclass(frozen=True, slots=True)
class DeductionLedger:
    """What one person was charged so far, per calendar year and per day. Immutable.

    ``pf_days`` counts PF per (day, practitioner key); ``franchise_days`` sums
    franchises per (day, kind) in cents.
    """

    pf_years: Mapping[int, int] = field(default_factory=dict)
    franchise_years: Mapping[int, int] = field(default_factory=dict)
    pf_days: Mapping[tuple[date, str], int] = field(default_factory=dict)
    franchise_days: Mapping[tuple[date, str], int] = field(default_factory=dict)

    def pf_total(self, year: int) -> Cents:
        return Cents(self.pf_years.get(year, 0))

    def franchise_total(self, year: int) -> Cents:
        return Cents(self.franchise_years.get(year, 0))

    def pf_count(self, day: date, practitioner: str) -> int:
        return self.pf_days.get((day, practitioner), 0)

    def franchise_on(self, day: date, kind: str) -> Cents:
        return Cents(self.franchise_days.get((day, kind), 0))

    def charge_pf(
        self, day: date, practitioner: str, wanted: int, annual_cap: int, daily_count: int
    ) -> tuple[Cents, DeductionLedger]:
        """Charge up to ``wanted`` within the caps; a charge of 0 leaves the ledger as is."""
        if self.pf_count(day, practitioner) >= daily_count:
            return Cents(0), self
        amount = max(0, min(wanted, annual_cap - self.pf_total(day.year)))
        if amount == 0:
            return Cents(0), self
        slot = (day, practitioner)
        return Cents(amount), DeductionLedger(
            _plus(self.pf_years, day.year, amount),
            self.franchise_years,
            _plus(self.pf_days, slot, 1),
            self.franchise_days,
        )

    def charge_franchise(
        self, day: date, kind: str, wanted: int, daily_cap: int | None, annual_cap: int
    ) -> tuple[Cents, DeductionLedger]:
        """Charge up to ``wanted`` within the daily cap of ``kind`` and the annual cap."""
        amount = min(wanted, annual_cap - self.franchise_total(day.year))
        if daily_cap is not None:
            amount = min(amount, daily_cap - self.franchise_on(day, kind))
        amount = max(0, amount)
        if amount == 0:
            return Cents(0), self
        return Cents(amount), DeductionLedger(
            self.pf_years,
            _plus(self.franchise_years, day.year, amount),
            self.pf_days,
            _plus(self.franchise_days, (day, kind), amount),
        )


EMPTY_LEDGER = DeductionLedger()


def _plus(mapping: Mapping[_K, int], key: _K, amount: int) -> dict[_K, int]:
    copy = dict(mapping)
    copy[key] = copy.get(key, 0) + amount
    return copy


def exemption(case: Case) -> str:
    """Why this person pays neither PF nor franchise on the act's day (``""`` if they do)."""
    if case.person.css:
        return "css"
    if case.person.ame:
        return "ame"
    if case.person.in_maternity_window(case.act.date):
        return "maternity"
    limit = case.trace.use(case.rules.period("DEDUCTION_EXEMPT_UNDER_AGE")).value
    if case.age is not None and case.age < limit:
        return "age"
    return ""


def participation(
    case: Case, exempt: str, amo_gross: Cents, ledger: DeductionLedger
) -> tuple[Cents, DeductionLedger]:
    """The participation forfaitaire of this act, never more than the AMO pays."""
    definition, rules, trace, day = case.definition, case.rules, case.trace, case.act.date
    if not definition.pf or case.profession in _NO_PF or amo_gross == 0:
        if definition.pf:
            trace.add("pf.not_applicable")
        return Cents(0), ledger
    if exempt:
        trace.add("pf.exempt", reason=exempt, age=_age_limit(rules))
        return Cents(0), ledger
    wanted = min(trace.use(rules.period("PF_AMOUNT")).cents, amo_gross)
    cap = trace.use(rules.period("PF_ANNUAL_CAP")).cents
    per_day = int(trace.use(rules.period("PF_DAILY_COUNT")).value)
    # Unknown practitioners share one slot: the daily cap then errs towards charging less.
    who = str(case.practitioner.id) if case.practitioner else "?"
    amount, ledger = ledger.charge_pf(day, who, wanted, cap, per_day)
    if amount == 0 and ledger.pf_count(day, who) >= per_day:
        trace.add("pf.daily_cap", count=str(per_day))
    elif amount < wanted:
        trace.add("pf.annual_cap", cap=eur(cap), amount=eur(amount))
    else:
        trace.add("pf.charged", amount=eur(amount))
    return amount, ledger


def franchise(
    case: Case, exempt: str, amo_left: Cents, ledger: DeductionLedger
) -> tuple[Cents, DeductionLedger]:
    """The franchise médicale of this act, never more than what the AMO still pays."""
    act, rules, trace = case.act, case.rules, case.trace
    kind = case.definition.franchise
    if kind is _NO_FRANCHISE or amo_left == 0:
        return Cents(0), ledger
    if exempt or (kind == FranchiseKind.TRANSPORT and act.parcours == Parcours.EMERGENCY):
        trace.add("franchise.exempt", reason=exempt or "emergency", age=_age_limit(rules))
        return Cents(0), ledger
    unit_key, daily_key = _FRANCHISE_KEYS[kind]
    units = _units(act) if kind == FranchiseKind.BOX else 1
    wanted = trace.use(rules.period(unit_key)).cents * units
    daily = trace.use(rules.period(daily_key)).cents if daily_key else None
    annual = trace.use(rules.period("FRANCHISE_ANNUAL_CAP")).cents
    limits = _Limits(
        wanted=wanted,
        amo_left=amo_left,
        daily=None if daily is None else daily - ledger.franchise_on(act.date, kind.value),
        annual=annual - ledger.franchise_total(act.date.year),
    )
    amount, ledger = ledger.charge_franchise(
        act.date, kind.value, min(wanted, amo_left), daily, annual
    )
    _explain_franchise(trace, amount, limits, daily, annual)
    return amount, ledger


class _Limits(NamedTuple):
    """What bounded a franchise: the amount wanted and what was left under each limit."""

    wanted: int
    amo_left: int
    daily: int | None
    annual: int


def _explain_franchise(
    trace: Trace, amount: int, limits: _Limits, daily: int | None, annual: int
) -> None:
    if amount == limits.wanted:
        trace.add("franchise.charged", amount=eur(amount))
    elif amount == limits.amo_left:
        trace.add("franchise.amo_limit", amount=eur(amount))
    elif daily is not None and limits.daily is not None and limits.daily <= limits.annual:
        trace.add("franchise.daily_cap", cap=eur(daily), amount=eur(amount))
    else:
        trace.add("franchise.annual_cap", cap=eur(annual), amount=eur(amount))


def _units(act: CareAct) -> int:
    """Boxes of medicine: the act's coefficient, at least one."""
    if act.coefficient is None:
        return 1
    return max(1, int(act.coefficient))


def _age_limit(rules: DayRules) -> str:
    return str(rules.period("DEDUCTION_EXEMPT_UNDER_AGE").value)
