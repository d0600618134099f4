"""Discrepancies: acts a payer paid with another amount than expected, and why.

The finder reads, in two queries, every expected payment with something
received that is not the amount expected, leaves out the CPAM shortfalls that
deductions still owed explain (:func:`carnet.domain.receipts.find_gaps`), then
re-assesses each remaining act under the alternatives the rules know
(:mod:`carnet.rules.alternatives`) and names the one that gives exactly the
amount received. Accepting one stores the payer's decision: the act is then
assessed as the payer did, and the discrepancy is gone (undoable like any change).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from carnet.domain.care import CareAct
from carnet.domain.changes import Changes
from carnet.domain.codes import Payer
from carnet.domain.errors import ValidationError
from carnet.domain.ids import ActId, DecisionId, ExpectedPaymentId, PersonId
from carnet.domain.messages import Amount, Message
from carnet.domain.receipts import Cause, Gap, PayerDecision, find_gaps
from carnet.domain.treating import TreatingDoctors
from carnet.i18n import N_
from carnet.rules.alternatives import Inputs, explain_amount
from carnet.services.assessing import Reassessor
from carnet.services.base import Result, Service

PAYER_NAMES = {Payer.AMO: N_("The CPAM"), Payer.AMC: N_("The mutuelle")}

_SENTENCES: dict[Cause, str] = {
    Cause.PARCOURS: N_(
        "{payer} paid {received} instead of {expected}: exactly what it pays outside the "
        "parcours de soins. Your médecin traitant may not be registered: check it on your "
        "ameli account."
    ),
    Cause.SECTOR: N_(
        "{payer} paid {received} instead of {expected}: exactly what it pays for a secteur 2 "
        "doctor without OPTAM. Check the doctor's sector in the ameli directory; if the doctor "
        "has signed the OPTAM, ask for the difference."
    ),
    Cause.DEDUCTIONS: N_(
        "{payer} paid {received} instead of {expected}: exactly what it pays with {detail} of "
        "participation forfaitaire or franchises deducted once more. They may have been taken "
        "twice: ask for the difference."
    ),
    Cause.RATE: N_(
        "{payer} paid {received} instead of {expected}: exactly what it pays at a rate of "
        "{detail} %. Check your situation (ALD, maternity, parcours) on your ameli account, "
        "then ask for the difference."
    ),
    Cause.MUTUELLE_NOT_INFORMED: N_(
        "{payer} paid {received} instead of {expected}: it was probably never told of this "
        "care (no Noémie link). Send it the CPAM's décompte, or ask it to set up the link."
    ),
    Cause.TARIFF: N_(
        "{payer} paid {received} instead of {expected}: exactly what it pays on the tariff in "
        "force before {detail}. Ask it to apply the tariff of the day of the care."
    ),
    Cause.UNKNOWN: N_(
        "{payer} paid {received} instead of {expected}, and no rule Carnet knows gives exactly "
        "that amount. Ask it for the décompte of this act to see why."
    ),
}


class Discrepancy(NamedTuple):
    """One payment paid with another amount than expected; ``id`` is the expected payment's."""

    id: ExpectedPaymentId
    act_id: ActId
    payer: Payer
    person_id: PersonId
    person: str
    act_date: date
    act_code: str
    expected_cents: int
    received_cents: int
    cause: Cause
    detail: str
    explanation: Message
    claimed_in: int | None  # the reclamation letter (mailing id) that asks for it

    @property
    def difference_cents(self) -> int:
        return self.expected_cents - self.received_cents


