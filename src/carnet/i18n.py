"""Translation and locale-aware formatting shared by the UI, the CLI and documents.

One gettext catalogue (``resources/locale``) serves every layer, so the rules
engine's explanations and the PDFs translate like the windows do.
"""

from __future__ import annotations

import gettext
from datetime import date
from decimal import Decimal
from pathlib import Path

from babel.dates import format_date as _babel_date
from babel.numbers import format_currency, format_decimal

LANGUAGES = ("en", "fr")
_DOMAIN = "carnet"


def resources_dir() -> Path:
    """The ``resources/`` folder (beside ``src/`` in a checkout, or bundled)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "resources"
        if (candidate / "rules").is_dir():
            return candidate
    raise FileNotFoundError("Carnet's resources folder was not found")


class Translator:
    """Holds the current language; ``gettext`` answers in it."""

    def __init__(self, language: str = "en") -> None:
        self.language = "en"
        self._catalogue: gettext.NullTranslations = gettext.NullTranslations()
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"
        locale_dir = resources_dir() / "locale"
        self._catalogue = gettext.translation(
            _DOMAIN, localedir=locale_dir, languages=[self.language], fallback=True
        )

    def gettext(self, message: str) -> str:
        return self._catalogue.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._catalogue.ngettext(singular, plural, count)

    def money(self, cents: int) -> str:
        """``1234,56 €`` in French, ``€1,234.56`` in English."""
        value = Decimal(cents) / 100
        return str(format_currency(value, "EUR", locale=self.language))

    def number(self, value: Decimal) -> str:
        return str(format_decimal(value, locale=self.language))

    def date(self, day: date) -> str:
        return str(_babel_date(day, format="medium", locale=self.language))


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message
