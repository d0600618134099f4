"""The dashboard's figures: what is owed, what to do with the feuilles, and the last months.

Read-only: nothing here opens a transaction. Each figure comes with the acts
behind it, so the window can open the care list on exactly those acts.
Amounts are integer cents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carnet.domain.claims import Feuille
from carnet.domain.codes import FeuilleStatus, Payer
from carnet.domain.ids import ActId
from carnet.domain.money import Cents
from carnet.services.base import Service
from carnet.services.claims import ClaimsService, DeadlineWarning
from carnet.storage.repos.dashboard import MonthTotals, PayerTotals, StatementSummary

TO_MAIL = frozenset({FeuilleStatus.SIGNED, FeuilleStatus.COPIED, FeuilleStatus.IN_MAILING})


Owed = PayerTotals  # what the dashboard calls a payer's totals


@dataclass(frozen=True, slots=True)
class Month:
    month: date  # the first day of the month
    patient_cents: Cents  # what the household kept paying
    reimbursed_cents: Cents  # what the AMO and the mutuelle pay (or should)


@dataclass(frozen=True, slots=True)
class Dashboard:
    owed: dict[Payer, Owed]
    feuilles: dict[FeuilleStatus, int]
    deadlines: list[DeadlineWarning]
    months: list[Month]
    imports: list[StatementSummary]


class DashboardService(Service):
    def summary(self) -> Dashboard:
        today = self.today()
        repo = self.store.dashboard
        owed = {payer: Owed(payer, 0, Cents(0), 0, Cents(0)) for payer in Payer}
        owed.update((row.payer, row) for row in repo.totals(today.isoformat()))
        counts = {FeuilleStatus(s): n for s, n in repo.feuille_counts().items()}
        return Dashboard(
            owed=owed,
            feuilles=counts,
            deadlines=ClaimsService(self.store, self.today).deadline_warnings(),
            months=self.months(today),
            imports=repo.last_imports(),
        )

    def owed_acts(self, payer: Payer | None, overdue: bool) -> frozenset[ActId]:
        """Acts with money still awaited from ``payer`` (any payer: ``None``)."""
        before = self.today().isoformat() if overdue else None
        ids = self.store.dashboard.owed_act_ids(None if payer is None else payer.value, before)
        return frozenset(ActId(i) for i in ids)

    def feuille_acts(self, statuses: frozenset[FeuilleStatus]) -> frozenset[ActId]:
        return frozenset(
            row.act_id for row in self.store.dashboard.feuille_acts() if row.status in statuses
        )

    def deadline_acts(self) -> frozenset[ActId]:
        warnings = ClaimsService(self.store, self.today).deadline_warnings()
        return frozenset(act for w in warnings for act in w.feuille.act_ids)

    def feuille_of(self, act_id: ActId) -> Feuille | None:
        """The paper feuille covering ``act_id``, if it was paid on paper."""
        return self.store.feuilles.for_act(act_id)

    def months(self, today: date, count: int = 12) -> list[Month]:
        """The last ``count`` months up to ``today``'s, oldest first, empty months included."""
        firsts = [_month_start(today, back) for back in range(count - 1, -1, -1)]
        rows = self.store.dashboard.months(firsts[0].isoformat(), today.isoformat())
        found = {row.month: row for row in rows}
        empty = MonthTotals("", Cents(0), Cents(0))
        return [
            Month(first, row.patient_cents, row.reimbursed_cents)
            for first in firsts
            for row in [found.get(first.strftime("%Y-%m"), empty)]
        ]


def _month_start(today: date, back: int) -> date:
    index = today.year * 12 + today.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)
