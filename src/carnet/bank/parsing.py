"""Field parsers shared by the importers: amounts to cents, dates, text folding.

Amounts are read with integer arithmetic on the digit strings, which is as exact as
``Decimal`` and cheaper on 50 000-line files; more than two decimals are refused unless
the extra digits are zeros, since a bank never books a fraction of a cent.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from carnet.domain.messages import N_, Message, Param
from carnet.domain.money import Cents

# No statement line reaches a thousand billion euros; SQLite's integers stop at 2^63 cents.
MAX_EURO_DIGITS = 12


class FieldError(ValueError):
    """A field that cannot be read; importers turn it into ``BankFileError``.

    Like every message the user may read, it carries an English template and
    parameters (:attr:`text`) so that the UI can translate it.
    """

    def __init__(self, problem: str, /, **params: Param) -> None:
        self.text = Message(problem, **params)
        super().__init__(self.text)


# Every space a French export puts inside a number: plain, NBSP, narrow NBSP, thin, figure.
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\u2007\t")
_CURRENCY = re.compile(r"(?:€|EUR|EUROS?)$|^(?:€|EUR)", re.IGNORECASE)
_BODY = {
    ",": re.compile(r"(\d{1,3}(?:\.\d{3})+|\d*)(?:,(\d*))?"),
    ".": re.compile(r"(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?"),
}
_PLAIN = re.compile(r"([+-]?)(\d*)(?:[.,](\d*))?")


def _cents(whole: str, fraction: str, text: str) -> int:
    if not whole and not fraction:
        raise FieldError(N_("not an amount: {text}"), text=repr(text))
    extra = fraction[2:]
    if extra.strip("0"):
        raise FieldError(N_("more than two decimals: {text}"), text=repr(text))
    if len(whole.lstrip("0")) > MAX_EURO_DIGITS:
        raise FieldError(N_("amount too large: {text}"), text=repr(text[:40]))
    return int(whole or "0") * 100 + int((fraction[:2] or "0").ljust(2, "0"))


def _split_sign(text: str) -> tuple[int, str]:
    sign = 1
    if text.startswith("(") and text.endswith(")"):
        return -1, text[1:-1]
    if text.endswith("-"):  # "123,45-" was seen in a BNP parser test
        sign, text = -1, text[:-1]
    elif text.endswith("+"):
        text = text[:-1]
    if text and text[0] in "+-":
        sign = sign * (-1 if text[0] == "-" else 1)
        text = text[1:]
    return sign, text


def _auto_mark(body: str) -> str:
    """Which mark is decimal when a format does not say: the last one, unless 3 digits follow.

    Euros never have three decimals, so ``1,234`` is a thousand and ``12,5`` is twelve fifty.
    """
    last = max(body.rfind(","), body.rfind("."))
    if last < 0:
        return ","
    digits_after = len(body) - last - 1
    if digits_after == 3 and ("," in body) != ("." in body):
        return "." if body[last] == "," else ","
    return body[last]


# The shape nearly every CSV line has ("-1234,56"): read without the general machinery.
_SIMPLE = {
    ",": re.compile(r"(-?)([0-9]{1,12}),([0-9]{2})"),
    ".": re.compile(r"(-?)([0-9]{1,12})\.([0-9]{2})"),
}


def parse_amount(text: str, decimal: str = ",") -> Cents:
    """Read a French or English written amount as signed cents.

    Accepts ``1 234,56`` (any space kind, NBSP and narrow NBSP included), ``-1234,56``,
    ``+1234,56``, ``1234,5``, `` 45``, ``123,45-``, ``1.234,56`` and a trailing ``€``/``EUR``.
    ``decimal`` is ``","``, ``"."`` or ``"auto"`` (QIF files come with either).
    """
    simple = _SIMPLE.get(decimal)
    found = simple.fullmatch(text) if simple is not None else None
    if found is not None:
        value = int(found.group(2)) * 100 + int(found.group(3))
        return Cents(-value if found.group(1) else value)
    cleaned = _CURRENCY.sub("", text.translate(_SPACES))
    sign, body = _split_sign(cleaned.translate(_SPACES))
    mark = _auto_mark(body) if decimal == "auto" else decimal
    found = _BODY[mark].fullmatch(body)
    if found is None or not body:
        raise FieldError(N_("not an amount: {text}"), text=repr(text))
    whole = found.group(1).replace("." if mark == "," else ",", "")
    return Cents(sign * _cents(whole, found.group(2) or "", text))


def parse_plain_amount(text: str) -> Cents:
    """Fast path for machine formats (OFX, camt): ``[+-]digits[.,digits]``, no grouping."""
    found = _PLAIN.fullmatch(text.strip())
    if found is None:
        raise FieldError(N_("not an amount: {text}"), text=repr(text))
    value = _cents(found.group(2), found.group(3) or "", text)
    return Cents(-value if found.group(1) == "-" else value)


_TOKENS = (("yyyy", r"(?P<y>\d{4})"), ("yy", r"(?P<yy>\d{2})"), ("mm", r"(?P<m>\d{1,2})"))
_TIME_TAIL = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"


@lru_cache(maxsize=64)
def _date_regex(pattern: str) -> re.Pattern[str]:
    out = re.escape(pattern)
    for token, group in _TOKENS:
        out = out.replace(token, group)
    out = out.replace("dd", r"(?P<d>\d{1,2})")
    if pattern.isalpha():
        # Compact dates ("ddmmyy", CFONB) have no separators: fixed widths, no backtracking.
        out = out.replace(r"\d{1,2}", r"\d{2}")
    return re.compile(out + _TIME_TAIL)


# A statement repeats each day dozens of times: the same date object serves them all
# (300 000 lines hold about 2 500 days), which saves both the parsing and the memory.
@lru_cache(maxsize=8192)
def parse_date(text: str, pattern: str = "dd/mm/yyyy") -> date:
    """Read a date written as ``pattern`` (tokens ``dd mm yy yyyy``); a time part is ignored.

    Two-digit years are 20yy below 80 and 19yy above: statements predate no euro.
    """
    found = _date_regex(pattern).fullmatch(text.strip())
    if found is None:
        raise FieldError(N_("not a date as {pattern}: {text}"), pattern=pattern, text=repr(text))
    parts = found.groupdict()
    year = int(parts["y"]) if parts.get("y") else two_digit_year(int(parts["yy"]))
    return statement_day(year, int(parts["m"]), int(parts["d"]), text)


# A bank line of year 1 or 9999 is a damaged file, not a payment: refused like 31/02.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def statement_day(year: int, month: int, day: int, text: str) -> date:
    """The day of a statement line, or ``FieldError`` naming what was written."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise FieldError(
            N_("impossible date {text}: the year is not between 1900 and 2199"), text=repr(text)
        )
    try:
        return date(year, month, day)
    except ValueError as error:
        raise FieldError(
            N_("impossible date {text}: {error}"), text=repr(text), error=str(error)
        ) from None


