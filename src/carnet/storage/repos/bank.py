"""Bank transactions, statement imports and settlements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from carnet.domain.banking import BankTransaction, PayerType, StatementImport
from carnet.domain.codes import Channel, Payer
from carnet.domain.ids import ActId, BankAccountId, ExpectedPaymentId, PersonId, TransactionId
from carnet.domain.money import Cents
from carnet.storage.repos.bank_lines import ImportLines
from carnet.storage.repos.codec import Row, from_row
from carnet.storage.repos.receipts import STATUS_SQL
from carnet.storage.repos.records import RecordRepo, insert_row

if TYPE_CHECKING:
    from sqlite_utils import Database

_OPEN_SELECT = """
SELECT e.id, e.act_id, a.date, e.payer, {target} - e.settled_cents, e.earliest, e.latest,
       a.person_id, coalesce(c.insurer, ''), a.channel,
       e.payer = 'amc' AND NOT EXISTS (SELECT 1 FROM expected_payment o WHERE
           o.act_id = e.act_id AND o.payer = 'amo' AND o.status IN ('pending', 'partly-paid'))
FROM expected_payment e
JOIN care_act a ON a.id = e.act_id
JOIN person p ON p.id = a.person_id
LEFT JOIN contract c ON c.id = p.contract_id
"""
# Open: what is expected and not yet matched; or, when the payer's décompte (a
# receipt) says what it paid, that amount not yet matched: the transfer then
# matches the décompte's total rather than the amounts expected.
OPEN_PAYMENTS_SQL = (
    _OPEN_SELECT.format(target="e.amount_cents")
    + "WHERE e.status IN ('pending', 'partly-paid') AND e.amount_cents > e.settled_cents "
    "AND NOT EXISTS (SELECT 1 FROM receipt r WHERE r.act_id = e.act_id AND r.payer = e.payer) "
    "{window} UNION ALL "
    + _OPEN_SELECT.format(target="min(r.amount_cents, e.amount_cents)")
    + "JOIN receipt r ON r.act_id = e.act_id AND r.payer = e.payer "
    "WHERE e.status <> 'written-off' AND min(r.amount_cents, e.amount_cents) > e.settled_cents "
    "{window}"
)
_WINDOW = "AND e.earliest <= ? AND e.latest >= ?"

# A health credit is open until it has been matched (wholly, or with a residual).
OPEN_CREDITS_SQL = """
SELECT t.id, t.date, t.amount_cents, t.payer_type, t.counterparty
FROM bank_transaction t
WHERE t.health = 1 AND t.amount_cents > 0 AND NOT EXISTS (
    SELECT 1 FROM settlement s WHERE s.transaction_id = t.id AND s.state = 'confirmed')
