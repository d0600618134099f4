"""The window's boxes of several lines (addresses) are checked as they are typed.

Found on main: a one-line field stopped at its bound and said its problem under it
while typing, but an address box took 5 000 characters, a control character or a
direction override silently, and only Save said (in a message box) what was wrong.
Now each of the six address boxes says it under the box at once, Save waits (or
the wizard's Next), and the text made right enables it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from carnet.domain import limits
from carnet.i18n import Translator
from carnet.ui.dialogs.address_dialog import AddressDialog
from carnet.ui.dialogs.form_dialog import FormDialog
from carnet.ui.dialogs.setup_wizard import SetupWizard
from carnet.ui.events import EventHub
from carnet.ui.forms.contract_editor import ContractEditor
from carnet.ui.forms.practitioner_editor import PractitionerEditor
from carnet.ui.main_window import MainWindow
from carnet.ui.views.household_page import HouseholdPage
from carnet.ui.views.settings_page import SettingsPage
from tests.hostile.common import snapshot
from tests.ui.conftest import open_page

GOOD = "8 rue Paul Bert\n69003 Lyon"
TOO_LONG = "8 rue Paul Bert\n" + "x" * limits.ADDRESS.max_length  # 516 characters


@dataclass
class Box:
    """One address box as the person meets it: the box, the line under it, and Save."""

    box: QPlainTextEdit
    save: QAbstractButton
    owner: QWidget

    def said(self) -> str:
        """The problem written under the box ("" when none shows)."""
        holder = self.box.parentWidget()
        assert holder is not None
        labels = [label for label in holder.findChildren(QLabel) if label.isVisible()]
        return " ".join(label.text() for label in labels)


def _practitioner(window: MainWindow) -> Box:
    dialog = open_page(window, "household", HouseholdPage).add_practitioner()
    editor = dialog.findChild(PractitionerEditor)
    assert editor is not None
    editor.name.setText("Dr Anne Roux")
    return Box(editor.address, dialog.save_button, dialog)


def _contract(window: MainWindow) -> Box:
    dialog = open_page(window, "household", HouseholdPage).add_contract()
    editor = dialog.findChild(ContractEditor)
    assert editor is not None
    editor.insurer.setText("Harmonie Mutuelle")
    return Box(editor.address, dialog.save_button, dialog)


def _settings(window: MainWindow) -> Box:
    page = open_page(window, "settings", SettingsPage)
    address = page.fields["household.address"]
    assert isinstance(address, QPlainTextEdit)
    return Box(address, page.save_button, page)


def _household_tab(window: MainWindow) -> Box:
    page = open_page(window, "household", HouseholdPage)
    page.show_addresses()
    return Box(page.addresses.household, page.addresses.save_button, page)


def _caisse_tab(window: MainWindow) -> Box:
    page = open_page(window, "household", HouseholdPage)
    page.show_addresses()
    return Box(page.addresses.caisse_address, page.addresses.save_button, page)


def _address_dialog(window: MainWindow) -> Box:
    t = window.translator
    dialog = AddressDialog(
        window.services, t, "household.address", t.gettext("Your postal address"), window
    )
    dialog.show()
    return Box(dialog.text, dialog.save_button, dialog)


BOXES: dict[str, Callable[[MainWindow], Box]] = {
    "practitioner's address": _practitioner,
    "insurer's address": _contract,
    "settings, household address": _settings,
    "household page, own address": _household_tab,
    "household page, caisse address": _caisse_tab,
    "address asked by a letter": _address_dialog,
}
SAID = {
    "en": {
        "long": "⚠ Is longer than 500 characters: 516 typed",
        "control": "⚠ Holds a control character (code U+0007)",
        "bidi": "⚠ Holds an invisible character that reverses the text's direction",
    },
    "fr": {
        "long": "⚠ Dépasse 500 caractères : 516 saisis",
        "control": "⚠ Contient un caractère de contrôle (code U+0007)",
        "bidi": "⚠ Contient un caractère invisible qui inverse le sens du texte",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("where", list(BOXES))
def test_an_address_box_says_its_problem_while_typing(
    window: MainWindow, where: str, language: str
) -> None:
    window.set_language(language)
    assert window.services.db_path is not None
    before = snapshot(window.services.db_path)
    box = BOXES[where](window)
    box.box.setPlainText(GOOD)
    assert box.said() == "" and box.save.isEnabled()

    box.box.setPlainText(TOO_LONG)  # pasted: nothing pressed yet
    assert box.said() == SAID[language]["long"]
    assert not box.save.isEnabled()
    assert box.box.accessibleDescription() == SAID[language]["long"].removeprefix("⚠ ")

    box.box.setPlainText(GOOD)
    box.box.moveCursor(box.box.textCursor().MoveOperation.End)
    box.box.insertPlainText("\x07")  # a bell pasted from a terminal
    assert box.said() == SAID[language]["control"]
    assert not box.save.isEnabled()

    box.box.setPlainText("\u202e" + GOOD)  # "Trojan Source": shows the street reversed
    assert box.said() == SAID[language]["bidi"]
    assert not box.save.isEnabled()

    box.box.setPlainText(GOOD)
    assert box.said() == "" and box.save.isEnabled()
    assert snapshot(window.services.db_path) == before, "nothing is saved while typing"


def test_typing_past_the_bound_is_said_at_the_key_that_passes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    box = _practitioner(window)
    box.box.setPlainText("x" * (limits.ADDRESS.max_length - 1))
    box.box.setFocus()
    box.box.moveCursor(box.box.textCursor().MoveOperation.End)
    QTest.keyClick(box.box, Qt.Key.Key_A)
    assert box.said() == "" and box.save.isEnabled()  # 500: the bound itself is fine
    QTest.keyClick(box.box, Qt.Key.Key_B)
    assert box.said() == "⚠ Is longer than 500 characters: 501 typed"
    assert not box.save.isEnabled()
    QTest.keyClick(box.box, Qt.Key.Key_Backspace)
    assert box.said() == "" and box.save.isEnabled()


def test_a_valid_address_is_saved_as_typed(window: MainWindow) -> None:
    box = _practitioner(window)
    box.box.setPlainText(GOOD)
    assert isinstance(box.owner, FormDialog)
    box.save.click()
    saved = [p for p in window.services.household.practitioners() if p.name == "Dr Anne Roux"]
    assert [p.address for p in saved] == [GOOD]


def test_the_wizard_stays_on_an_address_it_cannot_keep(
    qtbot: QtBot, window: MainWindow, events: EventHub
) -> None:
    wizard = SetupWizard(window.services, events, Translator("en"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # past the language
    start = wizard.currentId()
    wizard.household_address.setPlainText("\u202e" + GOOD)
    holder = wizard.household_address.parentWidget()
    assert holder is not None
    said = [label.text() for label in holder.findChildren(QLabel) if label.isVisible()]
    assert said == [SAID["en"]["bidi"]]
    wizard.next()
    assert wizard.currentId() == start, "Next keeps the page until the address is right"
    wizard.household_address.setPlainText(GOOD)
    wizard.next()
    assert wizard.currentId() == start + 1
    assert window.services.settings.get("household.address") == GOOD
