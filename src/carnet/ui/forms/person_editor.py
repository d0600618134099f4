"""The fields of a person, checked as typed: names, birth date, sex, NIR, cover.

Used by the Household page's form and by the first-run assistant. The NIR is
checked with the same function the services use (python-stdnum, key
included); an empty NIR means "not yet", with the registration status saying
where the person stands.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from carnet.domain import limits
from carnet.domain.contracts import Contract
from carnet.domain.errors import ValidationError
from carnet.domain.ids import ContractId, PersonId, PractitionerId
from carnet.domain.nir import read_nir
from carnet.domain.people import Person, PersonInput, Registration, Sex
from carnet.domain.practitioners import Practitioner, Profession
from carnet.domain.validation import check_nir, format_nir
from carnet.i18n import Translator
from carnet.ui.household_labels import REGISTRATIONS, SEXES
from carnet.ui.parsing import parse_date
from carnet.ui.widgets.caisse_field import CaisseField
from carnet.ui.widgets.fields import CheckedForm, fit_window_height


class PersonEditor(QWidget):
    """Edits one :class:`PersonInput`; :attr:`form` says whether it is valid."""

    def __init__(
        self,
        t: Translator,
        today: date,
        *,
        people: list[Person],
        practitioners: list[Practitioner],
        contracts: list[Contract],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._t = t
        self._today = today
        self.form = CheckedForm(self)
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        for name in (
            self.first_name,
            self.last_name,
        ):  # typing stops where the service would refuse
            name.setMaxLength(limits.NAME_PART.max_length)
        self.birth_date = _line(t.gettext("DD/MM/YYYY"))
        self.sex = QComboBox()
        for sex, text in SEXES.items():
            self.sex.addItem(t.gettext(text), sex.value)
        self.insured = QComboBox()
        self.insured.addItem(t.gettext("Insured in their own name"), None)
        for person in people:
            if not person.is_dependent:
                label = t.gettext("Dependent of {name}").format(name=person.full_name)
                self.insured.addItem(label, person.id)
        self.nir = _line(t.gettext("15 digits, or empty if not yet known"))
        self.registration = QComboBox()
        for status, text in REGISTRATIONS.items():
            self.registration.addItem(t.gettext(text), status.value)
        # Found by département number, postcode or town (e.g. 69, 69003, Villeurbanne).
        self.cpam = CaisseField(t)
        self.doctor = _choices(t.gettext("None declared yet"), _doctors(practitioners))
        self.doctor_since = _line(t.gettext("DD/MM/YYYY, as on the declaration"))
        self.ald = QCheckBox(t.gettext("Long-term illness (ALD) covered at 100 %"))
        self.css = QCheckBox(t.gettext("Complémentaire santé solidaire (CSS)"))
        self.ame = QCheckBox(t.gettext("Aide médicale de l'État (AME)"))
        self.contract = _choices(t.gettext("No mutuelle"), [(c.insurer, c.id) for c in contracts])
        self.vitale = QCheckBox(t.gettext("Has a carte Vitale"))
        self._build()

    def _build(self) -> None:
        t, add = self._t, self.form.add
        add("first_name", t.gettext("First name"), self.first_name, self._check_names)
        add("last_name", t.gettext("Last name"), self.last_name, self._check_names)
        add("birth_date", t.gettext("Birth date"), self.birth_date, self._check_birth)
        add("sex", t.gettext("Sex"), self.sex)
        add("insured", t.gettext("Insurance"), self.insured)
        add("nir", t.gettext("Social security number (NIR)"), self.nir, self._check_nir)
        # Doubts about a valid number (birth date, sex, temporary number): said, not refused.
        self.nir_warning = QLabel()
        self.nir_warning.setWordWrap(True)
        self.nir_warning.setVisible(False)
        self.form.layout.addRow("", self.nir_warning)
        # Wide enough for a whole number, however long the message under it.
        self.nir.setMinimumWidth(self.nir.fontMetrics().horizontalAdvance("0 00 00 00 000 000 00 "))
        add("registration", t.gettext("Registration"), self.registration, self._check_status)
        add("cpam", t.gettext("Caisse (CPAM)"), self.cpam)
        add("doctor", t.gettext("Médecin traitant"), self.doctor)
        add("doctor_since", t.gettext("Declared on"), self.doctor_since, self._check_since)
        add("contract", t.gettext("Mutuelle contract"), self.contract)
        add("ald", "", self.ald)
        add("css", "", self.css)
        add("ame", "", self.ame)
        add("vitale", "", self.vitale)
        self.ald.setAccessibleName(self.ald.text())
        self.css.setAccessibleName(self.css.text())
        self.ame.setAccessibleName(self.ame.text())
        self.vitale.setAccessibleName(self.vitale.text())
        self.setLayout(self.form.layout)
        # The NIR's digits 2-5 are checked against the birth date, its first digit against
        # the sex, and its presence against the registration status: re-check them when
        # those change.
        self.birth_date.textChanged.connect(lambda _t: self.form.revalidate("nir"))
        self.birth_date.textChanged.connect(lambda _t: self._warn_nir())
        self.sex.currentIndexChanged.connect(lambda _i: self._warn_nir())
        self.nir.textChanged.connect(lambda _t: self._warn_nir())
        self.nir.textChanged.connect(lambda _t: self._follow_nir())
        self.nir.textChanged.connect(lambda _t: self.form.revalidate("registration"))
        self.registration.currentIndexChanged.connect(lambda _i: self.form.revalidate("nir"))

    # -- checks -------------------------------------------------------------------
    def _check_names(self) -> str | None:
        if self.first_name.text().strip() or self.last_name.text().strip():
            return None
        return self._t.gettext("Type a first or a last name")

    def _check_birth(self) -> str | None:
        try:
            born = parse_date(self.birth_date.text())
        except ValueError as exc:
            return self._t.gettext(str(exc))
        if born is not None and not date(1900, 1, 1) <= born <= self._today:
            return self._t.gettext("A birth date between 1900 and today")
        return None

    def _check_since(self) -> str | None:
        try:
            since = parse_date(self.doctor_since.text())
        except ValueError as exc:
            return self._t.gettext(str(exc))
        if since is not None and since > self._today:
            return self._t.gettext("A date in the future")
        return None

    def _since(self) -> date | None:
        try:
            return parse_date(self.doctor_since.text())
        except ValueError:
            return None

    def _check_nir(self) -> str | None:
        text = self.nir.text().strip()
        if not text:
            return None
        try:
            check_nir(text, self._birth())
        except ValidationError:
            return self._t.gettext(
                "Not a valid number: check the 13 digits and the 2-digit key at the end"
            )
        return None  # a temporary number is legitimate; the service warns when saving

    def _warn_nir(self) -> None:
        """The number cross-checked with the birth date and sex: a warning beside it, never
        a refusal."""
        try:
            # Beside the field, named as the form's label names it (in both languages).
            checked = check_nir(self.nir.text(), self._birth(), "NIR", self._sex())
        except ValidationError:
            checked = None
        words = [w.render(self._t) for w in checked.warnings] if checked is not None else []
        self.nir_warning.setText("\n".join(f"ℹ {w[:1].upper()}{w[1:]}" for w in words))
        self.nir_warning.setVisible(bool(words))
        fit_window_height(self.nir_warning)  # two long doubts wrap: the window grows for them

    def _follow_nir(self) -> None:
        """A valid number typed: the person is registered (or has a temporary number), and
        of the sex it says unless one was chosen."""
        try:
            checked = check_nir(self.nir.text(), None)
        except ValidationError:
            return
        if self._status() in (Registration.NOT_REGISTERED, Registration.ATTESTATION_PENDING):
            status = Registration.TEMPORARY_NUMBER if checked.temporary else Registration.REGISTERED
            _select(self.registration, status.value)
        said = read_nir(checked.nir).sex
        if self._sex() is Sex.NOT_STATED and said is not Sex.NOT_STATED:
            _select(self.sex, said.value)

    def _check_status(self) -> str | None:
        needs_number = self._status() in (Registration.REGISTERED, Registration.TEMPORARY_NUMBER)
        if needs_number and not self.nir.text().strip():
            return self._t.gettext("Type the number, or choose a status without one")
        return None

    # -- values -------------------------------------------------------------------
    def _birth(self) -> date | None:
        try:
            return parse_date(self.birth_date.text())
        except ValueError:
            return None

    def _caisse(self) -> str:
        self.cpam.settle()  # "69" typed and saved at once still means the CPAM du Rhône
        return self.cpam.text()

    def _sex(self) -> Sex:
        return Sex(str(self.sex.currentData()))

    def _status(self) -> Registration:
        return Registration(str(self.registration.currentData()))

    def value(self) -> PersonInput:
        insured = self.insured.currentData()
        doctor = self.doctor.currentData()
        contract = self.contract.currentData()
        return PersonInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            birth_date=self._birth(),
            nir=self.nir.text().strip() or None,
            sex=self._sex(),
            registration=self._status(),
            insured_id=None if insured is None else PersonId(int(insured)),
            cpam=self._caisse(),
            treating_doctor_id=None if doctor is None else PractitionerId(int(doctor)),
            treating_declared_on=None if doctor is None else self._since(),
            ald=self.ald.isChecked(),
            css=self.css.isChecked(),
            ame=self.ame.isChecked(),
            contract_id=None if contract is None else ContractId(int(contract)),
            vitale=self.vitale.isChecked(),
        )

    def load(self, person: Person) -> None:
        """Fill the fields from a saved person (editing)."""
        self.first_name.setText(person.first_name)
        self.last_name.setText(person.last_name)
        self.birth_date.setText(person.birth_date.strftime("%d/%m/%Y") if person.birth_date else "")
        _select(self.insured, person.insured_id)
        self.nir.setText(format_nir(person.nir) if person.nir else "")
        # After the number, which would otherwise choose a sex for a person saved without one.
        _select(self.sex, person.sex.value)
        _select(self.registration, person.registration.value)
        self.cpam.setText(person.cpam)
        _select(self.doctor, person.treating_doctor_id)
        since = person.treating_declared_on
        self.doctor_since.setText(since.strftime("%d/%m/%Y") if since else "")
        _select(self.contract, person.contract_id)
        self.ald.setChecked(person.ald)
        self.css.setChecked(person.css)
        self.ame.setChecked(person.ame)
        self.vitale.setChecked(person.vitale)
        # A person cannot depend on themselves.
        own = self.insured.findData(person.id)
        if own >= 0:
            self.insured.removeItem(own)


def _line(placeholder: str) -> QLineEdit:
    line = QLineEdit()
    line.setPlaceholderText(placeholder)
    return line


def _choices(none_text: str, items: list[tuple[str, int]]) -> QComboBox:
    box = QComboBox()
    box.addItem(none_text, None)
    for text, ident in items:
        box.addItem(text, ident)
    return box


def _doctors(practitioners: list[Practitioner]) -> list[tuple[str, int]]:
    # A médecin traitant is usually a GP, but any doctor may be declared.
    doctors = (Profession.GP, Profession.SPECIALIST)
    return [(p.name, p.id) for p in practitioners if p.profession in doctors]


def _select(box: QComboBox, data: object) -> None:
    index = box.findData(data)
    box.setCurrentIndex(max(index, 0))
