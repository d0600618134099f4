"""The fields of a practitioner: profession, specialty, sector (with OPTAM), address."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from carnet.domain import limits
from carnet.domain.errors import ValidationError
from carnet.domain.practitioners import (
    Practitioner,
    PractitionerInput,
    Profession,
    Sector,
    Specialty,
)
from carnet.domain.validation import check_rpps
from carnet.i18n import Translator
from carnet.ui.household_labels import LANGUAGE_CODES, PROFESSIONS, SECTORS, SPECIALTIES
from carnet.ui.widgets.fields import CheckedForm
from carnet.ui.widgets.multiline import text_box, text_check


class PractitionerEditor(QWidget):
    def __init__(self, t: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._t = t
        self.form = CheckedForm(self)
        self.name = QLineEdit()
        self.name.setMaxLength(limits.NAME.max_length)
        self.name.setPlaceholderText(t.gettext("e.g. Dr Claire Martin"))
        self.profession = _enum_box(t, PROFESSIONS)
        self.specialty = _enum_box(t, SPECIALTIES)
        self.sector = _enum_box(t, SECTORS)
        self.rpps = QLineEdit()
        self.rpps.setMaxLength(limits.RPPS.max_length)
        self.rpps.setPlaceholderText(t.gettext("11 digits, on the feuille de soins (optional)"))
        self.address = text_box(3)
        self.languages = QLineEdit()
        codes = ", ".join(f"{code} ({t.gettext(name)})" for code, name in LANGUAGE_CODES.items())
        self.languages.setPlaceholderText(t.gettext("e.g. fr, en"))
        self.languages.setToolTip(codes)
        add = self.form.add
        add("name", t.gettext("Name"), self.name, self._check_name)
        add("profession", t.gettext("Profession"), self.profession)
        add("specialty", t.gettext("Specialty"), self.specialty)
        add("sector", t.gettext("Sector"), self.sector)
        add("rpps", t.gettext("RPPS number"), self.rpps, self._check_rpps)
        add(
            "address",
            t.gettext("Address"),
            self.address,
            text_check(t, self.address, "address", limits.ADDRESS),
        )
        add("languages", t.gettext("Languages spoken"), self.languages, self._check_languages)
        self.setLayout(self.form.layout)
        self.profession.currentIndexChanged.connect(self._specialty_applies)
        self._specialty_applies()

    def _specialty_applies(self) -> None:
        self.form.set_visible("specialty", self._profession() is Profession.SPECIALIST)

    def _check_name(self) -> str | None:
        return None if self.name.text().strip() else self._t.gettext("Type a name")

    def _check_rpps(self) -> str | None:
        try:
            check_rpps(self.rpps.text())  # the service's own rule: length and Luhn key
        except ValidationError as error:
            return error.message.render(self._t)
        return None

    def _check_languages(self) -> str | None:
        codes = self._language_codes()
        if all(len(code) in (2, 3) and code.isalpha() for code in codes):
            return None
        return self._t.gettext("Two-letter language codes separated by commas, such as fr, en")

    def _language_codes(self) -> tuple[str, ...]:
        parts = self.languages.text().replace(";", ",").split(",")
        return tuple(part.strip().lower() for part in parts if part.strip())

    def _profession(self) -> Profession:
        return Profession(str(self.profession.currentData()))

    def value(self) -> PractitionerInput:
        profession = self._profession()
        specialty = (
            Specialty(str(self.specialty.currentData()))
            if profession is Profession.SPECIALIST
            else Specialty.NONE
        )
        return PractitionerInput(
            name=self.name.text(),
            profession=profession,
            specialty=specialty,
            sector=Sector(str(self.sector.currentData())),
            rpps=self.rpps.text().strip(),
            address=self.address.toPlainText(),
            languages=self._language_codes(),
        )

    def load(self, practitioner: Practitioner) -> None:
        self.name.setText(practitioner.name)
        self.profession.setCurrentIndex(self.profession.findData(practitioner.profession.value))
        self.specialty.setCurrentIndex(self.specialty.findData(practitioner.specialty.value))
        self.sector.setCurrentIndex(self.sector.findData(practitioner.sector.value))
        self.rpps.setText(practitioner.rpps)
        self.address.setPlainText(practitioner.address)
        self.languages.setText(", ".join(practitioner.languages))


def _enum_box(t: Translator, table: Mapping[Any, str]) -> QComboBox:
    """A combo box of enum members, showing words and keeping the stored values."""
    box = QComboBox()
    for value, text in table.items():
        box.addItem(t.gettext(text), value.value)
    return box
