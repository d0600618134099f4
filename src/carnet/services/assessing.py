"""Recomputing assessments and expected payments after anything they depend on changes.

Deductions (participation forfaitaire, franchises) have daily and annual caps
per person and calendar year, so one act's figures depend on the acts before
it. We therefore always reassess a whole person-year in date order: the result
does not depend on the order in which acts were typed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from carnet.domain.abroad import AbroadCare
from carnet.domain.assessment import Assessment
from carnet.domain.care import CareAct
from carnet.domain.changes import Changes
from carnet.domain.codes import Channel, FeuilleStatus, PaymentMode, PaymentStatus
from carnet.domain.contracts import Contract
from carnet.domain.ids import ActId, ExpectedPaymentId, PersonId, PractitionerId
from carnet.domain.messages import N_, Message
from carnet.domain.money import Cents
from carnet.domain.payments import ExpectedPayment
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner
from carnet.domain.receipts import PayerDecision
from carnet.domain.treating import TreatingDoctors
from carnet.rules import EMPTY_LEDGER, RulesError, assess, chronological
from carnet.rules.abroad import assess_abroad
from carnet.rules.alternatives import Inputs, decided
from carnet.rules.windows import plan_payments
from carnet.storage.store import Store


@dataclass(frozen=True, slots=True)
class Touched:
    """Acts and expected payments rewritten by a reassessment."""

    acts: frozenset[int] = frozenset()
    payments: frozenset[int] = frozenset()
    warnings: tuple[Message, ...] = ()

    def changes(self) -> Changes:
        return Changes(acts=self.acts, payments=self.payments, warnings=self.warnings)


@contextmanager
def deferred(store: Store) -> Iterator[list[Touched]]:
    """Collect reassessments asked for inside and run them once, each person-year once.

    A bulk operation (the demo's paperwork, loading a file) would otherwise
    reassess the same person-year after each of its many steps. Use it inside one
    transaction; the list it yields receives what the final pass touched.
    """
    if store.deferred is not None:  # nested: the outer block runs the pass
        yield []
        return
    store.deferred = set()
    done: list[Touched] = []
    try:
        yield done
        keys = store.deferred
    finally:
        store.deferred = None
    touched = Reassessor(store).many((PersonId(p), y) for p, y in keys)
    # Feuilles made meanwhile could not know their acts' deadlines yet.
    store.feuilles.refresh_deadlines(ActId(a) for a in touched.acts)
    done.append(touched)


class Reassessor:
    def __init__(self, store: Store) -> None:
        self.store = store

    def many(self, keys: Iterable[tuple[PersonId, int]]) -> Touched:
        if self.store.deferred is not None:
            self.store.deferred.update(keys)
            return Touched()
        acts: set[int] = set()
        payments: set[int] = set()
        warnings: list[Message] = []
        for person_id, year in sorted(keys):
            touched = self.person_year(person_id, year)
            acts |= touched.acts
            payments |= touched.payments
            warnings += touched.warnings
        return Touched(frozenset(acts), frozenset(payments), tuple(warnings))

    def person_year(self, person_id: PersonId, year: int) -> Touched:
        """Reassess every act of ``person_id`` in ``year``; store results and payments."""
        if self.store.deferred is not None:
            self.store.deferred.add((person_id, year))
            return Touched()
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
        periods = self.store.treating.list("person_id = ?", [person_id])
        doctors = TreatingDoctors.of(periods) if periods else None
        abroad = (
            self.store.abroad.for_acts(a.id for a in acts) if self.store.abroad.has_any() else {}
        )
        decisions = self.store.receipts.decisions_for([act.id for act in acts])
        assessed, failed = _assess_each(
            acts,
            person,
            practitioners,
            contract,
            doctors=doctors,
            abroad=abroad,
            decisions=decisions,
        )
        self.store.assessments.save_many([(act.id, a) for act, a in assessed])
        for act, _reason in failed:
            self.store.assessments.delete(act.id)
        self.store.acts.set_categories([(act.id, a.category) for act, a in assessed])
        mailed = self.store.feuilles.mailed_dates([act.id for act in acts])
        held = self.held_acts(acts, person)
        # A held feuille has not left home: no transfer can be expected before it does.
        wanted = {
            act.id: [] if act.id in held else _expected(act, a, mailed.get(act.id))
            for act, a in assessed
        }
        wanted.update({act.id: [] for act, _ in failed})
        payment_ids = self.store.payments.replace_for_acts(wanted)
        self.store.receipts.refresh_status([act.id for act in acts])
        self.store.deductions.replace_year(person_id, year, assessed)
        warnings = tuple(
            Message(
                N_("act {number} ({code}, {day}): {problem}"),
                number=act.id,
                code=act.act_code,
                day=act.date,
                problem=why,
            )
            for act, why in failed
        )
        return Touched(frozenset(a.id for a in acts), frozenset(payment_ids), warnings)

    def held_acts(self, acts: list[CareAct], person: Person) -> set[ActId]:
        """Acts whose feuille is held (or will be, once created) until the number arrives."""
        statuses = self.store.feuilles.statuses_of_acts([act.id for act in acts])
        new_ones_held = must_hold(self.store, person)
        return {
            act.id
            for act in acts
            if household_sends(act)
            and (statuses[act.id] is FeuilleStatus.HELD if act.id in statuses else new_ones_held)
        }


def must_hold(store: Store, person: Person) -> bool:
    """True when no number can be written on this person's feuille yet."""
    if person.nir:
        return False
    if person.insured_id is None:
        return True
    return not store.people.get(person.insured_id).nir


def household_sends(act: CareAct) -> bool:
    """Paper care paid in full: the household mails the feuille.

    Under tiers payant the practitioner sends the paper feuille to the CPAM
    himself (art. R.161-47 CSS, within 8 days), so there is nothing to track.
    """
    return act.channel is Channel.PAPER and act.payment_mode is PaymentMode.PAID_IN_FULL


def _assess_each(
    acts: list[CareAct],
    person: Person,
    practitioners: Mapping[PractitionerId, Practitioner],
    contract: Contract | None,
    *,
    doctors: TreatingDoctors | None = None,
    abroad: Mapping[ActId, AbroadCare] | None = None,
    decisions: Mapping[ActId, list[PayerDecision]] | None = None,
) -> tuple[list[tuple[CareAct, Assessment]], list[tuple[CareAct, Message]]]:
    """Assess acts in date order; an act the rules cannot price is reported, not fatal.

    One unknown code or a date before the tables start must not stop the
    household's other acts from being assessed. An act with an accepted
    discrepancy is assessed as the payer decided (:func:`carnet.rules.decided`).
    """
    ledger = EMPTY_LEDGER
    assessed: list[tuple[CareAct, Assessment]] = []
    failed: list[tuple[CareAct, Message]] = []
    for act in chronological(acts):
        practitioner = None if act.practitioner_id is None else practitioners[act.practitioner_id]
        given_abroad = None if abroad is None else abroad.get(act.id)
        try:
            if given_abroad is None:
                assessment, ledger = assess(
                    act, person, practitioner, contract, ledger, doctors=doctors
                )
            else:
                assessment, ledger = assess_abroad(
                    act,
                    given_abroad,
                    person,
                    practitioner,
                    contract,
                    ledger=ledger,
                    doctors=doctors,
                )
            for decision in (decisions or {}).get(act.id, ()):
                inputs = Inputs(act, person, practitioner, contract, assessment, doctors)
                assessment = decided(inputs, decision.payer, decision.cause, decision.detail)
        except RulesError as exc:
            failed.append((act, exc.text))
            continue
        assessed.append((act, assessment))
    return assessed, failed


def _expected(
    act: CareAct, assessment: Assessment, mailed_on: date | None
) -> list[ExpectedPayment]:
    """The transfers the household should receive for ``act``, not yet stored."""
    return [
        ExpectedPayment(
            id=ExpectedPaymentId(0),
            act_id=act.id,
            payer=plan.payer,
            amount_cents=Cents(plan.amount_cents),
            earliest=plan.earliest,
            latest=plan.latest,
            status=PaymentStatus.PENDING,
        )
        for plan in plan_payments(assessment, act.date, act.channel, mailed_on)
    ]
