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
from carnet.bank.importers.base import SURE, guarded, whole_file
from carnet.bank.model import Balance, Statement, StatementLine
from carnet.bank.parsing import FieldError, parse_date, parse_plain_amount
from carnet.domain.messages import N_, Message
from carnet.domain.money import Cents

_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z0-9_]+:)?Ntry[\s>]")


def _text(node: Element | None, path: str) -> str:
    found = None if node is None else node.find(path)
    return (found.text or "").strip() if found is not None else ""


def _status(entry: Element) -> str:
    return (_text(entry, "{*}Sts/{*}Cd") or _text(entry, "{*}Sts")).upper()


def _signed(node: Element, where: str) -> Cents:
    amount = parse_plain_amount(_text(node, "{*}Amt"))
    indicator = _text(node, "{*}CdtDbtInd").upper()
    if indicator not in {"CRDT", "DBIT"}:
        raise FieldError(
            N_("{where}: CdtDbtInd is {indicator}, not CRDT/DBIT"),
            where=Message(where),
            indicator=indicator or Message(N_("missing")),
        )
    return Cents(-amount if indicator == "DBIT" else amount)


def _day(entry: Element) -> str:
    for path in ("{*}BookgDt/{*}Dt", "{*}BookgDt/{*}DtTm", "{*}ValDt/{*}Dt"):
        value = _text(entry, path)
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
            name = _text(tx, path)
            if name:
                return name
    return ""


def _entry(entry: Element, line_no: int, filename: str, account: str | None) -> StatementLine:
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
    label = remittance or _text(entry, "{*}AddtlNtryInf") or party
    ref = _text(entry, "{*}AcctSvcrRef") or _text(entry, "{*}NtryRef") or None
    return StatementLine(day, amount, label, party, ref, line_no, account)


def _balance(statement: Element) -> Balance | None:
    for kind in ("CLBD", "CLAV"):
        for node in statement.iterfind("{*}Bal"):
            if _text(node, "{*}Tp/{*}CdOrPrtry/{*}Cd").upper() == kind:
                on = _text(node, "{*}Dt/{*}Dt") or _text(node, "{*}Dt/{*}DtTm")[:10]
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
    offsets = [m.start() for m in _ENTRY_TAG.finditer(data)]
    lines: list[StatementLine] = []
    skipped, index, balance = 0, 0, None
    for statement in statements:
        account = _text(statement, "{*}Acct/{*}Id/{*}IBAN") or _text(
            statement, "{*}Acct/{*}Id/{*}Othr/{*}Id"
        )
        for entry in statement.iterfind("{*}Ntry"):
            line_no = data.count(b"\n", 0, offsets[index]) + 1 if index < len(offsets) else 0
            index += 1
            if _status(entry) != "BOOK":
                skipped += 1
                continue
            lines.append(_entry(entry, line_no, filename, account or None))
        balance = _balance(statement) or balance
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
        """Read whole (bounded by the caller's size limit)."""
        return whole_file(self.parse, stream, filename)
