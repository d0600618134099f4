"""Carnet bank layer: read statements, recognise health payers, propose settlements.

Pure: imports ``carnet.domain`` and parsing libraries only (no database, no Qt). Money is
integer cents, dates are ``datetime.date``. The services call:

- ``parse_statement(data, filename, mappings=())`` → ``Statement`` (or ``BankFileError``);
- ``read_statement(stream, filename, mappings=())`` → (format, lines as they are read);
- ``fingerprint_lines(account_key, statement.lines)`` → one id per line, for idempotence;
- ``classify(line, directory)`` → ``Classification`` with ``PayerDirectory.from_file``;
- ``reconcile(credits, open_payments, MatchSettings(...))`` → proposals to confirm.
"""

from carnet.bank.decoding import Decoded, decode
from carnet.bank.errors import BankFileError
from carnet.bank.fingerprints import DatesOutOfOrder, Fingerprinter, fingerprint_lines
from carnet.bank.importers import (
    CsvMapping,
    Importer,
    detect,
    parse_statement,
    read_statement,
)
from carnet.bank.matching import (
    Allocation,
    HealthCredit,
    MatchSettings,
    OpenPayment,
    Proposal,
    Reason,
    assign,
    propose,
    reconcile,
)
from carnet.bank.model import Balance, Statement, StatementLine
from carnet.bank.payers import Classification, ExtraPayer, PayerDirectory, classify

__all__ = [
    "Allocation",
    "Balance",
    "BankFileError",
    "Classification",
    "CsvMapping",
    "DatesOutOfOrder",
    "Decoded",
    "ExtraPayer",
    "Fingerprinter",
    "HealthCredit",
    "Importer",
    "MatchSettings",
    "OpenPayment",
    "PayerDirectory",
    "Proposal",
    "Reason",
    "Statement",
    "StatementLine",
    "assign",
    "classify",
    "decode",
    "detect",
    "fingerprint_lines",
    "parse_statement",
    "propose",
    "read_statement",
    "reconcile",
]
