"""Parcours de soins coordonné and the AMO rate.

:func:`situate` places an act in the parcours: as the act states it, or, when
it does not, as worked out on the act's date from the person's médecin
traitant (docs/rules.md §5): children under 16 are never penalised; an adult
without a médecin traitant is out of the parcours (even for the direct-access
specialties); the médecin traitant is within it; another general practitioner
is out; a specialist is assumed referred, except the direct-access specialties.
Dentists and midwives are outside these rules. :func:`amo_rate` then picks the
rate in force (override, AME, maternity, ALD, out of parcours, category).
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from carnet.domain.codes import Parcours
from carnet.domain.practitioners import Profession, Specialty
from carnet.rules.case import Case

# Accès direct spécifique (docs/rules.md §5): these specialties may be consulted
# without referral; psychiatry only between the ages in general.toml.
_DIRECT_ACCESS = frozenset({Specialty.GYNECOLOGY, Specialty.OPHTHALMOLOGY, Specialty.STOMATOLOGY})
_OUTSIDE_RULES = frozenset({Profession.DENTIST, Profession.MIDWIFE})
_EXEMPT = frozenset({Parcours.EMERGENCY, Parcours.AWAY, Parcours.REPLACEMENT})
_ZERO = Decimal(0)
_IN, _OUT, _DIRECT = Parcours.IN, Parcours.OUT, Parcours.DIRECT


class Situation(NamedTuple):
    """Where the act stands (a :class:`Parcours` value, ``""`` outside the rules), and penalty."""

    parcours: str
    penalised: bool


# Shared answers: a situation is made for every act on the hot path.
_FREE = Situation("", False)
_WITHIN = Situation(_IN, False)
_OUTSIDE = Situation(_OUT, True)
_DIRECT_ACCESS_OK = Situation(_DIRECT, False)


class RateDecision(NamedTuple):
    """The AMO rate, the rate without parcours penalty, and whether the AMO reimburses at all."""

    rate: Decimal
    normal: Decimal
    reimbursable: bool = True


def situate(case: Case) -> Situation:
    """The act's place in the parcours; each branch adds the line that says why."""
    if not case.definition.parcours:
        # Said only when Carnet works the parcours out: a stated one needs no reason.
        if case.act.parcours is None and case.profession in _OUTSIDE_RULES:
            case.trace.add("parcours.outside_rules")
        return _FREE
    if case.person.ame:
        case.trace.add("parcours.ame")
        return _WITHIN
    stated = case.act.parcours
    return _derived(case) if stated is None else _stated(case, stated)


def penalised(case: Case) -> bool:
    """Whether the out-of-parcours penalty applies to this act."""
    return situate(case).penalised


def _stated(case: Case, stated: Parcours) -> Situation:
    trace = case.trace
    if stated is _IN:  # as the person said: no line (there is nothing to explain)
        return _WITHIN
    if stated in _EXEMPT:
        trace.add("parcours.exempt", reason=stated.value)
        return Situation(stated.value, False)
    if _child(case):
        return Situation(stated.value, False)
    if stated is _DIRECT:
        if case.doctor is not None and _direct_specialty(case):
            trace.add("parcours.direct")
            return _DIRECT_ACCESS_OK
        trace.add("parcours.direct_refused")
        return _OUTSIDE
    trace.add("parcours.out")
    return _OUTSIDE


def _derived(case: Case) -> Situation:
    trace, doctor = case.trace, case.doctor
    if _child(case):
        return _WITHIN
    if doctor is None:
        code = "parcours.direct_needs_doctor" if _direct_specialty(case) else "parcours.no_doctor"
        trace.add(code, date=case.act.date.isoformat())
        return _OUTSIDE
    practitioner = case.practitioner
    if practitioner is None:
        trace.add("parcours.assumed_doctor")
        return _WITHIN
    if practitioner.id == doctor:
        trace.add("parcours.doctor")
        return _WITHIN
    if case.profession is Profession.GP:
        trace.add("parcours.other_gp")
        return _OUTSIDE
    if _direct_specialty(case):
        trace.add("parcours.direct_access")
        return _DIRECT_ACCESS_OK
    trace.add("parcours.referred")
    return _WITHIN


def _child(case: Case) -> bool:
    limit = case.trace.use(case.rules.period("PARCOURS_EXEMPT_UNDER_AGE")).value
    if case.age is not None and case.age < limit:
        case.trace.add("parcours.child", age=str(limit))
        return True
    return False


def _direct_specialty(case: Case) -> bool:
    """Whether the specialty may be seen without referral (psychiatry: by age)."""
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
    return bool(low <= case.age <= high)


def _newborn_days(case: Case) -> int | None:
    """The newborn age limit in days, when the patient is below it (no forfait is due)."""
    born = case.person.birth_date
    if born is None:
        return None
    days = int(case.trace.use(case.rules.period("NEWBORN_EXEMPT_DAYS")).value)
    return days if 0 <= (case.act.date - born).days < days else None


def amo_rate(case: Case, is_penalised: bool) -> RateDecision:
    """The AMO rate, most specific rule first."""
    act, rules, trace = case.act, case.rules, case.trace
    if act.rate_override is not None:
        trace.add("rate.override", rate=str(act.rate_override))
        return RateDecision(act.rate_override, act.rate_override)
    if case.person.ame:
        rate = trace.use(rules.period("RATE_AME")).value
        trace.add("rate.ame", rate=str(rate))
        return RateDecision(rate, rate)
    if case.person.in_maternity_window(act.date):
        rate = trace.use(rules.period("RATE_MATERNITY")).value
        trace.add("rate.maternity", rate=str(rate))
        return RateDecision(rate, rate)
    newborn = _newborn_days(case) if case.definition.newborn_exempt else None
    if newborn is not None:
        rate = trace.use(rules.period("RATE_MATERNITY")).value
        trace.add("rate.newborn", rate=str(rate), days=str(newborn))
        return RateDecision(rate, rate)
    if act.ald_related and case.person.ald:
        if case.definition.ald_rate:
            rate = trace.use(rules.period("RATE_ALD")).value
            trace.add("rate.ald", rate=str(rate))
            return RateDecision(rate, rate)
        trace.add("rate.ald_excluded")
    normal = trace.use(rules.period(case.definition.rate)).value
    if not is_penalised:
        # No line of its own: the "amo.gross" line shows the usual rate.
        return RateDecision(normal, normal)
    if case.definition.teleconsultation:
        trace.add("rate.teleconsultation_out")
        return RateDecision(_ZERO, normal, reimbursable=False)
    rate = trace.use(rules.period("RATE_OUT_OF_PARCOURS")).value
    trace.add("rate.out_of_parcours", rate=str(rate), normal=str(normal))
    return RateDecision(rate, normal)
