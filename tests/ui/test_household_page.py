"""The Household page as a person uses it: type into the forms, see problems, save."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.people import Registration, Sex
from carnet.domain.practitioners import Sector
from carnet.ui.forms.bank_editor import BankEditor
from carnet.ui.forms.contract_editor import ContractEditor
from carnet.ui.forms.person_editor import PersonEditor
from carnet.ui.forms.practitioner_editor import PractitionerEditor
from carnet.ui.main_window import MainWindow
from carnet.ui.views.household_page import HouseholdPage
from tests.ui.conftest import open_page

VALID_NIR = "2 88 03 99 132 045 16"


def household(window: MainWindow) -> HouseholdPage:
    return open_page(window, "household", HouseholdPage)


def test_tables_list_the_household_and_pass_the_model_checks(
    window: MainWindow, qtmodeltester: ModelTester
) -> None:
    page = household(window)
    for tab in (page.people, page.practitioners, page.contracts, page.accounts):
        qtmodeltester.check(tab.model)
    people = page.people.model
    names = {people.data(people.index(r, 0)) for r in range(people.rowCount())}
    assert names == {"Sarah Thompson", "Léa Thompson"}
    lea = next(r for r in range(people.rowCount()) if people.record(r).first_name == "Léa")
    assert people.data(people.index(lea, 2)) == "Dependent of Sarah Thompson"
    assert page.practitioners.model.rowCount() == 3


def test_each_list_starts_in_alphabetical_order(window: MainWindow) -> None:
    page = household(window)
    for tab in (page.people, page.practitioners):
        shown = [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
        assert shown == sorted(shown), shown  # Léa before Sarah; Dr Claire before Dr Paul
        header = tab.table.horizontalHeader()
        assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_adding_a_person_checks_the_nir_as_typed(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = household(window)
    dialog = page.add_person()
    editor = dialog.findChild(PersonEditor)
    assert editor is not None
    assert not dialog.save_button.isEnabled()  # no name yet
    qtbot.keyClicks(editor.first_name, "Nadia")
    qtbot.keyClicks(editor.last_name, "Benali")
    qtbot.keyClicks(editor.birth_date, "14/03/1988")
    qtbot.keyClicks(editor.nir, "2 88 03 99 132 045 17")  # wrong key
    assert "key" in editor.form.message("nir")
    assert editor.nir.accessibleDescription()
    assert not dialog.save_button.isEnabled()
    editor.nir.clear()
    qtbot.keyClicks(editor.nir, VALID_NIR)
    assert editor.form.message("nir") == ""
    assert editor.registration.currentData() == Registration.REGISTERED.value
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = next(p for p in services.household.people() if p.first_name == "Nadia")
    assert saved.nir == "288039913204516"
    assert saved.birth_date == date(1988, 3, 14)
    assert page.people.model.rowCount() == 3  # the table followed through the hub


def test_a_person_without_a_number_yet(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = household(window)
    dialog = page.add_person()
    editor = dialog.findChild(PersonEditor)
    assert editor is not None
    qtbot.keyClicks(editor.first_name, "Omar")
    editor.registration.setCurrentIndex(editor.registration.findData(Registration.REGISTERED.value))
    assert "number" in editor.form.message("registration")
    editor.registration.setCurrentIndex(
        editor.registration.findData(Registration.ATTESTATION_PENDING.value)
    )
    assert dialog.save_button.isEnabled()
    dialog.accept()
    omar = next(p for p in services.household.people() if p.first_name == "Omar")
    assert omar.nir is None and omar.registration is Registration.ATTESTATION_PENDING


def test_editing_a_practitioner_to_optam(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = household(window)
    row = next(
        r
        for r in range(page.practitioners.model.rowCount())
        if page.practitioners.model.record(r).name == "Dr Paul Lefèvre"
    )
    dialog = page.edit_practitioner(row)
    editor = dialog.findChild(PractitionerEditor)
    assert editor is not None
    assert editor.form.fields["specialty"].holder.isVisibleTo(dialog)
    editor.sector.setCurrentIndex(editor.sector.findData(Sector.S2_OPTAM.value))
    qtbot.keyClicks(editor.languages, "fr, en, 1x")
    assert "language codes" in editor.form.message("languages")
    editor.languages.setText("fr, EN")
    qtbot.keyClicks(editor.rpps, "123")
    assert "11 digits" in editor.form.message("rpps")
    editor.rpps.clear()
    dialog.accept()
    paul = next(p for p in services.household.practitioners() if p.name == "Dr Paul Lefèvre")
    assert paul.sector is Sector.S2_OPTAM
    assert paul.languages == ("en", "fr")


def test_adding_a_contract_from_a_preset(window: MainWindow, services: Services) -> None:
    page = household(window)
    dialog = page.add_contract()
    editor = dialog.findChild(ContractEditor)
    assert editor is not None
    assert not editor.form.fields["optam"].holder.isVisibleTo(dialog)  # the preset decides
    editor.insurer.setText("MGEN")
    editor.level.setCurrentIndex(editor.level.findData(300))
    editor.noemie.setChecked(False)
    dialog.accept()
    (contract,) = services.household.contracts()
    assert (contract.default_percent, contract.optam_percent, contract.non_optam_percent) == (
        300,
        300,
        200,
    )
    assert not contract.noemie
    assert page.contracts.model.data(page.contracts.model.index(0, 2)) == "300%"


def test_the_iban_is_checked_as_typed(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    page = household(window)
    dialog = page.add_account()
    editor = dialog.findChild(BankEditor)
    assert editor is not None
    qtbot.keyClicks(editor.iban, "FR76 3000 6000 0112 3456 7890 188")
    assert "IBAN" in editor.form.message("iban")
    assert not dialog.save_button.isEnabled()
    editor.iban.setText("FR76 3000 6000 0112 3456 7890 189")
    assert dialog.save_button.isEnabled()
    dialog.accept()
    assert services.household.bank_accounts()[0].iban == "FR7630006000011234567890189"


def test_remove_or_archive_from_the_household_page(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = household(window)
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    tab = page.practitioners
    # The pharmacy has acts: it cannot be removed, it is archived (hidden, history kept).
    row = next(r for r in range(tab.model.rowCount()) if "Pharmacie" in tab.model.record(r).name)
    tab.select_source_row(row)
    assert page.remove_selected(tab, "practitioner")
    assert "cannot be removed" in asked[-1] and "care acts" in asked[-1]
    names = {tab.model.record(r).name for r in range(tab.model.rowCount())}
    assert "Pharmacie du Marché" not in names
    assert any(p.name == "Pharmacie du Marché" for p in services.household.practitioners())
    # Shown again on request, and brought back from the archive.
    page.show_archived.setChecked(True)
    row = next(r for r in range(tab.model.rowCount()) if "Pharmacie" in tab.model.record(r).name)
    tab.select_source_row(row)
    assert page.remove_selected(tab, "practitioner")
    assert "back from the archive" in asked[-1]
    page.show_archived.setChecked(False)
    names = {tab.model.record(r).name for r in range(tab.model.rowCount())}
    assert "Pharmacie du Marché" in names


def test_a_number_that_does_not_match_the_birth_date_is_a_warning_not_a_refusal(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    dialog = household(window).add_person()
    editor = dialog.findChild(PersonEditor)
    assert editor is not None
    qtbot.keyClicks(editor.first_name, "Nadia")
    qtbot.keyClicks(editor.birth_date, "14/03/1990")  # the number says March 1988
    qtbot.keyClicks(editor.nir, VALID_NIR)
    assert "birth date" in editor.nir_warning.text()
    assert editor.nir_warning.isVisibleTo(dialog)
    assert editor.form.message("nir") == ""  # nothing refused: the number can be saved
    assert dialog.save_button.isEnabled()
    # The long warning does not squash the field: the whole number stays readable.
    width = editor.nir.fontMetrics().horizontalAdvance(editor.nir.text())
    assert editor.nir.width() > width
    editor.birth_date.clear()
    qtbot.keyClicks(editor.birth_date, "14/03/1988")
    assert "birth date" not in editor.nir_warning.text()


def test_the_number_is_cross_checked_with_the_sex_stated(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    dialog = household(window).add_person()
    editor = dialog.findChild(PersonEditor)
    assert editor is not None
    qtbot.keyClicks(editor.first_name, "Nadia")
    qtbot.keyClicks(editor.birth_date, "14/03/1990")
    assert editor.sex.currentData() == Sex.NOT_STATED.value
    # Typed with no sex chosen: the number's first digit (2) chooses it, and says so.
    qtbot.keyClicks(editor.nir, VALID_NIR)
    assert editor.sex.currentText() == "Female"
    editor.sex.setCurrentIndex(editor.sex.findData(Sex.MALE.value))
    assert editor.nir_warning.text().splitlines() == [
        "ℹ NIR: the first digit (2) is a woman's, but the person is stated as male",
        "ℹ NIR: digits 2-5 (8803) do not match the birth date (9003)",
    ]
    assert dialog.save_button.isEnabled()  # a warning, not a refusal
    # Two long warnings wrap under the field; the field keeps room for the whole number.
    dialog.show()
    qtbot.waitExposed(dialog)
    assert editor.nir_warning.wordWrap()
    assert editor.nir_warning.width() <= dialog.width()
    assert editor.nir.width() > editor.nir.fontMetrics().horizontalAdvance(editor.nir.text())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    nadia = next(p for p in services.household.people() if p.first_name == "Nadia")
    assert (nadia.sex, nadia.nir) == (Sex.MALE, "288039913204516")
    # Opened again: the stated sex, not the number's, and the same warning.
    row = next(
        r
        for r in range(household(window).people.model.rowCount())
        if household(window).people.model.record(r).first_name == "Nadia"
    )
    again = household(window).edit_person(row)
    loaded = again.findChild(PersonEditor)
    assert loaded is not None and loaded.sex.currentData() == Sex.MALE.value
    assert "stated as male" in loaded.nir_warning.text()
