"""The newcomer's road: the steps of the seed, from registration to the European card.

A person who arrives in France goes, roughly in this order (seed document; ameli):
ask to be registered with the Assurance Maladie → receive the attestation de droits
with a social security number (maybe temporary) → request the carte Vitale on the
ameli account (once the number is known) and receive it → create the ameli account
→ declare a médecin traitant → take a mutuelle and have it linked to the CPAM for
remote transmission (Noémie) → before travelling in Europe, request the European
Health Insurance Card (at least 15 days before leaving; valid up to two years).

Each step has a state (done or not, and when), some a detail (the attestation's end
of rights, the card's last day). Several are known from the person's own record
(a number on file means the attestation came); the road's rows add what the record
does not say (when it was asked, the ameli account, the EHIC).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from carnet.domain.ids import ContractId, PersonId, PractitionerId
from carnet.domain.people import Person


class Step(StrEnum):
    REGISTRATION = "registration"  # registration requested
    ATTESTATION = "attestation"  # attestation de droits received, with a number
    VITALE_REQUESTED = "vitale-requested"
    VITALE_RECEIVED = "vitale-received"
    AMELI = "ameli"  # ameli account created
    TREATING_DOCTOR = "treating-doctor"  # médecin traitant declared
    MUTUELLE = "mutuelle"  # mutuelle taken
    NOEMIE = "noemie"  # the mutuelle's Noémie link confirmed
    EHIC_REQUESTED = "ehic-requested"
    EHIC_RECEIVED = "ehic-received"


ORDER = tuple(Step)
# Only for travels in Europe: never "the next step" while another one waits.
OPTIONAL = frozenset({Step.EHIC_REQUESTED, Step.EHIC_RECEIVED})
# A dependent (ayant droit) is on the insured person's attestation and ameli account;
# the card, the mutuelle and Noémie follow the insured person's.
DEPENDENT_STEPS = (Step.REGISTRATION, Step.ATTESTATION, Step.TREATING_DOCTOR, *OPTIONAL)
# Under 16 no parcours penalty applies (docs/rules.md §5): declaring a doctor is optional.
TREATING_DOCTOR_AGE = 16
# A reminder this long before a card or rights end (the issue: "a month before").
REMIND_BEFORE_DAYS = 30


@dataclass(frozen=True, slots=True)
class RoadRecord:
    """One row of ``road_step``: a step of a person, done on a day, maybe until another."""

    id: int
    person_id: PersonId
    step: Step
    done_on: date | None = None
    until: date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class StepDetail:
    """What some steps need: the attestation's number, the doctor, the contract."""

    number: str | None = None
    temporary: bool = False
    doctor_id: PractitionerId | None = None
    contract_id: ContractId | None = None


@dataclass(frozen=True, slots=True)
class StepState:
    """A step as the Household page shows it."""

    step: Step
    done: bool
    done_on: date | None = None
    until: date | None = None
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Road:
    person: Person
    steps: tuple[StepState, ...]

    @property
    def next_step(self) -> StepState | None:
        """The first step not done yet, the optional ones last."""
        waiting = [s for s in self.steps if not s.done]
        required = [s for s in waiting if not s.optional]
        candidates = required or waiting
        return candidates[0] if candidates else None

    def state(self, step: Step) -> StepState | None:
        return next((s for s in self.steps if s.step is step), None)


def applicable(person: Person, today: date) -> tuple[Step, ...]:
    """The steps that concern ``person`` (fewer for a dependent, the doctor from 16)."""
    steps = DEPENDENT_STEPS if person.is_dependent else ORDER
    age = person.age_on(today)
    if age is not None and age < TREATING_DOCTOR_AGE:
        steps = tuple(s for s in steps if s is not Step.TREATING_DOCTOR)
    return steps


def known_from_record(person: Person, step: Step, insured: Person | None = None) -> bool:
    """Whether the record already shows the step done.

    A dependent is registered under the insured person's number: their registration
    and attestation are the insured person's (``insured``).
    """
    if insured is not None and step in (Step.REGISTRATION, Step.ATTESTATION):
        person = insured
    if step is Step.REGISTRATION:
        return person.nir is not None or person.registration.value != "not-registered"
    if step is Step.ATTESTATION:
        return person.nir is not None
    if step in (Step.VITALE_REQUESTED, Step.VITALE_RECEIVED):
        return person.vitale
    if step is Step.TREATING_DOCTOR:
        return person.treating_doctor_id is not None
    if step is Step.MUTUELLE:
        return person.contract_id is not None
    if step is Step.NOEMIE:
        return person.contract_id is not None and person.noemie
    return False


def road_of(
    person: Person,
    records: dict[Step, RoadRecord],
    today: date,
    insured: Person | None = None,
) -> Road:
    """The person's road: each applicable step with its state, in order.

    ``insured``: the insured person of a dependent (whose number covers them).
    """
    states = []
    for step in applicable(person, today):
        record = records.get(step)
        done = (record is not None and record.done_on is not None) or known_from_record(
            person, step, insured
        )
        states.append(
            StepState(
                step,
                done,
                record.done_on if record else None,
                record.until if record else None,
                step in OPTIONAL,
            )
        )
    return Road(person, tuple(states))
