"""The CFONB 120 reader as it was before it streamed: it reads the whole file.

Kept only as a reference for the tests: the streamed reading (``Cfonb120Importer.read``)
must give the same lines as this one, and refuse what it refuses, whatever the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from carnet.bank.decoding import decode
from carnet.bank.errors import BankFileError
from carnet.bank.importers.cfonb120 import _balance, _operation
from carnet.bank.importers.cfonb_records import WIDTH
from carnet.bank.model import Balance, Statement, StatementLine
from carnet.domain.messages import N_

_RECORD = re.compile(r"(01|04|05|07)\d{5}")


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


def parse_cfonb(data: bytes, filename: str) -> Statement:
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
