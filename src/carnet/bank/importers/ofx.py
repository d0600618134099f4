"""OFX 1.x (SGML) and 2.x (XML) statements, with a small tolerant tokenizer of our own.

Why not ofxtools: it converts ``DTPOSTED`` to UTC, so a CEST midnight lands on the previous
day (measured in docs/bank-formats.md §5), and its strict validation rejects files French banks
really produce (``TRNAMT`` with a decimal comma, leaves closed or not). We only need the
transactions, the account and the ledger balance, so a tag tokenizer is enough, and it is
several times faster. ``DTPOSTED`` keeps the calendar day written in the file.

The tokenizer reads the text as it goes (``read``): a token is a tag and the text after
it up to the next ``<``, so everything before the last ``<`` read so far can be cut into
tokens exactly as the whole text would be, and is then dropped. Each ``</STMTTRN>``
gives its line at once; memory holds one transaction and the text since the last tag.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO, TextIO

from carnet.bank.decoding import choose_codec, text_stream
from carnet.bank.errors import BankFileError
from carnet.bank.importers.base import SURE, guarded, guarded_lines
from carnet.bank.model import Balance, Statement, StatementLine
from carnet.bank.parsing import FieldError, parse_amount, parse_plain_amount, statement_day
from carnet.domain.messages import N_, Message, Param
from carnet.domain.money import Cents

_TAG = re.compile(r"<(/?)([A-Za-z0-9._]+)>([^<]*)")
_SGML_HEADER = re.compile(rb"^\s*([A-Z]+)\s*:\s*([^\r\n]*?)\s*$", re.MULTILINE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)[\"']")
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_START = re.compile("<OFX>", re.IGNORECASE)
CHUNK = 1 << 16  # characters read at a time
# Text between two tags is a value of a few dozen characters (OFX caps NAME at 32 and
# MEMO at 255); this much without a tag is no statement, and is not held to find out.
LONGEST = 1 << 20


def declared_encoding(data: bytes) -> str | None:
    """The encoding an OFX file states: XML declaration, else ``CHARSET``/``ENCODING``."""
    head = data[:2048]
    found = _XML_ENCODING.search(head)
    if found:
        declared: bytes = found.group(1)
        return declared.decode("ascii")
    pairs: list[tuple[bytes, bytes]] = _SGML_HEADER.findall(head)
    fields = {k.decode(): v.decode("ascii", "replace") for k, v in pairs}
    charset = fields.get("CHARSET", "").upper()
    if charset and charset != "NONE":
        return charset  # "1252", "ISO-8859-1": mapped by decoding.canonical_encoding
    if fields.get("ENCODING", "").upper() in {"UTF-8", "UNICODE"}:
        return "utf-8"
    return None


def ofx_date(value: str) -> date:
    """``20250805000000[+2:CEST]`` → 2025-08-05: the day as written, in the file's offset."""
    found = _DATE.match(value)
    if found is None:
        raise FieldError(N_("not an OFX date: {text}"), text=repr(value))
    return statement_day(int(found.group(1)), int(found.group(2)), int(found.group(3)), value)


def _amount(value: str) -> Cents:
    try:
        return parse_plain_amount(value)
    except FieldError:
        return parse_amount(value, "auto")  # "1 234,56" from a careless exporter


@dataclass
class _Walk:
    """Parser state while walking the tags in document order."""

    filename: str
    text: str = ""  # the text read and not yet cut into tokens
    accounts: list[str] = field(default_factory=list)
    account: str | None = None
    trn: dict[str, str] | None = None
    trn_line: int = 0
    in_ledger: bool = False
    ledger: dict[str, str] = field(default_factory=dict)
    ended: bool = False
    line: int = 1
    pos: int = 0
    encoding: str = ""
    lossy: bool = False

    def line_at(self, pos: int) -> int:
        # Incremental count: the tags come in order, so each newline is counted once.
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line

    def drop(self, upto: int) -> None:
        """Forget the text before ``upto``, its lines counted."""
        self.line_at(upto)
        self.text, self.pos = self.text[upto:], 0

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


def _close(walk: _Walk, tag: str, pos: int) -> StatementLine | None:
    """Take a closing tag; the line of the transaction it closes, if it does."""
    if tag == "STMTTRN":
        if walk.trn is None:
            raise walk.fail(walk.line_at(pos), N_("</STMTTRN> without a transaction"))
        done, walk.trn = walk.trn, None
        return _line(walk, done)
    if tag == "LEDGERBAL":
        walk.in_ledger = False
    elif tag == "OFX":
        walk.ended = True
    return None


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


