"""A household newly arrived in Lyon, from the assistant to a mailing marked mailed.

Played through the window only: no CLI, no service call that writes (the services are
only read to check what the window did), no setting written behind its back.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any, cast

import pypdf
import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from carnet.app import Services
from carnet.domain.claims import Step
from carnet.domain.codes import Channel, FeuilleStatus
from carnet.domain.practitioners import Profession, Sector, Specialty
from carnet.i18n import Translator
from carnet.ui.application import first_run
from carnet.ui.dialogs.form_dialog import FormDialog
from carnet.ui.dialogs.mailing_editors import MailedEditor, NewMailingEditor
from carnet.ui.dialogs.setup_wizard import SetupWizard
from carnet.ui.events import EventHub
from carnet.ui.forms.person_editor import PersonEditor
from carnet.ui.forms.practitioner_editor import PractitionerEditor
from carnet.ui.main_window import MainWindow
from carnet.ui.setup_flow import STEP_KEYS
from carnet.ui.views.care_actions import editor_of
from carnet.ui.views.feuilles_page import FeuillesPage
from carnet.ui.views.household_page import HouseholdPage
from carnet.ui.views.mailings_page import MailingsPage
from carnet.ui.widgets import pdf_preview
from tests.ui.conftest import open_page
from tests.ui.test_setup import type_lines


def nir_for(birth: date, sex: str) -> str:
    """A valid number for someone born abroad (département 99), key computed."""
    body = f"{sex}{birth:%y%m}99132045"
    return f"{body}{97 - int(body) % 97:02d}"


def choose(box: Any, data: object) -> None:
    box.setCurrentIndex(box.findData(data))


def assistant(qtbot: QtBot, window: MainWindow, services: Services, events: EventHub) -> None:
    wizard = first_run(window, services, events)
    assert isinstance(wizard, SetupWizard)
    wizard.next()  # English
    type_lines(qtbot, wizard.household_address, "8 rue Paul Bert", "69003 Lyon")
    assert wizard.caisse.text() == "CPAM du Rhône"  # from the postcode
    wizard.next()
    person = wizard.person
    qtbot.keyClicks(person.first_name, "Camille")
    qtbot.keyClicks(person.last_name, "Morel")
    qtbot.keyClicks(person.birth_date, "12/05/1990")
    qtbot.keyClicks(person.nir, nir_for(date(1990, 5, 12), "2"))
    qtbot.keyClicks(wizard.doctor_name, "Dr Anne Roux")
    wizard.add_person_button.click()
    person = wizard.person  # the newcomer: his number is not there yet
    qtbot.keyClicks(person.first_name, "Julien")
    qtbot.keyClicks(person.last_name, "Morel")
    qtbot.keyClicks(person.birth_date, "03/02/1988")
    choose(person.registration, "attestation-pending")
    wizard.add_person_button.click()
    qtbot.keyClicks(wizard.person.first_name, "Lou")
    qtbot.keyClicks(wizard.person.last_name, "Morel")
    qtbot.keyClicks(wizard.person.birth_date, "20/06/2021")
    wizard.person.insured.setCurrentIndex(1)  # dependent of Camille
    wizard.next()
    qtbot.keyClicks(wizard.contract.insurer, "MGEN")
    choose(wizard.contract.level, 200)
    type_lines(
        qtbot, wizard.contract.address, "MGEN", "3 square Max Hymans", "75748 Paris Cedex 15"
    )
    wizard.next()
    qtbot.keyClicks(wizard.bank.iban, "FR76 3000 6000 0112 3456 7890 189")
    wizard.next()
    assert STEP_KEYS[wizard.currentId()] == "done"
    wizard.accept()
    assert window.current_page() == "dashboard"


def add_specialist(window: MainWindow) -> None:
    household = open_page(window, "household", HouseholdPage)
    dialog = household.add_practitioner()
    editor = cast(PractitionerEditor, dialog.editor)
    editor.name.setText("Dr Marc Benoît")
    choose(editor.profession, Profession.SPECIALIST.value)
    choose(editor.specialty, Specialty.CARDIOLOGY.value)
    choose(editor.sector, Sector.S2.value)
    dialog.accept()
    assert dialog.result_value is not None


def log_act(
    window: MainWindow, person: str, practitioner: str, *, day: date, fee: str, channel: Channel
) -> FormDialog[Any]:
    window.menus.new_act.trigger()
    dialog = window.care_page.commands.dialog
    assert dialog is not None
    editor = editor_of(dialog)
    editor.person.setCurrentIndex(editor.person.findText(person))
    editor.practitioner.setCurrentIndex(editor.practitioner.findText(practitioner))
    editor.day.setDate(QDate(day.year, day.month, day.day))
    editor.fee.setText(fee)
    if editor.channel.currentData() != channel.value:
        choose(editor.channel, channel.value)
    return dialog


def test_a_lyon_household_from_the_assistant_to_a_mailed_envelope(
    qtbot: QtBot,
    empty_services: Services,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services, events = empty_services, EventHub()
    window = MainWindow(services, events, settings, Translator())
    qtbot.addWidget(window)
    window.show()
    assistant(qtbot, window, services, events)
    people = {p.first_name: p for p in services.household.people()}
    assert {p.cpam for p in people.values()} == {"CPAM du Rhône"}

    # A GP visit by carte Vitale for Camille.
    gp = log_act(
        window,
        "Camille Morel",
        "Dr Anne Roux",
        day=date(2026, 11, 3),
        fee="30,00",
        channel=Channel.VITALE,
    )
    gp.accept()
    assert gp.result_value is not None

    # A sector 2 cardiologist for Julien: no number, so no carte Vitale; paper is offered.
    add_specialist(window)
    visit = log_act(
        window,
        "Julien Morel",
        "Dr Marc Benoît",
        day=date(2026, 11, 10),
        fee="60,00",
        channel=Channel.VITALE,
    )
    editor = editor_of(visit)
    assert "no social security number yet" in editor.form.message("channel")
    assert not visit.save_button.isEnabled()
    choose(editor.channel, Channel.PAPER.value)
    choose(editor.code, "CS")
    visit.accept()
    assert visit.result_value is not None
    act = visit.result_value.value
    care = window.care_page
    care.select_act(act.id)
    assert care.selected_summary() is not None
    assert services.care.summary(act.id).status == "held"
    assert services.care.expected_payments(act.id) == []

    # The number arrives: typed on the Household page, the feuille is released.
    household = open_page(window, "household", HouseholdPage)
    row = next(
        r
        for r in range(household.people.model.rowCount())
        if household.people.model.record(r).first_name == "Julien"
    )
    dialog = household.edit_person(row)
    person_editor = cast(PersonEditor, dialog.editor)
    person_editor.nir.setText(nir_for(date(1988, 2, 3), "1"))
    dialog.accept()
    assert dialog.result_value is not None
    [feuille] = services.claims.feuilles()
    assert feuille.status is FeuilleStatus.TO_SIGN
    assert services.care.summary(act.id).status == "pending"

    # Sign, copy.
    feuilles = open_page(window, "feuilles", FeuillesPage)
    feuilles.select([feuille.id])
    qtbot.mouseClick(feuilles.buttons[Step.SIGN], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(feuilles.buttons[Step.COPY], Qt.MouseButton.LeftButton)
    assert services.claims.feuille(feuille.id).status is FeuilleStatus.COPIED

    # A new mailing to the CPAM du Rhône.
    mailings = open_page(window, "mailings", MailingsPage)
    mailings.buttons["new"].click()
    new = mailings.dialog
    assert new is not None
    chooser = cast(NewMailingEditor, new.editor)
    chooser.person_box.setCurrentIndex(chooser.person_box.findText("Julien Morel"))
    qtbot.mouseClick(new.save_button, Qt.MouseButton.LeftButton)
    [mailing] = services.mailings.mailings()
    assert mailing.recipient == "CPAM du Rhône"

    # The preview: the caisse's address and the household's, from the window's answers.
    mailings.select(mailing.id)
    pdf = mailings.show_packet()
    assert pdf is not None
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "CPAM du Rhône" in text and "69907 Lyon Cedex 20" in text
    assert "8 rue Paul Bert" in text and "69003 Lyon" in text

    # Print to a PDF printer; printed well, so marked printed.
    out = tmp_path / "printed.pdf"

    class PdfPrinterDialog:
        def __init__(self, printer: QPrinter, _parent: QWidget) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            printer.setResolution(72)

        def exec(self) -> int:
            return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(pdf_preview, "QPrintDialog", PdfPrinterDialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert mailings.print_shown() == pages
    assert len(pypdf.PdfReader(out).pages) == pages  # the printer's file: the pages, as images
    assert services.mailings.mailing(mailing.id).printed_on is not None

    # Mark mailed.
    mailed = mailings.mark_mailed()
    assert mailed is not None
    cast(MailedEditor, mailed.editor).date_edit.setDate(QDate(2026, 11, 27))
    qtbot.mouseClick(mailed.save_button, Qt.MouseButton.LeftButton)
    assert services.mailings.mailing(mailing.id).mailed_on == date(2026, 11, 27)
    assert services.claims.feuille(feuille.id).status is FeuilleStatus.MAILED
    # Every setting was typed in the window.
    assert services.settings.all()["household.caisse"] == "CPAM du Rhône"
