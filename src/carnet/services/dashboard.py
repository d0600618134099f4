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

TO_MAIL = frozenset({FeuilleStatus.SIGNED, FeuilleStatus.COPIED, FeuilleStatus.IN_MAILING})


@dataclass(frozen=True, slots=True)
class OpenPayment:
    act_id: ActId
    payer: Payer
    outstanding_cents: Cents
    latest: date


@dataclass(frozen=True, slots=True)
class Owed:
    """Money one payer still owes: all of it, and the part past its latest date."""

    payer: Payer
    count: int
    cents: Cents
    overdue_count: int
    overdue_cents: Cents


@dataclass(frozen=True, slots=True)
class Month:
    month: date  # the first day of the month
    patient_cents: Cents  # what the household kept paying
    reimbursed_cents: Cents  # what the AMO and the mutuelle pay (or should)


@dataclass(frozen=True, slots=True)
class StatementSummary:
    file_name: str
    account: str
    first_date: date | None
    last_date: date | None
    added: int
    imported_on: date


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
        for payer, count, cents, late, late_cents in repo.totals(today.isoformat()):
            owed[Payer(payer)] = Owed(Payer(payer), count, Cents(cents), late, Cents(late_cents))
        counts = {FeuilleStatus(s): n for s, n in repo.feuille_counts().items()}
        return Dashboard(
            owed=owed,
            feuilles=counts,
            deadlines=ClaimsService(self.store, self.today).deadline_warnings(),
            months=self.months(today),
            imports=[_statement(row) for row in repo.last_imports()],
        )

    def open_payments(self) -> list[OpenPayment]:
        return [
            OpenPayment(ActId(act), Payer(payer), Cents(cents), date.fromisoformat(latest))
            for act, payer, cents, latest in self.store.dashboard.open_payments()
        ]

    def owed_acts(self, payer: Payer | None, overdue: bool) -> frozenset[ActId]:
        """Acts with money still awaited from ``payer`` (any payer: ``None``)."""
        before = self.today().isoformat() if overdue else None
        ids = self.store.dashboard.owed_act_ids(None if payer is None else payer.value, before)
        return frozenset(ActId(i) for i in ids)

    def feuille_acts(self, statuses: frozenset[FeuilleStatus]) -> frozenset[ActId]:
        return frozenset(
            ActId(act)
            for status, act in self.store.dashboard.feuille_acts()
            if FeuilleStatus(status) in statuses
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
        found = {month: (patient, paid) for month, patient, paid in rows}
        return [
            Month(first, *(Cents(v) for v in found.get(first.strftime("%Y-%m"), (0, 0))))
            for first in firsts
        ]


def _month_start(today: date, back: int) -> date:
    index = today.year * 12 + today.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _statement(row: tuple[object, ...]) -> StatementSummary:
    name, _format, first, last, added, created, account = row
    return StatementSummary(
        file_name=str(name),
        account=str(account),
        first_date=date.fromisoformat(str(first)) if first else None,
        last_date=date.fromisoformat(str(last)) if last else None,
        added=int(str(added)),
        imported_on=date.fromisoformat(str(created)[:10]),
    )
