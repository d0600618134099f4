"""Parcours de soins coordonné and the AMO rate.

Two pure steps: :func:`penalised` says whether the out-of-parcours penalty
applies (after the exemptions: children, emergency, away from home, allowed
direct access), and :func:`amo_rate` picks the rate in force (override,
maternity, ALD, out of parcours, category).
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from carnet.domain.codes import Parcours
from carnet.domain.practitioners import Specialty
from carnet.rules.case import Case

# Accès direct spécifique (domain-fr §5): these specialties may be consulted
# without referral; psychiatry only between the ages in general.toml.
_DIRECT_ACCESS = frozenset({Specialty.GYNECOLOGY, Specialty.OPHTHALMOLOGY, Specialty.STOMATOLOGY})
_ZERO = Decimal(0)
_IN = Parcours.IN


class RateDecision(NamedTuple):
    """The AMO rate, the rate without parcours penalty, and whether the AMO reimburses at all."""

    rate: Decimal
    normal: Decimal
    reimbursable: bool = True


def penalised(case: Case) -> bool:
    """Whether the out-of-parcours penalty applies to this act."""
    act, trace = case.act, case.trace
    if not case.definition.parcours or act.parcours is _IN:
        return False
    if act.parcours in (Parcours.EMERGENCY, Parcours.AWAY):
        trace.add("parcours.exempt", reason=act.parcours.value)
        return False
    limit = trace.use(case.rules.period("PARCOURS_EXEMPT_UNDER_AGE")).value
    if case.age is not None and case.age < limit:
        trace.add("parcours.child", age=str(limit))
        return False
    if act.parcours == Parcours.DIRECT:
        if _direct_access_allowed(case):
            trace.add("parcours.direct")
            return False
        trace.add("parcours.direct_refused")
        return True
    trace.add("parcours.out")
    return True


def _direct_access_allowed(case: Case) -> bool:
    # Direct access still requires a declared médecin traitant.
    if case.person.treating_doctor_id is None:
        return False
    specialty = case.definition.specialty
    if case.practitioner is not None and case.practitioner.specialty != Specialty.NONE:
        specialty = case.practitioner.specialty
    if specialty in _DIRECT_ACCESS:
        return True
    if specialty != Specialty.PSYCHIATRY:
        return False
    if case.age is None:  # the age window cannot be checked: give the benefit of the doubt
        return True
    low = case.trace.use(case.rules.period("DIRECT_ACCESS_PSY_MIN_AGE")).value
    high = case.trace.use(case.rules.period("DIRECT_ACCESS_PSY_MAX_AGE")).value
    return low <= case.age <= high


def amo_rate(case: Case, is_penalised: bool) -> RateDecision:
    """The AMO rate, most specific rule first."""
    act, rules, trace = case.act, case.rules, case.trace
    if act.rate_override is not None:
        trace.add("rate.override", rate=str(act.rate_override))
        return RateDecision(act.rate_override, act.rate_override)
    if case.person.in_maternity_window(act.date):
        rate = trace.use(rules.period("RATE_MATERNITY")).value
        trace.add("rate.maternity", rate=str(rate))
        return RateDecision(rate, rate)
    if act.ald_related and case.person.ald:
        rate = trace.use(rules.period("RATE_ALD")).value
        trace.add("rate.ald", rate=str(rate))
        return RateDecision(rate, rate)
    normal = trace.use(rules.period(case.definition.rate)).value
    if not is_penalised:
        # No line of its own: the "amo.gross" line shows the usual rate.
        return RateDecision(normal, normal)
    if case.definition.teleconsultation:
        trace.add("rate.teleconsultation_out")
        return RateDecision(_ZERO, _ZERO, reimbursable=False)
    rate = trace.use(rules.period("RATE_OUT_OF_PARCOURS")).value
    trace.add("rate.out_of_parcours", rate=str(rate), normal=str(normal))
    return RateDecision(rate, normal)