ORDER BY t.date, t.id
"""


class OpenPaymentRow(NamedTuple):
    """An expected payment not (wholly) paid yet, with what matching reads of its act."""

    id: ExpectedPaymentId
    act_id: ActId
    act_date: date
    payer: Payer
    outstanding_cents: Cents
    earliest: date
    latest: date
    person_id: PersonId
    insurer: str  # the person's mutuelle, "" without a contract
    channel: Channel
    other_share_done: bool  # a mutuelle share whose CPAM share is no longer awaited

    @classmethod
    def of(cls, row: Sequence[Any]) -> OpenPaymentRow:
        ident, act, day, payer, cents, earliest, latest, person, insurer, channel, done = row
        return cls(
            ExpectedPaymentId(ident),
            ActId(act),
            date.fromisoformat(day),
            Payer(payer),
            Cents(cents),
            date.fromisoformat(earliest),
            date.fromisoformat(latest),
            PersonId(person),
            str(insurer),
            Channel(channel),
            bool(done),
        )


class OpenCreditRow(NamedTuple):
    """A health credit not matched yet."""

    id: TransactionId
    date: date
    amount_cents: Cents
    payer_type: PayerType | None
    counterparty: str

    @classmethod
    def of(cls, row: Sequence[Any]) -> OpenCreditRow:
        ident, day, cents, kind, counterparty = row
        payer = None if kind is None else PayerType(kind)
        return cls(TransactionId(ident), date.fromisoformat(day), Cents(cents), payer, counterparty)


class SettledRow(NamedTuple):
    """Part of a transfer confirmed against one expected payment."""

    payment_id: ExpectedPaymentId
    cents: Cents


class UnclassifiedRow(NamedTuple):
    """A line in which no payer was recognised."""

    id: TransactionId
    date: date
    amount_cents: Cents
    label: str
    counterparty: str


class BankRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.transactions_rows = RecordRepo(db, "bank_transaction", BankTransaction, "transaction")
        self.imports_rows = RecordRepo(db, "statement_import", StatementImport, "import")
        self.lines = ImportLines(db)

    def fingerprints(self, account_id: BankAccountId) -> set[str]:
        rows = self.db.execute(
            "SELECT fingerprint FROM bank_transaction WHERE account_id = ?", [account_id]
        ).fetchall()
        return {str(r[0]) for r in rows}

    def add_import(self, record: StatementImport) -> StatementImport:
        return self.imports_rows.insert(record)

    def add_transactions(self, items: Sequence[BankTransaction]) -> list[Row]:
        """Insert the lines of an import; answers the rows written (for the history)."""
        return self.transactions_rows.insert_rows(list(items))

    def transaction(self, ident: TransactionId) -> BankTransaction:
        return self.transactions_rows.get(ident)

    def transactions(self, health_only: bool = False) -> list[BankTransaction]:
        where = "WHERE health = 1 " if health_only else ""
        rows = self.db.query(f"SELECT * FROM bank_transaction {where}ORDER BY date DESC, id DESC")
        return [from_row(BankTransaction, row) for row in rows]

    def open_credits(self) -> list[OpenCreditRow]:
        return [OpenCreditRow.of(row) for row in self.db.execute(OPEN_CREDITS_SQL).fetchall()]

    def open_payments(self, overlapping: tuple[date, date] | None = None) -> list[OpenPaymentRow]:
        """Payments still open; ``overlapping``: only those whose window meets that
        period (both days included)."""
        sql, params = OPEN_PAYMENTS_SQL.format(window=""), []
        if overlapping is not None:
            sql = OPEN_PAYMENTS_SQL.format(window=_WINDOW)
            first, last = overlapping
            params = [last.isoformat(), first.isoformat()] * 2
        return [OpenPaymentRow.of(row) for row in self.db.execute(sql, params).fetchall()]

    def settle(
        self, transaction_id: TransactionId, payment_id: ExpectedPaymentId, cents: int
    ) -> None:
        """Confirm ``cents`` of a transfer against one expected payment."""
        # Plain SQL: sqlite-utils' insert reads the table's schema first, and confirming
        # a long statement settles thousands of payments.
        insert_row(
            self.db,
            "settlement",
            {
                "transaction_id": transaction_id,
                "expected_payment_id": payment_id,
                "amount_cents": cents,
                "state": "confirmed",
            },
        )
        self.db.execute(
            "UPDATE expected_payment SET settled_cents = settled_cents + ? WHERE id = ?",
            [cents, payment_id],
        )
        self._restatus(payment_id)

    def _restatus(self, payment_id: int) -> None:
        self.db.execute(
            f"UPDATE expected_payment SET status = {STATUS_SQL} WHERE id = ?", [payment_id]
        )

    def settlements(self, transaction_id: TransactionId) -> list[SettledRow]:
        rows = self.db.execute(
            "SELECT expected_payment_id, amount_cents FROM settlement "
            "WHERE transaction_id = ? AND state = 'confirmed' ORDER BY id",
            [transaction_id],
        ).fetchall()
        return [SettledRow(ExpectedPaymentId(p), Cents(c)) for p, c in rows]

    def imports(self) -> list[StatementImport]:
        """Every imported file, newest first."""
        rows = self.db.query("SELECT * FROM statement_import ORDER BY id DESC")
        return [from_row(StatementImport, row) for row in rows]

    def remaining_withheld(self) -> int:
        """Deductions the CPAM may still take from transfers (charged minus recovered)."""
        row = self.db.execute(
            "SELECT coalesce(sum(CASE WHEN kind = 'withheld' THEN amount_cents "
            "WHEN kind = 'recovered' THEN -amount_cents END), 0) FROM deduction_ledger"
        ).fetchone()
        return max(0, int(row[0]))

    def record_recovered(self, person_id: int, day: date, cents: int, transaction_id: int) -> None:
        insert_row(
            self.db,
            "deduction_ledger",
            {
                "person_id": person_id,
                "year": day.year,
                "date": day.isoformat(),
                "kind": "recovered",
                "amount_cents": cents,
                "transaction_id": transaction_id,
            },
        )

    def unsettle(self, transaction_id: int) -> None:
        """Take back every confirmed allocation of a transfer (undo)."""
        for payment_id, cents in self.settlements(TransactionId(transaction_id)):
            self.db.execute(
                "UPDATE expected_payment SET settled_cents = settled_cents - ? WHERE id = ?",
                [cents, payment_id],
            )
            self._restatus(payment_id)
        self.db.execute("DELETE FROM settlement WHERE transaction_id = ?", [transaction_id])
        self.db.execute(
            "DELETE FROM deduction_ledger WHERE transaction_id = ? AND kind = 'recovered'",
            [transaction_id],
        )

    def resettle(
        self, transaction_id: int, allocations: list[list[int]], recovered: list[Any] | None
    ) -> None:
        """Confirm again what :meth:`unsettle` took back (redo)."""
        for payment_id, cents in allocations:
            self.settle(TransactionId(transaction_id), ExpectedPaymentId(payment_id), cents)
        if recovered:
            person_id, day, cents = recovered
            self.record_recovered(person_id, date.fromisoformat(day), cents, transaction_id)

    def unrecognised(self) -> list[UnclassifiedRow]:
        """Lines no payer was recognised in."""
        rows = self.db.execute(
            "SELECT id, date, amount_cents, label, counterparty FROM bank_transaction "
            "WHERE payer_type IS NULL AND health = 0"
        ).fetchall()
        return [
            UnclassifiedRow(TransactionId(i), date.fromisoformat(d), Cents(a), lb, c)
            for i, d, a, lb, c in rows
        ]

    def set_classification(self, ident: int, payer_type: str | None, health: bool) -> None:
        self.db.execute(
            "UPDATE bank_transaction SET payer_type = ?, health = ? WHERE id = ?",
            [payer_type, int(health), ident],
        )
