"""Logging care from the Care page: the entry form, Ctrl+D, delete, and the filters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QMessageBox
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.codes import Channel
from carnet.domain.practitioners import Profession
from carnet.ui.act_proposal import act_choices, proposed_fee
from carnet.ui.dialogs.form_dialog import FormDialog
from carnet.ui.forms.act_editor import ActEditor
from carnet.ui.main_window import MainWindow
from carnet.ui.models import acts as columns
from carnet.ui.parsing import decimal_text, money_text, parse_decimal, parse_money
from carnet.ui.views.care_actions import RECENT_KEY, editor_of


def test_proposals_follow_the_profession_and_the_tariff_in_force() -> None:
    codes = [c.code for c in act_choices(Profession.GP)]
    assert "G" in codes and "CS" not in codes
    assert proposed_fee("G", Profession.GP, date(2026, 1, 5)) == 3000
    assert proposed_fee("G", Profession.GP, date(2024, 1, 5)) == 2650
    assert proposed_fee("G", Profession.GP, date(2026, 1, 5), age=3) == 3500
    assert proposed_fee("PH7", Profession.PHARMACY, date(2026, 1, 5)) is None  # fee is the base


def new_act_for_sarah(window: MainWindow) -> tuple[FormDialog[Any], ActEditor]:
    """File › New care act, with Sarah and her GP chosen."""
    window.menus.new_act.trigger()
    dialog = window.care_page.commands.dialog
    assert dialog is not None
    editor = editor_of(dialog)
    editor.person.setCurrentIndex(editor.person.findText("Sarah Thompson"))
    editor.practitioner.setCurrentIndex(editor.practitioner.findText("Dr Claire Martin"))
    return dialog, editor


def test_new_act_proposes_code_and_fee_then_saves(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.care_page
    dialog, editor = new_act_for_sarah(window)
    assert editor.code_value() == "G"  # the code last used with her
    assert editor.fee.text() == "30.00"  # the tariff in force today
    editor.day.setDate(QDate(2024, 6, 3))
    assert editor.fee.text() == "26.50"  # the tariff of that day
    editor.fee.clear()
    qtbot.keyClicks(editor.fee, "abc")
    assert "amount" in editor.form.message("fee")
    assert not dialog.save_button.isEnabled()
    editor.fee.setText("26,50")
    editor.channel.setCurrentIndex(editor.channel.findData(Channel.PAPER.value))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.care.count() == 7
    new = services.care.act(page.selected_act() or 0)
    assert (new.date, new.fee_cents, new.channel) == (date(2024, 6, 3), 2650, Channel.PAPER)
    assert window.settings_value(RECENT_KEY)[0] == str(new.practitioner_id)
    # The detail shows the feuille of a paper act and the act's history.
    assert "Kept until" in page.detail.value_text("paper")  # no number yet: held
    assert "Logged" in page.detail.value_text("history")


def test_ctrl_d_copies_the_act_with_its_date_selected_for_the_next_session(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.care_page
    page.filter_box.setText("CS")
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = page.commands.dialog
    assert dialog is not None
    editor = editor_of(dialog)
    assert (editor.code_value(), editor.fee.text()) == ("CS", "100.00")
    # The copied act's own date (3 March), its day selected: typing the next one is enough.
    assert editor.day.date() == QDate(2026, 3, 3)
    assert editor.day.currentSection() == QDateEdit.Section.DaySection
    assert dialog.focusWidget() is editor.day
    qtbot.keyClicks(editor.day, "10")
    assert editor.day.date() == QDate(2026, 3, 10)
    # Sarah has no number yet: not by carte Vitale, paper instead.
    assert "no social security number" in editor.form.message("channel")
    editor.channel.setCurrentIndex(editor.channel.findData(Channel.PAPER.value))
    dialog.accept()
    assert services.care.count() == 7


def test_the_same_act_twice_on_one_day_asks_first(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.care_page
    page.filter_box.setText("CS")
    page.table.selectRow(0)
    dialog = page.commands.duplicate_act()
    assert dialog is not None
    editor_of(dialog).channel.setCurrentIndex(
        editor_of(dialog).channel.findData(Channel.PAPER.value)
    )
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.accept()  # No: the form stays open, nothing saved
    assert services.care.count() == 6 and dialog.isVisible()
    dialog.accept()  # Yes: logged a second time
    assert services.care.count() == 7
    assert "already logged" in asked[0]


def test_delete_asks_first(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.care_page
    page.table.selectRow(0)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    assert not page.commands.delete_act()
    assert services.care.count() == 6
    assert page.commands.delete_act()
    assert services.care.count() == 5
    assert "Undo" in asked[0]


def test_filters_by_period_status_and_payer(window: MainWindow) -> None:
    page = window.care_page
    bar = page.filters
    bar.choose(bar.period_box, "last-year")
    assert page.model.rowCount() == 0
    bar.choose(bar.period_box, "year")
    assert page.model.rowCount() == 6
    bar.choose(bar.status_box, "nothing")
    statuses = {page.model.index(r, columns.STATUS).data() for r in range(page.model.rowCount())}
    assert statuses == {"Nothing to claim"}
    bar.choose(bar.status_box, "all")
    bar.choose(bar.payer_box, "amo")
    assert 0 < page.model.rowCount() < 6
    assert page.count_label.text().endswith("of 6 acts")


def test_a_refused_save_shows_the_reason_and_keeps_the_form(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0
    )
    page = window.care_page
    dialog = page.commands.new_act()
    editor = editor_of(dialog)
    editor.fee.setText("200000")  # over the service's 100 000 € sanity limit
    dialog.accept()
    assert dialog.result_value is None and dialog.isVisible()
    assert "100 000" in shown[0][0] and "ValidationError" in shown[0][1]
    assert services.care.count() == 6


def test_in_french_the_proposed_fee_is_written_with_a_comma(
    window: MainWindow, services: Services
) -> None:
    window.set_language("fr")
    dialog, editor = new_act_for_sarah(window)
    assert editor.fee.text() == "30,00"
    assert "8,4" in editor.coefficient.placeholderText()
    dialog.reject()


def test_editable_amounts_follow_the_language() -> None:
    assert (money_text(2650), money_text(2650, "fr"), money_text(5, "fr")) == (
        "26.50",
        "26,50",
        "0,05",
    )
    assert parse_money(money_text(123456, "fr")) == 123456
    assert decimal_text(Decimal("8.4"), "fr") == "8,4"
    assert parse_decimal(decimal_text(Decimal("8.4"), "fr")) == Decimal("8.4")


def test_the_detail_panel_clears_when_its_act_is_deleted_or_undone(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.care_page
    page.table.selectRow(0)
    assert page.detail.shows_an_act()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    assert page.commands.delete_act()
    assert not page.detail.shows_an_act()
    window.undo_actions.undo.trigger()  # the act is back; choose it again
    page.table.selectRow(0)
    assert page.detail.shows_an_act()
    dialog = page.commands.new_act()
    editor_of(dialog).channel.setCurrentIndex(
        editor_of(dialog).channel.findData(Channel.PAPER.value)
    )
    dialog.accept()  # the new act is chosen and shown
    assert page.detail.shows_an_act()
    window.undo_actions.undo.trigger()  # undoing it takes it out of the panel too
    assert not page.detail.shows_an_act()
