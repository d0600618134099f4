"""Bulk paths cost about one assessment pass over the person-years they touch (issue 20).

Counted, not timed: each test counts the person-years the rules engine is run on
(``Reassessor.person_year``), so that a change which reassesses the same years again
and again, or years it did not touch, fails here. The timings are in
benchmarks/bench_treating_change.py and benchmarks/bench_confirm_matches.py.
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pytest

from carnet.app import Services, build_services
from carnet.domain.errors import CarnetError
from carnet.domain.ids import ActId, PersonId, PractitionerId
from carnet.domain.people import Person, PersonInput
from carnet.services.assessing import Reassessor, Touched
from carnet.services.demo import DemoHousehold, build_demo
from carnet.storage.repos.records import row_json

TODAY = date(2026, 11, 28)


@pytest.fixture
def demo(services: Services) -> DemoHousehold:
    return build_demo(services.household, services.care, acts=400, today=TODAY)


@pytest.fixture
def assessed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The (person, year) pairs reassessed from now on, in order."""
    calls: list[tuple[int, int]] = []
    original = Reassessor.person_year

    def counted(self: Reassessor, person_id: PersonId, year: int) -> Touched:
        calls.append((person_id, year))
        return original(self, person_id, year)

    monkeypatch.setattr(Reassessor, "person_year", counted)
    return calls


def test_acts_added_in_bulk_are_recorded_whole(services: Services, demo: DemoHousehold) -> None:
    """The history of the demo's acts is written from the rows inserted, not re-encoded:
    it must still be the act as stored, which undo puts back."""
    for act_id in (1, 200, 400):
        [created] = services.care.history(ActId(act_id))
        assert created.after == row_json(services.care.act(ActId(act_id)))
    assert len(demo.people) == 4


def _as_input(person: Person) -> PersonInput:
    return PersonInput(**{f.name: getattr(person, f.name) for f in fields(PersonInput)})


def test_a_new_doctor_reassesses_the_person_from_that_year_on_once(
    services: Services, demo: DemoHousehold, assessed: list[tuple[int, int]]
) -> None:
    """Sarah (Dr Martin since 2023) declares the cardiologist from 1 June 2025: her acts
    of 2025 and 2026 may change parcours, not the earlier ones nor her children's."""
    sarah = services.household.person(PersonId(demo.people["sarah"].id))
    assert services.care.years()[0] < 2025  # she has older acts, left alone
    cardiologist = PractitionerId(demo.practitioners["cardio"].id)
    change = replace(
        _as_input(sarah), treating_doctor_id=cardiologist, treating_declared_on=date(2025, 6, 1)
    )
    result = services.household.edit_person(sarah.id, change)
    assert assessed == [(sarah.id, 2025), (sarah.id, 2026)]
    assert result.changes.acts  # and what they touched is reported to the window


def test_an_edit_the_rules_do_not_read_reassesses_nothing(
    services: Services, demo: DemoHousehold, assessed: list[tuple[int, int]]
) -> None:
    sarah = services.household.person(PersonId(demo.people["sarah"].id))
    services.household.edit_person(sarah.id, replace(_as_input(sarah), notes="Allergic"))
    assert assessed == []


def test_a_number_entered_reassesses_each_year_of_the_newcomer_once(
    services: Services, demo: DemoHousehold, assessed: list[tuple[int, int]]
) -> None:
    """David's held feuilles are released: his acts now expect their payments."""
    david = services.household.person(PersonId(demo.people["david"].id))
    services.household.edit_person(david.id, replace(_as_input(david), nir="186099913204566"))
    assert assessed and len(assessed) == len(set(assessed))
    assert {person for person, _year in assessed} == {david.id}


def test_confirming_every_match_of_a_statement_reassesses_nothing(
    services: Services, demo: DemoHousehold, assessed: list[tuple[int, int]]
) -> None:
    """Settling moves money, not the figures expected; and no schema is read per match
    (sqlite-utils' insert did, for each settlement and its history row)."""
    found = services.reconciliation.propose()
    statements: list[str] = []
    services.store.ledger.conn.set_trace_callback(statements.append)
    done = services.reconciliation.confirm(found.chosen).value
    services.store.ledger.conn.set_trace_callback(None)
    assert done == len(found.chosen) >= 4
    assert assessed == []
    assert not [s for s in statements if "table_info" in s or "sqlite_master" in s]


def test_a_row_refused_deep_in_a_loaded_table_is_named_and_nothing_loads(
    services: Services, demo: DemoHousehold, tmp_path: Path
) -> None:
    """load-json inserts a table in one statement per row, without a savepoint (which
    cost a walk of its journal at each row): the refused row is the last one handed."""
    doc = json.loads(services.exports.json())
    doc["tables"]["care_act"][250]["fee_cents"] = -5  # the CHECK (fee_cents >= 0) refuses it
    target = build_services(tmp_path / "target.sqlite", today=lambda: TODAY)
    with pytest.raises(CarnetError, match=r"care_act, row 251: refused by the database"):
        target.exports.load_json(json.dumps(doc).encode())
    assert target.care.count() == 0 and target.household.people() == []
    target.close()
    assert len(demo.people) == 4
