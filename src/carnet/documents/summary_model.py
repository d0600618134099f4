"""What the summary and the "what to do now" sheet print, decoupled from the services.

The renderers take these frozen records (plain user text, integer cents, stored
codes such as ``pending`` or ``gp`` that the renderer words in the reader's
language). :func:`summary_data_from` copies any object shaped like the report
service's ``Summary`` into a :class:`SummaryData`: it is typed with protocols,
so this layer reads the services' records without importing the services
(the layer contract forbids that), and the CLI and the GUI share one converter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from carnet.domain.claims import Feuille

PAYERS = ("amo", "amc")
TODO_KINDS = ("deadline", "feuille", "overdue-payment")


@dataclass(frozen=True, slots=True)
class SummaryAct:
    date: dt.date
    person: str
    practitioner: str
    code: str
    category: str  # a stored category code ("gp", "pharmacy-65"...)
    fee_cents: int
    amo_cents: int
    amc_cents: int
    patient_cents: int
    status: str  # pending | partly-paid | settled | nothing-expected


@dataclass(frozen=True, slots=True)
class Totals:
    fee_cents: int = 0
    amo_cents: int = 0
    amc_cents: int = 0
    patient_cents: int = 0


@dataclass(frozen=True, slots=True)
class Ageing:
    """Money still expected from one payer (``amo`` or ``amc``), by days past its due date."""

    payer: str
    buckets: tuple[int, int, int, int]  # 0-30, 31-60, 61-90, over 90 days overdue
    not_yet_due_cents: int

    @property
    def total_cents(self) -> int:
        return sum(self.buckets) + self.not_yet_due_cents


@dataclass(frozen=True, slots=True)
class OpenFeuille:
    """A paper feuille not mailed yet (or sent back), with where it stands."""

    number: int
    person: str
    status: str  # a FeuilleStatus value
    deadline: dt.date | None


@dataclass(frozen=True, slots=True)
class Split:
    """One group of bars: what came (or comes) back and what the household kept paying."""

    key: str  # "2026-03" for a month, a category code for a category
    reimbursed_cents: int
    out_of_pocket_cents: int


@dataclass(frozen=True, slots=True)
class SummaryData:
    person: str  # "" for the whole household
    start: dt.date
    end: dt.date
    generated_on: dt.date
    acts: tuple[SummaryAct, ...]
    pending: tuple[Ageing, ...] = ()
    feuilles: tuple[OpenFeuille, ...] = ()
    by_month: tuple[Split, ...] = ()
    by_category: tuple[Split, ...] = ()
    parcours: tuple[tuple[str, int], ...] = ()  # (person, cents lost out of the parcours)

    @property
    def totals(self) -> Totals:
        """Summed here from the acts, so the totals row can never disagree with the lines."""
        return Totals(
            sum(a.fee_cents for a in self.acts),
            sum(a.amo_cents for a in self.acts),
            sum(a.amc_cents for a in self.acts),
            sum(a.patient_cents for a in self.acts),
        )


@dataclass(frozen=True, slots=True)
class TodoEntry:
    """One line of the "what to do now" sheet.

    ``kind`` is ``deadline``, ``feuille`` or ``overdue-payment``. The structured
    fields let the sheet word the line in the reader's language; ``text`` (the
    service's English wording) is printed only when they are missing.
    """

    kind: str
    person: str = ""
    due: dt.date | None = None
    feuille: int | None = None
    feuille_status: str = ""
    payer: str = ""
    act: str = ""
    care_date: dt.date | None = None
    amount_cents: int | None = None
    text: str = ""


# -- reading the report service's records (structural types: no import of services) ------


class ActLike(Protocol):
    @property
    def date(self) -> dt.date: ...
    @property
    def person(self) -> str: ...
    @property
    def practitioner(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def fee_cents(self) -> int: ...
    @property
    def amo_cents(self) -> int: ...
    @property
    def amc_cents(self) -> int: ...
    @property
    def patient_cents(self) -> int: ...
    @property
    def status(self) -> str: ...


class PendingLike(Protocol):
    @property
    def payer(self) -> str: ...
    @property
    def buckets(self) -> tuple[int, int, int, int]: ...
    @property
    def not_yet_due_cents(self) -> int: ...


class ReportLike(Protocol):
    """The shape of ``carnet.services.reports.Summary``."""

    @property
    def title_person(self) -> str: ...
    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...
    @property
    def generated_on(self) -> dt.date: ...
    @property
    def acts(self) -> Sequence[ActLike]: ...
    @property
    def pending(self) -> Sequence[PendingLike]: ...
    @property
    def feuilles(self) -> Sequence[tuple[Feuille, str]]: ...
    @property
    def by_month(self) -> Sequence[tuple[str, int, int]]: ...
    @property
    def by_category(self) -> Sequence[tuple[str, int, int]]: ...
    @property
    def parcours(self) -> Sequence[tuple[str, int]]: ...


def summary_data_from(report: ReportLike) -> SummaryData:
    """The printable copy of a report service ``Summary``."""
    return SummaryData(
        person=report.title_person,
        start=report.start,
        end=report.end,
        generated_on=report.generated_on,
        acts=tuple(_act(a) for a in report.acts),
        pending=tuple(Ageing(p.payer, p.buckets, p.not_yet_due_cents) for p in report.pending),
        feuilles=tuple(
            OpenFeuille(f.id, name, f.status.value, f.deadline) for f, name in report.feuilles
        ),
        by_month=tuple(Split(*row) for row in report.by_month),
        by_category=tuple(Split(*row) for row in report.by_category),
        parcours=tuple(report.parcours),
    )


def _act(line: ActLike) -> SummaryAct:
    return SummaryAct(
        date=line.date,
        person=line.person,
        practitioner=line.practitioner,
        code=line.code,
        category=line.category,
        fee_cents=line.fee_cents,
        amo_cents=line.amo_cents,
        amc_cents=line.amc_cents,
        patient_cents=line.patient_cents,
        status=line.status,
    )
