"""CFONB 120 ("relevé de compte 120 caractères"), a small fixed-width reader.

Records: ``01`` old balance, ``04`` operation, ``05`` complement of the previous ``04``,
``07`` new balance (positions from python-cfonb, docs/bank-formats.md §1.2). An amount is 13
digits plus one character carrying the sign and the last digit: ``{ A…I`` = +0…+9,
``} J…R`` = −0…−9; position 20 gives the number of decimals. The ``04`` reference field
is not guaranteed unique by the banks, so it is not used as ``bank_ref``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from carnet.bank.decoding import decode
from carnet.bank.errors import BankFileError
from carnet.bank.importers.base import SURE, guarded, whole_file
from carnet.bank.model import Balance, Statement, StatementLine
from carnet.bank.parsing import FieldError, parse_date
from carnet.domain.messages import N_
from carnet.domain.money import Cents

_LAST = {ch: (1, i) for i, ch in enumerate("{ABCDEFGHI")} | {
    ch: (-1, i) for i, ch in enumerate("}JKLMNOPQR")
}
_RECORD = re.compile(r"(01|04|05|07)\d{5}")
WIDTH = 120


def cfonb_amount(field_14: str, decimals: str) -> Cents:
    """``"0000000001234E"`` with 2 decimals → 12345 cents."""
    digits, last = field_14[:13], field_14[13:14]
    if not digits.isdigit() or last not in _LAST or not decimals.isdigit():
        raise FieldError(
            N_("not a CFONB amount: {text} ({decimals} decimals)"),
            text=repr(field_14),
            decimals=repr(decimals),
        )
    sign, unit = _LAST[last]
    value, places = int(digits) * 10 + unit, int(decimals)
    if places <= 2:
        return Cents(sign * value * 10 ** (2 - places))
    scale = 10 ** (places - 2)
    if value % scale:
        raise FieldError(N_("amount with a fraction of a cent: {text}"), text=repr(field_14))
    return Cents(sign * value // scale)


def _records(text: str) -> list[str]:
    body = text.rstrip("\r\n\x1a")
    if "\n" not in body and len(body) > WIDTH:
        # Some EBICS downloads have no line breaks at all: one record every 120 characters.
        return [body[i : i + WIDTH] for i in range(0, len(body), WIDTH)]
    return [line.rstrip("\r") for line in body.split("\n")]


@dataclass
class _Reader:
    filename: str
    lines: list[StatementLine] = field(default_factory=list)
    current: dict[str, str] | None = None
    balance: Balance | None = None

    def fail(self, line: int, problem: str) -> BankFileError:
        return BankFileError(self.filename, line, problem)

    def flush(self) -> None:
        if self.current is not None:
            self.lines.append(_operation(self.current, self.filename))
            self.current = None


def _operation(op: dict[str, str], filename: str) -> StatementLine:
    rec, line_no = op["record"], int(op["line"])
    try:
        amount = cfonb_amount(rec[90:104], rec[19:20])
        day = parse_date(rec[34:40], "ddmmyy")
    except FieldError as error:
        raise BankFileError(filename, line_no, error.text) from None
    extra = " ".join(op[q] for q in ("LIB", "LCC", "LC2") if op.get(q))
    label = " ".join(part for part in (rec[48:79].strip(), extra) if part)
    return StatementLine(day, amount, label, op.get("NPY", ""), None, line_no, rec[21:32].strip())


def _balance(rec: str, line_no: int, filename: str) -> Balance:
    try:
        return Balance(cfonb_amount(rec[90:104], rec[19:20]), parse_date(rec[34:40], "ddmmyy"))
    except FieldError as error:
        raise BankFileError(filename, line_no, error.text) from None


def _step(reader: _Reader, rec: str, number: int) -> None:
    code = rec[:2]
    if code == "04":
        reader.flush()
        reader.current = {"record": rec, "line": str(number)}
    elif code == "05":
        if reader.current is None:
            raise reader.fail(number, N_("complement record 05 without an operation 04"))
        qualifier, text = rec[45:48].strip(), rec[48:118].strip()
        previous = reader.current.get(qualifier)
        reader.current[qualifier] = f"{previous} {text}" if previous else text
    else:
        reader.flush()
        if code == "07":
            reader.balance = _balance(rec, number, reader.filename)


def _parse(data: bytes, filename: str) -> Statement:
    decoded = decode(data)
    reader = _Reader(filename)
    records = _records(decoded.text)
    if records and len(records[-1]) < WIDTH and not decoded.text.endswith(("\n", "\x1a")):
        # A short last record with no line end: the download stopped mid-record.
        raise reader.fail(len(records), N_("the last record is cut short: the file is truncated"))
    for number, rec in enumerate(records, start=1):
        if not rec.strip():
            continue
        if len(rec) > WIDTH or not _RECORD.match(rec):
            raise reader.fail(
                number, N_("not a CFONB 120 record (code 01/04/05/07, 120 characters)")
            )
        if len(rec) < 104 and rec[:2] != "05":
            raise reader.fail(
                number, N_("record shorter than the amount field: the file is truncated")
            )
        _step(reader, rec.ljust(WIDTH), number)
    reader.flush()
    accounts = {line.account_id for line in reader.lines}
    single = next(iter(accounts)) if len(accounts) == 1 else None
    return Statement("cfonb120", tuple(reader.lines), single, reader.balance, decoded.encoding)


@dataclass(frozen=True, slots=True)
class Cfonb120Importer:
    """French business statement in 120-character records."""

    name: str = "cfonb120"

    def identify(self, data: bytes, filename: str) -> int:
        del filename  # the content decides; detect() uses the extension only for ties
        head = data[: WIDTH * 4].decode("ascii", "replace")
        first = head.split("\n", 1)[0].rstrip("\r")
        ok = first.startswith("01") and _RECORD.match(first) is not None
        return SURE if ok and (len(first) == WIDTH or len(head) >= 4 * WIDTH) else 0

    def parse(self, data: bytes, filename: str) -> Statement:
        return guarded(filename, lambda: _parse(data, filename))

    def read(self, stream: BinaryIO, filename: str) -> Iterator[StatementLine]:
        """Read whole (bounded by the caller's size limit): see the module docstring."""
        return whole_file(self.parse, stream, filename)
