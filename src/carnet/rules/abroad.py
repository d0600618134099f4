"""Care received abroad: what the French rules let the CPAM pay, or that nobody can say yet.

See :mod:`carnet.domain.abroad` for the sources. The act is assessed as its French
equivalent (its code, on its date) with the invoice converted to euros as the fee,
so that the French tariff is the base and the fee its ceiling; then:

- Europe, French tariffs asked: that is the expected reimbursement. [sure]
- Europe, the country's tariffs: the CPAM asks the foreign institution; the amount
  cannot be told here, nothing is expected until the CPAM answers. [sure]
- Elsewhere, urgent and unforeseen: the same French figures, marked "at the caisse's
  discretion" (confidence *unsure*: the médecin conseil may refuse). [sure]
- Elsewhere, planned care: not reimbursed without the caisse's prior agreement. [sure]

Worked example (French tariff of 2026, ceiling rule): a GP visit in London on
2026-08-03 invoiced £85.00 at 1.1650 €/£ = 99.03 €; French equivalent G = 30.00 €,
in parcours (hors résidence, no penalty): AMO 30 × 70 % − 2 € PF = 19.00 €, a
mutuelle covering 100 % of the base pays the TM 9.00 €, the household keeps 71.03 €.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from carnet.domain.abroad import AbroadCare, TariffChoice, Zone
from carnet.domain.assessment import Assessment, Explanation
from carnet.domain.care import CareAct
from carnet.domain.contracts import Contract
from carnet.domain.money import Cents
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner
from carnet.domain.treating import TreatingDoctors
from carnet.rules.deadlines import claim_deadline
from carnet.rules.deductions import DeductionLedger
from carnet.rules.engine import assess
from carnet.rules.explain import eur
from carnet.rules.tariffs import RuleTables, default_tables


def assess_abroad(
    act: CareAct,
    abroad: AbroadCare,
    person: Person,
    practitioner: Practitioner | None,
    contract: Contract | None,
    *,
    ledger: DeductionLedger,
    tables: RuleTables | None = None,
    doctors: TreatingDoctors | None = None,
) -> tuple[Assessment, DeductionLedger]:
    """Assess ``act`` given abroad; ``act.fee_cents`` is the invoice in euros."""
    tables = tables or default_tables()
    converted = _converted(abroad)
    if abroad.zone is Zone.EUROPE and abroad.tariff is TariffChoice.COUNTRY:
        return _nothing(act, tables, converted, "abroad.country_tariff"), ledger
    if abroad.zone is Zone.ELSEWHERE and not abroad.urgent:
        return _nothing(act, tables, converted, "abroad.planned_elsewhere"), ledger
    assessment, ledger = assess(
        act, person, practitioner, contract, ledger, tables=tables, doctors=doctors
    )
    lines = [converted, Explanation("abroad.french_tariff"), *assessment.explanation]
    confidence = assessment.confidence
    if abroad.zone is Zone.ELSEWHERE:
        lines.insert(2, Explanation("abroad.discretion"))
        confidence = "unsure"
    return replace(assessment, explanation=tuple(lines), confidence=confidence), ledger


def can_tell(assessment: Assessment) -> bool:
    """False when the CPAM alone can say what it will pay (the country's tariffs)."""
    return not any(line.code == "abroad.country_tariff" for line in assessment.explanation)


def at_discretion(assessment: Assessment) -> bool:
    return any(line.code == "abroad.discretion" for line in assessment.explanation)


def _converted(abroad: AbroadCare) -> Explanation:
    return Explanation(
        "abroad.converted",
        (
            ("invoice", f"{abroad.amount:f}"),
            ("currency", abroad.currency),
            ("exchange", f"{abroad.rate:f}"),
            ("fee", eur(abroad.euro_cents)),
        ),
    )


def _nothing(act: CareAct, tables: RuleTables, converted: Explanation, code: str) -> Assessment:
    """Nothing the engine can expect: the whole invoice stays with the household for now."""
    years = int(tables.on(act.date).period("CLAIM_DEADLINE_YEARS").value)
    deadline = claim_deadline(act.date, years)
    return Assessment(
        category=tables.acts.find(act.act_code, None).category,
        fee_cents=act.fee_cents,
        base_cents=Cents(0),
        amo_rate=Decimal(0),
        amo_cents=Cents(0),
        participation_cents=Cents(0),
        franchise_cents=Cents(0),
        amc_cents=Cents(0),
        patient_cents=act.fee_cents,
        depassement_cents=Cents(0),
        deadline=deadline,
        explanation=(
            converted,
            Explanation(code),
            Explanation("deadline", (("date", deadline.isoformat()),)),
        ),
        rules_version=tables.version,
        confidence="unsure",
    )
