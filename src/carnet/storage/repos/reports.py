"""Read-only queries behind exports, the todo list and the parcours figures.

Each query has its row type: the columns of its SELECT, in order, by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

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


class ActExportRow(NamedTuple):
    id: int
    date: str  # ISO dates, as stored
    person: str
    practitioner: str
    act_code: str
    category: str
    fee_cents: int
    base_cents: int | None  # None: not assessed
    amo_cents: int | None
    amc_cents: int | None
    patient_cents: int | None
    channel: str
    payment_mode: str
    deadline: str | None


class PaymentExportRow(NamedTuple):
    id: int
    act_id: int
    date: str
    person: str
    payer: str
    amount_cents: int
    settled_cents: int
    earliest: str
    latest: str
    status: str


class MatchExportRow(NamedTuple):
    date: str
    amount_cents: int
    label: str
    counterparty: str
    payment_id: int
    act_id: int
    allocated_cents: int
    state: str


class OverdueRow(NamedTuple):
    payment_id: int
    act_id: int
    payer: str
    outstanding_cents: int
    latest: str
    date: str
    act_code: str
    person: str


class ParcoursCostRow(NamedTuple):
    person_id: int
    person: str
    year: str
    cents: int
    acts: int


class ReportRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def acts_export(self) -> list[ActExportRow]:
        return [ActExportRow._make(r) for r in self.db.execute(ACTS_SQL).fetchall()]

    def payments_export(self) -> list[PaymentExportRow]:
        return [PaymentExportRow._make(r) for r in self.db.execute(PAYMENTS_SQL).fetchall()]

    def matches_export(self) -> list[MatchExportRow]:
        return [MatchExportRow._make(r) for r in self.db.execute(MATCHES_SQL).fetchall()]

    def overdue(self, today: str) -> list[OverdueRow]:
        """Payments still awaited whose latest date is before ``today`` (ISO)."""
        rows = self.db.execute(OVERDUE_SQL, [today]).fetchall()
        return [OverdueRow._make(r) for r in rows]

    def parcours_costs(self, start: str, end: str) -> list[ParcoursCostRow]:
        """What leaving the parcours cost, per person and year, for acts in the period."""
        rows = self.db.execute(PARCOURS_COST_SQL, [start, end]).fetchall()
        return [ParcoursCostRow._make(r) for r in rows]


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