def _more(walk: _Walk, text: TextIO) -> bool:
    """Read the next piece of text into the walk; False at the end."""
    chunk = text.read(CHUNK)
    walk.text += chunk
    return bool(chunk)


def _find_start(walk: _Walk, text: TextIO) -> None:
    """Read up to ``<OFX>``, dropping the header before it."""
    while True:
        found = _START.search(walk.text)
        if found is not None:
            walk.drop(found.start())
            return
        walk.drop(max(0, len(walk.text) - 4))  # "<OFX" may be cut at the end
        if not _more(walk, text):
            raise walk.fail(0, N_("no <OFX> element: not an OFX statement"))


def _tokens(walk: _Walk, text: TextIO) -> Iterator[re.Match[str]]:
    """The tokens from ``<OFX>`` to the end, each once the next ``<`` shows where it ends."""
    more = True
    while more:
        more = _more(walk, text)
        upto = walk.text.rfind("<") if more else len(walk.text)
        if upto <= 0:
            _bounded(walk, 0, len(walk.text))  # one run so far: refused once too long
            continue
        # A token never holds a "<" past its first character, so the text before the
        # last "<" is cut as it would be in the whole document.
        done = 0
        for match in _TAG.finditer(walk.text, 0, upto):
            start, end = match.span()
            # Compared here, not in a call: this runs for every tag of the file.
            if start - done > LONGEST or end - start > LONGEST:
                _bounded(walk, done, start)  # what no tag starts (a comment, junk)
                _bounded(walk, start, end)
            yield match
            done = end
        _bounded(walk, done, upto)
        walk.drop(upto)


def _bounded(walk: _Walk, start: int, end: int) -> None:
    """Refuse a run of more than ``LONGEST`` characters from a ``<`` to the next.

    The same runs are refused however the text comes in pieces, so the statement read
    as it goes is the statement read whole.
    """
    if end - start <= LONGEST:
        return
    at = start
    for run in walk.text[start:end].split("<")[1:]:  # text[start] is a "<"
        if len(run) + 1 > LONGEST:
            problem = N_("more than {count} characters without a tag: not an OFX statement")
            raise walk.fail(walk.line_at(at), problem, count=LONGEST)
        at += len(run) + 1


def _walk(walk: _Walk, text: TextIO) -> Iterator[StatementLine]:
    _find_start(walk, text)
    for match in _tokens(walk, text):
        closing, tag = match.group(1), match.group(2).upper()
        if not closing:
            _open(walk, tag, match.group(3).strip(), match.start())
        elif line := _close(walk, tag, match.start()):
            yield line
    if walk.trn is not None:
        raise walk.fail(walk.trn_line, N_("transaction not closed: the file is truncated"))
    if not walk.ended:
        raise walk.fail(
            walk.line_at(len(walk.text)), N_("no closing </OFX>: the file is truncated")
        )
    _balance(walk)  # a bad ledger balance refuses the file, read whole or not


def _read(stream: BinaryIO, walk: _Walk) -> Iterator[StatementLine]:
    stream.seek(0)
    codec = choose_codec(stream, declared_encoding(stream.read(2048)))
    walk.encoding, walk.lossy = codec.encoding, codec.lossy
    text = text_stream(stream, codec)
    try:
        yield from _walk(walk, text)
    finally:
        text.detach()  # the caller's stream stays open


def _parse(data: bytes, filename: str) -> Statement:
    walk = _Walk(filename)
    lines = tuple(_read(io.BytesIO(data), walk))
    single = walk.accounts[0] if len(set(walk.accounts)) == 1 else None
    lossy = Message(N_("undefined bytes replaced while decoding"))
    warnings = (lossy,) if walk.lossy else ()
    return Statement("ofx", lines, single, _balance(walk), walk.encoding, warnings)


@dataclass(frozen=True, slots=True)
class OfxImporter:
    """OFX/QFX whatever the extension (some banks' ``.qif`` downloads are OFX)."""

    name: str = "ofx"

    def identify(self, data: bytes, filename: str) -> int:
        del filename  # the content decides; detect() uses the extension only for ties
        head = data[:4096].upper()
        return SURE if b"OFXHEADER" in head or b"<OFX>" in head else 0

    def parse(self, data: bytes, filename: str) -> Statement:
        return guarded(filename, lambda: _parse(data, filename))

    def read(self, stream: BinaryIO, filename: str) -> Iterator[StatementLine]:
        return guarded_lines(filename, lambda: _read(stream, _Walk(filename)))