def two_digit_year(yy: int) -> int:
    """``24`` → 2024, ``95`` → 1995."""
    return 2000 + yy if yy < 80 else 1900 + yy


# The combining diacritical marks block, less U+034F (a grapheme joiner, not a mark).
_NOT_ASCII_NOR_ACCENT = re.compile(r"[^\x00-\x7f\u0300-\u034e\u0350-\u036f]")


def strip_accents(text: str) -> str:
    """``"Crédit Épargne"`` → ``"Credit Epargne"`` (combining marks dropped)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    # Usually the accents are all that is not ASCII: then dropping every non-ASCII
    # character drops exactly the combining marks, without a Python loop.
    if _NOT_ASCII_NOR_ACCENT.search(decomposed) is None:
        return decomposed.encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_NON_WORD = re.compile(r"[^A-Z0-9]+")
# ASCII letters to upper case, digits kept, everything else a space.
_ASCII_WORDS = str.maketrans(
    {chr(code): chr(code).upper() if chr(code).isalnum() else " " for code in range(128)}
)


def fold(text: str) -> str:
    """Upper case, no accents, punctuation as single spaces: for comparing names and labels."""
    if not text.isascii():
        text = strip_accents(text).upper()
        if not text.isascii():
            return _NON_WORD.sub(" ", text).strip()
    # Most labels are ASCII: one table lookup per character gives what the regex gives.
    return " ".join(text.translate(_ASCII_WORDS).split())
