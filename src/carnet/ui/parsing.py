"""Reading what people type in forms: amounts, dates, coefficients. Qt-free.

Each parser returns the value or raises :class:`ValueError` with a message
written for the person typing (it is shown next to the field, translated).
Amounts become integer cents straight from the text: never through a float.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from carnet.domain.money import Cents
from carnet.i18n import N_

_SPACES = re.compile(r"[\s\u00a0\u202f]")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")

MONEY_PROBLEM = N_("Type an amount in euros, such as 30 or 26,50")
DATE_PROBLEM = N_("Type a date as DD/MM/YYYY or YYYY-MM-DD")
NUMBER_PROBLEM = N_("Type a number, such as 8.4")


DECIMAL_MARKS = {"en": ".", "fr": ","}


def parse_money(text: str) -> Cents:
    """``"26,50"``, ``"26.50 €"``, ``"1 234,5"`` → cents; refuses more than two decimals."""
    cleaned = _SPACES.sub("", text).replace("€", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(MONEY_PROBLEM) from None
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        raise ValueError(MONEY_PROBLEM)
    return Cents(int(value * 100))


def money_text(cents: int, language: str = "en") -> str:
    """Cents as a plain editable amount for pre-filled fields: ``"26.50"``, ``"26,50"`` in French.

    No grouping and no euro sign, so the person edits digits only; both marks parse back.
    """
    whole, part = divmod(cents, 100)
    return f"{whole}{DECIMAL_MARKS.get(language, '.')}{part:02d}"


def decimal_text(value: Decimal, language: str = "en") -> str:
    """A coefficient for a pre-filled field: ``"8.4"``, ``"8,4"`` in French."""
    return str(value).replace(".", DECIMAL_MARKS.get(language, "."))


def parse_date(text: str) -> date | None:
    """``"14/03/1988"`` or ``"1988-03-14"``; empty text means no date."""
    cleaned = text.strip()
    if not cleaned:
        return None
    match = _DMY.match(cleaned)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(DATE_PROBLEM) from None


def parse_decimal(text: str) -> Decimal | None:
    """A coefficient such as ``8.4`` (or ``8,4``); empty text means none."""
    cleaned = _SPACES.sub("", text).replace(",", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(NUMBER_PROBLEM) from None
    if not value.is_finite() or value < 0:
        raise ValueError(NUMBER_PROBLEM)
    return value
