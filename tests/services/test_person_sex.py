"""A person's sex, as the attestation de droits states it: stored, cross-checked with the NIR,
exported and loaded back; a database from before it reads "not stated"."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from carnet.app import Services, build_services
from carnet.domain.errors import CarnetError
from carnet.domain.people import PersonInput, Sex
from carnet.services.demo import build_demo
from carnet.storage.migrations import migrations
from tests.conftest import TODAY

# A woman born in March 1988 in the United Kingdom (99 132); docs/domain-fr.md §8.
SARAH = PersonInput(
    first_name="Sarah",
    last_name="Thompson",
    birth_date=date(1988, 3, 14),
    nir="2 88 03 99 132 045 16",
    sex=Sex.FEMALE,
)


def test_the_sex_is_stored_and_a_matching_number_raises_no_warning(services: Services) -> None:
    result = services.household.add_person(SARAH)
    assert result.value.sex is Sex.FEMALE
    assert result.changes.warnings == ()
    assert services.household.person(result.value.id).sex is Sex.FEMALE


def test_a_number_of_the_other_sex_is_saved_with_a_warning(services: Services) -> None:
    result = services.household.add_person(replace(SARAH, sex=Sex.MALE))
    assert result.value.nir == "288039913204516"  # kept: a warning, not a refusal
    assert [str(w) for w in result.changes.warnings] == [
        "nir: the first digit (2) is a woman's, but the person is stated as male"
    ]
    edited = services.household.edit_person(result.value.id, SARAH)
    assert edited.value.sex is Sex.FEMALE and edited.changes.warnings == ()


def test_the_sex_change_is_in_the_history_and_undone(services: Services) -> None:
    person = services.household.add_person(replace(SARAH, sex=Sex.NOT_STATED)).value
    services.household.edit_person(person.id, SARAH)
    services.history.undo()
    assert services.household.person(person.id).sex is Sex.NOT_STATED
    services.history.redo()
    assert services.household.person(person.id).sex is Sex.FEMALE


def test_the_demo_household_states_each_person_s_sex(services: Services) -> None:
    build_demo(services.household, services.care, acts=5, today=TODAY)
    sexes = {p.first_name: p.sex for p in services.household.people()}
    assert sexes == {"Sarah": Sex.FEMALE, "David": Sex.MALE, "Léa": Sex.FEMALE, "Tom": Sex.MALE}


def test_a_database_from_before_reads_not_stated(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    migrations.apply(Database(conn), stop_before="0012_person_sex")
    conn.execute("INSERT INTO person (first_name, last_name, nir) VALUES ('Léa', 'Martin', NULL)")
    conn.close()
    services = build_services(db_path, today=lambda: TODAY)  # as the previous version left it
    try:
        [lea] = services.household.people()
        assert lea.sex is Sex.NOT_STATED
    finally:
        services.close()


def _export(tmp_path: Path) -> dict[str, object]:
    services = build_services(tmp_path / "source.sqlite", today=lambda: TODAY)
    try:
        services.household.add_person(SARAH)
        data: dict[str, object] = json.loads(services.exports.json())
    finally:
        services.close()
    return data


def _load(tmp_path: Path, data: dict[str, object]) -> Services:
    services = build_services(tmp_path / "target.sqlite", today=lambda: TODAY)
    services.exports.load_json(json.dumps(data).encode())
    return services


def test_the_sex_goes_through_an_export_and_back(tmp_path: Path) -> None:
    data = _export(tmp_path)
    services = _load(tmp_path, data)
    try:
        assert [p.sex for p in services.household.people()] == [Sex.FEMALE]
    finally:
        services.close()


def test_an_export_from_before_the_sex_loads_as_not_stated(tmp_path: Path) -> None:
    data = _export(tmp_path)
    tables = data["tables"]
    assert isinstance(tables, dict)
    del tables["person"][0]["sex"]
    data["schema"] = [name for name in data["schema"] if name != "0012_person_sex"]  # type: ignore[attr-defined]
    services = _load(tmp_path, data)
    try:
        assert [p.sex for p in services.household.people()] == [Sex.NOT_STATED]
    finally:
        services.close()


def test_an_export_with_an_unknown_sex_is_refused_naming_the_row(tmp_path: Path) -> None:
    data = _export(tmp_path)
    tables = data["tables"]
    assert isinstance(tables, dict)
    tables["person"][0]["sex"] = "F"
    target = tmp_path / "target.sqlite"
    services = build_services(target, today=lambda: TODAY)
    try:
        with pytest.raises(CarnetError) as caught:
            services.exports.load_json(json.dumps(data).encode())
        assert str(caught.value) == "table person, row 1: unreadable value ('F' is not a valid Sex)"
        assert services.household.people() == []
    finally:
        services.close()
