"""What skipping a person's next step costs, in figures the dashboard can show.

Each cost is read from the ledger or from the engine, for the current year:

- no number yet: the feuilles held for it and the reimbursement they wait for;
- no carte Vitale: the acts sent on paper (a month to be paid instead of a week);
- no médecin traitant: what the parcours penalty took, as the engine recorded it on
  each act out of the parcours (:mod:`carnet.services.parcours`);
- no mutuelle: the ticket modérateur the household paid itself (base − AMO gross);
- Noémie not confirmed: the mutuelle payments that wait for a letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carnet.domain.codes import Channel, FeuilleStatus, Payer, PaymentStatus
from carnet.domain.ids import PersonId
from carnet.domain.people import Person
from carnet.domain.road import Step
from carnet.i18n import N_, Translator
from carnet.services.parcours import ParcoursService
from carnet.storage.store import Store

_OPEN = (PaymentStatus.PENDING, PaymentStatus.PARTLY_PAID)


@dataclass(frozen=True, slots=True)
class Cost:
    """``kind`` names the sentence; ``count`` and ``cents`` fill it."""

    kind: str
    count: int = 0
    cents: int = 0


def cost_of(store: Store, person: Person, step: Step, today: date) -> Cost:
    if step in (Step.REGISTRATION, Step.ATTESTATION):
        return _held(store, person.id)
    if step in (Step.VITALE_REQUESTED, Step.VITALE_RECEIVED):
        acts = store.acts.for_person_year(person.id, today.year)
        return Cost("paper", sum(a.channel is Channel.PAPER for a in acts))
    if step is Step.TREATING_DOCTOR:
        return Cost("parcours", cents=parcours_cost(store, person, today.year))
    if step is Step.MUTUELLE:
        return Cost("ticket", cents=_ticket(store, person.id, today.year))
    if step is Step.NOEMIE:
        return Cost("letters", _awaited_amc(store, person.id))
    if step is Step.AMELI:
        return Cost("ameli")
    return Cost("ehic")


def parcours_cost(store: Store, person: Person, year: int) -> int:
    """Cents the parcours penalty took from ``person`` in ``year`` (the engine's own figure)."""
    costs = ParcoursService(store).year(year)
    return sum(cost.cents for cost in costs if cost.person_id == person.id)


def _held(store: Store, person_id: PersonId) -> Cost:
    held = store.feuilles.find("person_id = ? AND status = ?", [person_id, FeuilleStatus.HELD])
    acts = [a for f in held for a in f.act_ids]
    # A held feuille awaits no payment yet (no window until it is sent): what it will
    # bring is the AMO share of its acts' assessments.
    assessed = [store.assessments.get(act_id) for act_id in acts]
    cents = sum(a.amo_cents for a in assessed if a is not None and a.amo_to_household)
    return Cost("held", len(held), cents)


def _ticket(store: Store, person_id: PersonId, year: int) -> int:
    total = 0
    for act in store.acts.for_person_year(person_id, year):
        assessment = store.assessments.get(act.id)
        if assessment is not None:
            total += max(0, assessment.base_cents - assessment.amo_gross_cents)
    return total


def _awaited_amc(store: Store, person_id: PersonId) -> int:
    acts = [a.id for a in store.acts.list("person_id = ?", [person_id])]
    payments = store.payments.for_acts(acts) if acts else {}
    return sum(
        1
        for found in payments.values()
        for p in found
        if p.payer is Payer.AMC and p.status in _OPEN
    )


def cost_text(cost: Cost, t: Translator) -> str:
    """The cost as a sentence in ``t``'s language (its rule alone when nothing is counted yet)."""
    amount = t.money(cost.cents)
    templates = {
        "held": N_("feuilles held for the number: {count}, {amount} waiting"),
        "paper": N_("acts on paper this year: {count} (a month to be paid instead of a week)"),
        "parcours": N_("{amount} less reimbursed this year out of the parcours"),
        "ticket": N_("{amount} of ticket modérateur paid by you this year"),
        "letters": N_("mutuelle payments waiting for a letter with the CPAM statement: {count}"),
        "ameli": N_("no card request online, no reimbursements to follow"),
        "ehic": N_("care in Europe paid in full, then claimed with the form S3125"),
    }
    if not (cost.count or cost.cents) and cost.kind in _RULES:
        return t.gettext(_RULES[cost.kind])
    return t.gettext(templates[cost.kind]).format(count=cost.count, amount=amount)


# What skipping the step means when nothing is counted against it yet.
_RULES = {
    "held": N_("paper feuilles wait until the number arrives"),
    "paper": N_("without the card, each act goes on paper and takes a month to be paid"),
    "parcours": N_("without one, consultations are reimbursed 30 % instead of 70 %"),
    "ticket": N_("without one, you pay the ticket modérateur yourself"),
    "letters": N_("each mutuelle payment needs a letter with the CPAM statement"),
}
