"""The road in the window: a newcomer walked from "not registered" to "Noémie confirmed"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.contracts import ContractInput
from carnet.domain.people import PersonInput, Registration
from carnet.domain.road import Step
from carnet.ui.forms.road_editor import RoadStepEditor
from carnet.ui.main_window import MainWindow
from carnet.ui.views.dashboard_page import DashboardPage
from carnet.ui.views.household_page import HouseholdPage
from tests.ui.conftest import open_page


def _mark_next(qtbot: QtBot, page: HouseholdPage, fill: dict[str, str] | None = None) -> Step:
    road = page.road
    step = road.road.next_step.step  # type: ignore[union-attr]
    dialog = page.mark_step(road.road.person.id, road.road.next_step)  # type: ignore[union-attr]
    editor = dialog.findChild(RoadStepEditor)
    assert editor is not None
    for name, text in (fill or {}).items():
        qtbot.keyClicks(getattr(editor, name), text)
    assert dialog.save_button.isEnabled(), editor.form.message("number")
    dialog.accept()
    return step


def test_a_newcomer_walks_the_road_in_the_window(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    amal = services.household.add_person(
        PersonInput("Amal", "Haddad", birth_date=date(1990, 4, 2), cpam="CPAM de Paris")
    ).value
    services.household.add_contract(ContractInput(insurer="MGEN"))
    page = open_page(window, "household", HouseholdPage)
    page.tabs.setCurrentWidget(page.road)
    page.road.choose(amal.id)
    assert "Next step: Registration requested" in page.road.next_title.text()
    assert "keep your feuilles de soins" in page.road.advice.text()

    assert _mark_next(qtbot, page) is Step.REGISTRATION
    assert services.household.person(amal.id).registration is Registration.ATTESTATION_PENDING
    assert _mark_next(qtbot, page, {"number": "7 90 04 99 350 123 50"}) is Step.ATTESTATION
    assert services.household.person(amal.id).nir is not None
    for expected in (Step.VITALE_REQUESTED, Step.VITALE_RECEIVED, Step.AMELI):
        assert _mark_next(qtbot, page) is expected
    assert services.household.person(amal.id).vitale
    assert _mark_next(qtbot, page) is Step.TREATING_DOCTOR  # the first doctor in the list
    assert services.household.person(amal.id).treating_doctor_id is not None
    assert _mark_next(qtbot, page) is Step.MUTUELLE
    assert not services.household.person(amal.id).noemie
    assert _mark_next(qtbot, page) is Step.NOEMIE
    assert services.household.person(amal.id).noemie
    lines = [page.road.steps.item(i).text() for i in range(page.road.steps.count())]
    assert lines[7].startswith("✓ Noémie link confirmed — 28 Nov 2026")
    assert "European Health Insurance Card" in page.road.next_title.text()


def test_the_dashboard_shows_each_next_step_and_opens_the_road(
    window: MainWindow, services: Services
) -> None:
    amal = services.household.add_person(
        PersonInput("Amal", "Haddad", birth_date=date(1990, 4, 2), cpam="CPAM de Paris")
    ).value
    page = open_page(window, "dashboard", DashboardPage)
    rows = {name.text(): (text.text(), button) for name, text, button in page.road_box.rows}
    text, button = rows["<b>Amal Haddad</b>"]
    assert text == (
        "Next: Registration requested. Skipping it: paper feuilles wait until the number arrives."
    )
    button.click()
    household = window.page("household")
    assert isinstance(household, HouseholdPage)
    assert household.tabs.currentWidget() is household.road
    assert household.road.person.currentData() == amal.id


def test_the_file_menu_exports_the_reminders(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "reminders.ics"
    monkeypatch.setattr(
        "carnet.ui.calendar_export.QFileDialog.getSaveFileName", lambda *_a: (str(out), "")
    )
    window.menus.export_calendar.trigger()
    assert out.exists() and out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "reminders written to reminders.ics" in window.statusBar().currentMessage()
