"""The form to record what the CPAM or the mutuelle paid for an act, by hand.

The amount is what the payer's décompte (or the bank line) says; a shortfall
then shows as a discrepancy with its likely cause, a full payment settles the act.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QVBoxLayout, QWidget

from carnet.domain.codes import Payer
from carnet.domain.money import AmountError, Cents, format_plain, parse_euros
from carnet.i18n import Translator
from carnet.ui.formats import date_format
from carnet.ui.widgets.fields import CheckedForm


class ReceivedEditor(QWidget):
    """Payer, amount and day of a payment received for one act."""

    def __init__(
        self,
        t: Translator,
        today: date,
        expected: Mapping[Payer, int],
        earliest: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._t, self._expected = t, dict(expected)
        self.form = CheckedForm(self)
        self.payer_box = QComboBox()
        for payer, words in ((Payer.AMO, "The CPAM"), (Payer.AMC, "The mutuelle")):
            self.payer_box.addItem(t.gettext(words), payer.value)
        self.amount_edit = QLineEdit()
        self.amount_edit.setAccessibleName(t.gettext("Amount received"))
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format(t))
        self.form.add("payer", t.gettext("Paid by"), self.payer_box)
        self.form.add("amount", t.gettext("Amount received"), self.amount_edit, self._check)
        self.form.add("date", t.gettext("Paid on"), self.date_edit)
        note = QLabel(
            t.gettext(
                "Type what the payer's décompte says it paid for this act, even 0. "
                "If it is not what was expected, Carnet looks for the reason."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form.layout)
        layout.addWidget(note)
        self.payer_box.currentIndexChanged.connect(self._propose)
        self._propose()

    def payer(self) -> Payer:
        return Payer(self.payer_box.currentData())

    def amount(self) -> Cents:
        return parse_euros(self.amount_edit.text())

    def day(self) -> date:
        picked = self.date_edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def _propose(self) -> None:
        """Start from the amount expected of that payer: most payments are exactly it."""
        expected = self._expected.get(self.payer())
        self.amount_edit.setText("" if expected is None else format_plain(expected))
        self.form.revalidate("amount")

    def _check(self) -> str | None:
        try:
            amount = parse_euros(self.amount_edit.text())
        except AmountError:
            return self._t.gettext("Type an amount in euros, e.g. 19.00")
        if amount < 0:
            return self._t.gettext("An amount received cannot be negative")
        return None
