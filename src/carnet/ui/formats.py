"""The window's translator: Carnet's texts, with amounts and dates drawn from Qt's locale data.

Babel and Qt both carry CLDR, the Unicode consortium's locale data. Qt's copy
is already in memory when the window opens; Babel's must be loaded (two
pickled locale files merged). So the window formats with ``QLocale`` and
writes exactly what Babel writes for the CLI and the PDFs: the tests compare the two over random
amounts, numbers and every day of several years, in both languages.

Money never goes through a float: euros are grouped by ``QLocale`` as an
integer and the cents are appended as digits.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache, lru_cache

from PySide6.QtCore import QDate, QLocale

from carnet.i18n import Translator

_LOCALES = {
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "fr": (QLocale.Language.French, QLocale.Country.France),
}
# CLDR's currency patterns for euros (¤#,##0.00 and #,##0.00 ¤), and medium dates
# (d MMM y for British English and French) in Qt's notation.
_MONEY = {"en": "{sign}€{amount}", "fr": "{sign}{amount}\u00a0€"}
_MEDIUM_DATE = {"en": "d MMM yyyy", "fr": "d MMM yyyy"}
_THOUSANDTHS = Decimal("0.001")  # CLDR's decimal pattern #,##0.### keeps three decimals


class WindowTranslator(Translator):
    """A :class:`~carnet.i18n.Translator` whose formats come from ``QLocale``."""

    def set_language(self, language: str) -> None:
        super().set_language(language)
        self._locale = _locale(self.language)

    def money(self, cents: int) -> str:
        return _money(self.language, cents)

    def number(self, value: Decimal) -> str:
        rounded = value.quantize(_THOUSANDTHS, rounding=ROUND_HALF_EVEN)
        whole, _, decimals = f"{abs(rounded):f}".partition(".")
        decimals = decimals.rstrip("0")
        text = self._locale.toString(int(whole))
        if decimals:
            text += self._locale.decimalPoint() + decimals
        # A negative that rounds to zero keeps its sign ("-0"), as Babel writes it.
        return self._locale.negativeSign() + text if rounded.is_signed() else text

    def month(self, day: date, with_year: bool = True) -> str:
        return self._locale.toString(
            QDate(day.year, day.month, day.day), "MMM yyyy" if with_year else "MMM"
        )

    def date(self, day: date) -> str:
        return self._locale.toString(
            QDate(day.year, day.month, day.day), _MEDIUM_DATE[self.language]
        )


@cache
def _locale(language: str) -> QLocale:
    return QLocale(*_LOCALES[language])


@lru_cache(maxsize=4096)
def _money(language: str, cents: int) -> str:
    # Tables show the same fees again and again.
    locale = _locale(language)
    euros, rest = divmod(abs(cents), 100)
    amount = f"{locale.toString(euros)}{locale.decimalPoint()}{rest:02d}"
    sign = locale.negativeSign() if cents < 0 else ""
    return _MONEY[language].format(sign=sign, amount=amount)


def date_format(t: Translator) -> str:
    """How the date fields of forms and dialogs show a day in ``t``'s language."""
    return "dd/MM/yyyy" if t.language == "fr" else "d MMM yyyy"
