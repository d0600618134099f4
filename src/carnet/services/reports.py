"""The figures behind summaries: acts of a period, totals, what is pending and how old.

Everything is computed from the ledger in integer cents; the PDF renderer and
the Reports page only lay these records out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from carnet.domain.claims import Feuille
from carnet.domain.ids import ActId, PersonId
from carnet.domain.money import Cents
from carnet.services.base import Service
from carnet.services.parcours import ParcoursService

BUCKETS = ((0, 30), (31, 60), (61, 90), (91, None))  # days since the money was due


@dataclass(frozen=True, slots=True)
class ActLine:
    act_id: int
    date: date
    person_id: PersonId
    person: str
    practitioner: str
    code: str
    category: str
    fee_cents: Cents
    amo_cents: Cents
    amc_cents: Cents
    patient_cents: Cents
    status: str


@dataclass(frozen=True, slots=True)
class Totals:
    fee_cents: int = 0
    amo_cents: int = 0
    amc_cents: int = 0
    patient_cents: int = 0


@dataclass(frozen=True, slots=True)
class Pending:
    """Money still expected from one payer, by age since it was due (``latest``)."""

    payer: str
    buckets: tuple[int, int, int, int]
    not_yet_due_cents: int

    @property
    def total_cents(self) -> int:
        return sum(self.buckets) + self.not_yet_due_cents


@dataclass(frozen=True, slots=True)
class Summary:
    title_person: str  # "" for the whole household
    start: date
    end: date
    acts: tuple[ActLine, ...]
    totals: Totals
    pending: tuple[Pending, ...]
    feuilles: tuple[tuple[Feuille, str], ...]  # open feuilles with the person's name
    by_month: tuple[tuple[str, int, int], ...]  # (YYYY-MM, reimbursed, out of pocket)
    by_category: tuple[tuple[str, int, int], ...]  # (category, reimbursed, out of pocket)
    generated_on: date
    parcours: tuple[tuple[str, int], ...] = ()  # (person, cents lost out of the parcours)


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
            title_person=person,
            start=start,
            end=end,
            acts=acts,
            totals=_totals(acts),
            pending=self._pending(acts, today),
            feuilles=self._feuilles(person_id),
            by_month=_grouped(acts, lambda a: a.date.strftime("%Y-%m")),
            by_category=_grouped(acts, lambda a: a.category or "other"),
            generated_on=today,
            parcours=self._parcours(start, end, person_id),
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

    def _acts(self, start: date, end: date) -> list[ActLine]:
        return [
            ActLine(
                act_id=s.id,
                date=s.date,
                person_id=s.person_id,
                person=s.person_name,
                practitioner=s.practitioner_name,
                code=s.act_code,
                category=s.category,
                fee_cents=s.fee_cents,
                amo_cents=Cents(s.amo_cents or 0),
                amc_cents=Cents(s.amc_cents or 0),
                patient_cents=Cents(
                    s.patient_cents if s.patient_cents is not None else s.fee_cents
                ),
                status=s.status,
            )
            for s in reversed(self.store.acts.summaries(between=(start, end)))
        ]

    def _pending(self, acts: tuple[ActLine, ...], today: date) -> tuple[Pending, ...]:
        wanted = {ActId(a.act_id) for a in acts}
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

    def _feuilles(self, person_id: PersonId | None) -> tuple[tuple[Feuille, str], ...]:
        names = {p.id: p.full_name for p in self.store.people.list()}
        open_ones = self.store.feuilles.still_open(person_id=person_id)
        return tuple((f, names.get(f.person_id, "")) for f in open_ones)


def _bucket(days_overdue: int) -> int:
    """Index in (0-30, 31-60, 61-90, >90, not yet due)."""
    if days_overdue < 0:
        return 4
    for n, (low, high) in enumerate(BUCKETS):
        if high is None or low <= days_overdue <= high:
            return n
    return 3


def _totals(acts: tuple[ActLine, ...]) -> Totals:
    return Totals(
        sum(a.fee_cents for a in acts),
        sum(a.amo_cents for a in acts),
        sum(a.amc_cents for a in acts),
        sum(a.patient_cents for a in acts),
    )


def _grouped(
    acts: tuple[ActLine, ...], key: Callable[[ActLine], str]
) -> tuple[tuple[str, int, int], ...]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for act in acts:
        slot = sums[key(act)]
        slot[0] += act.amo_cents + act.amc_cents
        slot[1] += act.patient_cents
    return tuple((name, v[0], v[1]) for name, v in sorted(sums.items()))
