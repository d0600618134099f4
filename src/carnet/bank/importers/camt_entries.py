"""The parts of a camt.053 statement both readers share: an entry, a balance, errors.

``camt053`` reads a whole document and ``camt_stream`` reads one as it goes; both turn
each ``<Ntry>`` into a line and each XML refusal into the file's error with these.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException

from carnet.bank.errors import BankFileError
from carnet.bank.model import Balance, StatementLine
from carnet.bank.parsing import FieldError, parse_date, parse_plain_amount
from carnet.domain.messages import N_, Message
from carnet.domain.money import Cents

ENTRY_TAG = re.compile(rb"<(?:[A-Za-z0-9_]+:)?Ntry[\s>]")


def text_of(node: Element | None, path: str) -> str:
    found = None if node is None else node.find(path)
    return (found.text or "").strip() if found is not None else ""


def status(entry: Element) -> str:
    return (text_of(entry, "{*}Sts/{*}Cd") or text_of(entry, "{*}Sts")).upper()


def signed(node: Element, where: str) -> Cents:
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
        amount = signed(entry, N_("entry"))
        day = parse_date(_day(entry), "yyyy-mm-dd")
    except FieldError as error:
        raise BankFileError(filename, line_no, error.text) from None
    details = entry.findall("{*}NtryDtls/{*}TxDtls")
    party = _party(details, amount < 0)
    remittance = " ".join(
        (node.text or "").strip() for tx in details for node in tx.iterfind("{*}RmtInf/{*}Ustrd")
    ).strip()
    bank_label = text_of(entry, "{*}AddtlNtryInf")
    label = remittance or bank_label or party
    # Without a debtor's name the payer is in the bank's own label ("VIR SEPA CPAM DE
    # PARIS"), not in the remittance ("REF 123"); the label itself stays as it was, so
    # the lines of files imported before keep their fingerprints.
    party = party or (bank_label if remittance else "")
    ref = text_of(entry, "{*}AcctSvcrRef") or text_of(entry, "{*}NtryRef") or None
    return StatementLine(day, amount, label, party, ref, line_no, account)


def closing_balance(statement: Element) -> Balance | None:
    for kind in ("CLBD", "CLAV"):
        for node in statement.iterfind("{*}Bal"):
            if text_of(node, "{*}Tp/{*}CdOrPrtry/{*}Cd").upper() == kind:
                on = text_of(node, "{*}Dt/{*}Dt") or text_of(node, "{*}Dt/{*}DtTm")[:10]
                return Balance(
                    signed(node, N_("balance")), parse_date(on, "yyyy-mm-dd") if on else None
                )
    return None


def account_of(statement: Element) -> str | None:
    """The statement's account: its IBAN, or the bank's own identifier."""
    iban = text_of(statement, "{*}Acct/{*}Id/{*}IBAN")
    return iban or text_of(statement, "{*}Acct/{*}Id/{*}Othr/{*}Id") or None


@contextmanager
def xml_errors(filename: str) -> Iterator[None]:
    """What the XML parser refuses, as the file's error with its line."""
    try:
        yield
    except ParseError as error:
        line = error.position[0] if error.position else 0
        raise BankFileError(
            filename, line, N_("malformed XML: {problem}"), problem=str(error.msg)
        ) from None
    except DefusedXmlException:
        raise BankFileError(filename, 0, N_("XML entities or DTDs are refused")) from None
