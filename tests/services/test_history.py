"""Undo and redo: every service call can be taken back, and done again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel, FeuilleStatus
from carnet.domain.errors import NotFoundError, ValidationError
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput


def _act(household: dict[str, int], **extra: object) -> ActInput:
    act = ActInput(
        person_id=PersonId(household["adult"]),
        practitioner_id=PractitionerId(household["gp"]),
        date=date(2025, 3, 1),
        act_code="G",
        fee_cents=Cents(3000),
        channel=Channel.PAPER,
    )
    return replace(act, **extra)  # type: ignore[arg-type]


def test_undo_and_redo_an_added_act(services: Services, household: dict[str, int]) -> None:
    act = services.care.add_act(_act(household)).value
    assert services.history.undo_label() == "Add act"
    result = services.history.undo()
    assert result.value == "Add act"
    assert act.id in result.changes.acts
    with pytest.raises(NotFoundError):
        services.care.act(act.id)
    assert services.claims.feuilles() == []
    assert services.history.redo_label() == "Add act"

    services.history.redo()
    assert services.care.act(act.id) == act
    assessment = services.care.assessment(act.id)
    assert assessment is not None and assessment.amo_cents == 1900
    assert [f.act_ids for f in services.claims.feuilles()] == [(act.id,)]
    assert services.history.redo_label() is None


def test_undo_an_edit_restores_the_act_and_its_assessment(
    services: Services, household: dict[str, int]
) -> None:
    act = services.care.add_act(_act(household, date=date(2024, 6, 3))).value
    services.care.edit_act(act.id, _act(household, date=date(2025, 6, 3), channel=Channel.VITALE))
    assert services.claims.feuilles() == []
    services.history.undo()
    assert services.care.act(act.id).date == date(2024, 6, 3)
    restored = services.care.assessment(act.id)
    assert restored is not None and restored.base_cents == 2650
    assert len(services.claims.feuilles()) == 1


def test_undo_a_delete_brings_the_act_back(services: Services, household: dict[str, int]) -> None:
    act = services.care.add_act(_act(household, channel=Channel.VITALE)).value
    services.care.delete_act(act.id)
    services.history.undo()
    assert services.care.act(act.id) == act
    assert [p.amount_cents for p in services.care.expected_payments(act.id)] == [1900]


def test_undo_entering_a_number_holds_the_feuilles_again(
    services: Services, household: dict[str, int]
) -> None:
    data = PersonInput(first_name="David", last_name="Thompson")
    david = services.household.add_person(data).value
    services.care.add_act(_act(household, person_id=david.id))
    services.household.edit_person(david.id, replace(data, nir="186099913204566"))
    assert [f.status for f in services.claims.feuilles()] == [FeuilleStatus.TO_SIGN]
    assert services.history.undo().value == "Edit person"
    assert services.household.person(david.id).nir is None
    assert [f.status for f in services.claims.feuilles()] == [FeuilleStatus.HELD]


def test_a_new_change_clears_redo_and_nothing_left_is_a_clear_error(
    services: Services, household: dict[str, int]
) -> None:
    services.care.add_act(_act(household))
    services.history.undo()
    services.care.add_act(_act(household, fee_cents=Cents(2500)))
    assert services.history.redo_label() is None
    with pytest.raises(ValidationError, match="nothing to redo"):
        services.history.redo()
    services.history.undo()
    services.history.undo()  # the household fixture's own operations are undoable too
    services.history.undo()
    services.history.undo()
    with pytest.raises(ValidationError, match="nothing to undo"):
        services.history.undo()


def test_undo_is_itself_in_the_history(services: Services, household: dict[str, int]) -> None:
    act = services.care.add_act(_act(household, channel=Channel.VITALE)).value
    services.history.undo()
    actions = [e.action for e in services.care.history(act.id)]
    assert actions == ["created", "undo:created"]


def test_a_new_act_never_inherits_an_undone_acts_id_or_history(
    services: Services, household: dict[str, int]
) -> None:
    first = services.care.add_act(_act(household)).value
    [feuille] = services.claims.feuilles()
    services.history.undo()
    second = services.care.add_act(_act(household, date=date(2025, 3, 2))).value
    assert second.id != first.id
    assert [e.action for e in services.care.history(second.id)] == ["created"]
    [new_feuille] = services.claims.feuilles()
    assert new_feuille.id != feuille.id
    person = services.household.add_person(PersonInput(first_name="Zoé", last_name="Roux")).value
    services.history.undo()
    again = services.household.add_person(PersonInput(first_name="Noé", last_name="Roux")).value
    assert again.id != person.id
