"""The window formats amounts, numbers and dates with Qt exactly as Babel does elsewhere."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carnet.i18n import LANGUAGES, Translator
from carnet.ui.formats import WindowTranslator

PAIRS = {language: (Translator(language), WindowTranslator(language)) for language in LANGUAGES}


@pytest.mark.parametrize(
    ("language", "cents", "expected"),
    [
        ("en", 2650, "€26.50"),
        ("en", 123456789, "€1,234,567.89"),
        ("en", -5, "-€0.05"),
        ("fr", 2650, "26,50\u00a0€"),
        ("fr", 123456789, "1\u202f234\u202f567,89\u00a0€"),
        ("fr", -100, "-1,00\u00a0€"),
        ("fr", 0, "0,00\u00a0€"),
    ],
)
def test_worked_amounts(language: str, cents: int, expected: str) -> None:
    babel, qt = PAIRS[language]
    assert qt.money(cents) == babel.money(cents) == expected


@given(st.sampled_from(LANGUAGES), st.integers(min_value=-(10**13), max_value=10**13))
def test_amounts_are_written_as_babel_writes_them(language: str, cents: int) -> None:
    babel, qt = PAIRS[language]
    assert qt.money(cents) == babel.money(cents)


@given(
    st.sampled_from(LANGUAGES),
    st.decimals(min_value=-(10**9), max_value=10**9, places=5, allow_nan=False),
)
def test_numbers_are_written_as_babel_writes_them(language: str, value: Decimal) -> None:
    babel, qt = PAIRS[language]
    assert qt.number(value) == babel.number(value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_day_of_four_years_is_written_as_babel_writes_it(language: str) -> None:
    babel, qt = PAIRS[language]
    day = date(2024, 1, 1)  # a leap year, and each month in every position
    while day < date(2028, 1, 1):
        assert qt.date(day) == babel.date(day), day
        if day.day == 1:
            assert qt.month(day) == babel.month(day), day
            assert qt.month(day, with_year=False) == babel.month(day, with_year=False), day
        day += timedelta(days=1)


def test_worked_dates() -> None:
    assert WindowTranslator("en").date(date(2026, 11, 24)) == "24 Nov 2026"
    assert WindowTranslator("fr").date(date(2026, 2, 3)) == "3 févr. 2026"
    assert WindowTranslator("fr").month(date(2026, 7, 1)) == "juil. 2026"


def test_switching_language_switches_the_formats() -> None:
    translator = WindowTranslator("en")
    translator.set_language("fr")
    assert translator.money(150) == "1,50\u00a0€"
    assert translator.gettext("Care acts") != "Care acts"
