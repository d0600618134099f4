"""The dialogs at the size they open with: no text cut short, in English and in French.

The first-run assistant's pages, the forms of a person, practitioner, contract, bank
account and care act (new, edited, copied), a payment received, a décompte, the export and
back-up dialogs and the address editor, each shown as a person opens them over the demo
household, measured like the pages (``tests/ui/elision.py``): one-line labels, wrapped
labels (a wrapped text squeezed shorter than its lines is cut too), buttons, tabs,
drop-down lists, column headers and fields squeezed shorter than their text.

A form is measured at the size it opens with, then again after typing what shows its
longest texts (the person form's two doubts about a number), without reopening it: text
that appears while a window is open must find room in it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.services.demo import build_demo
from carnet.ui.application import first_run
from carnet.ui.dialogs.address_dialog import AddressDialog
from carnet.ui.dialogs.setup_wizard import SetupWizard
from carnet.ui.events import EventHub
from carnet.ui.formats import WindowTranslator
from carnet.ui.forms.person_editor import PersonEditor
from carnet.ui.main_window import MainWindow
from carnet.ui.views.care_actions import CareActions
from carnet.ui.views.household_page import HouseholdPage
from tests.conftest import TODAY
from tests.ui.elision import cut_texts

LANGUAGES = ["en", "fr"]
SCREEN = QSize(1280, 800)


def _window(
    qtbot: QtBot, services: Services, tmp_path: Path, language: str, events: EventHub
) -> MainWindow:
    settings = QSettings(str(tmp_path / f"window-{language}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, events, settings, WindowTranslator(language))
    qtbot.addWidget(window)
    window.show()
    return window


def opened_size(dialog: QWidget) -> QSize:
    """The size Qt opens ``dialog`` with on the smallest screen Carnet is made for.

    Qt gives a new window its size hint within two thirds of the screen (QWidget::adjustSize),
    and never less than its minimum; the offscreen platform's screen is only 800×600, so the
    same rule is applied here for a 1280×800 screen (the main window's default size).
    """
    layout = dialog.layout()
    hint = dialog.sizeHint()
    bounded = hint.boundedTo(SCREEN * 2 / 3)
    if layout is not None and layout.hasHeightForWidth():
        bounded.setHeight(max(bounded.height(), layout.totalHeightForWidth(bounded.width())))
    return bounded.expandedTo(dialog.minimumSizeHint()).expandedTo(dialog.minimumSize())


def _measured(
    qtbot: QtBot, dialog: QWidget, fill: Callable[[QWidget], None] | None = None
) -> list[str]:
    """What is cut in ``dialog`` as opened, then once ``fill`` typed into it (as a person
    does: the dialog does not open again for what the typing shows)."""
    dialog.show()
    qtbot.waitExposed(dialog)
    if not dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):  # sized by its own code
        dialog.resize(opened_size(dialog))
    if fill is not None:
        fill(dialog)
    qtbot.wait(10)  # layouts settle
    return [f"{dialog.windowTitle()}: {what}" for what in cut_texts(dialog)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_assistant_s_pages(
    qtbot: QtBot, empty_services: Services, tmp_path: Path, language: str
) -> None:
    events = EventHub()
    window = _window(qtbot, empty_services, tmp_path, language, events)
    wizard = first_run(window, empty_services, events)
    assert isinstance(wizard, SetupWizard)
    cut: list[str] = []
    seen = 0
    while True:
        cut += [f"step {wizard.currentId()}: {w}" for w in _measured(qtbot, wizard)]
        seen += 1
        if wizard.currentPage().findChild(PersonEditor) is wizard.person:
            # The person form with its longest texts, then emptied to move on.
            _doubtful_number(wizard)
            qtbot.wait(10)
            cut += [f"people, doubtful number: {w}" for w in cut_texts(wizard)]
            _clear(wizard.person)
        if wizard.nextId() < 0:
            break
        wizard.next()
    assert seen == 6  # language, address, people, contract, bank, done
    wizard.reject()
    assert cut == []


def _household(window: MainWindow) -> HouseholdPage:
    window.show_page("household")
    page = window.page("household")
    assert isinstance(page, HouseholdPage)
    return page


def _doubtful_number(dialog: QWidget) -> None:
    """The person form's longest texts: a number that disagrees twice (two wrapped lines)."""
    editor = dialog.findChild(PersonEditor)
    assert editor is not None
    editor.birth_date.setText("14/03/1990")
    editor.sex.setCurrentIndex(editor.sex.findData("male"))
    editor.nir.setText("2 88 03 99 132 045 16")
    editor.registration.setCurrentIndex(1)  # the longest status


def _on_an_act(window: MainWindow) -> CareActions:
    """The Care page's commands, with an act chosen."""
    window.show_page("care")
    window.care_page.table.selectRow(0)
    return window.care_page.commands


def _clear(editor: PersonEditor) -> None:
    editor.birth_date.clear()
    editor.nir.clear()
    editor.sex.setCurrentIndex(0)
    editor.registration.setCurrentIndex(0)


Open = Callable[[MainWindow], QWidget | None]
FORMS: dict[str, tuple[Open, Callable[[QWidget], None] | None]] = {
    "person": (lambda w: _household(w).add_person(), _doubtful_number),
    "edit person": (lambda w: _household(w).edit_person(0), None),
    "practitioner": (lambda w: _household(w).add_practitioner(), None),
    "edit practitioner": (lambda w: _household(w).edit_practitioner(0), None),
    "contract": (lambda w: _household(w).add_contract(), None),
    "edit contract": (lambda w: _household(w).edit_contract(0), None),
    "bank account": (lambda w: _household(w).add_account(), None),
    "care act": (lambda w: w.care_page.commands.new_act(), None),
    "edit care act": (lambda w: _on_an_act(w).edit_act(), None),
    "copy of a care act": (lambda w: _on_an_act(w).duplicate_act(), None),
    "payment received": (lambda w: _on_an_act(w).mark_received(), None),
    "décompte": (lambda w: w.care_page.commands.enter_decompte(), None),
    "export": (lambda w: w.export(), None),
    "back up": (lambda w: w.backups.back_up(), None),
    "address": (
        lambda w: AddressDialog(
            w.services,
            w.translator,
            "household.address",
            w.translator.gettext("Your postal address"),
            w,
        ),
        None,
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form", list(FORMS))
def test_the_forms(
    qtbot: QtBot, services: Services, tmp_path: Path, language: str, form: str
) -> None:
    build_demo(services.household, services.care, acts=20, today=TODAY, seed=1)
    window = _window(qtbot, services, tmp_path, language, EventHub())
    open_form, fill = FORMS[form]
    dialog = open_form(window)
    assert dialog is not None
    cut = _measured(qtbot, dialog, fill)
    dialog.close()
    assert cut == []


def test_the_check_sees_a_squeezed_wrapped_label_and_a_squashed_field(qtbot: QtBot) -> None:
    """The measure is not blind: what a too small window clips is reported."""
    window = QWidget()
    layout = QVBoxLayout(window)
    words = QLabel("Le premier chiffre (2) est celui d'une femme, " * 4)
    words.setWordWrap(True)
    field = QLineEdit("2 88 03 99 132 045 16")
    field.setAccessibleName("NIR")
    layout.addWidget(words)
    layout.addWidget(field)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert cut_texts(window) == []
    window.setMinimumSize(0, 0)
    for child in (words, field):
        child.setMinimumSize(0, 0)
    window.resize(200, 30)
    qtbot.wait(10)
    found = cut_texts(window)
    assert any(line.startswith("wrapped label") for line in found), found
    assert "squashed QLineEdit 'NIR'" in found
