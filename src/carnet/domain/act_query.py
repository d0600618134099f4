"""What the care table asks for: filters and an order, answered by storage in SQL.

The care table of a household with 100 000 acts cannot hold every row in
memory and filter it in Python within a keystroke, so the front end describes
the rows it wants with an :class:`ActQuery` and storage answers with the
matching act ids, in order. Rows are then read a page at a time.

Free-text words are matched against what the user sees, and part of that is
translated (category and status labels). The front end, which knows the
language, resolves each word into a :class:`TextTerm` naming the categories
and statuses whose labels contain it; storage matches the rest (date, names,
act code) itself.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from carnet.domain.codes import Channel, Payer, PaymentMode
from carnet.domain.ids import ActId, PersonId
from carnet.domain.money import Cents


def fold(text: str) -> str:
    """``text`` as the care table compares it: case and accents ignored ("Léa" ~ "lea")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class ActSort(StrEnum):
    """The columns the care table sorts by."""

    DATE = "date"
    PERSON = "person"
    PRACTITIONER = "practitioner"
    ACT = "act"
    CATEGORY = "category"
    FEE = "fee"
    AMO = "amo"
    AMC = "amc"
    PATIENT = "patient"
    STATUS = "status"


class TextTerm(NamedTuple):
    """One word of the filter box, already folded (see :func:`fold`).

    ``categories`` and ``statuses`` are the stored codes whose label (in the UI
    language) contains the word; ``unassessed`` says the word is in the label
    shown for acts not assessed yet.
    """

    word: str
    categories: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    unassessed: bool = False


class Owed(NamedTuple):
    """Acts with money still awaited from ``payer`` (any payer: ``None``)."""

    payer: Payer | None = None
    overdue_on: date | None = None  # only payments whose window closed before this day


class ActQuery(NamedTuple):
    """Every filter of the care table and its order; the default is every act, newest first."""

    terms: tuple[TextTerm, ...] = ()
    person: PersonId | None = None
    period: tuple[date, date] | None = None  # both days included
    statuses: frozenset[str] | None = None  # row statuses (pending, settled…)
    owed: Owed | None = None
    only: frozenset[int] | None = None  # exactly these acts (a dashboard figure)
    sort: ActSort = ActSort.DATE
    descending: bool = True

    @property
    def filtered(self) -> bool:
        """Whether any filter is set (an unfiltered query lists every act)."""
        return bool(
            self.terms
            or self.person is not None
            or self.period is not None
            or self.statuses is not None
            or self.owed is not None
            or self.only is not None
        )


class ActSummary(NamedTuple):
    """One line of the care table: the act with names and its assessed split."""

    id: ActId
    date: date
    person_id: PersonId
    person_name: str
    practitioner_name: str
    act_code: str
    category: str
    fee_cents: Cents
    amo_cents: Cents | None
    amc_cents: Cents | None
    patient_cents: Cents | None
    channel: Channel
    payment_mode: PaymentMode
    status: str
