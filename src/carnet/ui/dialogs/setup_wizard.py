"""The first-run assistant: a thin QWizard over :mod:`carnet.ui.setup_flow`.

Each page saves as soon as the person moves on (Next), so "skip" simply means
leaving a page empty; nothing is lost if the assistant is closed half-way,
and everything can be edited on the Household page later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import TypeVar

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from carnet.app import Services
from carnet.domain import limits
from carnet.domain.caisses import departement_of_postcode
from carnet.domain.ids import ContractId
from carnet.domain.people import Person, PersonInput
from carnet.domain.practitioners import PractitionerInput, Profession
from carnet.i18n import LANGUAGES, Translator
from carnet.services.base import Result
from carnet.services.caisses import caisse_directory
from carnet.services.settings import CAISSE_KEY
from carnet.ui.events import EventHub
from carnet.ui.forms.bank_editor import BankEditor
from carnet.ui.forms.contract_editor import ContractEditor, save_insurer_address
from carnet.ui.forms.person_editor import PersonEditor
from carnet.ui.operations import run_call, run_op
from carnet.ui.setup_flow import STEPS, SetupRecord, preset_contract
from carnet.ui.views.settings_page import LANGUAGE_NAMES
from carnet.ui.widgets.caisse_field import CaisseField, caisse_label, describe_caisse
from carnet.ui.widgets.multiline import CheckedBoxes, text_box, text_check

T = TypeVar("T")


class SetupWizard(QWizard):
    language_chosen = Signal(str)

    def __init__(
        self, services: Services, events: EventHub, t: Translator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services, self._events, self._t = services, events, t
        self.record = SetupRecord()
        self.setWindowTitle(t.gettext("Set up Carnet"))
        self.setAccessibleName(t.gettext("Set up Carnet"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(640, 560)
        self.language = QComboBox()
        self.language.setAccessibleName(t.gettext("Language"))
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(t.language))
        self.household_address = text_box(4, "12 rue des Lilas\n69003 Lyon")
        self.address_check = CheckedBoxes()  # Next asks it (validateCurrentPage)
        self.household_address.setAccessibleName(t.gettext("Your postal address"))
        self.household_address.textChanged.connect(self._caisse_from_address)
        self.caisse = CaisseField(t)
        self.caisse.setAccessibleName(t.gettext("Your caisse"))
        self.caisse_note = caisse_label()
        self.caisse.textChanged.connect(self._describe_caisse)
        self.people_list = QListWidget()
        self.people_list.setAccessibleName(t.gettext("People added"))
        # A few names; the form below them is what the step is about.
        self.people_list.setMaximumHeight(6 * self.people_list.fontMetrics().height())
        self.person = self._person_editor()
        self.doctor_name = QLineEdit()
        self.doctor_name.setMaxLength(limits.NAME.max_length)
        self.doctor_name.setAccessibleName(t.gettext("Name of the médecin traitant"))
        self.add_person_button = QPushButton(t.gettext("Add this person"))
        self.add_person_button.clicked.connect(self.add_person)
        self.contract = ContractEditor(t)
        self.bank = BankEditor(t)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        for index, spec in enumerate(STEPS):
            self.setPage(index, self._page(spec.key, t.gettext(spec.title), t.gettext(spec.intro)))
        self.currentIdChanged.connect(self._entered)
        self.resize(self._opening_size())

    def _opening_size(self) -> QSize:
        """Tall enough for the people step's form, where the screen allows; a page taller
        than the window scrolls instead of squeezing its fields."""
        screen = self.screen().availableGeometry()
        people = self.person.sizeHint().height() + self.people_list.sizeHint().height()
        # The header, the intro, the buttons below the form and the wizard's own buttons.
        wanted = people + 12 * self.fontMetrics().height()
        return QSize(self.minimumWidth(), max(self.minimumHeight(), min(wanted, screen.height())))

    def _page(self, key: str, title: str, intro: str) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(title)
        layout = QVBoxLayout(_scrolled(page))
        # In the page, not the subtitle: the wizard's header cuts long subtitles short.
        words = QLabel(intro)
        words.setWordWrap(True)
        layout.addWidget(words)
        t = self._t
        if key == "language":
            form = QFormLayout()
            form.addRow(t.gettext("Language"), self.language)
            layout.addLayout(form)
        elif key == "address":
            form = QFormLayout()
            caption = t.gettext("Your postal address")
            check = text_check(t, self.household_address, "household.address", limits.ADDRESS)
            form.addRow(caption, self.address_check.add(caption, self.household_address, check))
            form.addRow(t.gettext("Your caisse"), self.caisse)
            form.addRow(self.caisse_note)
            layout.addLayout(form)
        elif key == "people":
            self.people_layout = layout
            layout.addWidget(self.people_list)
            layout.addWidget(self.person)
            extra = QFormLayout()
            extra.addRow(t.gettext("Name of the médecin traitant (optional)"), self.doctor_name)
            layout.addLayout(extra)
            layout.addWidget(self.add_person_button)
            self.person.form.validity_changed.connect(self.add_person_button.setEnabled)
        elif key == "contract":
            layout.addWidget(self.contract)
        elif key == "bank":
            layout.addWidget(self.bank)
        else:
            layout.addWidget(self.summary)
        layout.addStretch(1)
        return page

    def _person_editor(self) -> PersonEditor:
        household = self._services.household
        editor = PersonEditor(
            self._t,
            household.today(),
            people=household.people(),
            practitioners=[],
            contracts=[],
        )
        # Nothing to choose from yet: the doctor is typed below, the contract comes next.
        editor.form.set_visible("doctor", False)
        editor.form.set_visible("contract", False)
        editor.cpam.setText(self._services.settings.caisse())
        return editor

    # -- saving as the person moves on ------------------------------------------------
    def validateCurrentPage(self) -> bool:
        key = STEPS[self.currentId()].key
        savers: dict[str, Callable[[], bool]] = {
            "language": self._save_language,
            "address": self._save_address,
            "people": self._save_pending_person,
            "contract": self._save_contract,
            "bank": self._save_bank,
        }
        return savers.get(key, lambda: True)()

    def _save_language(self) -> bool:
        code = str(self.language.currentData())
        if code != self._t.language:
            self.language_chosen.emit(code)
        return True

    def _save_address(self) -> bool:
        if not self.address_check.validate_all():
            return False
        self.caisse.settle()
        address = self.household_address.toPlainText().strip()
        caisse = self.caisse.text().strip()
        if not address and not caisse:
            return True  # skipped
        values = {"household.address": address, CAISSE_KEY: caisse}
        settings = self._services.settings

        def save() -> bool:
            settings.set_many(values)
            return True

        if run_call(self, self._t, save) is None:
            return False
        self.record.address = ", ".join(address.splitlines())
        self.record.caisse = caisse
        if not self.person.cpam.text().strip():
            self.person.cpam.setText(caisse)
        return True

    def _caisse_from_address(self) -> None:
        """The postcode of the address's last line points at the caisse, where it is one."""
        if self.caisse.isModified() and self.caisse.text().strip():
            return  # typed by the person: theirs
        lines = self.household_address.toPlainText().split("\n")
        words = lines[-1].split() if lines else []
        if not words or not departement_of_postcode(words[0]):
            return
        found = caisse_directory().search(words[0])
        self.caisse.setText(found[0].name if len(found) == 1 else "")

    def _describe_caisse(self) -> None:
        self.caisse_note.setText(describe_caisse(self._t, self.caisse.caisse(), self.caisse.text()))

    def _save_pending_person(self) -> bool:
        """A person typed but not added yet is added when moving on."""
        typed = self.person.first_name.text().strip() or self.person.last_name.text().strip()
        return not typed or self.add_person()

    def add_person(self) -> bool:
        if not self.person.form.validate_all():
            return False
        household, data = self._services.household, self.person.value()
        doctor = self.doctor_name.text().strip()
        doctor_id = None
        if doctor:
            practitioner = PractitionerInput(doctor, Profession.GP)
            added = self._run(lambda: household.add_practitioner(practitioner))
            if added is None:
                return False
            doctor_id = added.value.id
        with_doctor = replace(data, treating_doctor_id=doctor_id)
        result = self._run(lambda: household.add_person(with_doctor))
        if result is None:
            return False
        person = result.value
        if self._run(lambda: self._services.road.start(person.id)) is None:  # its first steps
            return False
        self.record.people.append(person.full_name)
        self.people_list.addItem(person.full_name)
        self._reset_person()
        return True

    def _reset_person(self) -> None:
        fresh = self._person_editor()
        self.people_layout.replaceWidget(self.person, fresh)
        self.person.deleteLater()
        self.person = fresh
        self.person.form.validity_changed.connect(self.add_person_button.setEnabled)
        self.doctor_name.clear()

    def _save_contract(self) -> bool:
        if not self.contract.insurer.text().strip():
            return True  # skipped
        household = self._services.household
        value = self.contract.value()
        data = (
            preset_contract(value.insurer, value.number, value.default_percent, value.noemie)
            if self.contract.level.currentData() != -1
            else value
        )

        added = self._run(lambda: household.add_contract(data))
        if added is None:
            return False
        contract = added.value
        save_insurer_address(self._services.settings, self.contract)
        for person in household.people():  # the household's one mutuelle covers everyone
            if person.contract_id is None and self._cover(person, contract.id) is None:
                return False
        self.record.contract = contract.insurer
        return True

    def _save_bank(self) -> bool:
        if not self.bank.iban.text().strip() or not self.bank.form.validate_all():
            return not self.bank.iban.text().strip()  # empty: skipped; invalid: stay
        add = self._services.household.add_bank_account
        result = self._run(lambda: add(self.bank.value()))
        if result is None:
            return False
        self.record.bank = result.value.name
        return True

    def _cover(self, person: Person, contract_id: ContractId) -> Result[Person] | None:
        covered = _with_contract(person, contract_id)
        return self._run(lambda: self._services.household.edit_person(person.id, covered))

    def _run(self, call: Callable[[], Result[T]]) -> Result[T] | None:
        return run_op(self, self._t, self._events, call)

    def _entered(self, page_id: int) -> None:
        if page_id >= 0 and STEPS[page_id].key == "done":
            t = self._t
            lines = [t.gettext(text).format(value=value) for text, value in self.record.lines()]
            self.summary.setText("\n".join(lines) or t.gettext("Nothing was entered yet."))


def _with_contract(person: Person, contract_id: ContractId) -> PersonInput:
    """The person as saved, now covered by ``contract_id``."""
    values = {f.name: getattr(person, f.name) for f in fields(PersonInput)}
    return replace(PersonInput(**values), contract_id=contract_id)


def _scrolled(page: QWizardPage) -> QWidget:
    """The body of ``page``, in a frameless scroll area filling it."""
    body = QWidget()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return body
