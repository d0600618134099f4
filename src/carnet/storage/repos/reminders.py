"""Read-only queries behind the calendar of reminders."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sqlite_utils import Database


class AwaitedGroup(NamedTuple):
    """The payments of one payer whose window closes on the same day."""

    payer: str
    latest: date
    payments: int
    outstanding_cents: int


_AWAITED_SQL = """
SELECT payer, latest, count(*), sum(amount_cents - settled_cents)
FROM expected_payment WHERE status IN ('pending', 'partly-paid')
GROUP BY payer, latest ORDER BY latest, payer
"""


class ReminderRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def awaited(self) -> list[AwaitedGroup]:
        """Money still awaited, grouped by payer and by the last day of its window."""
        return [
            AwaitedGroup(str(payer), date.fromisoformat(latest), int(count), int(cents))
            for payer, latest, count, cents in self.db.execute(_AWAITED_SQL).fetchall()
        ]
