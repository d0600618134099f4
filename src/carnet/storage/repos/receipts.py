"""Received amounts (décompte lines, hand entries), accepted discrepancies, reclamation lines.

Also the two bulk reads the discrepancy finder needs: every expected payment
with something received for it, and the deductions each person still owes the
CPAM; and the status of expected payments, which a receipt settles.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from carnet.domain.codes import Payer
from carnet.domain.ids import ActId, ExpectedPaymentId, PersonId
from carnet.domain.receipts import PayerDecision, PaymentState, Receipt, ReclamationLine
from carnet.storage.repos.records import RecordRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

# Something arrived (a receipt, or money matched from the bank) and it is not the
# amount expected, beyond a cent.
_STATES_SQL = """
SELECT e.id, e.act_id, a.person_id, a.date, e.payer, e.amount_cents,
       coalesce(r.amount_cents, e.settled_cents)
FROM expected_payment e
JOIN care_act a ON a.id = e.act_id
LEFT JOIN receipt r ON r.act_id = e.act_id AND r.payer = e.payer
WHERE e.status <> 'written-off' AND (r.id IS NOT NULL OR e.settled_cents > 0)
  AND abs(e.amount_cents - coalesce(r.amount_cents, e.settled_cents)) > 1
"""

# What the status of an expected payment is, from the money matched to it and from
# a receipt (the payer's own statement settles the payment, whatever the amount).
STATUS_SQL = """CASE
    WHEN expected_payment.status = 'written-off' THEN 'written-off'
    WHEN EXISTS (SELECT 1 FROM receipt r WHERE r.act_id = expected_payment.act_id
                 AND r.payer = expected_payment.payer) THEN 'paid'
    WHEN expected_payment.settled_cents >= expected_payment.amount_cents THEN 'paid'
    WHEN expected_payment.settled_cents > 0 THEN 'partly-paid'
    ELSE 'pending' END"""


class ReceiptRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.rows = RecordRepo(db, "receipt", Receipt, "received amount")
        self.decisions = RecordRepo(db, "payer_decision", PayerDecision, "accepted discrepancy")
        self.lines = RecordRepo(db, "reclamation_line", ReclamationLine, "reclamation line")

    def find(self, act_id: ActId, payer: Payer) -> Receipt | None:
        found = self.rows.list("act_id = ? AND payer = ?", [act_id, payer.value])
        return found[0] if found else None

    def for_act(self, act_id: ActId) -> list[Receipt]:
        return self.rows.list("act_id = ?", [act_id], order_by="payer")

    def decision(self, act_id: ActId, payer: Payer) -> PayerDecision | None:
        found = self.decisions.list("act_id = ? AND payer = ?", [act_id, payer.value])
        return found[0] if found else None

    def decisions_for(self, act_ids: Sequence[ActId]) -> dict[ActId, list[PayerDecision]]:
        found: dict[ActId, list[PayerDecision]] = {}
        if not act_ids:
            return found
        ids = sorted(set(act_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for decision in self.decisions.list(f"act_id IN ({marks})", chunk):
                found.setdefault(decision.act_id, []).append(decision)
        return found

    def states(self, person_id: int | None = None) -> list[PaymentState]:
        """Expected payments with something received that is not the amount expected
        (``person_id``: only that person's)."""
        sql, params = _STATES_SQL, []
        if person_id is not None:
            sql, params = sql + " AND a.person_id = ?", [person_id]
        return [
            PaymentState(
                ExpectedPaymentId(i),
                ActId(act),
                PersonId(person),
                date.fromisoformat(day),
                Payer(payer),
                int(expected),
                int(received),
            )
            for i, act, person, day, payer, expected, received in self.db.execute(sql, params)
        ]

    def withheld_by_person(self) -> dict[PersonId, int]:
        """Deductions withheld under tiers payant and not yet recovered, per person."""
        rows = self.db.execute(
            "SELECT person_id, sum(CASE kind WHEN 'withheld' THEN amount_cents "
            "WHEN 'recovered' THEN -amount_cents ELSE 0 END) FROM deduction_ledger "
            "WHERE kind IN ('withheld', 'recovered') GROUP BY person_id"
        ).fetchall()
        return {PersonId(p): max(0, int(total)) for p, total in rows}

    def refresh_status(self, act_ids: Sequence[int]) -> None:
        """Set the status of the acts' expected payments from money and receipts."""
        ids = sorted(set(act_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            self.db.execute(
                f"UPDATE expected_payment SET status = {STATUS_SQL} "
                f"WHERE act_id IN ({marks}) AND status <> {STATUS_SQL}",
                chunk,
            )

    def lines_of(self, mailing_id: int) -> list[ReclamationLine]:
        return self.lines.list("mailing_id = ?", [mailing_id])

    def claimed(self) -> dict[tuple[ActId, Payer], int]:
        """The (act, payer) pairs already claimed in a letter, with the latest letter's id."""
        rows = self.db.execute(
            "SELECT act_id, payer, max(mailing_id) FROM reclamation_line GROUP BY act_id, payer"
        ).fetchall()
        return {(ActId(a), Payer(p)): int(m) for a, p, m in rows}

    def still_owed_letters(self) -> set[int]:
        """Reclamations with an act still paid short (its payment, or receipt, unchanged)."""
        rows = self.db.execute(
            "SELECT DISTINCT l.mailing_id FROM reclamation_line l "
            "JOIN expected_payment e ON e.act_id = l.act_id AND e.payer = l.payer "
            "LEFT JOIN receipt r ON r.act_id = e.act_id AND r.payer = e.payer "
            "WHERE e.amount_cents - coalesce(r.amount_cents, e.settled_cents) > 1"
        ).fetchall()
        return {int(m) for (m,) in rows}
