"""A caisse Carnet does not know (hostile sweep of issue #20).

On main ``carnet setting set household.caisse X`` kept anything as typed, without a
word: ``CPAM du Rhne`` (a slip), ``69`` (which ``person add --cpam`` turns into the
CPAM du Rhône) or ``CPAM``. A household outside Paris then learnt of it at its first
letter, which needs its caisse's real address. Now a number, a town or a name said
another way (``CPAM Rhone``) becomes the caisse's name, one that names several is
refused in one line, and a name the directory does not know (the MSA, a régime
spécial) is kept with a warning naming the nearest caisses, in the window too.
``person add --cpam CPAM`` listed a hundred caisses in its message: now five.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from carnet.app import build_services
from carnet.domain.errors import ValidationError
from carnet.domain.people import PersonInput
from carnet.i18n import Translator
from carnet.main import main
from carnet.services.settings import ADDRESS_PREFIX, CAISSE_KEY
from carnet.ui.widgets.caisse_field import CaisseField, describe_caisse
from tests.conftest import TODAY
from tests.hostile.common import one_line, snapshot
from tests.hostile.test_hostile_cli import carnet

SLIP = "CPAM du Rhne"


@pytest.fixture
def db(tmp_path: Path, demo_db: Path) -> Path:
    copy = tmp_path / "c.sqlite"
    shutil.copyfile(demo_db, copy)
    return copy


def _caisse(db: Path) -> str:
    services = build_services(db, today=lambda: TODAY)
    try:
        return services.settings.caisse()
    finally:
        services.close()


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("59", "names several caisses: CPAM de Lille-Douai"),
        ("CPAM", "names 102 caisses, such as"),
        ("2A 2B", "no caisse matches"),
    ],
)
def test_a_caisse_that_names_none_or_several_is_refused(
    capsys: pytest.CaptureFixture[str], db: Path, typed: str, words: str
) -> None:
    before = snapshot(db)
    status, err = carnet(capsys, db, "setting", "set", CAISSE_KEY, typed)
    assert status == 1
    assert words in one_line(err)
    assert snapshot(db) == before


def test_person_cpam_names_five_caisses_at_most(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    before = snapshot(db)
    status, err = carnet(
        capsys, db, "person", "add", "--first-name", "A", "--last-name", "B", "--cpam", "CPAM"
    )
    assert status == 1
    assert "such as" in one_line(err)
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("69", "CPAM du Rhône"), ("Lyon", "CPAM du Rhône"), ("CPAM Rhone", "CPAM du Rhône")],
)
def test_a_number_or_town_becomes_the_caisse(
    capsys: pytest.CaptureFixture[str], db: Path, typed: str, kept: str
) -> None:
    main(["--db", str(db), "setting", "set", CAISSE_KEY, typed])
    assert capsys.readouterr().err == ""
    assert _caisse(db) == kept


def test_an_unknown_name_is_kept_with_a_warning_naming_the_nearest(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    main(["--db", str(db), "setting", "set", CAISSE_KEY, SLIP])
    warning, hint = capsys.readouterr().err.splitlines()
    assert "not in Carnet's list of caisses (did you mean CPAM du Rhône" in warning
    assert f'"address:{SLIP}"' in hint
    assert _caisse(db) == SLIP
    services = build_services(db, today=lambda: TODAY)
    try:
        # No letter can go to a made-up address: it is asked for first.
        with pytest.raises(ValidationError, match="does not know the postal address"):
            services.settings.address_of(SLIP)
        services.settings.set(ADDRESS_PREFIX + SLIP, "12 rue X\\n69003 Lyon")
        assert services.settings.set(CAISSE_KEY, SLIP) == ()  # its address typed: no warning
    finally:
        services.close()


def test_a_person_of_an_unknown_caisse_is_warned_about_in_the_service(db: Path) -> None:
    services = build_services(db, today=lambda: TODAY)
    try:
        result = services.household.add_person(PersonInput("Ana", "Lopez", cpam="MSA Ain-Rhône"))
        (warning,) = result.changes.warnings
        assert "MSA Ain-Rhône is not in Carnet's list" in one_line(str(warning))
        known = services.household.add_person(PersonInput("Léa", "Roux", cpam="CPAM du Rhône"))
        assert known.changes.warnings == ()
    finally:
        services.close()


def test_the_window_offers_the_nearest_caisses(qtbot: QtBot) -> None:
    t = Translator("en")
    field = CaisseField(t)
    qtbot.addWidget(field)
    field.setText(SLIP)
    field.textEdited.emit(SLIP)
    assert field.matches()[0] == "CPAM du Rhône"
    assert "did you mean CPAM du Rhône" in describe_caisse(t, field.caisse(), SLIP)
