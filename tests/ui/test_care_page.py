"""The Care page as a person uses it: filter, choose a person, select, sort."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.i18n import Translator
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow
from carnet.ui.models import acts as columns
from carnet.ui.models.acts import SORT_ROLE
from carnet.ui.views import care_page
from carnet.ui.views.care_page import CarePage
from tests.conftest import make_household
from tests.ui.conftest import page_context


def shown(page: CarePage, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[object]:
    proxy = page.model
    return [proxy.data(proxy.index(r, col), role) for r in range(proxy.rowCount())]


def test_window_opens_on_care_with_every_act(window: MainWindow, services: Services) -> None:
    page = window.care_page
    assert window.current_page() == "care"
    assert window.stack.currentWidget() is page
    assert page.model.rowCount() == services.care.count() == 6
    assert page.count_label.text() == ""  # the status bar has the total
    # Newest first.
    assert shown(page, columns.DATE, SORT_ROLE)[0] == date(2026, 10, 5)


def test_typing_in_the_filter_narrows_the_rows(qtbot: QtBot, window: MainWindow) -> None:
    page = window.care_page
    # keyClicks types ASCII only (QTest asserts on other characters).
    qtbot.keyClicks(page.filter_box, "paul lef")
    assert page.model.rowCount() == 1
    assert shown(page, columns.PRACTITIONER) == ["Dr Paul Lefèvre"]
    assert page.count_label.text() == "1 of 6 acts"
    page.filter_box.setText("LÉA PH7")
    assert shown(page, columns.ACT) == ["PH7"]
    page.filter_box.clear()
    assert page.model.rowCount() == 6


def test_large_tables_filter_after_a_pause_in_typing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(care_page, "DEBOUNCE_ABOVE_ROWS", 0)
    page = window.care_page
    qtbot.keyClicks(page.filter_box, "ph7")
    assert page.model.rowCount() == 6  # not yet: the user may still be typing
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)


def test_choosing_a_person_narrows_the_rows(window: MainWindow) -> None:
    page = window.care_page
    box = page.person_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "Everyone",
        "Léa Thompson",
        "Sarah Thompson",
    ]
    box.setCurrentIndex(box.findText("Léa Thompson"))
    assert page.model.rowCount() == 3
    assert set(shown(page, columns.PERSON)) == {"Léa Thompson"}
    box.setCurrentIndex(0)
    assert page.model.rowCount() == 6


def test_selecting_a_row_shows_the_act_in_the_detail_panel(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.care_page
    page.filter_box.setText("CS")
    row_rect = page.table.visualRect(page.model.index(0, columns.PERSON))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
    assert page.selected_act() is not None
    assert page.detail.value_label("fee").text() == "€100.00"
    assert page.detail.value_label("practitioner").text() == "Dr Paul Lefèvre"
    # Every act here is assessed: the split and its explanation are shown.
    assert page.detail.value_label("amo").text().startswith("€")
    assert page.detail.value_label("rate").text().endswith("%")


def test_filtering_away_the_selection_clears_the_detail(window: MainWindow) -> None:
    page = window.care_page
    page.table.selectRow(0)
    assert page.selected_act() is not None
    page.filter_box.setText("no such act")
    assert page.selected_act() is None


def test_clicking_the_fee_header_sorts_by_cents(qtbot: QtBot, window: MainWindow) -> None:
    page = window.care_page
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(columns.FEE) + header.sectionSize(columns.FEE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    fees = shown(page, columns.FEE, SORT_ROLE)
    assert fees in ([900, 1250, 3000, 3500, 3500, 10000], [10000, 3500, 3500, 3000, 1250, 900])
    page.table.sortByColumn(columns.FEE, Qt.SortOrder.AscendingOrder)
    assert shown(page, columns.FEE)[:3] == ["€9.00", "€12.50", "€30.00"]


def test_refresh_reloads_after_a_service_call(
    window: MainWindow, services: Services, events: EventHub
) -> None:
    page = window.care_page
    page.table.selectRow(2)
    selected = page.selected_act()
    person = services.household.people()[0].id
    result = services.care.add_act(
        ActInput(PersonId(person), PractitionerId(1), date(2026, 11, 2), "G", Cents(3000))
    )
    events.publish(result.changes)
    assert page.model.rowCount() == 7
    assert window.count_label.text() == "7 acts"
    assert page.selected_act() == selected  # the selection survives the reload


def test_empty_database_explains_how_to_add_acts(
    qtbot: QtBot, empty_services: Services, translator: Translator
) -> None:
    page = CarePage(page_context(empty_services, t=translator))
    qtbot.addWidget(page)
    page.show()
    assert page.empty_state is not None
    assert page.empty_state.isVisible()
    assert not page.table.isVisible()
    text = page.empty_state.findChildren(type(page.count_label))[0].text()
    assert "New care act" in text and "Create a demo household" in text
    assert "carnet " not in text  # nothing to type in a terminal


def test_the_first_act_replaces_the_welcome_by_the_table_and_back(
    qtbot: QtBot, empty_services: Services, translator: Translator
) -> None:
    page = CarePage(page_context(empty_services, t=translator))
    qtbot.addWidget(page)
    page.show()
    ids = make_household(empty_services)
    act = empty_services.care.add_act(
        ActInput(
            person_id=PersonId(ids["adult"]),
            practitioner_id=PractitionerId(ids["gp"]),
            date=date(2025, 3, 1),
            act_code="G",
            fee_cents=Cents(3000),
        )
    )
    page.refresh(act.changes)
    assert page.table.isVisible()
    assert page.empty_state is not None and not page.empty_state.isVisible()
    page.refresh(empty_services.care.delete_act(act.value.id).changes)
    assert page.empty_state.isVisible()
    assert not page.table.isVisible()
