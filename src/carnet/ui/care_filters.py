"""The choices of the care page's filters, and what each means. Qt-free.

A status or payer choice that a row cannot answer alone (money awaited from
one payer, overdue) is answered by the dashboard service, in SQL.
"""

from __future__ import annotations

from datetime import date, timedelta

from carnet.domain.payments import Payer
from carnet.i18n import N_

PERIODS = (
    ("all", N_("Any date")),
    ("month", N_("This month")),
    ("3months", N_("Last 3 months")),
    ("12months", N_("Last 12 months")),
    ("year", N_("This year")),
    ("last-year", N_("Last year")),
)

STATUSES = (
    ("all", N_("Any status")),
    ("awaiting", N_("Awaiting reimbursement")),
    ("overdue", N_("Overdue")),
    ("settled", N_("Reimbursed")),
    ("nothing", N_("Nothing to claim")),
)
_ROW_STATUSES: dict[str, frozenset[str] | None] = {
    "all": None,
    "awaiting": frozenset({"pending", "partly-paid"}),
    "overdue": frozenset({"pending", "partly-paid"}),
    "settled": frozenset({"settled"}),
    "nothing": frozenset({"nothing-expected"}),
}

PAYERS = (
    ("all", N_("Any payer")),
    ("amo", N_("Awaited from the CPAM")),
    ("amc", N_("Awaited from the mutuelle")),
)


def period_range(key: str, today: date) -> tuple[date, date] | None:
    """The dates a period choice covers, both included; ``None`` for any date."""
    if key == "month":
        return today.replace(day=1), today
    if key == "3months":
        return today - timedelta(days=91), today
    if key == "12months":
        return today - timedelta(days=365), today
    if key == "year":
        return date(today.year, 1, 1), today
    if key == "last-year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None


def row_statuses(key: str) -> frozenset[str] | None:
    return _ROW_STATUSES.get(key)


def payer_of(key: str) -> Payer | None:
    """The payer a payer choice means (``None``: any payer)."""
    return None if key == "all" else Payer(key)
