"""Refusals and warnings of the services reach a French window in French.

The services word them in English (``str``) with a template and parameters; the
window renders them through its translator. The English window reads as before.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.banking import BankAccountInput
from carnet.domain.claims import Step
from carnet.domain.codes import FeuilleStatus
from carnet.i18n import Translator
from carnet.services.demo import build_demo
from carnet.ui.dialogs import import_dialog
from carnet.ui.dialogs.import_dialog import ImportDialog
from carnet.ui.events import EventHub
from carnet.ui.forms.bank_editor import BankEditor
from carnet.ui.forms.person_editor import PersonEditor
from carnet.ui.main_window import MainWindow
from carnet.ui.views.feuilles_page import FeuillesPage
from carnet.ui.views.household_page import HouseholdPage
from carnet.ui.views.mailings_page import MailingsPage
from tests.ui.conftest import open_page, page_context

TODAY = date(2026, 11, 28)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Message boxes are recorded instead of shown; questions are answered Yes."""
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    return shown


@pytest.fixture
def demo(empty_services: Services) -> Services:
    build_demo(empty_services.household, empty_services.care, acts=80, today=TODAY)
    return empty_services


def mailings_page(qtbot: QtBot, services: Services, language: str) -> MailingsPage:
    page = MailingsPage(page_context(services, t=Translator(language)))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def cancel_a_mailed_mailing(page: MailingsPage) -> None:
    mailed = next(m for m in page._services.mailings.mailings() if m.mailed_on is not None)
    page.select(mailed.id)
    assert not page.cancel_mailing()


def test_cancelling_a_mailed_mailing_is_refused_in_french(
    qtbot: QtBot, demo: Services, boxes: list[QMessageBox]
) -> None:
    page = mailings_page(qtbot, demo, "fr")
    cancel_a_mailed_mailing(page)
    assert boxes[0].windowTitle() == "Carnet n'a pas pu faire cela"
    assert boxes[0].text() == "Une enveloppe déjà postée ne peut pas être annulée"
    # The details keep the English text, the one a bug report quotes.
    assert "mailing: a mailed envelope cannot be cancelled" in boxes[0].detailedText()


def test_the_english_window_says_what_it_said_before(
    qtbot: QtBot, demo: Services, boxes: list[QMessageBox]
) -> None:
    page = mailings_page(qtbot, demo, "en")
    cancel_a_mailed_mailing(page)
    assert boxes[0].text() == "A mailed envelope cannot be cancelled"


def test_a_refused_step_names_step_and_state_in_french(
    qtbot: QtBot, demo: Services, boxes: list[QMessageBox]
) -> None:
    page = FeuillesPage(page_context(demo, t=Translator("fr")))
    qtbot.addWidget(page)
    feuille = demo.claims.feuilles(status=FeuilleStatus.TO_SIGN)[0]
    page.select([feuille.id])
    demo.claims.step(feuille.id, Step.SIGN)  # signed elsewhere (the CLI) before the click
    assert page.take_step(Step.SIGN) == 0
    assert boxes[0].text() == "Impossible de signer une feuille signée"


def test_a_bank_file_error_names_file_and_problem_in_french(
    qtbot: QtBot, tmp_path: Path, empty_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    fr = Translator("fr")
    garbage = tmp_path / "releve.csv"
    garbage.write_bytes(b"\x00\x01\xfe not a statement at all")
    dialog = ImportDialog(empty_services, fr, garbage)
    qtbot.addWidget(dialog)
    assert dialog.error_text() == (
        "releve.csv : format inconnu : ni OFX, ni QIF, ni camt.053, ni CFONB 120, "
        "ni le CSV d'une banque connue"
    )
    # A large file is previewed once the dialog shows: its error is in French too.
    monkeypatch.setattr(import_dialog, "DEFERRED_ABOVE_BYTES", 0)
    truncated = tmp_path / "x.ofx"
    truncated.write_bytes(b"<OFX><STMTTRN><TRNAMT>12.50\n")
    threaded = ImportDialog(empty_services, fr, truncated)
    qtbot.addWidget(threaded)
    qtbot.waitUntil(lambda: threaded.error_text() != "", timeout=5000)
    assert threaded.error_text() == (
        "x.ofx, ligne 1 : opération non fermée : le fichier est tronqué"
    )


@pytest.fixture
def french_window(
    qtbot: QtBot, services: Services, events: EventHub, settings: object
) -> MainWindow:
    built = MainWindow(services, events, settings, Translator("fr"))  # type: ignore[arg-type]
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    return built


def household(window: MainWindow) -> HouseholdPage:
    return open_page(window, "household", HouseholdPage)


def test_a_refused_save_in_a_french_form_keeps_the_form_open(
    french_window: MainWindow, services: Services, boxes: list[QMessageBox]
) -> None:
    services.household.add_bank_account(BankAccountInput(name="Compte joint"))
    dialog = household(french_window).add_account()
    editor = dialog.findChild(BankEditor)
    assert editor is not None
    editor.name.setText("Compte joint")
    dialog.accept()
    assert dialog.isVisible() and dialog.result_value is None
    assert boxes[0].text() == "Un compte nommé 'Compte joint' existe déjà"


def test_the_nir_warning_after_saving_is_in_french(
    qtbot: QtBot, french_window: MainWindow, services: Services
) -> None:
    page = household(french_window)
    dialog = page.add_person()
    editor = dialog.findChild(PersonEditor)
    assert editor is not None
    editor.first_name.setText("Nadia")
    editor.birth_date.setText("14/04/1988")  # the number says March 1988
    editor.nir.setText("2 88 03 99 132 045 16")
    with qtbot.waitSignal(page.status) as said:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert said.args == [
        "NIR : les chiffres 2 à 5 (8803) ne correspondent pas à la date de naissance (8804)"
    ]


def test_the_sex_and_its_cross_check_read_in_french(
    qtbot: QtBot, french_window: MainWindow, services: Services
) -> None:
    editor = household(french_window).add_person().findChild(PersonEditor)
    assert editor is not None
    assert [editor.sex.itemText(i) for i in range(editor.sex.count())] == [
        "Non indiqué",
        "Femme",
        "Homme",
    ]
    editor.sex.setCurrentIndex(2)
    editor.nir.setText("2 88 03 99 132 045 16")  # a woman's number
    assert editor.nir_warning.text() == (
        "ℹ NIR : le premier chiffre (2) est celui d'une femme, "
        "mais la personne est indiquée de sexe masculin"
    )
