"""The figures behind summaries: acts of a period, totals, what is pending and how old.

Everything is computed from the ledger in integer cents into the records of
:mod:`carnet.domain.reports`; the Reports page and ``carnet summary`` show them
and ask :meth:`ReportService.summary_pdf` for the printed copy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import overload

from carnet.documents.pages import Cancelled, RenderCancelled
from carnet.documents.summary import render_summary
from carnet.domain.ids import PersonId
from carnet.domain.reports import (
    BUCKETS,
    OpenFeuille,
    OwedLine,
    Pending,
    Split,
    Summary,
    SummaryAct,
)
from carnet.services.base import Service
from carnet.services.discrepancies import DiscrepancyService
from carnet.services.parcours import ParcoursService


class ReportService(Service):
    def summary(self, start: date, end: date, person_id: PersonId | None = None) -> Summary:
        today = self.today()
        person = "" if person_id is None else self.store.people.get(person_id).full_name
        acts = tuple(
            line
            for line in self._acts(start, end)
            if person_id is None or line.person_id == person_id
        )
        return Summary(
            person=person,
            start=start,
            end=end,
            generated_on=today,
            acts=acts,
            pending=self._pending(acts, today),
            feuilles=self._feuilles(person_id),
            by_month=_grouped(acts, lambda a: a.date.strftime("%Y-%m")),
            by_category=_grouped(acts, lambda a: a.category or "other"),
            parcours=self._parcours(start, end, person_id),
            owed=self._owed(start, end, person_id),
        )

    def _owed(self, start: date, end: date, person_id: PersonId | None) -> tuple[OwedLine, ...]:
        """What a payer paid short on the period's acts, oldest first."""
        found = DiscrepancyService(self.store, self.today).find(person_id)
        return tuple(
            OwedLine(
                d.act_date,
                d.person,
                d.act_code,
                d.payer.value,
                d.expected_cents,
                d.received_cents,
                d.cause.value,
            )
            for d in found
            if start <= d.act_date <= end and d.difference_cents > 0
        )

    def _parcours(
        self, start: date, end: date, person_id: PersonId | None
    ) -> tuple[tuple[str, int], ...]:
        """Per person, the AMO money lost out of the parcours over the period."""
        lost: dict[str, int] = defaultdict(int)
        for cost in ParcoursService(self.store, self.today).costs(start, end):
            if person_id is None or cost.person_id == person_id:
                lost[cost.person] += cost.cents
        return tuple(lost.items())

    @overload
    @staticmethod
    def summary_pdf(summary: Summary, language: str) -> bytes: ...

    @overload
    @staticmethod
    def summary_pdf(summary: Summary, language: str, cancelled: Cancelled) -> bytes | None: ...

    @staticmethod
    def summary_pdf(
        summary: Summary, language: str, cancelled: Cancelled | None = None
    ) -> bytes | None:
        """The printed summary, or ``None`` if ``cancelled`` stopped it on the way.

        Reads no database: a worker thread may render it (a long year takes a while).
        """
        try:
            return render_summary(summary, language, cancelled)
        except RenderCancelled:
            return None

    def _acts(self, start: date, end: date) -> list[SummaryAct]:
        return [
            SummaryAct(
                date=s.date,
                person=s.person_name,
                practitioner=s.practitioner_name,
                code=s.act_code,
                category=s.category,
                fee_cents=s.fee_cents,
                amo_cents=s.amo_cents or 0,
                amc_cents=s.amc_cents or 0,
                patient_cents=s.patient_cents if s.patient_cents is not None else s.fee_cents,
                status=s.status,
                act_id=s.id,
                person_id=s.person_id,
            )
            for s in reversed(self.store.acts.summaries(between=(start, end)))
        ]

    def _pending(self, acts: tuple[SummaryAct, ...], today: date) -> tuple[Pending, ...]:
        wanted = {a.act_id for a in acts if a.act_id is not None}
        sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        for payments in self.store.payments.for_acts(list(wanted)).values():
            for p in payments:
                if p.status.value not in ("pending", "partly-paid"):
                    continue
                slot = _bucket((today - p.latest).days)
                sums[p.payer.value][slot] += p.outstanding_cents
        return tuple(
            Pending(payer, (v[0], v[1], v[2], v[3]), v[4]) for payer, v in sorted(sums.items())
        )

    def _feuilles(self, person_id: PersonId | None) -> tuple[OpenFeuille, ...]:
        names = {p.id: p.full_name for p in self.store.people.list()}
        open_ones = self.store.feuilles.still_open(person_id=person_id)
        return tuple(
            OpenFeuille(f.id, names.get(f.person_id, ""), f.status.value, f.deadline)
            for f in open_ones
        )


def _bucket(days_overdue: int) -> int:
    """Index in (0-30, 31-60, 61-90, >90, not yet due)."""
    if days_overdue < 0:
        return 4
    for n, (low, high) in enumerate(BUCKETS):
        if high is None or low <= days_overdue <= high:
            return n
    return 3


def _grouped(acts: tuple[SummaryAct, ...], key: Callable[[SummaryAct], str]) -> tuple[Split, ...]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for act in acts:
        slot = sums[key(act)]
        slot[0] += act.amo_cents + act.amc_cents
        slot[1] += act.patient_cents
    return tuple(Split(name, v[0], v[1]) for name, v in sorted(sums.items()))
