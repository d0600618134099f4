"""Translation and locale-aware formatting shared by the UI, the CLI and documents.

One gettext catalogue (``resources/locale``) serves every layer, so the rules
engine's explanations and the PDFs translate like the windows do.

Git keeps the catalogue as ``.po`` text only. Building the wheel (setup.py) compiles
each one into the ``.mo`` beside it, which an installed Carnet reads as is. A
checkout's editable install has no ``.mo`` (none is committed, and the build's
output does not reach the source tree): there the ``.po`` is compiled in memory at
each start, which only developers pay, and nothing is written anywhere.
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path

from carnet.domain.messages import N_
from carnet.paths import resources_dir  # re-exported (__all__): callers have long found it here

# N_ is defined once, with the messages; the front ends and documents import it from here.
__all__ = [
    "LANGUAGES",
    "N_",
    "Translator",
    "catalogue",
    "compile_po",
    "po_path",
    "resources_dir",
]

LANGUAGES = ("en", "fr")
_DOMAIN = "carnet"


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """``fr`` when the system's locale is French, else ``en`` (the command line's default).

    POSIX order: ``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``; GNU's ``LANGUAGE``
    list comes first unless the locale is ``C``. Windows and macOS set none of them
    for desktop programs: Python's reading of the system locale answers there.
    """
    env = os.environ if environ is None else environ
    value = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    if value and value.split(".")[0] not in ("C", "POSIX") and env.get("LANGUAGE"):
        value = env["LANGUAGE"].split(":")[0]
    if not value and environ is None:
        value = locale.getlocale()[0] or ""
    return "fr" if value.lower().startswith("fr") else "en"


class Translator:
    """Holds the current language; ``gettext`` answers in it, and amounts and dates follow it.

    Formats come from Babel (CLDR). Babel, a heavy library, is imported on the first
    amount or date; the window formats with Qt's copy of the same data instead
    (see ``carnet.ui.formats``).
    """

    def __init__(self, language: str = "en") -> None:
        self.language = "en"
        self._catalogue: gettext.NullTranslations = gettext.NullTranslations()
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"
        self._catalogue = catalogue(self.language)

    def gettext(self, message: str) -> str:
        return self._catalogue.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._catalogue.ngettext(singular, plural, count)

    def money(self, cents: int) -> str:
        """``1234,56 €`` in French, ``€1,234.56`` in English."""
        return _money(cents, self.language)

    def number(self, value: Decimal) -> str:
        """``1 234,5`` / ``1,234.5``: grouped, at most three decimals."""
        from babel.numbers import format_decimal  # noqa: PLC0415 (see the class)

        return str(format_decimal(value, locale=_FORMATS[self.language]))

    def month(self, day: date, with_year: bool = True) -> str:
        """A short month, and its year: ``Nov 2026`` / ``nov. 2026``."""
        from babel.dates import format_date  # noqa: PLC0415 (see the class)

        pattern = "MMM yyyy" if with_year else "MMM"
        return str(format_date(day, format=pattern, locale=_FORMATS[self.language]))

    def date(self, day: date) -> str:
        """``24 Nov 2026`` / ``24 nov. 2026`` (CLDR's medium date)."""
        from babel.dates import format_date  # noqa: PLC0415 (see the class)

        return str(format_date(day, format="medium", locale=_FORMATS[self.language]))


# The window's English is British English: day before month ("24 Nov 2026"), weeks from
# Monday, as most of Carnet's English-reading users (in France, from Europe) write dates.
_FORMATS = {"en": "en_GB", "fr": "fr"}


@lru_cache(maxsize=4096)
def _money(cents: int, language: str) -> str:
    # Tables show the same fees again and again.
    from babel.numbers import format_currency  # noqa: PLC0415 (see Translator)

    value = Decimal(cents) / 100
    return str(format_currency(value, "EUR", locale=_FORMATS[language]))


def po_path(language: str) -> Path:
    """Where the catalogue of ``language`` lives (English is the source: it has none)."""
    return resources_dir() / "locale" / language / "LC_MESSAGES" / f"{_DOMAIN}.po"


def mo_path(language: str) -> Path:
    """Where the build put the compiled catalogue of ``language`` (absent in a checkout)."""
    return po_path(language).with_suffix(".mo")


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The translations of ``language``: the compiled ``.mo``, else its ``.po`` compiled now.

    Fuzzy and empty entries are left out, so an unfinished translation shows the
    English text rather than a wrong one.
    """
    if language == "en":
        return gettext.NullTranslations()
    try:
        with mo_path(language).open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    except FileNotFoundError:  # a checkout: see the module's docstring
        pass
    path = po_path(language)
    if not path.is_file():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(BytesIO(compile_po(path.read_bytes(), language)))


def compile_po(source: bytes, language: str) -> bytes:
    """The ``.mo`` bytes of a ``.po`` catalogue (fuzzy entries left out)."""
    # Babel's catalogue code is only needed in a checkout, which has no compiled copy.
    from babel.messages.mofile import write_mo  # noqa: PLC0415
    from babel.messages.pofile import read_po  # noqa: PLC0415

    messages = read_po(BytesIO(source), locale=language, domain=_DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, messages)
    return compiled.getvalue()
