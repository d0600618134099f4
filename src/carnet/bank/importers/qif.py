"""QIF (``!Type:Bank``) as BoursoBank and old Money/Quicken write it.

Dates are day-first (a French file): ``dd/mm/yyyy``, ``dd/mm/yy``, Quicken's ``d/m'yy``
(the apostrophe marks 20yy), also with ``-`` or ``.``. Amounts come with a point and comma
thousands (``T-1,234.56``) or a French comma; ``parse_amount(..., "auto")`` tells them apart.
QIF has no transaction id, account id or balance: deduplication is by content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from carnet.bank.decoding import decode
from carnet.bank.errors import BankFileError
from carnet.bank.importers.base import SURE, guarded
from carnet.bank.model import Statement, StatementLine
from carnet.bank.parsing import FieldError, parse_amount, two_digit_year
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
    try:
        return date(year, int(month), int(day))
    except ValueError:
        raise FieldError(N_("impossible date: {text}"), text=repr(text)) from None


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


def _parse(data: bytes, filename: str) -> Statement:
    decoded = decode(data)
    lines: list[StatementLine] = []
    fields: dict[str, str] = {}
    section, account, start = "!TYPE:BANK", None, 0
    for number, raw in enumerate(decoded.text.splitlines(), start=1):
        text = raw.strip()
        if not text:
            continue
        if text.startswith("!"):
            if not text.upper().startswith(("!OPTION", "!CLEAR")):
                section = text.upper().replace(" ", "")
            continue
        if text.startswith("^"):
            if section == "!ACCOUNT":
                account = fields.get("N") or account
            elif fields and section.startswith(_KNOWN_TYPES):
                lines.append(_record(fields, start, filename, account))
            fields = {}
            continue
        if not fields:
            start = number
        # M and P may repeat in some writers; the first value is the main one.
        fields.setdefault(text[0].upper(), text[1:].strip())
    if fields:
        raise BankFileError(
            filename, start, N_("the last record has no '^': the file is truncated")
        )
    if not lines:
        raise BankFileError(filename, 0, N_("no transactions in this QIF file"))
    return Statement("qif", tuple(lines), account, encoding=decoded.encoding)


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
