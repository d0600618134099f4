"""Numbers, dates and plurals as the documents print them.

Money goes through :class:`carnet.i18n.Translator` (Babel), so the documents
print amounts exactly like the windows do (``30,00 €`` in French). Letters use
the long French date ("1er novembre 2026", "28 novembre 2026"); tables use the
numeric form ("02/05/2026") whatever the language, which French readers expect
and which keeps the columns narrow.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from babel.dates import format_date

from carnet.i18n import LANGUAGES, Translator


def language_of(language: str) -> str:
    """A supported language code, English when unknown."""
    return language if language in LANGUAGES else "en"


@cache
def _translator(language: str) -> Translator:
    # Cached per language: building one reads the gettext catalogue from disk.
    return Translator(language)


def money(cents: int, language: str = "fr") -> str:
    """``3000`` → ``30,00 €`` (French) or ``€30.00`` (English).

    Babel separates French thousands with a narrow no-break space (U+202F), where
    reportlab may break a line ("2" / "068,60 €"); U+00A0 keeps the amount whole.
    """
    return _translator(language_of(language)).money(cents).replace("\u202f", "\u00a0")


def long_date_fr(day: date) -> str:
    """``28 novembre 2026``; the first of the month is written ``1er`` as French requires."""
    text = str(format_date(day, "d MMMM y", locale="fr"))
    return "1er" + text[1:] if day.day == 1 else text


def long_date(day: date, language: str) -> str:
    """A date in words in the given language ("28 November 2026", "28 novembre 2026")."""
    if language_of(language) == "fr":
        return long_date_fr(day)
    return str(format_date(day, "d MMMM y", locale="en"))


def short_date(day: date | None) -> str:
    """``02/05/2026``; an empty string when the date is unknown."""
    return "" if day is None else day.strftime("%d/%m/%Y")


def dated_place(place: str, day: date) -> str:
    """``Paris, le 28 novembre 2026``."""
    return f"{place}, le {long_date_fr(day)}" if place else f"Le {long_date_fr(day)}"


def count_fr(count: int, singular: str, plural: str) -> str:
    """``1 feuille de soins``, ``3 feuilles de soins``."""
    return f"{count} {singular if count == 1 else plural}"
