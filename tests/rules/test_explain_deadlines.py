"""Explanations in English and French, and the claim deadline."""

from __future__ import annotations

from datetime import date

import pytest

from carnet.domain.assessment import Explanation
from carnet.rules import assess, claim_deadline, render_explanation
from carnet.rules.explain_texts import TEMPLATES

from .helpers import act, contract, person


@pytest.mark.parametrize(
    ("care", "deadline"),
    [
        (date(2025, 2, 7), date(2027, 3, 31)),
        (date(2025, 3, 31), date(2027, 3, 31)),
        (date(2025, 4, 1), date(2027, 6, 30)),
        (date(2025, 12, 31), date(2027, 12, 31)),
        (date(2024, 2, 29), date(2026, 3, 31)),
    ],
)
def test_claim_deadline(care: date, deadline: date) -> None:
    """Two years from the first day of the next quarter, last day inclusive."""
    assert claim_deadline(care) == deadline


def test_templates_exist_in_both_languages() -> None:
    """Every English message has a French one and the other way round."""
    assert set(TEMPLATES["en"]) == set(TEMPLATES["fr"])


def test_every_explanation_renders_in_both_languages() -> None:
    """No code produced by the engine lacks a template."""
    result, _ = assess(act("2025-03-01", "CS", "60", parcours="out"), person(), None, contract())
    for line in result.explanation:
        assert line.code in TEMPLATES["en"]
        assert render_explanation(line, "en")
        assert render_explanation(line, "fr")


def test_rendering_localises_amounts_and_rates() -> None:
    """French uses a decimal comma and '70 %'; English '19.00' and '70%'."""
    line = Explanation("amo.gross", (("base", "30.00"), ("rate", "0.70"), ("gross", "21.00")))
    assert render_explanation(line, "en") == "AMO before deductions: €30.00 × 70% = €21.00."
    assert render_explanation(line, "fr") == "AMO avant déductions : 30,00 € × 70 % = 21,00 €."


def test_rendering_accepts_a_translator_like_object() -> None:
    """Anything with a ``language`` attribute selects the language."""

    class Reader:
        language = "fr"

    line = Explanation("amo.net", (("net", "19.00"),))
    assert render_explanation(line, Reader()) == "L'AMO verse 19,00 €."


def test_unknown_code_falls_back_to_code_and_params() -> None:
    """A code without template is still shown, never an exception."""
    assert render_explanation(Explanation("x.y", (("a", "1"),))) == "x.y (a=1)"
