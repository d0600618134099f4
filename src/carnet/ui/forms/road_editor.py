"""The form to mark one step of the road done: its day, and what the step needs.

The attestation asks for its number (temporary or final) and the end of rights,
the médecin traitant for the doctor, the mutuelle for the contract, the European
card for its last day. The form checks as you type; the service has the last word.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QWidget

from carnet.domain.contracts import Contract
from carnet.domain.errors import ValidationError
from carnet.domain.ids import ContractId, PractitionerId
from carnet.domain.practitioners import Practitioner
from carnet.domain.road import Step
from carnet.domain.validation import check_nir
from carnet.i18n import Translator
from carnet.ui.widgets.fields import Check, CheckedForm

_UNTIL = (Step.ATTESTATION, Step.EHIC_RECEIVED)


class StepValues(NamedTuple):
    on: date
    until: date | None
    number: str | None
    temporary: bool
    doctor_id: PractitionerId | None
    contract_id: ContractId | None


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class RoadStepEditor(QWidget):
    """Fields of ``step``; :meth:`values` gives what :meth:`RoadService.reach` takes."""

    def __init__(
        self,
        t: Translator,
        step: Step,
        today: date,
        *,
        doctors: list[Practitioner],
        contracts: list[Contract],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._t, self.step, self._today = t, step, today
        self.form = CheckedForm(self)
        self.day = _date_edit(today)
        self.form.add("day", t.gettext("Date"), self.day, self._check_day)
        self.number = QLineEdit()
        self.temporary = QCheckBox(t.gettext("Temporary number"))
        self.until = _date_edit(today.replace(year=today.year + 1))
        self.doctor = QComboBox()
        for doctor in doctors:
            self.doctor.addItem(doctor.name, doctor.id)
        self.contract = QComboBox()
        for contract in contracts:
            self.contract.addItem(contract.insurer, contract.id)
        if step is Step.ATTESTATION:
            self.number.setPlaceholderText(t.gettext("e.g. 1 90 04 99 350 123 45"))
            self.form.add(
                "number", t.gettext("Social security number"), self.number, self._check_number
            )
            self.form.add("temporary", "", self.temporary)
        if step in _UNTIL:
            caption = (
                t.gettext("Rights end on") if step is Step.ATTESTATION else t.gettext("Valid until")
            )
            self.form.add("until", caption, self.until, self._check_until)
        if step is Step.TREATING_DOCTOR:
            self.form.add(
                "doctor",
                t.gettext("Médecin traitant"),
                self.doctor,
                self._check_choice(
                    self.doctor, t.gettext("Add the doctor on the Practitioners tab first")
                ),
            )
        if step is Step.MUTUELLE:
            self.form.add(
                "contract",
                t.gettext("Mutuelle contract"),
                self.contract,
                self._check_choice(
                    self.contract, t.gettext("Add the contract on the Mutuelle contracts tab first")
                ),
            )
        self.setLayout(self.form.layout)

    def _check_day(self) -> str | None:
        return (
            self._t.gettext("This date is in the future") if _day(self.day) > self._today else None
        )

    def _check_until(self) -> str | None:
        return (
            self._t.gettext("Ends before the date above")
            if _day(self.until) < _day(self.day)
            else None
        )

    def _check_number(self) -> str | None:
        text = self.number.text().strip()
        if not text:
            return self._t.gettext("Type the number written on the attestation")
        try:
            check_nir(text, None)
        except ValidationError as error:
            return error.message.render(self._t)
        return None

    @staticmethod
    def _check_choice(box: QComboBox, missing: str) -> Check:
        return lambda: None if box.currentData() is not None else missing

    def values(self) -> StepValues:
        """What :meth:`RoadService.reach` takes for this step."""
        doctor, contract = self.doctor.currentData(), self.contract.currentData()
        attestation = self.step is Step.ATTESTATION
        return StepValues(
            on=_day(self.day),
            until=_day(self.until) if self.step in _UNTIL else None,
            number=self.number.text().strip() if attestation else None,
            temporary=attestation and self.temporary.isChecked(),
            doctor_id=None if doctor is None else PractitionerId(int(doctor)),
            contract_id=None if contract is None else ContractId(int(contract)),
        )
