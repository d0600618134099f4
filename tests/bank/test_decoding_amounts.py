"""Decoding order and amount parsing (docs/bank-formats.md §2)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carnet.bank.decoding import canonical_encoding, decode, sniff
from carnet.bank.parsing import FieldError, parse_amount, parse_date, parse_plain_amount


def test_bom_wins_and_is_stripped() -> None:
    decoded = decode("dateOp;é".encode("utf-8-sig"), declared="cp1252")
    assert decoded.text == "dateOp;é"
    assert decoded.encoding == "utf-8-sig"


def test_declared_encoding_is_used_first() -> None:
    assert decode("Crédit €".encode("cp1252"), declared="1252").encoding == "cp1252"
    assert decode("Crédit €".encode("iso8859_15"), declared="ISO-8859-15").text == "Crédit €"


def test_strict_utf8_then_cp1252_never_latin1() -> None:
    assert decode("Débit".encode()).encoding == "utf-8"
    decoded = decode(b"Solde 1\xa0234,56 \x80")
    assert decoded.encoding == "cp1252"
    assert decoded.text == "Solde 1\u00a0234,56 €"  # latin-1 would give U+0080
    assert "\x80" not in decoded.text


def test_declared_latin1_is_read_as_cp1252() -> None:
    assert canonical_encoding("ISO-8859-1") == "cp1252"
    assert decode(b"\x80", declared="ISO-8859-1").text == "€"


def test_a_lying_declaration_falls_through() -> None:
    assert decode("é".encode(), declared="ascii").text == "é"


def test_undefined_cp1252_bytes_are_replaced_and_flagged() -> None:
    decoded = decode(b"caf\xe9 \x81")
    assert decoded.lossy
    assert decoded.text.startswith("café")


def test_sniff_does_not_fail_on_a_cut_multibyte_character() -> None:
    data = ("é" * 10).encode()
    assert sniff(data, limit=5) == "éé"


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1 234,56", 123456),
        ("1\u00a0234,56", 123456),
        ("1\u202f234,56", 123456),
        ("-1234,56", -123456),
        ("+1234,56", 123456),
        ("1234,5", 123450),
        (" 45", 4500),
        ("123,45-", -12345),
        ("1.234,56", 123456),
        ("12,30 €", 1230),
        ("-6,4", -640),
        ("0,01", 1),
    ],
)
def test_french_amounts(text: str, cents: int) -> None:
    assert parse_amount(text) == cents


@pytest.mark.parametrize(
    ("text", "cents"),
    [("T-1,234.56"[1:], -123456), ("1,106.50", 110650), ("-12,50", -1250), ("1,234", 123400)],
)
def test_auto_decimal_mark(text: str, cents: int) -> None:
    assert parse_amount(text, "auto") == cents


@pytest.mark.parametrize("text", ["", "abc", "1,234,5", "12,345", "1..2", "--3", "12,3x"])
def test_bad_amounts_are_refused(text: str) -> None:
    with pytest.raises(FieldError):
        parse_amount(text)


def test_plain_amounts() -> None:
    assert parse_plain_amount("+25,30") == 2530
    assert parse_plain_amount("-34.18") == -3418
    assert parse_plain_amount("12.500") == 1250
    with pytest.raises(FieldError):
        parse_plain_amount("12.505")


def _french(cents: int, space: str) -> str:
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    grouped = f"{euros:,}".replace(",", space)
    return f"{sign}{grouped},{rest:02d}"


@given(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.sampled_from([" ", "\u00a0", "\u202f", ""]),
)
def test_french_amounts_round_trip_exactly(cents: int, space: str) -> None:
    assert parse_amount(_french(cents, space)) == cents


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_english_amounts_round_trip_exactly(cents: int) -> None:
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    assert parse_amount(f"{sign}{euros:,}.{rest:02d}", ".") == cents


def test_dates() -> None:
    assert parse_date("05/03/2025") == date(2025, 3, 5)
    assert parse_date("2025-03-07 10:00:01", "yyyy-mm-dd") == date(2025, 3, 7)
    assert parse_date("070325", "ddmmyy") == date(2025, 3, 7)
    with pytest.raises(FieldError):
        parse_date("31/02/2025")
