"""The reimbursement engine: one care act in, one :class:`Assessment` out.

A pipeline of small pure steps, each adding an explanation line:
act definition → parcours → base → AMO rate → AMO gross → participation
forfaitaire and franchise (against the person's :class:`DeductionLedger`) →
AMO net → AMC → patient share → dépassement → claim deadline → who pays whom.
No I/O beyond reading the rule tables once; no Qt, no database.

Invariant: ``amo + amc + patient == fee`` and no share is negative.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple, TypeVar

from carnet.domain.assessment import Assessment
from carnet.domain.care import CareAct
from carnet.domain.codes import PaymentMode
from carnet.domain.contracts import Contract
from carnet.domain.ids import ActId, PractitionerId
from carnet.domain.money import Cents, apply_rate
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner, Sector
from carnet.domain.treating import TreatingDoctors
from carnet.rules.base import compute_base
from carnet.rules.case import Case
from carnet.rules.complementary import Shares, complementary
from carnet.rules.deadlines import claim_deadline
from carnet.rules.deductions import (
    EMPTY_LEDGER,
    DeductionLedger,
    exemption,
    franchise,
    participation,
)
from carnet.rules.errors import RulesError
from carnet.rules.explain import Trace, eur
from carnet.rules.parcours import RateDecision, amo_rate, situate
from carnet.rules.tariffs import RuleTables, default_tables

_ONE = Decimal(1)
_A = TypeVar("_A", bound=CareAct)
# Enum members bound once: attribute lookups on enum classes are slow on the hot path.
_PAID_IN_FULL = PaymentMode.PAID_IN_FULL
_PARTIAL = PaymentMode.TIERS_PAYANT_PARTIAL
_S1 = Sector.S1


class _Amo(NamedTuple):
    """AMO before deductions, and what it would be without the parcours penalty."""

    rate: Decimal
    gross: Cents
    reference: Cents


class Deductions(NamedTuple):
    """Participation forfaitaire and franchise charged on one act."""

    participation: Cents
    franchise: Cents

    @property
    def total(self) -> Cents:
        return Cents(self.participation + self.franchise)


def assess(
    act: CareAct,
    person: Person,
    practitioner: Practitioner | None,
    contract: Contract | None,
    ledger: DeductionLedger = EMPTY_LEDGER,
    *,
    tables: RuleTables | None = None,
    doctors: TreatingDoctors | None = None,
) -> tuple[Assessment, DeductionLedger]:
    """Assess one act; return the assessment and the ledger with its deductions added.

    ``ledger`` must hold the person's deductions of the acts *before* this one
    (see :func:`assess_year` to replay a whole year in order). ``doctors``: the
    person's declarations of a médecin traitant with their dates (default: the
    one on ``person``, declared since ``treating_declared_on``). Raises
    :class:`carnet.rules.errors.RulesError` for an unknown code, a date with no
    tariff, or an act that needs a base override.
    """
    tables = tables or default_tables()
    case = _case(act, person, practitioner, tables, doctors)
    situation = situate(case)
    is_penalised = situation.penalised
    base, usual = compute_base(case, is_penalised)
    decision = amo_rate(case, is_penalised)
    amo = _amo_gross(case, base, decision)
    cost = _parcours_cost(case, usual, decision, amo) if situation.penalised else 0
    exempt = exemption(case)
    pf, ledger = participation(case, exempt, amo.gross, ledger)
    fr, ledger = franchise(case, exempt, Cents(amo.gross - pf), ledger)
    net = Cents(amo.gross - pf - fr)
    case.trace.add("amo.net", net=eur(net))
    shares = Shares(act.fee_cents, base, amo.reference, amo.gross, net)
    amc = complementary(
        case, shares, contract, penalised=is_penalised, reimbursable=decision.reimbursable
    )
    assessment = _finish(
        case,
        tables.version,
        shares,
        amo,
        deductions=Deductions(pf, fr),
        amc=amc,
        parcours=situation.parcours,
        cost=Cents(cost),
    )
    return assessment, ledger


def _case(
    act: CareAct,
    person: Person,
    practitioner: Practitioner | None,
    tables: RuleTables,
    doctors: TreatingDoctors | None,
) -> Case:
    profession = practitioner.profession if practitioner else None
    definition = tables.acts.find(act.act_code, profession)
    sector = practitioner.sector if practitioner else _S1
    if doctors is None:
        declared = person.treating_declared_on
        doctor = person.treating_doctor_id
        if declared is not None and act.date < declared:
            doctor = None
    else:
        doctor = doctors.on(act.date)
    return Case(
        act,
        definition,
        person,
        practitioner,
        person.age_on(act.date),
        sector,
        profession or definition.profession,
        tables.on(act.date),
        Trace(),
        doctor,
    )


def _parcours_cost(case: Case, usual: Cents, decision: RateDecision, amo: _Amo) -> int:
    """What leaving the parcours cost on this act: the AMO of the usual rate and base, not paid."""
    if case.definition.out_tariff:
        # A separate out-of-parcours tariff: work the usual base out again, on a scratch trace.
        usual = compute_base(case._replace(trace=Trace()), False).amount
    return max(0, apply_rate(usual, decision.normal) - amo.gross)


def _amo_gross(case: Case, base: Cents, decision: RateDecision) -> _Amo:
    """``base × rate``; for heavy acts a flat participation replaces the TM instead."""
    rules, trace, rate = case.rules, case.trace, decision.rate
    if case.definition.heavy_act and rate < _ONE and rules.has("HEAVY_ACT_THRESHOLD"):
        threshold = trace.use(rules.period("HEAVY_ACT_THRESHOLD")).cents
        if base >= threshold:
            flat = trace.use(rules.period("HEAVY_ACT_PARTICIPATION")).cents
            trace.add("amo.heavy_act", cap=eur(threshold), amount=eur(flat))
            # The out-of-parcours penalty does not apply to these (technical) acts.
            gross = Cents(max(0, base - flat))
            return _Amo(_ONE, gross, gross)
    gross = apply_rate(base, rate)
    reference = gross if decision.normal == rate else apply_rate(base, decision.normal)
    trace.add("amo.gross", base=eur(base), rate=str(rate), gross=eur(gross))
    return _Amo(rate, gross, reference)


def _finish(
    case: Case,
    version: str,
    shares: Shares,
    amo: _Amo,
    *,
    deductions: Deductions,
    amc: Cents,
    parcours: str,
    cost: Cents,
) -> Assessment:
    act, trace = case.act, case.trace
    patient = Cents(shares.fee - shares.net - amc)
    trace.add("patient.share", patient=eur(patient))
    depassement = Cents(shares.depassement)
    if depassement:
        trace.add("patient.depassement", depassement=eur(depassement))
    years = int(trace.use(case.rules.period("CLAIM_DEADLINE_YEARS")).value)
    deadline = claim_deadline(act.date, years)
    trace.add("deadline", date=deadline.isoformat())
    to_amo, to_amc, withheld = _payments(act.payment_mode, deductions.total, trace)
    return Assessment(
        category=case.definition.category,
        fee_cents=shares.fee,
        base_cents=shares.base,
        amo_rate=amo.rate,
        amo_cents=shares.net,
        participation_cents=deductions.participation,
        franchise_cents=deductions.franchise,
        amc_cents=amc,
        patient_cents=patient,
        depassement_cents=depassement,
        deadline=deadline,
        explanation=tuple(trace.lines),
        rules_version=version,
        amo_to_household=to_amo,
        amc_to_household=to_amc,
        withheld_cents=withheld,
        amo_gross_cents=amo.gross,
        confidence=trace.confidence,
        parcours=parcours,
        parcours_cost_cents=cost,
    )


def _payments(mode: PaymentMode, deductions: Cents, trace: Trace) -> tuple[bool, bool, Cents]:
    """Who sends money to the household, and what the CPAM recovers later."""
    if mode is _PAID_IN_FULL:
        return True, True, Cents(0)
    # Saying "0.00 € will be withheld" would only worry people: name it only when non-zero.
    suffix = "" if deductions else ".nothing-withheld"
    if mode is _PARTIAL:
        trace.add("payment.partial" + suffix, withheld=eur(deductions))
        return False, True, deductions
    trace.add("payment.total" + suffix, withheld=eur(deductions))
    return False, False, deductions


def chronological(acts: Iterable[_A]) -> list[_A]:
    """Acts by date, then id: the order in which deductions are charged."""
    return sorted(acts, key=lambda act: (act.date, act.id))


def assess_year(
    acts: Iterable[CareAct],
    person: Person,
    practitioners: Mapping[PractitionerId, Practitioner],
    contract: Contract | None,
    *,
    ledger: DeductionLedger = EMPTY_LEDGER,
    tables: RuleTables | None = None,
    doctors: TreatingDoctors | None = None,
) -> tuple[dict[ActId, Assessment], DeductionLedger]:
    """Assess all of a person's acts in chronological order (date, then act id).

    The caps depend on what came before, so the whole year is replayed: the
    result does not depend on the order in which the acts were entered.
    ``ledger`` holds deductions from outside these acts (usually empty).
    """
    tables = tables or default_tables()
    results: dict[ActId, Assessment] = {}
    for act in chronological(acts):
        if act.person_id != person.id:
            raise RulesError(f"act {act.id} belongs to person {act.person_id}, not {person.id}")
        practitioner = (
            practitioners.get(act.practitioner_id) if act.practitioner_id is not None else None
        )
        results[act.id], ledger = assess(
            act, person, practitioner, contract, ledger, tables=tables, doctors=doctors
        )
    return results, ledger
