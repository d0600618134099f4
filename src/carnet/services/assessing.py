"""Recomputing assessments and expected payments after anything they depend on changes.

Deductions (participation forfaitaire, franchises) have daily and annual caps
per person and calendar year, so one act's figures depend on the acts before
it. We therefore always reassess a whole person-year in date order: the result
does not depend on the order in which acts were typed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from carnet.domain.assessment import Assessment
from carnet.domain.care import CareAct
from carnet.domain.ids import ActId, ExpectedPaymentId, PersonId
from carnet.domain.money import Cents
from carnet.domain.payments import ExpectedPayment, PaymentStatus
from carnet.rules.engine import assess_year
from carnet.rules.windows import plan_payments
from carnet.storage.store import Store


@dataclass(frozen=True, slots=True)
class Touched:
    acts: frozenset[int] = frozenset()
    payments: frozenset[int] = frozenset()


class Reassessor:
    def __init__(self, store: Store) -> None:
        self.store = store

    def many(self, keys: Iterable[tuple[PersonId, int]]) -> Touched:
        acts: set[int] = set()
        payments: set[int] = set()
        for person_id, year in sorted(keys):
            touched = self.person_year(person_id, year)
            acts |= touched.acts
            payments |= touched.payments
        return Touched(frozenset(acts), frozenset(payments))

    def person_year(self, person_id: PersonId, year: int) -> Touched:
        """Reassess every act of ``person_id`` in ``year``; store results and payments."""
        acts = self.store.acts.for_person_year(person_id, year)
        if not acts:
            return Touched()
        person = self.store.people.get(person_id)
        contract = (
            None if person.contract_id is None else self.store.contracts.get(person.contract_id)
        )
        practitioners = {
            pid: self.store.practitioners.get(pid)
            for pid in {a.practitioner_id for a in acts if a.practitioner_id is not None}
        }
        results = assess_year(acts, person, practitioners, contract)
        payment_ids: set[int] = set()
        for act, assessment in zip(acts, results, strict=True):
            self.store.assessments.save(act.id, assessment)
            self.store.acts.set_category(act.id, assessment.category)
            payment_ids |= set(self._store_payments(act, assessment))
        return Touched(frozenset(a.id for a in acts), frozenset(payment_ids))

    def _store_payments(self, act: CareAct, assessment: Assessment) -> list[ExpectedPaymentId]:
        plans = plan_payments(assessment, act.date, act.channel)
        payments = [
            ExpectedPayment(
                id=ExpectedPaymentId(0),
                act_id=ActId(act.id),
                payer=plan.payer,
                amount_cents=Cents(plan.amount_cents),
                earliest=plan.earliest,
                latest=plan.latest,
                status=PaymentStatus.PENDING,
            )
            for plan in plans
        ]
        return self.store.payments.replace_for_act(act.id, payments)
