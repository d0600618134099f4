"""The choices of the care page's filters, and what each means. Qt-free.

A status or payer choice that a row cannot answer alone (money awaited from
one payer, overdue) is answered by the dashboard service, in SQL.
"""

from __future__ import annotations

from datetime import date, timedelta

from carnet.domain.act_query import TextTerm, fold
from carnet.domain.codes import Payer
from carnet.i18n import N_, Translator
from carnet.ui.labels import CATEGORIES, category_label, status_label
from carnet.ui.labels import STATUSES as STATUS_LABELS

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
    ("owed", N_("Possibly owed to you")),
    ("nothing", N_("Nothing to claim")),
)
_ROW_STATUSES: dict[str, frozenset[str] | None] = {
    "all": None,
    "awaiting": frozenset({"pending", "partly-paid"}),
    "overdue": frozenset({"pending", "partly-paid"}),
    "settled": frozenset({"settled"}),
    "owed": None,  # paid short: the acts come from the discrepancy finder
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


def text_terms(text: str, t: Translator) -> tuple[TextTerm, ...]:
    """The words of the filter box, each with the labels (in the UI language) it is part of.

    A row matches a word found anywhere in what it shows; dates, names and act
    codes are matched by the database, the translated labels here.
    """
    terms = []
    unassessed = fold(status_label(t, "", assessed=False))
    for word in fold(text).split():
        terms.append(
            TextTerm(
                word,
                categories=frozenset(
                    code for code in CATEGORIES if word in fold(category_label(t, code))
                ),
                statuses=frozenset(
                    code for code in STATUS_LABELS if word in fold(status_label(t, code))
                ),
                unassessed=word in unassessed,
            )
        )
    return tuple(terms)
