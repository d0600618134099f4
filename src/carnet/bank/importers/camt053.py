"""ISO 20022 camt.053 (bank-to-customer statement), read with defusedxml.

Only booked entries count: ``<Sts>BOOK</Sts>`` (up to .001.07) or ``<Sts><Cd>BOOK</Cd>``
(.001.08 on); pending (``PDNG``) and information entries are skipped and counted in the
warnings. Namespaces differ between versions, so every lookup uses the ``{*}`` wildcard.
A batch entry (several ``TxDtls``) stays one line: that is what moved on the account.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from carnet.bank.errors import BankFileError
from carnet.bank.importers.base import SURE, guarded, guarded_lines
from carnet.bank.model import Balance, Statement, StatementLine
from carnet.bank.parsing import FieldError, parse_date, parse_plain_amount
from carnet.domain.messages import N_, Message
from carnet.domain.money import Cents

ENTRY_TAG = re.compile(rb"<(?:[A-Za-z0-9_]+:)?Ntry[\s>]")


def text_of(node: Element | None, path: str) -> str:
    found = None if node is None else node.find(path)
    return (found.text or "").strip() if found is not None else ""


def status(entry: Element) -> str:
    return (text_of(entry, "{*}Sts/{*}Cd") or text_of(entry, "{*}Sts")).upper()


def _signed(node: Element, where: str) -> Cents:
    amount = parse_plain_amount(text_of(node, "{*}Amt"))
    indicator = text_of(node, "{*}CdtDbtInd").upper()
    if indicator not in {"CRDT", "DBIT"}:
        raise FieldError(
            N_("{where}: CdtDbtInd is {indicator}, not CRDT/DBIT"),
            where=Message(where),
            indicator=indicator or Message(N_("missing")),
        )
    return Cents(-amount if indicator == "DBIT" else amount)


def _day(entry: Element) -> str:
    for path in ("{*}BookgDt/{*}Dt", "{*}BookgDt/{*}DtTm", "{*}ValDt/{*}Dt"):
        value = text_of(entry, path)
        if value:
            return value[:10]
    raise FieldError(N_("entry without a booking date"))


def _party(details: list[Element], debit: bool) -> str:
    role = "Cdtr" if debit else "Dbtr"  # the other side of the movement
    for tx in details:
        for path in (
            f"{{*}}RltdPties/{{*}}{role}/{{*}}Nm",
            f"{{*}}RltdPties/{{*}}{role}/{{*}}Pty/{{*}}Nm",
        ):
            name = text_of(tx, path)
            if name:
                return name
    return ""


def entry_line(entry: Element, line_no: int, filename: str, account: str | None) -> StatementLine:
    try:
        amount = _signed(entry, N_("entry"))
        day = parse_date(_day(entry), "yyyy-mm-dd")
    except FieldError as error:
        raise BankFileError(filename, line_no, error.text) from None
    details = entry.findall("{*}NtryDtls/{*}TxDtls")
    party = _party(details, amount < 0)
    remittance = " ".join(
        (node.text or "").strip() for tx in details for node in tx.iterfind("{*}RmtInf/{*}Ustrd")
    ).strip()
    label = remittance or text_of(entry, "{*}AddtlNtryInf") or party
    ref = text_of(entry, "{*}AcctSvcrRef") or text_of(entry, "{*}NtryRef") or None
    return StatementLine(day, amount, label, party, ref, line_no, account)


def closing_balance(statement: Element) -> Balance | None:
    for kind in ("CLBD", "CLAV"):
        for node in statement.iterfind("{*}Bal"):
            if text_of(node, "{*}Tp/{*}CdOrPrtry/{*}Cd").upper() == kind:
                on = text_of(node, "{*}Dt/{*}Dt") or text_of(node, "{*}Dt/{*}DtTm")[:10]
                return Balance(
                    _signed(node, N_("balance")), parse_date(on, "yyyy-mm-dd") if on else None
                )
    return None


def _root(data: bytes, filename: str) -> Element:
    try:
        root: Element = fromstring(data)
    except ParseError as error:
        line = error.position[0] if error.position else 0
        raise BankFileError(
            filename, line, N_("malformed XML: {problem}"), problem=str(error.msg)
        ) from None
    except DefusedXmlException:
        raise BankFileError(filename, 0, N_("XML entities or DTDs are refused")) from None
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
        account = text_of(statement, "{*}Acct/{*}Id/{*}IBAN") or text_of(
            statement, "{*}Acct/{*}Id/{*}Othr/{*}Id"
        )
        for entry in statement.iterfind("{*}Ntry"):
            line_no = data.count(b"\n", 0, offsets[index]) + 1 if index < len(offsets) else 0
            index += 1
            if status(entry) != "BOOK":
                skipped += 1
                continue
            lines.append(entry_line(entry, line_no, filename, account or None))
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
        # Imported here: camt_stream reads entries with this module's helpers.
        from carnet.bank.importers.camt_stream import read_entries  # noqa: PLC0415

        return guarded_lines(filename, lambda: read_entries(stream, filename))
