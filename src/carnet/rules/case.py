"""One act being assessed, with everything the pipeline's steps read about it."""

from __future__ import annotations

from typing import NamedTuple

from carnet.domain.care import CareAct
from carnet.domain.ids import PractitionerId
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner, Profession, Sector
from carnet.rules.catalog import ActDefinition
from carnet.rules.explain import Trace
from carnet.rules.tariffs import DayRules


class Case(NamedTuple):
    """The inputs of one assessment; ``trace`` collects its explanation lines.

    ``age`` is ``None`` without a birth date (treated as an adult); ``sector``
    and ``profession`` come from the practitioner, else sector 1 and the act's;
    ``doctor`` is the médecin traitant declared on the act's date, if any.
    A named tuple rather than a frozen dataclass: it is built once per act on
    the hot path, and tuples are much cheaper to create.
    """

    act: CareAct
    definition: ActDefinition
    person: Person
    practitioner: Practitioner | None
    age: int | None
    sector: Sector
    profession: Profession
    rules: DayRules
    trace: Trace
    doctor: PractitionerId | None = None
