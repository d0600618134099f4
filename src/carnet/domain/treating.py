"""The médecin traitant a person declared, with the dates of each declaration.

A person's current médecin traitant lives on :class:`carnet.domain.people.Person`
(``treating_doctor_id`` since ``treating_declared_on``); every declaration,
earlier ones included, is a :class:`TreatingPeriod`. An act is judged against
the médecin traitant declared *on its date*, so changing doctor does not move
older acts out of the parcours.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from carnet.domain.ids import PersonId, PractitionerId

_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class TreatingPeriod:
    """One declaration: ``practitioner_id`` was the médecin traitant from ``since`` to ``until``.

    ``since`` is ``None`` when the declaration date is not known (then it counts
    from the beginning); ``until`` is ``None`` while the declaration stands.
    """

    id: int
    person_id: PersonId
    practitioner_id: PractitionerId
    since: date | None = None
    until: date | None = None

    def covers(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


class TreatingDoctors(NamedTuple):
    """A person's declarations, oldest first: who was the médecin traitant on a given day."""

    periods: tuple[TreatingPeriod, ...] = ()

    def on(self, day: date) -> PractitionerId | None:
        for period in reversed(self.periods):
            if period.covers(day):
                return period.practitioner_id
        return None

    @classmethod
    def of(cls, periods: Iterable[TreatingPeriod]) -> TreatingDoctors:
        return cls(tuple(sorted(periods, key=_order)))

    def first_difference(self, other: TreatingDoctors) -> date | None:
        """The first day on which ``other`` names another médecin traitant (``None``: never).

        Who it is changes only where a declaration starts or the day after one ends,
        so those days (and the first day of all) are the only ones to compare.
        """
        days = {date.min}
        for period in (*self.periods, *other.periods):
            days.add(period.since or date.min)
            if period.until is not None and period.until < date.max:
                days.add(period.until + _DAY)
        return next((day for day in sorted(days) if self.on(day) != other.on(day)), None)


NO_DOCTOR = TreatingDoctors()


def _order(period: TreatingPeriod) -> tuple[date, int]:
    return (period.since or date.min, period.id)


class Declaration(NamedTuple):
    """What a person's form or ``person edit`` says now: doctor and declaration date."""

    doctor: PractitionerId | None
    since: date | None


def day_before(day: date) -> date:
    return day - _DAY
