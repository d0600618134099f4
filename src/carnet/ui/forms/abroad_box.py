"""The part of the act form for care received abroad: the invoice, its currency, the rate.

Checked, it replaces the fee: the invoice in its currency times the rate (typed,
or taken from the bank line that paid it) gives the euros, shown as they are
typed. The country says whether the care was in Europe (EU, EEA, Switzerland,
United Kingdom); there the household chooses the French tariffs or the country's.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.numbers import get_territory_currencies
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QLineEdit, QWidget

from carnet.domain.abroad import (
    AbroadCare,
    AbroadInput,
    TariffChoice,
    Zone,
    rate_from_bank,
    to_euro_cents,
    zone_of,
)
from carnet.domain.banking import BankTransaction
from carnet.i18n import N_, Translator
from carnet.ui.parsing import decimal_text
from carnet.ui.widgets.fields import CheckedForm

ZONES = {
    Zone.EUROPE: N_("In Europe (EU, EEA, Switzerland, United Kingdom)"),
    Zone.ELSEWHERE: N_("Outside Europe: urgent and unforeseen care only"),
}
TARIFFS = {
    TariffChoice.FRENCH: N_("Reimburse on the French tariffs"),
    TariffChoice.COUNTRY: N_("Reimburse on the country's tariffs (the CPAM asks them)"),
}
_NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "FR"})


def _decimal(text: str) -> Decimal | None:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() and value > 0 else None


class AbroadBox(QGroupBox):
    """Checkable: unchecked, the act is care in France and this part says nothing."""

    def __init__(
        self,
        t: Translator,
        today: date,
        debits: list[BankTransaction],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(t.gettext("Care received abroad"), parent)
        self._t, self._today = t, today
        self.setCheckable(True)
        self.setChecked(False)
        self.form = CheckedForm(self)
        self.country = QComboBox()
        names = Locale(t.language).territories
        for code, name in sorted(names.items(), key=lambda item: str(item[1])):
            if len(str(code)) == 2 and str(code).isalpha() and code not in _NOT_COUNTRIES:
                self.country.addItem(str(name), str(code))
        self.zone = QLabel()
        self.zone.setWordWrap(True)
        self.currency = QLineEdit()
        self.currency.setMaxLength(3)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(t.gettext("The invoice, in its currency"))
        self.bank_line = QComboBox()
        self.bank_line.addItem(t.gettext("None: I type the rate"), None)
        for line in debits:
            text = f"{t.date(line.date)} · {line.label[:40]} · {t.money(line.amount_cents)}"
            self.bank_line.addItem(text, line.id)
        self._debits = {line.id: line for line in debits}
        self.rate = QLineEdit()
        self.rate.setPlaceholderText(t.gettext("Euros for one unit, e.g. 1.165"))
        self.euros = QLabel()
        self.urgent = QCheckBox(t.gettext("Urgent and unforeseen (could not wait until back home)"))
        self.urgent.setChecked(True)
        self.tariff = QComboBox()
        for value, text in TARIFFS.items():
            self.tariff.addItem(t.gettext(text), value.value)
        add = self.form.add
        add("country", t.gettext("Country"), self.country)
        self.form.layout.addRow("", self.zone)
        add("currency", t.gettext("Currency"), self.currency, self._check_currency)
        add("amount", t.gettext("Invoice amount"), self.amount, self._check_amount)
        add("bank_line", t.gettext("Paid by the bank line"), self.bank_line)
        add("rate", t.gettext("Exchange rate"), self.rate, self._check_rate)
        self.form.layout.addRow("", self.euros)
        add("urgent", "", self.urgent)
        add("tariff", t.gettext("Tariffs"), self.tariff)
        self.setLayout(self.form.layout)
        self.country.currentIndexChanged.connect(self._country_changed)
        for edit in (self.amount, self.rate, self.currency):
            edit.textChanged.connect(self._show_euros)
        self.bank_line.currentIndexChanged.connect(self._show_euros)
        self._country_changed()

    # -- the live parts -------------------------------------------------------------
    def _country_changed(self) -> None:
        code = str(self.country.currentData() or "")
        zone = zone_of(code)
        self.zone.setText(self._t.gettext(ZONES[zone]))
        self.form.set_visible("tariff", zone is Zone.EUROPE)
        currencies = get_territory_currencies(code, self._today) if code else []
        if currencies:
            self.currency.setText(str(currencies[0]))

    def _rate(self) -> Decimal | None:
        line = self._debits.get(self.bank_line.currentData())
        amount = _decimal(self.amount.text())
        if line is not None and amount is not None:
            return rate_from_bank(amount, line.amount_cents)
        return _decimal(self.rate.text())

    def _show_euros(self) -> None:
        from_bank = self.bank_line.currentData() is not None
        self.form.set_visible("rate", not from_bank)
        amount, rate = _decimal(self.amount.text()), self._rate()
        if amount is None or rate is None:
            self.euros.setText("")
            return
        self.euros.setText(
            self._t.gettext("= {amount} at {rate} € per {currency}").format(
                amount=self._t.money(to_euro_cents(amount, rate)),
                rate=self._t.number(rate),
                currency=self.currency.text().upper(),
            )
        )

    # -- checks ---------------------------------------------------------------------
    def _check_currency(self) -> str | None:
        text = self.currency.text().strip()
        if not self.isChecked() or (len(text) == 3 and text.isalpha()):
            return None
        return self._t.gettext("Three letters, such as GBP, USD or CHF")

    def _check_amount(self) -> str | None:
        if not self.isChecked() or _decimal(self.amount.text()) is not None:
            return None
        return self._t.gettext("Type the invoice's amount, such as 85.00")

    def _check_rate(self) -> str | None:
        if not self.isChecked() or self._rate() is not None:
            return None
        return self._t.gettext("Type the rate, or choose the bank line that paid")

    # -- values ---------------------------------------------------------------------
    def value(self) -> AbroadInput | None:
        """The abroad terms, or ``None`` for care in France (box unchecked)."""
        amount = _decimal(self.amount.text())
        if not self.isChecked() or amount is None:
            return None
        line = self.bank_line.currentData()
        return AbroadInput(
            country=str(self.country.currentData()),
            currency=self.currency.text().strip().upper(),
            amount=amount,
            rate=None if line is not None else _decimal(self.rate.text()),
            urgent=self.urgent.isChecked(),
            tariff=TariffChoice(str(self.tariff.currentData())),
            transaction_id=None if line is None else int(line),
        )

    def load(self, abroad: AbroadCare) -> None:
        self.setChecked(True)
        self.country.setCurrentIndex(max(self.country.findData(abroad.country), 0))
        self.currency.setText(abroad.currency)
        self.amount.setText(decimal_text(abroad.amount, self._t.language))
        index = self.bank_line.findData(abroad.transaction_id)
        if abroad.transaction_id is not None and index >= 0:
            self.bank_line.setCurrentIndex(index)
        else:
            self.rate.setText(decimal_text(abroad.rate, self._t.language))
        self.urgent.setChecked(abroad.urgent)
        self.tariff.setCurrentIndex(max(self.tariff.findData(abroad.tariff.value), 0))
