"""The parcours in the window: "not referred" in one click, the act form's médecin
traitant, the person form's declaration date, and the dashboard's cost figure.

Figures (the rule tables and docs/rules.md §4-5): a sector-2 non-OPTAM cardiologist charging 100 €
is reimbursed on 23 €; within the parcours 70 % (16.10 €), out of it 30 % (6.90 €):
leaving the parcours costs 9.20 €.
"""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.codes import Parcours
from carnet.i18n import Translator
from carnet.ui.forms.act_editor import ActEditor
from carnet.ui.forms.person_editor import PersonEditor
from carnet.ui.main_window import MainWindow
from carnet.ui.views.dashboard_page import DashboardPage
from tests.ui.conftest import open_page


def _select_cs(window: MainWindow) -> None:
    page = window.care_page
    page.filter_box.setText("CS")
    page.table.selectRow(0)
    assert page.selected_summary() is not None


def test_not_referred_in_one_click(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    _select_cs(window)
    detail = window.care_page.detail
    button = detail.not_referred_button
    assert button.isVisible()
    assert "assumed referred by your médecin traitant" in detail._why.text()
    act = window.care_page.selected_act()
    assert act is not None
    button.click()
    qtbot.waitUntil(lambda: services.care.act(act).parcours is Parcours.OUT, timeout=3000)
    assessment = services.care.assessment(act)
    assert assessment is not None and f"{assessment.amo_rate:.2f}" == "0.30"
    window.care_page.table.selectRow(0)
    qtbot.waitUntil(lambda: not detail.not_referred_button.isVisible(), timeout=3000)


def test_dashboard_shows_what_the_parcours_cost(window: MainWindow, services: Services) -> None:
    _select_cs(window)
    act = window.care_page.selected_act()
    assert act is not None
    services.care.set_parcours(act, Parcours.OUT)
    page = open_page(window, "dashboard", DashboardPage)
    page.reload()
    assert page.parcours.figure.text() == "Lost out of the parcours in 2026: €9.20"
    assert "Sarah Thompson: €9.20" in page.parcours.detail.text()
    assert "change your médecin traitant at any time" in page.parcours.advice.text()


def test_act_form_starts_with_the_medecin_traitant(qtbot: QtBot, services: Services) -> None:
    people = services.household.people()
    practitioners = services.household.practitioners()
    sarah = next(p for p in people if p.first_name == "Sarah")
    editor = ActEditor(
        Translator("en"),
        date(2026, 11, 28),
        people=people,
        practitioners=practitioners,
        recent=[],
        last_codes={},
    )
    qtbot.addWidget(editor)
    editor.person.setCurrentIndex(editor.person.findData(sarah.id))
    assert editor.practitioner.currentData() == sarah.treating_doctor_id
    assert editor.value().parcours is None  # worked out from the médecin traitant


def test_person_form_keeps_the_declaration_date(qtbot: QtBot, services: Services) -> None:
    household = services.household
    sarah = next(p for p in household.people() if p.first_name == "Sarah")
    editor = PersonEditor(
        Translator("en"),
        date(2026, 11, 28),
        people=household.people(),
        practitioners=household.practitioners(),
        contracts=[],
    )
    qtbot.addWidget(editor)
    editor.load(sarah)
    editor.doctor_since.setText("01/02/2026")
    editor.ame.setChecked(True)
    value = editor.value()
    assert value.treating_declared_on == date(2026, 2, 1) and value.ame
    household.edit_person(sarah.id, value)
    periods = household.treating_history(sarah.id).periods
    assert [(p.since, p.until) for p in periods] == [(date(2026, 2, 1), None)]