class DiscrepancyService(Service):
    def find(self, person_id: PersonId | None = None) -> list[Discrepancy]:
        """Every discrepancy (``person_id``: of that person), oldest act first, with its cause."""
        receipts = self.store.receipts
        gaps = find_gaps(receipts.states(person_id), receipts.withheld_by_person())
        if not gaps:
            return []
        acts = self._acts([g.act_id for g in gaps])
        assessments = self.store.assessments.many(list(acts), explained=False)
        people = {p.id: p for p in self.store.people.list()}
        practitioners = {p.id: p for p in self.store.practitioners.list()}
        contracts = {c.id: c for c in self.store.contracts.list()}
        claimed = receipts.claimed()
        doctors: dict[PersonId, TreatingDoctors | None] = {}
        found: list[Discrepancy] = []
        for gap in gaps:
            act, normal = acts.get(gap.act_id), assessments.get(gap.act_id)
            if act is None or normal is None:
                continue
            person = people[act.person_id]
            practitioner = (
                None if act.practitioner_id is None else practitioners.get(act.practitioner_id)
            )
            contract = None if person.contract_id is None else contracts.get(person.contract_id)
            if person.id not in doctors:
                periods = self.store.treating.list("person_id = ?", [person.id])
                doctors[person.id] = TreatingDoctors.of(periods) if periods else None
            inputs = Inputs(act, person, practitioner, contract, normal, doctors[person.id])
            found.append(_discrepancy(gap, act, inputs, person.full_name, claimed))
        return found

    def get(self, ident: ExpectedPaymentId) -> Discrepancy:
        for discrepancy in self.find():
            if discrepancy.id == ident:
                return discrepancy
        raise ValidationError("discrepancy", N_("there is no discrepancy #{number}"), number=ident)

    def owed_cents(self, found: Sequence[Discrepancy] | None = None) -> int:
        """What the household may be owed: the shortfalls (never the overpayments)."""
        rows = self.find() if found is None else found
        return sum(d.difference_cents for d in rows if d.difference_cents > 0)

    def owed_acts(self) -> frozenset[ActId]:
        """The acts on which a payer paid short (the Care page's "possibly owed" filter)."""
        return frozenset(d.act_id for d in self.find() if d.difference_cents > 0)

    def for_act(self, act_id: ActId) -> list[Discrepancy]:
        """The discrepancies of one act (the Care page's detail): its person's only are read."""
        person = self.store.acts.get(act_id).person_id
        return [d for d in self.find(person) if d.act_id == act_id]

    def accept(self, ident: ExpectedPaymentId) -> Result[PayerDecision]:
        """Take the payer's amount as final: the act is assessed with that cause."""
        discrepancy = self.get(ident)
        if discrepancy.cause is Cause.UNKNOWN:
            raise ValidationError(
                "discrepancy",
                N_(
                    "Carnet does not know how the payer came to that amount: it cannot "
                    "reassess the act that way. Ask the payer for the décompte."
                ),
            )
        decision = PayerDecision(
            DecisionId(0),
            discrepancy.act_id,
            discrepancy.payer,
            discrepancy.cause,
            discrepancy.detail,
            self.today(),
        )
        with self.store.transaction(N_("Accept a discrepancy")):
            stored = self.store.receipts.decisions.insert(decision)
            self.store.events.record("payer_decision", stored.id, "accepted", after=stored)
            touched = Reassessor(self.store).person_year(
                discrepancy.person_id, discrepancy.act_date.year
            )
        return Result(stored, touched.changes() | Changes(acts=frozenset({discrepancy.act_id})))

    def accept_all(self, idents: Sequence[ExpectedPaymentId]) -> Result[list[PayerDecision]]:
        """Accept several discrepancies (an act's CPAM and mutuelle) as one undoable change."""
        decisions: list[PayerDecision] = []
        changes = Changes()
        with self.store.transaction(N_("Accept a discrepancy")):
            for ident in idents:
                result = self.accept(ident)
                decisions.append(result.value)
                changes = changes | result.changes
        return Result(decisions, changes)

    def _acts(self, act_ids: list[ActId]) -> dict[ActId, CareAct]:
        found: dict[ActId, CareAct] = {}
        ids = sorted(set(act_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for act in self.store.acts.list(f"id IN ({marks})", chunk):
                found[act.id] = act
        return found


def _discrepancy(
    gap: Gap,
    act: CareAct,
    inputs: Inputs,
    person: str,
    claimed: dict[tuple[ActId, Payer], int],
) -> Discrepancy:
    explained = explain_amount(inputs, gap.payer, gap.received_cents)
    variant = explained.variant
    cause = Cause.UNKNOWN if variant is None else variant.cause
    detail = "" if variant is None else variant.detail
    return Discrepancy(
        gap.payment_id,
        gap.act_id,
        gap.payer,
        gap.person_id,
        person,
        gap.act_date,
        act.act_code,
        gap.expected_cents,
        gap.received_cents,
        cause,
        detail,
        explanation(gap.payer, cause, detail, gap.expected_cents, gap.received_cents),
        claimed.get((gap.act_id, gap.payer)),
    )


def explanation(payer: Payer, cause: Cause, detail: str, expected: int, received: int) -> Message:
    """The sentence saying what was paid, why, and what to do."""
    shown: str = detail
    if cause is Cause.DEDUCTIONS and detail:
        shown = Amount(int(detail))
    elif cause is Cause.RATE and detail:
        shown = _percent(detail)
    elif cause is Cause.TARIFF and detail:
        return Message(
            _SENTENCES[cause],
            payer=Message(PAYER_NAMES[payer]),
            received=Amount(received),
            expected=Amount(expected),
            detail=date.fromisoformat(detail),
        )
    return Message(
        _SENTENCES[cause],
        payer=Message(PAYER_NAMES[payer]),
        received=Amount(received),
        expected=Amount(expected),
        detail=shown,
    )


def _percent(rate: str) -> str:
    return f"{(Decimal(rate) * 100).normalize():f}"
