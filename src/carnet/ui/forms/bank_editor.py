"""The fields of a bank account: a name for it, its IBAN (checked as typed), the bank."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from carnet.domain import limits
from carnet.domain.banking import BankAccountInput
from carnet.domain.errors import ValidationError
from carnet.domain.validation import check_iban
from carnet.i18n import Translator
from carnet.ui.widgets.fields import CheckedForm


class BankEditor(QWidget):
    def __init__(self, t: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._t = t
        self.form = CheckedForm(self)
        self.name = QLineEdit(t.gettext("Main account"))
        self.name.setMaxLength(limits.SHORT_NAME.max_length)
        self.iban = QLineEdit()
        self.iban.setPlaceholderText("FR76 3000 6000 0112 3456 7890 189")
        self.bank = QLineEdit()
        self.bank.setMaxLength(limits.NAME.max_length)
        self.bank.setPlaceholderText(t.gettext("e.g. La Banque Postale"))
        self.form.add("name", t.gettext("Name of the account"), self.name, self._check_name)
        self.form.add("iban", t.gettext("IBAN"), self.iban, self._check_iban)
        self.form.add("bank", t.gettext("Bank"), self.bank)
        self.setLayout(self.form.layout)

    def _check_name(self) -> str | None:
        return None if self.name.text().strip() else self._t.gettext("Give the account a name")

    def _check_iban(self) -> str | None:
        text = self.iban.text().strip()
        if not text:
            return None
        try:
            check_iban(text)
        except ValidationError:
            return self._t.gettext("Not a valid IBAN: check the letters and digits")
        return None

    def value(self) -> BankAccountInput:
        return BankAccountInput(
            name=self.name.text(), iban=self.iban.text().strip(), bank=self.bank.text()
        )
