"""Shared fixtures: real SQLite files in a temporary folder, a fixed 'today'."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

# Qt must never try to reach a real display during tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from carnet.app import Services, build_services
from carnet.domain.people import PersonInput
from carnet.domain.practitioners import PractitionerInput, Profession, Sector

TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Carnet keeps no cache; Qt or a library that would must not write in the user's folder."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


@pytest.fixture(autouse=True, scope="session")
def english_system_locale() -> Iterator[None]:
    """The command line follows the system's language: tests run as on an English system."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
            patch.delenv(name, raising=False)
        patch.setenv("LANG", "C.UTF-8")
        yield


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "carnet.sqlite"


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    built = build_services(db_path, today=lambda: TODAY)
    yield built
    built.close()


@pytest.fixture
def household(services: Services) -> dict[str, int]:
    return make_household(services)


def make_household(services: Services) -> dict[str, int]:
    """A small household: an insured adult with a GP, and a child dependent."""
    gp = services.household.add_practitioner(
        PractitionerInput(name="Dr Claire Martin", profession=Profession.GP, sector=Sector.S1)
    ).value
    adult = services.household.add_person(
        PersonInput(
            first_name="Sarah",
            last_name="Thompson",
            birth_date=date(1988, 3, 14),
            nir="2 88 03 99 132 045 16",
            cpam="CPAM de Paris",
            treating_doctor_id=gp.id,
        )
    ).value
    child = services.household.add_person(
        PersonInput(
            first_name="Léa",
            last_name="Thompson",
            birth_date=date(2022, 5, 2),
            insured_id=adult.id,
        )
    ).value
    return {"gp": gp.id, "adult": adult.id, "child": child.id}


def dump_database(path: Path) -> list[str]:
    """Every schema statement and row of the SQLite file ``path``, to compare two files."""
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())
