"""Archiving and bringing back a record go on the undo stack, like a removal."""

from __future__ import annotations

from pathlib import Path

import pytest

from carnet.app import Services, build_services
from carnet.domain.banking import BankAccountInput
from carnet.domain.contracts import ContractInput
from carnet.domain.errors import ValidationError
from carnet.domain.people import PersonInput
from carnet.domain.practitioners import PractitionerInput, Profession
from tests.conftest import TODAY


def test_every_kind_of_record_archives_and_comes_back_undoably(services: Services) -> None:
    household = services.household
    idents = {
        "person": household.add_person(PersonInput("Léa", "Martin")).value.id,
        "practitioner": household.add_practitioner(
            PractitionerInput(name="Dr Claire Martin", profession=Profession.GP)
        ).value.id,
        "contract": household.add_contract(ContractInput(insurer="MGEN")).value.id,
        "bank_account": household.add_bank_account(BankAccountInput(name="Compte joint")).value.id,
    }
    for kind, ident in idents.items():
        archived = services.removal.archive_record(kind, ident)
        assert ident in services.removal.archived(kind)
        assert services.history.undo().value == archived_label(kind)
        assert ident not in services.removal.archived(kind)
        services.history.redo()
        assert ident in services.removal.archived(kind)
        services.removal.unarchive(kind, ident)
        services.history.undo()
        assert ident in services.removal.archived(kind), kind
        del archived
    # The history says what happened to the mark, in order.
    events = services.store.events.for_entity("archived_person", idents["person"])
    assert [e.action for e in events] == [
        "archived",
        "undo:archived",
        "redo:archived",
        "unarchived",
        "undo:unarchived",
    ]


def archived_label(kind: str) -> str:
    return {
        "person": "Archive a person",
        "practitioner": "Archive a practitioner",
        "contract": "Archive a contract",
        "bank_account": "Archive a bank account",
    }[kind]


def test_an_archive_another_carnet_changed_since_is_not_undone(
    services: Services, db_path: Path
) -> None:
    lea = services.household.add_person(PersonInput("Léa", "Martin")).value
    services.removal.archive_record("person", lea.id)
    other = build_services(db_path, today=lambda: TODAY)  # a command, or another window
    try:
        other.removal.unarchive("person", lea.id)
    finally:
        other.close()
    with pytest.raises(ValidationError) as caught:
        services.history.undo()
    assert str(caught.value).startswith("undo: Cannot undo “Archive a person”: the person #")
    assert services.removal.archived("person") == set()  # the other's change is kept
