"""Read-only queries behind exports and summaries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


ACTS_SQL = """
SELECT a.id, a.date, trim(p.first_name || ' ' || p.last_name) AS person,
       coalesce(pr.name, '') AS practitioner, a.act_code, a.category, a.fee_cents,
       s.base_cents, s.amo_cents, s.amc_cents, s.patient_cents, a.channel, a.payment_mode,
       s.deadline
FROM care_act a JOIN person p ON p.id = a.person_id
LEFT JOIN practitioner pr ON pr.id = a.practitioner_id
LEFT JOIN assessment s ON s.act_id = a.id
ORDER BY a.date, a.id
"""

PAYMENTS_SQL = """
SELECT e.id, e.act_id, a.date, trim(p.first_name || ' ' || p.last_name) AS person, e.payer,
       e.amount_cents, e.settled_cents, e.earliest, e.latest, e.status
FROM expected_payment e JOIN care_act a ON a.id = e.act_id JOIN person p ON p.id = a.person_id
ORDER BY a.date, e.act_id, e.payer
"""

MATCHES_SQL = """
SELECT t.date, t.amount_cents, t.label, t.counterparty, s.expected_payment_id, e.act_id,
       s.amount_cents, s.state
FROM settlement s JOIN bank_transaction t ON t.id = s.transaction_id
JOIN expected_payment e ON e.id = s.expected_payment_id
ORDER BY t.date, t.id, s.id
"""


class ReportRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return list(self.db.execute(sql).fetchall())

    def rows_with(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        return list(self.db.execute(sql, params).fetchall())


OVERDUE_SQL = """
SELECT e.id, e.act_id, e.payer, e.amount_cents - e.settled_cents, e.latest, a.date, a.act_code,
       trim(p.first_name || ' ' || p.last_name)
FROM expected_payment e JOIN care_act a ON a.id = e.act_id JOIN person p ON p.id = a.person_id
WHERE e.status IN ('pending', 'partly-paid') AND e.latest < ?
ORDER BY e.latest, e.id
"""

# What leaving the parcours de soins cost, per person and calendar year (assessment 0006).
PARCOURS_COST_SQL = """
SELECT a.person_id, trim(p.first_name || ' ' || p.last_name), substr(a.date, 1, 4),
       sum(s.parcours_cost_cents), count(*)
FROM assessment s JOIN care_act a ON a.id = s.act_id JOIN person p ON p.id = a.person_id
WHERE s.parcours_cost_cents > 0 AND a.date BETWEEN ? AND ?
GROUP BY a.person_id, substr(a.date, 1, 4)
ORDER BY substr(a.date, 1, 4), p.last_name, p.first_name, a.person_id
"""
