"""The typed record each service call returns, saying what it changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from carnet.domain.messages import Message


@dataclass(frozen=True, slots=True)
class Changes:
    """Which kinds of records a call touched; views refresh only what changed.

    The id sets let a detail panel know whether *its* record moved.
    """

    people: frozenset[int] = field(default_factory=frozenset)
    practitioners: frozenset[int] = field(default_factory=frozenset)
    contracts: frozenset[int] = field(default_factory=frozenset)
    acts: frozenset[int] = field(default_factory=frozenset)
    feuilles: frozenset[int] = field(default_factory=frozenset)
    mailings: frozenset[int] = field(default_factory=frozenset)
    payments: frozenset[int] = field(default_factory=frozenset)
    bank: frozenset[int] = field(default_factory=frozenset)
    # Said to the person after the change; each is English text that also translates.
    warnings: tuple[Message, ...] = ()

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            people=self.people | other.people,
            practitioners=self.practitioners | other.practitioners,
            contracts=self.contracts | other.contracts,
            acts=self.acts | other.acts,
            feuilles=self.feuilles | other.feuilles,
            mailings=self.mailings | other.mailings,
            payments=self.payments | other.payments,
            bank=self.bank | other.bank,
            warnings=self.warnings + other.warnings,
        )

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.people,
                self.practitioners,
                self.contracts,
                self.acts,
                self.feuilles,
                self.mailings,
                self.payments,
                self.bank,
            )
        )
