"""Explanation lines: collected while assessing, rendered in English or French.

Each step of the engine appends an :class:`Explanation` (a code and text
parameters). Amounts travel as plain ``"19.00"`` strings and rates as ``"0.70"``;
:func:`render_explanation` turns them into a sentence of the reader's language.
English writes amounts as ``€19.00`` and dates as ``Nov 24, 2026``, French as
``19,00 €`` and ``24/11/2026``, like the rest of each language's window.
The templates are a plain dictionary for now; gettext can replace them later
without touching the engine, because the codes are the stable interface.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Protocol

from babel.dates import format_date

from carnet.domain.assessment import Assessment, Explanation
from carnet.domain.practitioners import Profession
from carnet.rules.errors import RulesError
from carnet.rules.explain_texts import TEMPLATES
from carnet.rules.tariffs import CONFIDENCES, Period, default_tables


@lru_cache(maxsize=65536)
def eur(amount: int) -> str:
    """Cents as ``"19.00"``; cached because the same amounts recur across acts."""
    sign = "-" if amount < 0 else ""
    whole, part = divmod(abs(amount), 100)
    return f"{sign}{whole}.{part:02d}"


# Explanations are immutable and repeat across acts ("AMO rate 70%"), so equal
# lines share one object: this halves the engine's time on large replays.
_INTERNED: dict[tuple[str, tuple[tuple[str, str], ...]], Explanation] = {}
_INTERN_LIMIT = 100_000


class Trace:
    """Mutable collector used inside one assessment (never shared between acts)."""

    __slots__ = ("_confidence", "lines")

    def __init__(self) -> None:
        self.lines: list[Explanation] = []
        self._confidence = 0

    def add(self, code: str, /, **params: str) -> None:
        key = (code, tuple(params.items()))
        line = _INTERNED.get(key)
        if line is None:
            if len(_INTERNED) >= _INTERN_LIMIT:
                _INTERNED.clear()
            line = _INTERNED[key] = Explanation(*key)
        self.lines.append(line)

    def use(self, period: Period) -> Period:
        """Note that ``period`` fed a figure: an assessment is as sure as its least sure input."""
        self._confidence = max(self._confidence, period.rank)
        return period

    @property
    def confidence(self) -> str:
        return CONFIDENCES[self._confidence]


class HasLanguage(Protocol):
    """Anything that knows the reader's language, e.g. :class:`carnet.i18n.Translator`."""

    @property
    def language(self) -> str: ...


_MONEY = frozenset({"amount", "base", "fee", "tariff", "cap", "gross", "net", "amc", "patient"})
_MONEY |= frozenset({"tm", "majoration", "depassement", "covered", "withheld", "reference"})
_MONEY |= frozenset({"invoice", "exchange"})  # care abroad: decimal comma in French too
_MONEY |= frozenset({"expected"})
# Parameters that are words, translated through the templates' "payer.amo", "cause.rate"...
_WORDS = ("payer", "cause")
_RATES = frozenset({"rate", "normal", "ratio"})


def render_explanation(expl: Explanation, reader: str | HasLanguage = "en") -> str:
    """One sentence in the reader's language (English for any language without templates)."""
    language = reader if isinstance(reader, str) else reader.language
    templates = TEMPLATES.get(language, TEMPLATES["en"])
    params = {name: _localise(name, value, language) for name, value in expl.params}
    if language == "fr" and "label_fr" in params:
        params["label"] = params["label_fr"]
    if "act" in params:
        params["label"] = _act_label(params["act"], language)
    for word in _WORDS:
        if word in params:
            params[word] = templates.get(f"{word}.{params[word]}", params[word])
    if "reason" in params:
        params["reason"] = templates.get(f"reason.{params['reason']}", params["reason"]).format(
            **params
        )
    template = templates.get(expl.code)
    if template is None:
        detail = ", ".join(f"{k}={v}" for k, v in expl.params)
        return f"{expl.code} ({detail})" if detail else expl.code
    return template.format(**params)


def parcours_reason(assessment: Assessment, reader: str | HasLanguage = "en") -> str | None:
    """Why the act stands where it does in the parcours: its parcours lines, as one sentence."""
    lines = [
        render_explanation(line, reader)
        for line in assessment.explanation
        if line.code.startswith("parcours.")
    ]
    return " ".join(lines) or None


@lru_cache(maxsize=256)
def _act_label(code: str, language: str) -> str:
    """The name of act ``code`` as a person reads it (``CS`` → "Specialist consultation")."""
    try:
        definition = default_tables().acts.find(code.rpartition(":")[2], _profession(code))
    except RulesError:
        return code
    return definition.label_fr if language == "fr" else definition.label_en


def _profession(code: str) -> Profession | None:
    prefix = code.rpartition(":")[0]
    return Profession(prefix) if prefix else None


def render_all(lines: tuple[Explanation, ...], reader: str | HasLanguage = "en") -> list[str]:
    return [render_explanation(line, reader) for line in lines]


def _localise(name: str, value: str, language: str) -> str:
    if name in _RATES:
        return _percent(value, language)
    if language == "fr" and (name in _MONEY or name == "coefficient"):
        return value.replace(".", ",")
    if name == "date" and len(value) == 10:
        if language == "fr":
            return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
        # As the rest of the English window writes dates (Babel's medium format).
        return str(format_date(date.fromisoformat(value), format="medium", locale="en_GB"))
    return value


def _percent(value: str, language: str) -> str:
    """``"0.70"`` as ``"70 %"`` (French) or ``"70%"`` (English)."""
    number = (Decimal(value) * 100).normalize()
    text = f"{number:f}"
    return f"{text.replace('.', ',')} %" if language == "fr" else f"{text}%"
