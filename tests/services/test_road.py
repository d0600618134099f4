"""The newcomer's road through the services: each step, its state and its effect."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.claims import Step as FeuilleStep
from carnet.domain.codes import Channel, FeuilleStatus, Parcours
from carnet.domain.contracts import ContractInput
from carnet.domain.errors import ValidationError
from carnet.domain.ids import ContractId, PersonId, PractitionerId
from carnet.domain.mailings import RecipientKind
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput, Registration
from carnet.domain.road import Step
from carnet.i18n import Translator
from carnet.services.road_costs import cost_text

ARRIVED = date(2026, 9, 1)


def _newcomer(services: Services) -> PersonId:
    person = services.household.add_person(
        PersonInput(
            first_name="Amal",
            last_name="Haddad",
            birth_date=date(1990, 4, 2),
            cpam="CPAM de Paris",
        )
    ).value
    return person.id


def _visit(services: Services, person: PersonId, gp: int, day: date, **extra: object) -> int:
    act = ActInput(
        person_id=person,
        practitioner_id=PractitionerId(gp),
        date=day,
        act_code="G",
        fee_cents=Cents(3000),
        channel=Channel.PAPER,
        **extra,  # type: ignore[arg-type]
    )
    return services.care.add_act(act).value.id


def test_a_newcomer_walks_the_road_to_noemie(services: Services, household: dict[str, int]) -> None:
    t = Translator("en")
    amal = _newcomer(services)
    road = services.road.road(amal)
    assert road.next_step is not None and road.next_step.step is Step.REGISTRATION
    assert not any(s.done for s in road.steps)

    # 1. Registration asked: the person is "attestation pending"; paper care is held.
    services.road.reach(amal, Step.REGISTRATION, ARRIVED)
    assert services.household.person(amal).registration is Registration.ATTESTATION_PENDING
    act = _visit(services, amal, household["gp"], date(2026, 9, 10), parcours=Parcours.OUT)
    held = services.store.feuilles.for_act(act)
    assert held is not None and held.status is FeuilleStatus.HELD
    [next_step] = [n for n in services.road.next_steps() if n.person.id == amal]
    assert next_step.step.step is Step.ATTESTATION
    assert cost_text(next_step.cost, t) == "feuilles held for the number: 1, €7.00 waiting"

    # 2. The attestation with a temporary number: the held feuille is released.
    result = services.road.reach(
        amal,
        Step.ATTESTATION,
        date(2026, 10, 1),
        number="7 90 04 99 350 123 50",
        temporary=True,
        until=date(2027, 9, 30),
    )
    released = services.store.feuilles.for_act(act)
    assert released is not None and released.status is FeuilleStatus.TO_SIGN
    assert released.id in result.changes.feuilles
    person = services.household.person(amal)
    assert person.registration is Registration.TEMPORARY_NUMBER and person.nir
    assert result.value.state(Step.ATTESTATION).until == date(2027, 9, 30)  # type: ignore[union-attr]

    # 3. The carte Vitale: requested, then received (the person now has a card).
    services.road.reach(amal, Step.VITALE_REQUESTED, date(2026, 10, 2))
    cost = next(n.cost for n in services.road.next_steps() if n.person.id == amal)
    assert cost_text(cost, t).startswith("acts on paper this year: 1")
    services.road.reach(amal, Step.VITALE_RECEIVED, date(2026, 10, 20))
    assert services.household.person(amal).vitale
    services.road.reach(amal, Step.AMELI, date(2026, 10, 21))

    # 4. Médecin traitant: the engine's figure of what the parcours penalty took, then none.
    # G 30 € out of the parcours: 30 × 30 % − 2 = 7.00 € instead of 30 × 70 % − 2 = 19.00 €.
    cost = next(n.cost for n in services.road.next_steps() if n.person.id == amal)
    assert cost_text(cost, t) == "€12.00 less reimbursed this year out of the parcours"
    services.road.reach(
        amal, Step.TREATING_DOCTOR, date(2026, 11, 2), doctor_id=PractitionerId(household["gp"])
    )
    assert services.household.person(amal).treating_doctor_id == household["gp"]
    # i19's history keeps the declaration from that day: the parcours is derived from it.
    [period] = services.household.treating_history(amal).periods
    assert (period.practitioner_id, period.since) == (household["gp"], date(2026, 11, 2))

    # 5. A mutuelle without Noémie: a letter to the mutuelle is needed...
    contract = services.household.add_contract(ContractInput(insurer="MGEN", number="42")).value
    services.road.reach(amal, Step.MUTUELLE, date(2026, 11, 3), contract_id=contract.id)
    assert not services.household.person(amal).noemie
    nxt = next(n for n in services.road.next_steps() if n.person.id == amal)
    assert nxt.step.step is Step.NOEMIE
    # ...then Noémie confirmed: the mutuelle pays without a letter (none can be made).
    services.road.reach(amal, Step.NOEMIE, date(2026, 11, 20))
    assert services.household.person(amal).noemie
    services.claims.step(released.id, FeuilleStep.SIGN)
    with pytest.raises(ValidationError, match="Noémie is on"):
        services.mailings.create(amal, recipient_kind=RecipientKind.MUTUELLE)
    road = services.road.road(amal)
    assert road.next_step is not None and road.next_step.optional  # only the European card left
    assert [s.step for s in road.steps if s.done][-1] is Step.NOEMIE


def test_a_step_needs_its_detail_and_writes_nothing_without_it(
    services: Services, household: dict[str, int]
) -> None:
    amal = _newcomer(services)
    with pytest.raises(ValidationError, match="number written on the attestation"):
        services.road.reach(amal, Step.ATTESTATION, ARRIVED)
    with pytest.raises(ValidationError, match="future"):
        services.road.reach(amal, Step.REGISTRATION, date(2030, 1, 1))
    with pytest.raises(ValidationError):
        services.road.reach(amal, Step.MUTUELLE, ARRIVED, contract_id=ContractId(99))
    assert services.store.road.for_person(amal) == {}
    assert services.household.person(amal).registration is Registration.NOT_REGISTERED


def test_card_and_rights_end_a_month_before_in_the_calendar(
    services: Services, household: dict[str, int]
) -> None:
    adult = PersonId(household["adult"])
    services.road.reach(adult, Step.EHIC_REQUESTED, date(2026, 6, 1))
    services.road.reach(adult, Step.EHIC_RECEIVED, date(2026, 6, 15), until=date(2028, 6, 14))
    calendar = Calendar.from_ical(services.calendar.ics("fr"))
    [card] = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("road-")]
    assert card.decoded("DTSTART") == date(2028, 6, 14) - timedelta(days=30)
    assert "carte européenne" in str(card["SUMMARY"]).lower()


def test_dependents_and_children_have_a_shorter_road(
    services: Services, household: dict[str, int]
) -> None:
    child = services.road.road(PersonId(household["child"]))
    steps = [s.step for s in child.steps]
    # Léa (4) is on her mother's attestation; no médecin traitant needed under 16.
    assert Step.VITALE_REQUESTED not in steps and Step.TREATING_DOCTOR not in steps
    assert Step.EHIC_REQUESTED in steps
    # Sarah's record already says she has a number and a doctor: those steps are done.
    sarah = services.road.road(PersonId(household["adult"]))
    done = {s.step for s in sarah.steps if s.done}
    assert {Step.REGISTRATION, Step.ATTESTATION, Step.TREATING_DOCTOR} <= done


def test_undo_takes_a_step_back_with_its_effect(
    services: Services, household: dict[str, int]
) -> None:
    amal = _newcomer(services)
    services.road.reach(amal, Step.REGISTRATION, ARRIVED)
    services.history.undo()
    assert services.store.road.for_person(amal) == {}
    assert services.household.person(amal).registration is Registration.NOT_REGISTERED


def test_the_assistant_dates_the_steps_the_record_already_shows(services: Services) -> None:
    waiting = services.household.add_person(
        PersonInput(
            first_name="Amal", last_name="Haddad", registration=Registration.ATTESTATION_PENDING
        )
    ).value
    road = services.road.start(waiting.id).value
    registration = road.state(Step.REGISTRATION)
    assert registration is not None and registration.done_on == date(2026, 11, 28)
    assert road.next_step is not None and road.next_step.step is Step.ATTESTATION


def test_a_dependent_is_registered_with_the_insured_person(services: Services) -> None:
    amal = _newcomer(services)
    nour = services.household.add_person(
        PersonInput(
            first_name="Nour", last_name="Haddad", birth_date=date(2019, 6, 9), insured_id=amal
        )
    ).value
    assert services.road.road(nour.id).next_step.step is Step.REGISTRATION  # type: ignore[union-attr]
    services.road.reach(amal, Step.REGISTRATION, ARRIVED)
    services.road.reach(amal, Step.ATTESTATION, ARRIVED, number="7 90 04 99 350 123 50")
    road = services.road.road(nour.id)
    assert road.next_step is not None and road.next_step.optional  # only the European card
    assert not [n for n in services.road.next_steps() if n.person.id == nour.id]
