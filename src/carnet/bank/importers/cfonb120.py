"""CFONB 120 ("relevé de compte 120 caractères"), a small fixed-width reader.

Records: ``01`` old balance, ``04`` operation, ``05`` complement of the previous ``04``,
``07`` new balance (positions from python-cfonb, docs/bank-formats.md §1.2). An amount is 13
digits plus one character carrying the sign and the last digit: ``{ A…I`` = +0…+9,
``} J…R`` = −0…−9; position 20 gives the number of decimals. The ``04`` reference field
is not guaranteed unique by the banks, so it is not used as ``bank_ref``.

The file is read as it goes (``read``), never whole and once only: records come one at
a time from ``cfonb_records``, and only the pending ``04`` waits for its ``05``
complements.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from carnet.bank.decoding import choose_codec, text_stream
from carnet.bank.errors import BankFileError
from carnet.bank.importers.base import SURE, guarded, guarded_lines
from carnet.bank.importers.cfonb_records import WIDTH, Cut, NotRecords, records
from carnet.bank.model import Balance, Statement, StatementLine
from carnet.bank.parsing import FieldError, parse_date
from carnet.domain.messages import N_
from carnet.domain.money import Cents

_LAST = {ch: (1, i) for i, ch in enumerate("{ABCDEFGHI")} | {
    ch: (-1, i) for i, ch in enumerate("}JKLMNOPQR")
}
_RECORD = re.compile(r"(01|04|05|07)\d{5}")


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


@dataclass
class _Reader:
    """The operation waiting for its complements, and what the file says beside its lines."""

    filename: str
    current: dict[str, str] | None = None
    balance: Balance | None = None
    encoding: str = ""

    def fail(self, line: int, problem: str) -> BankFileError:
        return BankFileError(self.filename, line, problem)

    def flush(self) -> StatementLine | None:
        """The pending operation as a line, once no more complement can come."""
        done, self.current = self.current, None
        return None if done is None else _operation(done, self.filename)


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


def _step(reader: _Reader, rec: str, number: int) -> StatementLine | None:
    """Take one record; the operation it completes, if any."""
    code = rec[:2]
    if code == "05":
        if reader.current is None:
            raise reader.fail(number, N_("complement record 05 without an operation 04"))
        qualifier, text = rec[45:48].strip(), rec[48:118].strip()
        previous = reader.current.get(qualifier)
        reader.current[qualifier] = f"{previous} {text}" if previous else text
        return None
    done = reader.flush()
    if code == "04":
        reader.current = {"record": rec, "line": str(number)}
    elif code == "07":
        reader.balance = _balance(rec, number, reader.filename)
    return done


_NOT_A_RECORD = N_("not a CFONB 120 record (code 01/04/05/07, 120 characters)")


def _check(reader: _Reader, rec: str, number: int) -> None:
    if len(rec) > WIDTH or not _RECORD.match(rec):
        raise reader.fail(number, _NOT_A_RECORD)
    if len(rec) < 104 and rec[:2] != "05":
        raise reader.fail(number, N_("record shorter than the amount field: the file is truncated"))


def _read(stream: BinaryIO, reader: _Reader) -> Iterator[StatementLine]:
    codec = choose_codec(stream)
    reader.encoding = codec.encoding
    text = text_stream(stream, codec)
    found = records(text)
    try:
        for number, rec in found:
            if not rec.strip():
                continue
            try:
                _check(reader, rec, number)
                line = _step(reader, rec.ljust(WIDTH), number)
            except BankFileError:
                # A file cut short is refused as such, whatever else is wrong before
                # its end (a cut may well be why): the rest is read for its end only.
                for _rest in found:
                    pass
                raise
            if line:
                yield line
    except Cut as cut:
        problem = N_("the last record is cut short: the file is truncated")
        raise reader.fail(cut.number, problem) from None
    except NotRecords as bad:
        raise reader.fail(bad.number, _NOT_A_RECORD) from None
    finally:
        text.detach()
    if line := reader.flush():
        yield line


def _parse(data: bytes, filename: str) -> Statement:
    reader = _Reader(filename)
    lines = tuple(_read(io.BytesIO(data), reader))
    accounts = {line.account_id for line in lines}
    single = next(iter(accounts)) if len(accounts) == 1 else None
    return Statement("cfonb120", lines, single, reader.balance, reader.encoding)


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
        return guarded_lines(filename, lambda: _read(stream, _Reader(filename)))
