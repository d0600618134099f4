"""Read-only queries behind the dashboard and the care page's payer filters.

Every figure is summed in SQL over integer cents; nothing here writes.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from carnet.domain.codes import FeuilleStatus, Payer
from carnet.domain.ids import ActId
from carnet.domain.money import Cents

if TYPE_CHECKING:
    from sqlite_utils import Database


_OPEN = "e.status IN ('pending', 'partly-paid')"

TOTALS_SQL = f"""
SELECT e.payer, count(*), coalesce(sum(e.amount_cents - e.settled_cents), 0),
       coalesce(sum(CASE WHEN e.latest < :today THEN 1 ELSE 0 END), 0),
       coalesce(sum(CASE WHEN e.latest < :today
                         THEN e.amount_cents - e.settled_cents ELSE 0 END), 0)
FROM expected_payment e
WHERE {_OPEN}
GROUP BY e.payer
"""

FEUILLE_ACTS_SQL = """
SELECT f.status, fa.act_id
FROM feuille f JOIN feuille_act fa ON fa.feuille_id = f.id
"""

FEUILLE_COUNTS_SQL = "SELECT status, count(*) FROM feuille GROUP BY status"

MONTHS_SQL = """
SELECT substr(a.date, 1, 7) AS month,
       coalesce(sum(s.patient_cents), 0),
       coalesce(sum(s.amo_cents + s.amc_cents), 0)
FROM care_act a JOIN assessment s ON s.act_id = a.id
WHERE a.date >= :start AND a.date <= :end
GROUP BY month
ORDER BY month
"""

LAST_IMPORT_SQL = """
SELECT i.file_name, i.format, i.first_date, i.last_date, i.added, i.created_at, b.name
FROM statement_import i JOIN bank_account b ON b.id = i.account_id
ORDER BY i.id DESC
LIMIT :limit
"""


class PayerTotals(NamedTuple):
    """Money one payer still owes: all of it, and the part past its latest date."""

    payer: Payer
    payments: int  # how many expected payments
    cents: Cents
    overdue_payments: int
    overdue_cents: Cents


class FeuilleAct(NamedTuple):
    status: FeuilleStatus
    act_id: ActId


class MonthTotals(NamedTuple):
    month: str  # YYYY-MM
    patient_cents: Cents
    reimbursed_cents: Cents  # AMO + AMC


class StatementSummary(NamedTuple):
    """One imported file, as the dashboard lists it."""

    file_name: str
    account: str
    first_date: date | None
    last_date: date | None
    added: int
    imported_on: date


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


class DashboardRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _rows(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        return list(self.db.execute(sql, params or {}).fetchall())

    def owed_act_ids(self, payer: str | None, before: str | None) -> list[int]:
        """Acts with money awaited from ``payer`` (any: ``None``), latest date before ``before``."""
        sql = f"SELECT DISTINCT e.act_id FROM expected_payment e WHERE {_OPEN}"
        params: dict[str, Any] = {}
        if payer is not None:
            sql += " AND e.payer = :payer"
            params["payer"] = payer
        if before is not None:
            sql += " AND e.latest < :before"
            params["before"] = before
        return [int(row[0]) for row in self._rows(sql, params)]

    def totals(self, today: str) -> list[PayerTotals]:
        """What each payer still owes (payers owing nothing are left out)."""
        return [
            PayerTotals(Payer(payer), count, Cents(cents), late, Cents(late_cents))
            for payer, count, cents, late, late_cents in self._rows(TOTALS_SQL, {"today": today})
        ]

    def feuille_acts(self) -> list[FeuilleAct]:
        """Every act on a feuille, with the feuille's state."""
        rows = self._rows(FEUILLE_ACTS_SQL)
        return [FeuilleAct(FeuilleStatus(status), ActId(act)) for status, act in rows]

    def feuille_counts(self) -> dict[str, int]:
        return {str(status): int(n) for status, n in self._rows(FEUILLE_COUNTS_SQL)}

    def months(self, start: str, end: str) -> list[MonthTotals]:
        """What acts between the two dates cost, per month with care."""
        rows = self._rows(MONTHS_SQL, {"start": start, "end": end})
        return [MonthTotals(month, Cents(kept), Cents(paid)) for month, kept, paid in rows]

    def last_imports(self, limit: int = 3) -> list[StatementSummary]:
        return [
            StatementSummary(
                name, account, _day(first), _day(last), added, date.fromisoformat(created[:10])
            )
            for name, _format, first, last, added, created, account in self._rows(
                LAST_IMPORT_SQL, {"limit": limit}
            )
        ]
