"""Small builders shared by the service tests."""

from __future__ import annotations

from datetime import date

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel
from carnet.domain.ids import FeuilleId, PersonId, PractitionerId
from carnet.domain.money import Cents


def paper_feuille(services: Services, person: int, practitioner: int, day: date) -> FeuilleId:
    """Log a 30 € GP visit on paper; the feuille de soins it gets."""
    act = services.care.add_act(
        ActInput(
            person_id=PersonId(person),
            practitioner_id=PractitionerId(practitioner),
            date=day,
            act_code="G",
            fee_cents=Cents(3000),
            channel=Channel.PAPER,
        )
    ).value
    feuille = services.store.feuilles.for_act(act.id)
    assert feuille is not None
    return feuille.id
