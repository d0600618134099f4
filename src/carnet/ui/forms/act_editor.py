"""The fields of a care act, with the code and fee proposed from the practitioner.

Choosing a practitioner offers the codes their profession bills (the one last
used with them first); the fee is proposed from the tariff in force on the
day of care, until the person types their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit, QWidget

from carnet.domain import limits
from carnet.domain.banking import BankTransaction
from carnet.domain.care import ActInput, CareAct
from carnet.domain.codes import Channel, Parcours, PaymentMode
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner
from carnet.i18n import N_, Translator
from carnet.ui.act_proposal import act_choices, proposed_fee
from carnet.ui.formats import date_format
from carnet.ui.forms.abroad_box import AbroadBox
from carnet.ui.labels import CHANNELS, PAYMENT_MODES
from carnet.ui.parsing import decimal_text, money_text, parse_decimal, parse_money
from carnet.ui.widgets.fields import CheckedForm

DERIVED = N_("Work it out from the médecin traitant (usual)")
PARCOURS = {
    Parcours.IN: N_("Within the parcours de soins (médecin traitant or referred)"),
    Parcours.OUT: N_("Outside the parcours de soins (lower reimbursement)"),
    Parcours.DIRECT: N_("Direct access allowed (gynaecologist, ophthalmologist…)"),
    Parcours.EMERGENCY: N_("Emergency"),
    Parcours.AWAY: N_("Away from home"),
    Parcours.REPLACEMENT: N_("Replacement of the médecin traitant"),
}


class ActEditor(QWidget):
    def __init__(
        self,
        t: Translator,
        today: date,
        *,
        people: list[Person],
        practitioners: list[Practitioner],
        recent: list[int],
        last_codes: Mapping[PractitionerId, str],
        debits: list[BankTransaction] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._t, self._today = t, today
        self._people = {p.id: p for p in people}
        self._practitioners: dict[int, Practitioner] = {p.id: p for p in practitioners}
        self._last_codes = last_codes
        self.fee_touched = False  # once typed, the fee is the person's, not a proposal
        self.form = CheckedForm(self)
        self.person = QComboBox()
        for person in people:
            self.person.addItem(person.full_name, person.id)
        self.practitioner = _practitioner_box(t, practitioners, recent)
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_format(t))
        # No maximum: a date in the future is refused with a message beside the field,
        # not silently by the picker.
        self.code = QComboBox()
        self.coefficient = QLineEdit()
        self.coefficient.setPlaceholderText(
            t.gettext("e.g. {value}, as on the prescription").format(
                value=decimal_text(Decimal("8.4"), t.language)
            )
        )
        self.fee = QLineEdit()
        self.fee.setPlaceholderText(t.gettext("What you were charged, in euros"))
        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.mode = _box(t, PAYMENT_MODES)
        self.channel = _box(t, CHANNELS)
        self.parcours = _box(t, PARCOURS)
        self.parcours.insertItem(0, t.gettext(DERIVED), "")
        self.parcours.setCurrentIndex(0)
        self._loaded = False  # a saved act keeps its practitioner
        self.ald = QCheckBox(t.gettext("Care for the person's long-term illness (ALD)"))
        self.ald.setAccessibleName(self.ald.text())
        self.notes = QLineEdit()
        self.notes.setMaxLength(limits.NOTES.max_length)
        self.abroad = AbroadBox(t, today, debits or [])
        self._build()

    def _build(self) -> None:
        t, add = self._t, self.form.add
        add("person", t.gettext("Person"), self.person, self._check_person)
        add("practitioner", t.gettext("Practitioner"), self.practitioner)
        add("date", t.gettext("Date of care"), self.day, self._check_date)
        add("code", t.gettext("Act"), self.code, self._check_code)
        add("coefficient", t.gettext("Coefficient"), self.coefficient, self._check_coefficient)
        add("fee", t.gettext("Fee paid"), self.fee, self._check_fee)
        self.form.layout.addRow("", self.proposal)
        add("mode", t.gettext("At the desk"), self.mode)
        add("channel", t.gettext("Sent by"), self.channel, self._check_channel)
        add("parcours", t.gettext("Parcours de soins"), self.parcours)
        add("ald", "", self.ald)
        add("notes", t.gettext("Notes"), self.notes)
        add("abroad", "", self.abroad, self._check_abroad)
        self.abroad.toggled.connect(self._abroad_toggled)
        self.abroad.form.validity_changed.connect(lambda _ok: self.form.revalidate("abroad"))
        self.setLayout(self.form.layout)
        self.practitioner.currentIndexChanged.connect(self._fill_codes)
        for signal in (
            self.code.currentIndexChanged,
            self.person.currentIndexChanged,
            self.day.dateChanged,
            self.coefficient.textChanged,
        ):
            signal.connect(self._propose)
        self.fee.textEdited.connect(self._fee_typed)
        self.person.currentIndexChanged.connect(self._doctor_first)
        self._doctor_first()
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.person.currentIndexChanged.connect(lambda _i: self.form.revalidate("date"))
        self.mode.currentIndexChanged.connect(lambda _i: self.form.revalidate("channel"))
        self._fill_codes()
        self._person_chosen()

    # -- proposals ----------------------------------------------------------------
    def _doctor_first(self) -> None:
        """A new act starts with the person's médecin traitant as the practitioner."""
        person = self._people.get(PersonId(int(self.person.currentData() or 0)))
        if self._loaded or person is None or person.treating_doctor_id is None:
            return
        _select(self.practitioner, person.treating_doctor_id)

    def _profession(self) -> Practitioner | None:
        ident = self.practitioner.currentData()
        return None if ident is None else self._practitioners.get(int(ident))

    def _fill_codes(self) -> None:
        practitioner = self._profession()
        choices = act_choices(practitioner.profession if practitioner else None)
        choices.sort(key=lambda c: (len(c.code), c.code))  # G before COB: the usual act first
        self.code.blockSignals(True)
        self.code.clear()
        for choice in choices:
            text = f"{choice.code} — {choice.label(self._t.language)}"
            self.code.addItem(text, choice.code)
            self.code.setItemData(self.code.count() - 1, choice.key_letter, _KEY_LETTER_ROLE)
        last = self._last_codes.get(practitioner.id) if practitioner else None
        self.code.setCurrentIndex(max(self.code.findData(last), 0) if last else 0)
        self.code.blockSignals(False)
        self._propose()

    def code_value(self) -> str:
        return str(self.code.currentData() or "")

    def _key_letter(self) -> bool:
        return bool(self.code.currentData(_KEY_LETTER_ROLE))

    def _propose(self) -> None:
        self.form.set_visible("coefficient", self._key_letter())
        fee = self.proposed()
        t = self._t
        if fee is None:
            self.proposal.setText(t.gettext("Type the amount on the receipt or the feuille."))
            return
        self.proposal.setText(
            t.gettext("Tariff in force on {date}: {amount}").format(
                date=t.date(self._date()), amount=t.money(fee)
            )
        )
        if not self.fee_touched:
            self.fee.setText(money_text(fee, self._t.language))

    def proposed(self) -> Cents | None:
        practitioner = self._profession()
        person = self._people.get(PersonId(int(self.person.currentData() or 0)))
        try:
            coefficient = parse_decimal(self.coefficient.text()) if self._key_letter() else None
        except ValueError:
            coefficient = None
        return proposed_fee(
            self.code_value(),
            practitioner.profession if practitioner else None,
            self._date(),
            age=person.age_on(self._date()) if person else None,
            coefficient=coefficient,
        )

    def _fee_typed(self, _text: str) -> None:
        self.fee_touched = True

    # -- checks -------------------------------------------------------------------
    def _check_person(self) -> str | None:
        if self.person.count():
            return None
        return self._t.gettext("Add a person on the Household page first")

    def _chosen_person(self) -> Person | None:
        ident = self.person.currentData()
        return None if ident is None else self._people.get(PersonId(int(ident)))

    def _without_number(self) -> bool:
        """No number to write on a claim yet (nor the insured person's, for a dependent)."""
        person = self._chosen_person()
        if person is None or person.nir:
            return False
        insured = None if person.insured_id is None else self._people.get(person.insured_id)
        return insured is None or not insured.nir

    def _person_chosen(self, *_args: object) -> None:
        """Without a number there is no carte Vitale: offer paper at once."""
        if self._without_number() and self.channel.currentData() == Channel.VITALE.value:
            _select(self.channel, Channel.PAPER.value)
        self.form.revalidate("channel")

    def _check_date(self) -> str | None:
        day, person = self._date(), self._chosen_person()
        if day > self._today:
            return self._t.gettext("A date in the future: log care once it has happened")
        if person is not None and person.birth_date is not None and day < person.birth_date:
            return self._t.gettext("Before {name} was born ({day})").format(
                name=person.full_name, day=self._t.date(person.birth_date)
            )
        return None

    def _check_channel(self) -> str | None:
        vitale = self.channel.currentData() == Channel.VITALE.value
        paid = self.mode.currentData() == PaymentMode.PAID_IN_FULL.value
        if vitale and paid and self._without_number():
            person = self._chosen_person()
            name = person.full_name if person is not None else ""
            return self._t.gettext(
                "{name} has no social security number yet, so no carte Vitale: choose a "
                "paper feuille de soins, kept until the number arrives"
            ).format(name=name)
        return None

    def _check_code(self) -> str | None:
        return None if self.code_value() else self._t.gettext("Choose an act")

    def _check_coefficient(self) -> str | None:
        if not self._key_letter():
            return None
        try:
            value = parse_decimal(self.coefficient.text())
        except ValueError as exc:
            return self._t.gettext(str(exc))
        return None if value is not None else self._t.gettext("Type the coefficient")

    def _check_abroad(self) -> str | None:
        if not self.abroad.isChecked() or self.abroad.form.is_valid():
            return None
        return self._t.gettext("Complete the invoice abroad")

    def _abroad_toggled(self, abroad: bool) -> None:
        # Abroad, the fee is the invoice at the rate, and the claim goes on paper (S3125).
        for key in ("fee", "mode", "channel"):
            self.form.set_visible(key, not abroad)
        self.proposal.setVisible(not abroad)
        self.form.revalidate("fee", "abroad")

    def _check_fee(self) -> str | None:
        if self.abroad.isChecked():
            return None
        try:
            parse_money(self.fee.text())
        except ValueError as exc:
            return self._t.gettext(str(exc))
        return None

    # -- values -------------------------------------------------------------------
    def _date(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def value(self) -> ActInput:
        practitioner = self.practitioner.currentData()
        fee = Cents(0) if self.abroad.isChecked() else parse_money(self.fee.text())
        return ActInput(
            person_id=PersonId(int(self.person.currentData())),
            practitioner_id=None if practitioner is None else PractitionerId(int(practitioner)),
            date=self._date(),
            act_code=self.code_value(),
            fee_cents=fee,
            payment_mode=PaymentMode(str(self.mode.currentData())),
            channel=Channel(str(self.channel.currentData())),
            parcours=Parcours(str(self.parcours.currentData()))
            if self.parcours.currentData()
            else None,
            ald_related=self.ald.isChecked(),
            coefficient=parse_decimal(self.coefficient.text()) if self._key_letter() else None,
            notes=self.notes.text(),
        )

    def focus_date(self) -> None:
        """Put the cursor on the day of the date, selected: the next session is one edit away."""
        self.day.setFocus(Qt.FocusReason.OtherFocusReason)
        self.day.setSelectedSection(QDateEdit.Section.DaySection)

    def load(self, act: CareAct, day: date | None = None) -> None:
        """Fill from a saved act; ``day`` replaces its date."""
        self._loaded = True
        _select(self.person, act.person_id)
        _select(self.practitioner, act.practitioner_id)
        _select(self.code, act.act_code)
        when = day or act.date
        self.day.setDate(QDate(when.year, when.month, when.day))
        coefficient = act.coefficient
        self.coefficient.setText(
            "" if coefficient is None else decimal_text(coefficient, self._t.language)
        )
        self.fee_touched = True  # the fee paid is known: keep it
        self.fee.setText(money_text(act.fee_cents, self._t.language))
        _select(self.mode, act.payment_mode.value)
        _select(self.channel, act.channel.value)
        _select(self.parcours, "" if act.parcours is None else act.parcours.value)
        self.ald.setChecked(act.ald_related)
        self.notes.setText(act.notes)


_KEY_LETTER_ROLE = Qt.ItemDataRole.UserRole + 10  # whether the code takes a coefficient


def _box(t: Translator, table: Mapping[Any, str]) -> QComboBox:
    box = QComboBox()
    for value, text in table.items():
        box.addItem(t.gettext(text), value.value)
    return box


def _practitioner_box(
    t: Translator, practitioners: list[Practitioner], recent: list[int]
) -> QComboBox:
    """Recently used practitioners first, then everyone else by name."""
    box = QComboBox()
    by_id: dict[int, Practitioner] = {p.id: p for p in practitioners}
    first = [by_id[i] for i in recent if i in by_id]
    rest = sorted((p for p in practitioners if p.id not in recent), key=lambda p: p.name.casefold())
    for practitioner in first + rest:
        box.addItem(practitioner.name, practitioner.id)
    if first and rest:
        box.insertSeparator(len(first))
    box.addItem(t.gettext("No practitioner (e.g. medicines bought without one)"), None)
    return box


def _select(box: QComboBox, data: object) -> None:
    index = box.findData(data)
    if index >= 0:
        box.setCurrentIndex(index)
