"""ISO 20022 camt.053 (bank-to-customer statement), read with defusedxml.

Only booked entries count: ``<Sts>BOOK</Sts>`` (up to .001.07) or ``<Sts><Cd>BOOK</Cd>``
(.001.08 on); pending (``PDNG``) and information entries are skipped and counted in the
warnings. Namespaces differ between versions, so every lookup uses the ``{*}`` wildcard.
A batch entry (several ``TxDtls``) stays one line: that is what moved on the account.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring

from carnet.bank.errors import BankFileError
from carnet.bank.importers.base import SURE, guarded, guarded_lines
from carnet.bank.importers.camt_entries import (
    ENTRY_TAG,
    account_of,
    closing_balance,
    entry_line,
    status,
    xml_errors,
)
from carnet.bank.importers.camt_stream import read_entries
from carnet.bank.model import Statement, StatementLine
from carnet.domain.messages import N_, Message


def _root(data: bytes, filename: str) -> Element:
    with xml_errors(filename):
        root: Element = fromstring(data, forbid_dtd=True)  # a bank sends no DOCTYPE
    return root


def _parse(data: bytes, filename: str) -> Statement:
    root = _root(data, filename)
    statements = root.findall("{*}BkToCstmrStmt/{*}Stmt")
    if not statements:
        raise BankFileError(filename, 0, N_("no BkToCstmrStmt/Stmt: not a camt.053 statement"))
    # Entries come in document order, as do their start tags: pair them for line numbers.
    offsets = [m.start() for m in ENTRY_TAG.finditer(data)]
    lines: list[StatementLine] = []
    skipped, index, balance = 0, 0, None
    for statement in statements:
        account = account_of(statement)
        for entry in statement.iterfind("{*}Ntry"):
            line_no = data.count(b"\n", 0, offsets[index]) + 1 if index < len(offsets) else 0
            index += 1
            if status(entry) != "BOOK":
                skipped += 1
                continue
            lines.append(entry_line(entry, line_no, filename, account))
        balance = closing_balance(statement) or balance
    accounts = {line.account_id for line in lines}
    skipped_note = N_("{count} pending or informative entries skipped")
    warnings = (Message(skipped_note, count=skipped),) if skipped else ()
    single = next(iter(accounts)) if len(accounts) == 1 else None
    return Statement("camt.053", tuple(lines), single, balance, "xml", warnings)


@dataclass(frozen=True, slots=True)
class Camt053Importer:
    """camt.053 versions .001.02 to .001.13."""

    name: str = "camt.053"

    def identify(self, data: bytes, filename: str) -> int:
        del filename  # the content decides; detect() uses the extension only for ties
        head = data[:4096]
        return SURE if b"BkToCstmrStmt" in head or b"camt.053" in head else 0

    def parse(self, data: bytes, filename: str) -> Statement:
        return guarded(filename, lambda: _parse(data, filename))

    def read(self, stream: BinaryIO, filename: str) -> Iterator[StatementLine]:
        """Entry by entry, as the file is read (``camt_stream``)."""
        return guarded_lines(filename, lambda: read_entries(stream, filename))
