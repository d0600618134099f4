"""The demo household's bank statement: eight weeks of a BoursoBank export, imported.

So that the Bank page of the demo has something to reconcile, the demo writes
the CSV file a BoursoBank customer downloads (UTF-8 with a byte-order mark,
``;`` between columns, decimal comma, the balance repeated on each row) and
imports it through the real import path. Its credits from the CPAM and the
mutuelle pay some of the reimbursements the demo still awaits, a few of them
in one transfer, as the CPAM does; salary, rent, shopping and the mutuelle's
premium sit around them. Nothing is confirmed: the reconciliation is left to
whoever explores the demo.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from carnet.bank.matching.model import OpenPayment
from carnet.domain.codes import Payer
from carnet.services.bank_import import BankImportService, ImportReport
from carnet.services.reconciliation import ReconciliationService
from carnet.storage.store import Store

WEEKS = 8
# Some transfers come a little after the window the demo expected, as real ones do
# (the matcher accepts them, with a reason saying so).
LATE = timedelta(days=10)
HEADER = (
    "dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;"
    "accountNum;accountLabel;accountbalance"
)
ACCOUNT = "00040123456"
# Transfers made, at most, in these eight weeks (the others stay awaited, some overdue).
CPAM_TRANSFERS = 6
MUTUELLE_TRANSFERS = 4
PAYERS = {Payer.AMO: "VIR SEPA CPAM DE PARIS", Payer.AMC: "VIR SEPA HARMONIE MUTUELLE"}
CATEGORIES = {Payer.AMO: "Remboursements santé", Payer.AMC: "Remboursements santé"}
# The household's other lines: (day of the month or of the week, label, category, cents).
MONTHLY = (
    (1, "VIR SEPA SOCIETE GENERALE DES EAUX SALAIRE", "Salaires", 285_000),
    (3, "PRLV SEPA FONCIA LOYER", "Loyer", -124_000),
    (5, "PRLV SEPA HARMONIE MUTUELLE COTISATION", "Mutuelle", -5_420),
    (5, "VIR SEPA CAF DE PARIS", "Allocations", 14_870),
)
WEEKLY = (
    (2, "CARTE MONOPRIX PARIS 11", "Alimentation", -8_734),
    (4, "CARTE PHARMACIE DU MARCHE", "Pharmacie", -1_290),
    (6, "CARTE BOULANGERIE DES LILAS", "Alimentation", -1_460),
)


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One line of the statement, as the bank shows it (a debit is negative)."""

    day: date
    label: str
    category: str
    cents: int


def import_demo_statement(
    store: Store, today: date, rng: random.Random, account: str = "Compte joint"
) -> ImportReport:
    """Write the demo's statement and import it into ``account``; returns what was added."""
    start = today - timedelta(weeks=WEEKS)
    lines = [*_health_lines(store, start, today, rng), *_household_lines(start, today)]
    data = boursobank_csv(sorted(lines, key=lambda line: (line.day, line.label)))
    bank = BankImportService(store, lambda: today)
    return bank.import_file(data, "export-operations-boursobank.csv", account).value


def _health_lines(
    store: Store, start: date, today: date, rng: random.Random
) -> list[StatementLine]:
    # What money could settle now, as the matcher sees it: a feuille still held or on
    # the desk cannot have been paid, so it is never in a transfer.
    # Those whose window (a transfer may come LATE) meets the statement's weeks; asked of
    # the database, which then leaves years of history unread.
    weeks = (start - LATE, today - timedelta(days=2))
    payable = ReconciliationService(store, lambda: today).open_payments(weeks)
    lines = []
    for payer, transfers in ((Payer.AMO, CPAM_TRANSFERS), (Payer.AMC, MUTUELLE_TRANSFERS)):
        mine = sorted((p for p in payable if p.payer is payer), key=lambda p: (p.earliest, p.id))
        for batch in _batches(mine, transfers, rng):
            day = _pay_day(batch, start, today)
            if day is not None:
                total = sum(p.outstanding_cents for p in batch)
                lines.append(StatementLine(day, PAYERS[payer], CATEGORIES[payer], total))
    return lines


def _batches(
    payments: list[OpenPayment], count: int, rng: random.Random
) -> list[list[OpenPayment]]:
    """Up to ``count`` transfers of one to three payments of one person each."""
    batches: list[list[OpenPayment]] = []
    remaining = list(payments)
    while remaining and len(batches) < count:
        first = remaining[0]
        same = [p for p in remaining if p.person_key == first.person_key]
        batch = same[: rng.choice((1, 1, 2, 3))]
        batches.append(batch)
        remaining = [p for p in remaining if p not in batch]
    return batches


def _pay_day(batch: list[OpenPayment], start: date, today: date) -> date | None:
    """A day inside every payment's window (and the statement's), or ``None`` if none is."""
    first = max([start, *(p.earliest for p in batch)])
    last = min([today - timedelta(days=1), *(p.latest + LATE for p in batch)])
    if first > last:
        return None
    return first + (last - first) // 3


def _household_lines(start: date, today: date) -> list[StatementLine]:
    lines = []
    day = start
    while day < today:
        for weekday, label, category, cents in WEEKLY:
            if day.isoweekday() == weekday:
                lines.append(StatementLine(day, label, category, cents))
        for month_day, label, category, cents in MONTHLY:
            if day.day == month_day:
                lines.append(StatementLine(day, label, category, cents))
        day += timedelta(days=1)
    return lines


def boursobank_csv(lines: list[StatementLine]) -> bytes:
    """The CSV file BoursoBank gives for ``lines`` (also used by benchmarks/)."""
    balance = 152_340  # 1 523,40 € before the first line
    rows = [HEADER]
    for line in lines:
        balance += line.cents
        rows.append(
            ";".join(
                (
                    line.day.isoformat(),
                    line.day.isoformat(),
                    f'"{line.label}"',
                    f'"{line.category}"',
                    '"Santé"' if "santé" in line.category else '"Vie quotidienne"',
                    "",
                    _comma(line.cents),
                    "",
                    ACCOUNT,
                    '"BoursoBank"',
                    _point(balance),
                )
            )
        )
    return ("\ufeff" + "\n".join(rows) + "\n").encode("utf-8")


def _comma(cents: int) -> str:
    """``-1234,56`` with a space between thousands, as BoursoBank writes amounts."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}".replace(",", " ") + f",{part:02d}"


def _point(cents: int) -> str:
    """The balance column: ``1 718.70`` (BoursoBank writes it with a point)."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}".replace(",", " ") + f".{part:02d}"
