"""The newcomer's road, step by step, with what each step changes.

Reaching a step records its day (and its detail), and does what the rules say it
does, through the household service so that the usual consequences follow in the
same transaction:

- the attestation's number → the person's number and registration (temporary or
  final): the feuilles held for the number are released, as when it is typed in
  the person form;
- the carte Vitale received → the person has a card (care goes through Vitale);
- the médecin traitant declared → the person's doctor and declaration date (the
  parcours of the engine follows);
- the mutuelle taken → the person's contract, not yet linked: the mutuelle is paid
  with a letter and the CPAM statement;
- Noémie confirmed → the link is on: the mutuelle pays without a letter;
- the attestation's end of rights and the European card's last day → a reminder a
  month before (:mod:`carnet.services.calendar`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from carnet.domain.changes import Changes
from carnet.domain.errors import ValidationError
from carnet.domain.ids import ContractId, PersonId, PractitionerId
from carnet.domain.people import Person, PersonInput, Registration
from carnet.domain.road import Road, RoadRecord, Step, StepDetail, StepState, road_of
from carnet.domain.validation import check_date
from carnet.i18n import N_
from carnet.services.base import Clock, Result, Service
from carnet.services.household import HouseholdService
from carnet.services.road_costs import Cost, cost_of
from carnet.storage.store import Store


@dataclass(frozen=True, slots=True)
class NextStep:
    """A person's next step on the road, and what skipping it costs."""

    person: Person
    step: StepState
    cost: Cost


class RoadService(Service):
    def __init__(self, store: Store, today: Clock = date.today) -> None:
        super().__init__(store, today)
        self.household = HouseholdService(store, today)

    def road(self, person_id: PersonId) -> Road:
        person = self.store.people.get(person_id)
        records = self.store.road.for_person(person_id)
        return road_of(person, records, self.today(), self._insured(person))

    def roads(self) -> list[Road]:
        """Every person's road, in the household's order."""
        records = self.store.road.all_by_person()
        today = self.today()
        return [
            road_of(p, records.get(p.id, {}), today, self._insured(p))
            for p in self.household.people()
        ]

    def _insured(self, person: Person) -> Person | None:
        """The insured person whose number covers a dependent (``None`` for the insured)."""
        return None if person.insured_id is None else self.store.people.get(person.insured_id)

    def next_steps(self) -> list[NextStep]:
        """Each person's next required step (the European card is not one), with its cost."""
        today = self.today()
        found = []
        for road in self.roads():
            upcoming = road.next_step
            if upcoming is not None and not upcoming.optional:
                cost = cost_of(self.store, road.person, upcoming.step, today)
                found.append(NextStep(road.person, upcoming, cost))
        return found

    def reach(
        self,
        person_id: PersonId,
        step: Step,
        on: date | None = None,
        *,
        number: str | None = None,
        temporary: bool = False,
        until: date | None = None,
        doctor_id: PractitionerId | None = None,
        contract_id: ContractId | None = None,
    ) -> Result[Road]:
        """Mark ``step`` done on ``on`` (today by default), with its detail and effects."""
        day = on or self.today()
        check_date(day, "date", today=self.today())
        if until is not None and until < day:
            raise ValidationError("until", N_("ends before it starts"))
        with self.store.transaction(N_("Mark a step of the road")):
            person = self.store.people.get(person_id)
            detail = StepDetail(number, temporary, doctor_id, contract_id)
            changed = _effect(person, step, day, detail)
            changes = Changes(people=frozenset({person_id}))
            if changed is not None:
                changes = changes | self.household.edit_person(person_id, changed).changes
            self._record(person_id, step, day, until)
        return Result(self.road(person_id), changes)

    def start(self, person_id: PersonId) -> Result[Road]:
        """The assistant's first steps: what the new person's record already says, dated today.

        A person added waiting for the attestation has asked to be registered; one added
        with a number has received it; with a card, has the card. The road keeps the day.
        """
        today = self.today()
        with self.store.transaction(N_("Start the road")):
            for state in self.road(person_id).steps:
                if state.done and state.done_on is None:
                    self._record(person_id, state.step, today, None)
        return Result(self.road(person_id), Changes(people=frozenset({person_id})))

    def _record(self, person_id: PersonId, step: Step, day: date, until: date | None) -> None:
        existing = self.store.road.for_person(person_id).get(step)
        record = RoadRecord(0, person_id, step, day, until)
        if existing is None:
            saved = self.store.road.insert(record)
            self.store.events.record("road_step", saved.id, "created", after=saved)
        else:
            before, saved = self.store.road.update(existing.id, replace(record, id=existing.id))
            self.store.events.record("road_step", saved.id, "edited", before, after=saved)


def person_input(person: Person) -> PersonInput:
    """The editable fields of ``person``, as a form would give them back."""
    return PersonInput(**{f.name: getattr(person, f.name) for f in fields(PersonInput)})


def _effect(person: Person, step: Step, day: date, detail: StepDetail) -> PersonInput | None:
    """The person as the step leaves them, or ``None`` when the record does not change."""
    data = person_input(person)
    if step is Step.REGISTRATION and person.registration is Registration.NOT_REGISTERED:
        return replace(data, registration=Registration.ATTESTATION_PENDING)
    if step is Step.ATTESTATION:
        number = detail.number or person.nir
        if not number:
            raise ValidationError("nir", N_("enter the number written on the attestation"))
        temporary = detail.temporary
        registration = Registration.TEMPORARY_NUMBER if temporary else Registration.REGISTERED
        return replace(data, nir=number, registration=registration)
    if step is Step.VITALE_RECEIVED:
        return replace(data, vitale=True)
    if step is Step.TREATING_DOCTOR:
        if detail.doctor_id is None:
            raise ValidationError("treating_doctor_id", N_("choose the doctor you declared"))
        return replace(data, treating_doctor_id=detail.doctor_id, treating_declared_on=day)
    if step is Step.MUTUELLE:
        if detail.contract_id is None:
            raise ValidationError("contract_id", N_("choose the mutuelle contract"))
        # Not linked yet: until Noémie is confirmed the mutuelle needs a letter.
        return replace(data, contract_id=detail.contract_id, noemie=False)
    if step is Step.NOEMIE:
        if person.contract_id is None:
            raise ValidationError("contract_id", N_("take a mutuelle first"))
        return replace(data, noemie=True)
    return None
