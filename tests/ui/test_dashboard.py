"""The dashboard: what is owed, feuilles to act on, imports, and clicking through to acts."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.claims import Step
from carnet.domain.codes import Channel, FeuilleStatus, Payer
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow
from carnet.ui.views.dashboard_page import DashboardPage
from carnet.ui.views.feuilles_page import FeuillesPage
from tests.ui.conftest import open_page


def dashboard(window: MainWindow) -> DashboardPage:
    return open_page(window, "dashboard", DashboardPage)


def test_figures_sum_what_is_owed(window: MainWindow, services: Services) -> None:
    page = dashboard(window)
    owed = services.dashboard.summary().owed[Payer.AMO]
    assert owed.payments > 0
    assert page.figures["amo-pending"].text().startswith(window.translator.money(owed.cents))
    # Nothing reaches the mutuelle without a contract: the figure is greyed.
    assert not page.figures["amc-pending"].isEnabled()
    assert page.imports_label.text() == "No bank statement imported yet."


def test_clicking_a_figure_opens_the_acts_behind_it(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = dashboard(window)
    qtbot.mouseClick(page.figures["amo-pending"], Qt.MouseButton.LeftButton)
    care = window.care_page
    assert window.current_page() == "care"
    expected = services.dashboard.owed_acts(Payer.AMO, overdue=False)
    assert care.model.rowCount() == len(expected) > 0
    assert care.filters.chip.isVisible()
    care.filters.chip.click()
    assert care.model.rowCount() == 6


def test_feuilles_to_sign_follow_their_steps(
    window: MainWindow, services: Services, events: EventHub
) -> None:
    page = dashboard(window)
    (feuille,) = services.claims.feuilles()
    assert feuille.status is FeuilleStatus.HELD  # Léa's insured mother has no number yet
    assert (page.figures["held"].text(), page.figures["to-sign"].text()) == ("1", "0")
    sarah = next(p for p in services.household.people() if p.first_name == "Sarah")
    values = {f.name: getattr(sarah, f.name) for f in fields(PersonInput)}
    numbered = replace(PersonInput(**values), nir="2 88 03 99 132 045 16", registration=None)
    events.publish(services.household.edit_person(sarah.id, numbered).changes)
    assert (page.figures["held"].text(), page.figures["to-sign"].text()) == ("0", "1")
    events.publish(services.claims.step(feuille.id, Step.SIGN, on=date(2026, 11, 20)).changes)
    assert page.figures["to-mail"].text() == "1"


def test_the_chart_has_twelve_months_in_whole_euros(window: MainWindow) -> None:
    page = dashboard(window)
    paid, back = page.chart.totals()
    assert len(paid) == len(back) == 12
    assert page.chart.months_axis.categories()[:3] == ["Dec", "Jan", "Feb"]
    assert page.chart.months_axis.titleText() == "Dec 2025 – Nov 2026"
    # Oct 2026: Léa's GP visit (35 € fee) is assessed; both bars are whole euros.
    assert paid[-2] + back[-2] in (34, 35)


def test_feuille_figures_open_the_feuilles_page_on_their_states(
    qtbot: QtBot, window: MainWindow, services: Services, events: EventHub
) -> None:
    page = dashboard(window)
    qtbot.mouseClick(page.figures["held"], Qt.MouseButton.LeftButton)
    assert window.current_page() == "feuilles"
    feuilles = window.page("feuilles")
    assert isinstance(feuilles, FeuillesPage)
    assert feuilles.selected_states() == {FeuilleStatus.HELD}
    (feuille,) = services.claims.feuilles()
    assert [r.feuille.id for r in feuilles.model.rows()] == [feuille.id]
    # Once signed, the feuille is "to mail": three states of the Feuilles page at once.
    sarah = next(p for p in services.household.people() if p.first_name == "Sarah")
    values = {f.name: getattr(sarah, f.name) for f in fields(PersonInput)}
    numbered = replace(PersonInput(**values), nir="2 88 03 99 132 045 16", registration=None)
    events.publish(services.household.edit_person(sarah.id, numbered).changes)
    events.publish(services.claims.step(feuille.id, Step.SIGN, on=date(2026, 11, 20)).changes)
    window.show_page("dashboard")
    qtbot.mouseClick(page.figures["to-mail"], Qt.MouseButton.LeftButton)
    assert window.current_page() == "feuilles"
    assert feuilles.selected_states() == {
        FeuilleStatus.SIGNED,
        FeuilleStatus.COPIED,
        FeuilleStatus.IN_MAILING,
    }
    assert [r.feuille.id for r in feuilles.model.rows()] == [feuille.id]


def test_the_deadline_figure_opens_the_acts_close_to_it(
    qtbot: QtBot, window: MainWindow, services: Services, events: EventHub
) -> None:
    page = dashboard(window)
    sarah = next(p for p in services.household.people() if p.first_name == "Sarah")
    # Paper care of October 2024: to reach the CPAM by Dec 31, 2026, a month from now.
    old = ActInput(
        person_id=sarah.id,
        practitioner_id=None,
        date=date(2024, 10, 15),
        act_code="G",
        fee_cents=Cents(3000),
        channel=Channel.PAPER,
    )
    events.publish(services.care.add_act(old).changes)
    assert page.figures["deadline"].text() == "1"
    qtbot.mouseClick(page.figures["deadline"], Qt.MouseButton.LeftButton)
    assert window.current_page() == "care"
    assert window.care_page.model.rowCount() == len(services.dashboard.deadline_acts())
    shown = {window.care_page.model.act_id(r) for r in range(window.care_page.model.rowCount())}
    assert shown == set(services.dashboard.deadline_acts())
