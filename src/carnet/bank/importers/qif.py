"""QIF (``!Type:Bank``) as BoursoBank and old Money/Quicken write it.

Dates are day-first (a French file): ``dd/mm/yyyy``, ``dd/mm/yy``, Quicken's ``d/m'yy``
(the apostrophe marks 20yy), also with ``-`` or ``.``. Amounts come with a point and comma
thousands (``T-1,234.56``) or a French comma; ``parse_amount(..., "auto")`` tells them apart.
QIF has no transaction id, account id or balance: deduplication is by content.
The file is read line by line (``read``), never whole.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from carnet.bank.decoding import choose_codec, text_stream
from carnet.bank.errors import BankFileError
from carnet.bank.importers.base import SURE, guarded, guarded_lines
from carnet.bank.model import Statement, StatementLine
from carnet.bank.parsing import FieldError, parse_amount, statement_day, two_digit_year
from carnet.domain.messages import N_

_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-]\s*(\d{4}|\d{2})|'\s*(\d{2,4}))")
_KNOWN_TYPES = ("!TYPE:BANK", "!TYPE:CCARD", "!TYPE:CASH", "!TYPE:OTH")


def qif_date(text: str) -> date:
    """Day-first QIF date; ``'yy`` means 20yy (Quicken's convention)."""
    found = _DATE.fullmatch(text.strip())
    if found is None:
        raise FieldError(N_("not a QIF date: {text}"), text=repr(text))
    day, month, slashed, quoted = found.groups()
    if quoted is not None:
        year = int(quoted) if len(quoted) == 4 else 2000 + int(quoted)
    else:
        year = int(slashed) if len(slashed) == 4 else two_digit_year(int(slashed))
    return statement_day(year, int(month), int(day), text)


def _record(
    fields: dict[str, str], line_no: int, filename: str, account: str | None
) -> StatementLine:
    if "D" not in fields or not ("T" in fields or "U" in fields):
        raise BankFileError(filename, line_no, N_("QIF record without a date (D) or amount (T)"))
    try:
        day = qif_date(fields["D"])
        amount = parse_amount(fields.get("T") or fields["U"], "auto")
    except FieldError as error:
        raise BankFileError(filename, line_no, error.text) from None
    payee, memo = fields.get("P", ""), fields.get("M", "")
    label = " ".join(part for part in (payee, memo) if part) or fields.get("N", "")
    return StatementLine(day, amount, label, payee, None, line_no, account)


@dataclass
class _Account:
    """What the statement says beside its lines, known once they are read."""

    name: str | None = None  # the last !Account section's N
    encoding: str = ""


def _numbered(text: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Lines numbered as ``str.splitlines`` numbers them, from a stream of physical lines."""
    number = 0
    for physical in text:
        for line in physical.splitlines():
            number += 1
            yield number, line


def _lines(text: Iterable[str], filename: str, seen: _Account) -> Iterator[StatementLine]:
    fields: dict[str, str] = {}
    section, start, found = "!TYPE:BANK", 0, False
    for number, raw in _numbered(text):
        text_ = raw.strip()
        if not text_:
            continue
        if text_.startswith("!"):
            if not text_.upper().startswith(("!OPTION", "!CLEAR")):
                section = text_.upper().replace(" ", "")
            continue
        if text_.startswith("^"):
            if section == "!ACCOUNT":
                seen.name = fields.get("N") or seen.name
            elif fields and section.startswith(_KNOWN_TYPES):
                found = True
                yield _record(fields, start, filename, seen.name)
            fields = {}
            continue
        if not fields:
            start = number
        # M and P may repeat in some writers; the first value is the main one.
        fields.setdefault(text_[0].upper(), text_[1:].strip())
    if fields:
        raise BankFileError(
            filename, start, N_("the last record has no '^': the file is truncated")
        )
    if not found:
        raise BankFileError(filename, 0, N_("no transactions in this QIF file"))


def _read(stream: BinaryIO, filename: str, seen: _Account) -> Iterator[StatementLine]:
    codec = choose_codec(stream)
    seen.encoding = codec.encoding
    text = text_stream(stream, codec)
    try:
        yield from _lines(text, filename, seen)
    finally:
        text.detach()  # the caller's stream stays open


def _parse(data: bytes, filename: str) -> Statement:
    seen = _Account()
    lines = tuple(_read(io.BytesIO(data), filename, seen))
    return Statement("qif", lines, seen.name, encoding=seen.encoding)


@dataclass(frozen=True, slots=True)
class QifImporter:
    """QIF bank, card and cash sections."""

    name: str = "qif"

    def identify(self, data: bytes, filename: str) -> int:
        del filename  # the content decides; detect() uses the extension only for ties
        head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
        if any(head.startswith(kind.encode()) for kind in _KNOWN_TYPES):
            return SURE
        return SURE // 2 if head.startswith((b"!OPTION", b"!ACCOUNT")) else 0

    def parse(self, data: bytes, filename: str) -> Statement:
        return guarded(filename, lambda: _parse(data, filename))

    def read(self, stream: BinaryIO, filename: str) -> Iterator[StatementLine]:
        return guarded_lines(filename, lambda: _read(stream, filename, _Account()))
