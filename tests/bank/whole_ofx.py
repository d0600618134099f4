"""The OFX reader as it was before it streamed: it tokenizes the whole decoded text.

Kept only as a reference for the tests: the streamed reading (``OfxImporter.read``)
must give the same lines as this one, and refuse what it refuses, whatever the file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from carnet.bank.decoding import decode
from carnet.bank.errors import BankFileError
from carnet.bank.importers.ofx import declared_encoding, ofx_date
from carnet.bank.model import Balance, Statement, StatementLine
from carnet.bank.parsing import FieldError, parse_amount, parse_plain_amount
from carnet.domain.messages import N_, Message, Param
from carnet.domain.money import Cents

_TAG = re.compile(r"<(/?)([A-Za-z0-9._]+)>([^<]*)")


def _amount(value: str) -> Cents:
    try:
        return parse_plain_amount(value)
    except FieldError:
        return parse_amount(value, "auto")  # "1 234,56" from a careless exporter


@dataclass
class _Walk:
    """Parser state while walking the tags in document order."""

    filename: str
    text: str
    lines: list[StatementLine] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)
    account: str | None = None
    trn: dict[str, str] | None = None
    trn_line: int = 0
    in_ledger: bool = False
    ledger: dict[str, str] = field(default_factory=dict)
    ended: bool = False
    line: int = 1
    pos: int = 0

    def line_at(self, pos: int) -> int:
        # Incremental count: the tags come in order, so each newline is counted once.
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line

    def fail(self, line: int, problem: str, /, **params: Param) -> BankFileError:
        return BankFileError(self.filename, line, problem, **params)


def _open(walk: _Walk, tag: str, value: str, pos: int) -> None:
    if tag == "STMTTRN":
        if walk.trn is not None:
            raise walk.fail(walk.line_at(pos), N_("transaction opened inside another one"))
        walk.trn, walk.trn_line = {}, walk.line_at(pos)
    elif tag == "LEDGERBAL":
        walk.in_ledger = True
    elif value:
        if "&" in value:
            value = html.unescape(value)
        if walk.trn is not None:
            walk.trn.setdefault(tag, value)
        elif tag == "ACCTID":
            walk.account = value
            walk.accounts.append(value)
        elif walk.in_ledger:
            walk.ledger[tag] = value


def _close(walk: _Walk, tag: str, pos: int) -> None:
    if tag == "STMTTRN":
        if walk.trn is None:
            raise walk.fail(walk.line_at(pos), N_("</STMTTRN> without a transaction"))
        walk.lines.append(_line(walk, walk.trn))
        walk.trn = None
    elif tag == "LEDGERBAL":
        walk.in_ledger = False
    elif tag == "OFX":
        walk.ended = True


def _line(walk: _Walk, trn: dict[str, str]) -> StatementLine:
    posted, amount = trn.get("DTPOSTED"), trn.get("TRNAMT")
    if posted is None or amount is None:
        raise walk.fail(walk.trn_line, N_("transaction without DTPOSTED or TRNAMT"))
    try:
        day, cents = ofx_date(posted), _amount(amount)
    except FieldError as error:
        raise walk.fail(walk.trn_line, error.text) from None
    name, memo = trn.get("NAME", ""), trn.get("MEMO", "")
    label = name if not memo or memo in name else f"{name} {memo}".strip()
    return StatementLine(day, cents, label, name, trn.get("FITID"), walk.trn_line, walk.account)


def _balance(walk: _Walk) -> Balance | None:
    if "BALAMT" not in walk.ledger:
        return None
    try:
        amount = _amount(walk.ledger["BALAMT"])
        on = ofx_date(walk.ledger["DTASOF"]) if "DTASOF" in walk.ledger else None
    except FieldError as error:
        raise walk.fail(0, N_("ledger balance: {problem}"), problem=error.text) from None
    return Balance(amount, on)


def parse_ofx(data: bytes, filename: str) -> Statement:
    decoded = decode(data, declared_encoding(data))
    text = decoded.text
    start = text.upper().find("<OFX>")
    if start < 0:
        raise BankFileError(filename, 0, N_("no <OFX> element: not an OFX statement"))
    walk = _Walk(filename, text)
    for match in _TAG.finditer(text, start):
        closing, tag = match.group(1), match.group(2).upper()
        if closing:
            _close(walk, tag, match.start())
        else:
            _open(walk, tag, match.group(3).strip(), match.start())
    if walk.trn is not None:
        raise walk.fail(walk.trn_line, N_("transaction not closed: the file is truncated"))
    if not walk.ended:
        raise walk.fail(walk.line_at(len(text)), N_("no closing </OFX>: the file is truncated"))
    single = walk.accounts[0] if len(set(walk.accounts)) == 1 else None
    lossy = Message(N_("undefined bytes replaced while decoding"))
    warnings = (lossy,) if decoded.lossy else ()
    return Statement("ofx", tuple(walk.lines), single, _balance(walk), decoded.encoding, warnings)
