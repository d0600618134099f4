"""What the parcours de soins cost the household, and who has no médecin traitant.

Out of the parcours the CPAM pays 30 % instead of 70 % (and no coordination
majoration): the assessments record that loss per act; here it is summed per
person and calendar year, for the dashboard, the yearly summary and the todo
list, with the seed's advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carnet.domain.ids import PersonId
from carnet.domain.messages import N_
from carnet.domain.money import Cents
from carnet.domain.people import Person
from carnet.services.base import Service

# The seed: declare a médecin traitant; you can change him whenever you wish.
ADVICE = N_(
    "Declare a médecin traitant: without one, the CPAM reimburses 30 % instead of 70 %. "
    "You can change your médecin traitant at any time (tell your CPAM)."
)


@dataclass(frozen=True, slots=True)
class ParcoursCost:
    """The AMO money one person lost out of the parcours in one year, over ``acts`` acts."""

    person_id: PersonId
    person: str
    year: int
    cents: Cents
    acts: int


class ParcoursService(Service):
    def costs(self, start: date, end: date) -> list[ParcoursCost]:
        """Per person and calendar year, acts dated from ``start`` to ``end`` (inclusive)."""
        rows = self.store.reports.parcours_costs(start.isoformat(), end.isoformat())
        return [
            ParcoursCost(PersonId(r.person_id), r.person, int(r.year), Cents(r.cents), r.acts)
            for r in rows
        ]

    def year(self, year: int) -> list[ParcoursCost]:
        return self.costs(date(year, 1, 1), date(year, 12, 31))

    def without_doctor(self) -> list[Person]:
        """Adults (16 or over today, or of unknown age) with no médecin traitant declared."""
        today = self.today()
        return [
            person
            for person in self.store.people.list(order_by="last_name, first_name, id")
            if person.treating_doctor_id is None
            and not person.ame
            and (person.age_on(today) is None or (person.age_on(today) or 0) >= 16)
        ]
