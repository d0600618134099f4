"""The records of a summary, shared by the report service, the Reports page and the PDF.

One set: :class:`carnet.services.reports.ReportService` builds a :class:`Summary`
from the ledger, the window shows it, and ``carnet.documents.summary`` prints it.
Amounts are integer cents; categories, statuses and payers are stored codes
(``gp``, ``pending``, ``amo``) that each front end words in its reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from carnet.domain.ids import ActId, PersonId

PAYERS = ("amo", "amc")  # the order payers are listed in
BUCKETS = ((0, 30), (31, 60), (61, 90), (91, None))  # days since the money was due


@dataclass(frozen=True, slots=True)
class SummaryAct:
    """One act of the period, with its shares."""

    date: date
    person: str
    practitioner: str
    code: str
    category: str  # a stored category code ("gp", "pharmacy-65"...)
    fee_cents: int
    amo_cents: int
    amc_cents: int
    patient_cents: int
    status: str  # pending | partly-paid | settled | nothing-expected
    act_id: ActId | None = None  # None in a summary made by hand (tests, samples)
    person_id: PersonId | None = None


@dataclass(frozen=True, slots=True)
class Totals:
    fee_cents: int = 0
    amo_cents: int = 0
    amc_cents: int = 0
    patient_cents: int = 0

    @classmethod
    def of(cls, acts: tuple[SummaryAct, ...]) -> Totals:
        return cls(
            sum(a.fee_cents for a in acts),
            sum(a.amo_cents for a in acts),
            sum(a.amc_cents for a in acts),
            sum(a.patient_cents for a in acts),
        )


@dataclass(frozen=True, slots=True)
class Pending:
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
    deadline: date | None


class Split(NamedTuple):
    """One group of bars: what came (or comes) back and what the household kept paying."""

    key: str  # "2026-03" for a month, a category code for a category
    reimbursed_cents: int
    out_of_pocket_cents: int


@dataclass(frozen=True, slots=True)
class OwedLine:
    """An act a payer paid short (see :mod:`carnet.services.discrepancies`)."""

    care_date: date
    person: str
    act: str
    payer: str  # amo | amc
    expected_cents: int
    received_cents: int
    cause: str  # a Cause value


@dataclass(frozen=True, slots=True)
class Summary:
    """A period's care for the household or one person."""

    person: str  # "" for the whole household
    start: date
    end: date
    generated_on: date
    acts: tuple[SummaryAct, ...]
    pending: tuple[Pending, ...] = ()
    feuilles: tuple[OpenFeuille, ...] = ()
    by_month: tuple[Split, ...] = ()
    by_category: tuple[Split, ...] = ()
    parcours: tuple[tuple[str, int], ...] = ()  # (person, cents lost out of the parcours)
    owed: tuple[OwedLine, ...] = ()  # paid short, with the likely cause

    @property
    def totals(self) -> Totals:
        """Summed from the acts, so the totals row can never disagree with the lines."""
        return Totals.of(self.acts)


@dataclass(frozen=True, slots=True)
class TodoEntry:
    """One line of the "what to do now" sheet.

    ``kind`` is ``deadline``, ``feuille`` or ``overdue-payment``. The structured
    fields let the sheet word the line in the reader's language; ``text`` (the
    service's English wording) is printed only when they are missing.
    """

    kind: str
    person: str = ""
    due: date | None = None
    feuille: int | None = None
    feuille_status: str = ""
    payer: str = ""
    act: str = ""
    care_date: date | None = None
    amount_cents: int | None = None
    text: str = ""
