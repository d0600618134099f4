"""Removing or archiving people, practitioners, contracts and bank accounts."""

from __future__ import annotations

from datetime import date

import pytest

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.errors import ValidationError
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput


def test_a_record_nothing_points_at_is_removed_and_undo_brings_it_back(
    services: Services, household: dict[str, int]
) -> None:
    cousin = services.household.add_person(PersonInput("Noé", "Roux")).value
    services.removal.remove("person", cousin.id)
    assert cousin.id not in {p.id for p in services.household.people()}
    services.history.undo()
    assert services.household.person(cousin.id) == cousin


def test_a_record_in_use_is_refused_with_the_reason_and_can_be_archived(
    services: Services, household: dict[str, int]
) -> None:
    services.care.add_act(
        ActInput(
            person_id=PersonId(household["adult"]),
            practitioner_id=PractitionerId(household["gp"]),
            date=date(2025, 3, 1),
            act_code="G",
            fee_cents=Cents(3000),
        )
    )
    with pytest.raises(ValidationError, match="1 care acts") as refused:
        services.removal.remove("practitioner", household["gp"])
    assert "archive it instead" in str(refused.value)
    assert services.household.practitioner(PractitionerId(household["gp"]))  # untouched
    with pytest.raises(ValidationError, match="dependents"):
        services.removal.remove("person", household["adult"])
    services.removal.archive_record("practitioner", household["gp"])
    assert services.removal.archived("practitioner") == {household["gp"]}
    assert services.care.count() == 1  # the history stays
    services.removal.unarchive("practitioner", household["gp"])
    assert services.removal.archived("practitioner") == set()
