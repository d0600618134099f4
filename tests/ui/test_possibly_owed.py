"""Possibly owed to you: the dashboard's figure and list, the Care page's filter, and
recording a payment received by hand from the Care page."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.codes import Payer
from carnet.domain.ids import ActId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from carnet.domain.receipts import Cause
from carnet.ui import errors
from carnet.ui.dialogs.received_editor import ReceivedEditor
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow
from carnet.ui.views.dashboard_page import DashboardPage
from tests.ui.conftest import open_page


def first_gp_visit(services: Services) -> ActId:
    """Sarah's G of 12 Jan 2026 (30 €, in parcours: the CPAM owes 19.00 €)."""
    return next(
        a.id for a in services.care.summaries() if a.act_code == "G" and a.fee_cents == 3000
    )


def test_dashboard_sums_what_was_paid_short_and_says_why(
    qtbot: QtBot, window: MainWindow, services: Services, events: EventHub
) -> None:
    visit = first_gp_visit(services)
    page = open_page(window, "dashboard", DashboardPage)
    assert not page.figures["owed"].isEnabled()
    result = services.received.record(visit, Payer.AMO, Cents(700))
    events.publish(result.changes)
    assert page.figures["owed"].text() == "€12.00 · 1 act"
    assert "outside the parcours de soins" in page.owed_list.text()
    qtbot.mouseClick(page.figures["owed"], Qt.MouseButton.LeftButton)
    assert window.current_page() == "care"
    assert window.care_page.model.rowCount() == 1


def test_care_page_filters_on_acts_paid_short(
    window: MainWindow, services: Services, events: EventHub
) -> None:
    visit = first_gp_visit(services)
    events.publish(services.received.record(visit, Payer.AMO, Cents(700)).changes)
    care = window.care_page
    box = care.filters.status_box
    box.setCurrentIndex(box.findData("owed"))
    assert care.model.rowCount() == 1
    care.table.selectRow(0)
    assert care.selected_act() == visit
    assert "€7.00" in care.detail.value_text("payments")
    assert "outside the parcours de soins" in care.detail.value_text("payments")


def test_a_payment_received_is_typed_on_the_care_page(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    visit = first_gp_visit(services)
    care = window.care_page
    care.select_act(visit)
    dialog = care.commands.mark_received()
    assert dialog is not None
    editor = dialog.findChild(ReceivedEditor)
    assert editor is not None
    assert editor.amount_edit.text() == "19.00"  # what the CPAM should pay, to start from
    editor.amount_edit.setText("abc")
    assert not dialog.save_button.isEnabled()
    editor.amount_edit.setText("7,00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    (found,) = services.discrepancies.find()
    assert (found.act_id, found.cause, found.received_cents) == (visit, Cause.PARCOURS, 700)


def test_a_decompte_is_typed_line_by_line(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from carnet.ui.dialogs.decompte_editor import DecompteEditor  # noqa: PLC0415

    dialog = window.care_page.commands.enter_decompte()
    editor = dialog.findChild(DecompteEditor)
    assert editor is not None
    assert not dialog.save_button.isEnabled()
    editor.set_line(0, "12/01/2026", "G", "7,00")
    editor.set_line(1, "2026-02-16", "G", "lots")
    assert not dialog.save_button.isEnabled()
    editor.set_line(1, "2026-02-16", "G", "24.50")  # Léa's G + MEG: 35 × 70 %
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    visit = first_gp_visit(services)
    assert [(d.act_id, d.cause) for d in services.discrepancies.find()] == [(visit, Cause.PARCOURS)]


def _refused(_parent: object, _t: object, error: Exception) -> None:
    raise AssertionError(f"refused: {error}")


def test_accept_and_reclaim_from_the_care_page(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, services: Services, events: EventHub
) -> None:
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _title, text: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text: told.append(text))
    monkeypatch.setattr(errors, "show_error", _refused)
    services.settings.set("household.address", "12 rue des Lilas\n75011 Paris")
    visit = first_gp_visit(services)
    sarah = services.household.person(services.care.act(visit).person_id)
    data = PersonInput(**{f.name: getattr(sarah, f.name) for f in fields(PersonInput)})
    services.household.edit_person(sarah.id, replace(data, cpam="CPAM de Paris"))
    events.publish(services.received.record(visit, Payer.AMO, Cents(700)).changes)
    care = window.care_page
    care.select_act(visit)
    assert care.commands.write_reclamation() is not None
    assert "is on the Mailings page" in told[-1]
    (mailing,) = [m for m in services.mailings.mailings() if m.kind.value == "reclamation"]
    (line,) = services.store.receipts.lines_of(mailing.id)
    assert (line.act_id, line.expected_cents, line.received_cents) == (visit, 1900, 700)
    care.select_act(visit)
    assert care.commands.accept_paid()
    assert "outside the parcours de soins" in asked[-1]
    assert services.discrepancies.find() == []
    (payment,) = services.care.expected_payments(visit)
    assert payment.amount_cents == 700
