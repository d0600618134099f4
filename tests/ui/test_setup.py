"""The first-run assistant: its Qt-free flow, then the wizard driven as a newcomer would."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.i18n import Translator
from carnet.ui import setup_flow
from carnet.ui.application import first_run, needs_setup
from carnet.ui.dialogs.setup_wizard import SetupWizard
from carnet.ui.events import EventHub
from carnet.ui.main_window import MainWindow
from carnet.ui.setup_flow import STEP_KEYS, preset_contract


def test_the_flow_has_no_qt() -> None:
    tree = ast.parse(Path(setup_flow.__file__).read_text(encoding="utf-8"))
    modules = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name.startswith("PySide6") for name in modules)
    assert STEP_KEYS == ("language", "address", "people", "contract", "bank", "done")


@pytest.mark.parametrize(
    ("percent", "levels"),
    [
        (100, (100, 100, 100)),
        (150, (150, 150, 130)),
        (200, (200, 200, 180)),
        (300, (300, 300, 200)),
    ],
)
def test_presets_respect_the_contrat_responsable(percent: int, levels: tuple[int, ...]) -> None:
    contract = preset_contract("MGEN", "", percent, noemie=True)
    assert (contract.default_percent, contract.optam_percent, contract.non_optam_percent) == levels


def test_it_opens_only_on_an_empty_household() -> None:
    assert needs_setup(0, 0)
    assert not needs_setup(1, 0)
    assert not needs_setup(0, 3)


def type_lines(qtbot: QtBot, box: QWidget, *lines: str) -> None:
    """Type an address as a person does: a line, Enter, the next line."""
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClicks(box, line)


def test_a_newcomer_sets_up_the_household(
    qtbot: QtBot, empty_services: Services, settings: QSettings, events: EventHub
) -> None:
    window = MainWindow(empty_services, events, settings, Translator())
    qtbot.addWidget(window)
    wizard = first_run(window, empty_services, events)
    assert isinstance(wizard, SetupWizard)
    languages: list[str] = []
    wizard.language_chosen.connect(languages.append)
    wizard.next()  # language: English kept
    type_lines(qtbot, wizard.household_address, "4 rue Ney", "69006 Lyon")
    # The postcode already names the caisse; its address shows, to check on the attestation.
    assert wizard.caisse.text() == "CPAM du Rhône"
    assert "69907 Lyon Cedex 20" in wizard.caisse_note.text()
    wizard.next()
    person = wizard.person
    assert person.cpam.text() == "CPAM du Rhône"
    qtbot.keyClicks(person.first_name, "Amina")
    qtbot.keyClicks(person.last_name, "Diallo")
    qtbot.keyClicks(wizard.doctor_name, "Dr Claire Martin")
    wizard.add_person_button.click()
    qtbot.keyClicks(wizard.person.first_name, "Moussa")  # typed, added when moving on
    wizard.person.insured.setCurrentIndex(1)  # dependent of Amina
    wizard.next()
    wizard.contract.insurer.setText("Harmonie Mutuelle")
    wizard.contract.level.setCurrentIndex(wizard.contract.level.findData(150))
    wizard.next()
    qtbot.keyClicks(wizard.bank.iban, "FR76 3000 6000 0112 3456 7890 18")  # one digit short
    wizard.next()
    assert STEP_KEYS[wizard.currentId()] == "bank"  # an invalid IBAN keeps the page
    qtbot.keyClicks(wizard.bank.iban, "9")
    wizard.next()
    assert STEP_KEYS[wizard.currentId()] == "done"
    assert "Amina Diallo" in wizard.summary.text()
    people = {p.first_name: p for p in empty_services.household.people()}
    assert set(people) == {"Amina", "Moussa"}
    assert people["Moussa"].insured_id == people["Amina"].id
    assert people["Amina"].treating_doctor_id is not None
    (contract,) = empty_services.household.contracts()
    assert contract.default_percent == 150
    assert all(p.contract_id == contract.id for p in people.values())
    assert empty_services.household.bank_accounts()[0].iban.endswith("189")
    assert languages == []
    assert {p.cpam for p in people.values()} == {"CPAM du Rhône"}
    assert empty_services.settings.household_address()[-1] == "69006 Lyon"
    assert "Your caisse: CPAM du Rhône" in wizard.summary.text()
    wizard.accept()
    assert window.current_page() == "dashboard"  # where the next steps are


def test_everything_can_be_skipped(
    qtbot: QtBot, empty_services: Services, settings: QSettings, events: EventHub
) -> None:
    wizard = SetupWizard(empty_services, events, Translator())
    qtbot.addWidget(wizard)
    wizard.show()
    languages: list[str] = []
    wizard.language_chosen.connect(languages.append)
    wizard.language.setCurrentIndex(wizard.language.findData("fr"))
    for _ in range(5):
        wizard.next()
    assert STEP_KEYS[wizard.currentId()] == "done"
    assert languages == ["fr"]
    assert empty_services.household.people() == []
    assert "Nothing was entered" in wizard.summary.text()
