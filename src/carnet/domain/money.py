"""Money as integer cents.

Amounts live as ``int`` cents everywhere; ``Decimal`` appears only at the edges
(parsing what a person typed, printing two decimals). ``float`` never touches money.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import NewType

Cents = NewType("Cents", int)

_HUNDRED = Decimal(100)
# Plain decimal notation only: "1e5" or "NaN" in a fee field is a mistake, not a number.
_AMOUNT = re.compile(r"[+-]?\d+(?:\.\d+)?")


class AmountError(ValueError):
    """Raised when a text cannot be read as an amount of euros."""


def cents(value: int) -> Cents:
    """Tag an integer as an amount in cents."""
    return Cents(value)


def parse_euros(text: str) -> Cents:
    """Read ``"30"``, ``"30.5"``, ``"30,50"`` or ``"1 234,56 €"`` as cents.

    More than two decimals is refused rather than rounded: a fee is never a
    fraction of a cent, so extra digits mean a typing mistake.
    """
    cleaned = text.strip().replace("€", "").replace("\u00a0", "").replace("\u202f", "")
    cleaned = cleaned.replace(" ", "").replace(",", ".")
    if not cleaned:
        raise AmountError("empty amount")
    if not _AMOUNT.fullmatch(cleaned):
        raise AmountError(f"not an amount: {text!r}")
    value = Decimal(cleaned)
    scaled = value * _HUNDRED
    if scaled != scaled.to_integral_value():
        raise AmountError(f"more than two decimals: {text!r}")
    return Cents(int(scaled))


def to_decimal(amount: int) -> Decimal:
    """Cents as a ``Decimal`` of euros with two places (``1950`` → ``19.50``)."""
    return (Decimal(amount) / _HUNDRED).quantize(Decimal("0.01"))


def format_plain(amount: int) -> str:
    """Two-decimal text with a dot, as used in JSON output: ``1950`` → ``"19.50"``."""
    return f"{to_decimal(amount):.2f}"


def apply_rate(amount: int, rate: Decimal) -> Cents:
    """``amount × rate`` rounded half up to the cent, as the CPAM rounds."""
    product = (Decimal(amount) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return Cents(int(product))
