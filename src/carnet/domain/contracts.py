"""Complementary insurance contracts (mutuelles) and their guarantees."""

from __future__ import annotations

from dataclasses import dataclass, field

from carnet.domain.ids import ContractId
from carnet.domain.money import Cents


@dataclass(frozen=True, slots=True)
class Guarantee:
    """Cover for one category of care.

    ``percent_of_base`` is the total cover in % of the base *including* the AMO
    share, as insurers advertise it (100 = ticket modérateur only, 200 = TM plus
    a dépassement up to one more base). ``flat_cents`` is a yearly or per-act
    flat amount on top (e.g. optics), ``cap_cents`` a ceiling per act.
    """

    category: str
    percent_of_base: int = 100
    flat_cents: Cents = Cents(0)
    cap_cents: Cents | None = None


@dataclass(frozen=True, slots=True)
class ContractInput:
    """A contract as a form or the CLI gives it; :class:`Contract` adds the id."""

    insurer: str
    number: str = ""
    guarantees: tuple[Guarantee, ...] = field(default_factory=tuple)
    default_percent: int = 100
    optam_percent: int = 100
    non_optam_percent: int = 100
    responsable: bool = True
    noemie: bool = True
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Contract(ContractInput):
    id: ContractId = field(kw_only=True)

    def guarantee_for(self, category: str) -> Guarantee:
        """The guarantee of ``category``, or the contract's default cover."""
        for guarantee in self.guarantees:
            if guarantee.category == category:
                return guarantee
        return Guarantee(category=category, percent_of_base=self.default_percent)
