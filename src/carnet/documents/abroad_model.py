"""What the claim packet for care abroad needs, decoupled from storage.

Money in euros is integer cents; the invoice's own amount and the rate are
:class:`~decimal.Decimal`, exactly as typed or taken from the bank line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_currency, format_decimal

from carnet.documents.model import Insured, Recipient, Sender


@dataclass(frozen=True, slots=True)
class AbroadInvoice:
    """One paid invoice: ``amount`` in ``currency`` at ``rate`` euros a unit.

    ``zone`` is ``europe`` or ``elsewhere``; ``tariff`` (Europe) ``french`` or
    ``country``; ``expected_cents`` is what Carnet expects back (None: only the
    CPAM can tell).
    """

    reference: str
    beneficiary: str
    birth_date: dt.date | None
    care_date: dt.date
    country: str  # its name in French
    country_code: str
    practitioner: str
    act: str
    amount: Decimal
    currency: str
    rate: Decimal
    euro_cents: int
    zone: str
    tariff: str
    urgent: bool
    expected_cents: int | None
    prescription: bool = False
    paid_by_card_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class AbroadClaim:
    sender: Sender
    insured: Insured
    recipient: Recipient
    date: dt.date
    place: str
    invoices: tuple[AbroadInvoice, ...]
    mailing_id: str = ""
    tracking: str = ""
    iban_masked: str = ""

    @property
    def euro_total(self) -> int:
        return sum(i.euro_cents for i in self.invoices)


def foreign(amount: Decimal, currency: str, language: str = "fr") -> str:
    """``85,00 £GB`` (French) or ``£85.00`` (English), kept on one line."""
    text = str(format_currency(amount, currency, locale=language))
    return text.replace("\u202f", "\u00a0")


def rate_text(rate: Decimal, currency: str, language: str = "fr") -> str:
    """``1,165 € / GBP``: the euros for one unit of the currency."""
    number = format_decimal(rate, format="#,##0.00####", locale=language)
    return f"{number}\u00a0€/{currency}"
