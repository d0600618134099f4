"""Money is integer cents: parsing what people type, printing two decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carnet.domain.money import AmountError, apply_rate, format_plain, parse_euros


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("30", 3000),
        ("30.5", 3050),
        ("30,50", 3050),
        ("1 234,56 €", 123456),
        ("1\u00a0234,56", 123456),
        ("0", 0),
        ("-19,00", -1900),
        ("18.56", 1856),
    ],
)
def test_parse_euros(text: str, cents: int) -> None:
    assert parse_euros(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "3,333", "1e400", "NaN", "Infinity", "12,3,4"])
def test_parse_euros_refuses(text: str) -> None:
    with pytest.raises(AmountError):
        parse_euros(text)


@given(st.integers(-(10**9), 10**9))
def test_format_then_parse_round_trips(cents: int) -> None:
    assert parse_euros(format_plain(cents)) == cents


def test_rate_rounds_half_up_like_the_cpam() -> None:
    assert apply_rate(2300, Decimal("0.70")) == 1610
    assert apply_rate(1856, Decimal("0.60")) == 1114  # 11.136 → 11.14
    assert apply_rate(5, Decimal("0.30")) == 2  # 1.5 cents → 2
