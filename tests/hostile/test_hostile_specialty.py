"""A specialty belongs to a specialist only (hostile sweep of issue #20).

On main ``carnet practitioner add --profession pharmacy --specialty pediatrics`` was
kept, while the window shows the specialty for a specialist only: the two front
ends disagreed, and a specialty moves the parcours rules of the acts billed. The
service now refuses it in one line (database unchanged); ``practitioner edit``
that leaves a specialist drops the specialty and says so, as the window does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from carnet.app import build_services
from carnet.domain.errors import ValidationError
from carnet.domain.practitioners import PractitionerInput, Profession, Specialty
from carnet.i18n import Translator
from carnet.main import main
from carnet.ui.forms.practitioner_editor import PractitionerEditor
from tests.conftest import TODAY
from tests.hostile.common import one_line, snapshot
from tests.hostile.test_hostile_cli import carnet

NOT_SPECIALISTS = ["pharmacy", "gp", "laboratory", "nurse"]


@pytest.mark.parametrize("profession", NOT_SPECIALISTS)
def test_the_command_refuses_a_specialty_for_another_profession(
    capsys: pytest.CaptureFixture[str], demo_db: Path, profession: str
) -> None:
    before = snapshot(demo_db)
    args = ("--name", "Pharmacie du Parc", "--profession", profession)
    status, err = carnet(capsys, demo_db, "practitioner", "add", *args, "--specialty", "pediatrics")
    assert status == 1
    assert "only a specialist has a specialty" in one_line(err)
    assert snapshot(demo_db) == before


def test_the_service_refuses_it_too(demo_db: Path) -> None:
    before = snapshot(demo_db)
    services = build_services(demo_db, today=lambda: TODAY)
    data = PractitionerInput("Pharmacie du Parc", Profession.PHARMACY, Specialty.PEDIATRICS)
    try:
        with pytest.raises(ValidationError) as caught:
            services.household.add_practitioner(data)
    finally:
        services.close()
    assert "pharmacy" in one_line(str(caught.value))
    assert snapshot(demo_db) == before


def test_the_window_never_sends_one(qtbot: QtBot) -> None:
    editor = PractitionerEditor(Translator("en"))
    qtbot.addWidget(editor)
    editor.name.setText("Pharmacie du Parc")
    editor.specialty.setCurrentIndex(editor.specialty.findData(Specialty.PEDIATRICS.value))
    editor.profession.setCurrentIndex(editor.profession.findData(Profession.PHARMACY.value))
    assert editor.value().specialty is Specialty.NONE


def _run(db: Path, *args: str) -> None:
    """``carnet --db DB ARGS`` that succeeds (main returns; a failure exits)."""
    main(["--db", str(db), *args])


def test_leaving_the_specialists_drops_the_specialty_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "c.sqlite"
    add = ("--name", "Dr Cœur", "--profession", "specialist", "--specialty", "cardiology")
    _run(db, "practitioner", "add", *add)
    ident = capsys.readouterr().out.strip()
    _run(db, "practitioner", "edit", ident, "--profession", "gp")
    assert "specialty cardiology was dropped" in one_line(capsys.readouterr().err)
    _run(db, "practitioner", "list", "--json")
    listed = json.loads(capsys.readouterr().out)
    assert (listed[0]["profession"], listed[0]["specialty"]) == ("gp", "")
