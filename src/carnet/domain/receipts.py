"""What each payer actually sent for an act, and where it differs from what was expected.

Money received for an act comes from three places: a confirmed bank match (the
allocation of a transfer to the act's expected payment), a line of a décompte
(the CPAM's or the mutuelle's statement of reimbursements, typed in), or an
amount entered by hand. A décompte line or a hand entry is a :class:`Receipt`;
when one exists it is what the payer says it paid, and it wins over the bank
allocations (which then only follow it).

A *gap* is an expected payment whose received amount differs from the expected
one by more than a cent. Nothing received at all is a late payment, never a gap.
A CPAM shortfall that deductions still owed by the person (participation
forfaitaire, franchises withheld under tiers payant) can explain is not a gap
either: the CPAM takes them from later transfers (domain-fr §3.1 "Tiers payant").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from carnet.domain.codes import Payer
from carnet.domain.ids import ActId, DecisionId, ExpectedPaymentId, PersonId, ReceiptId
from carnet.domain.money import Cents

# A cent either way is rounding, not a discrepancy.
TOLERANCE_CENTS = 1


class ReceiptSource(StrEnum):
    HAND = "hand"  # typed on the Care page or with ``carnet act received``
    DECOMPTE = "decompte"  # a line of the payer's statement of reimbursements


class Cause(StrEnum):
    """Why a payer paid another amount; the values are those of ``discrepancy list --json``."""

    PARCOURS = "parcours"  # paid as outside the parcours de soins
    SECTOR = "sector"  # paid on the non-OPTAM base
    DEDUCTIONS = "deductions"  # participation forfaitaire or franchises taken again
    RATE = "rate"  # another AMO rate
    MUTUELLE_NOT_INFORMED = "mutuelle-not-informed"  # the mutuelle never got the claim
    TARIFF = "tariff"  # an older tariff
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Receipt:
    """What ``payer`` says it paid for an act (one per act and payer)."""

    id: ReceiptId
    act_id: ActId
    payer: Payer
    amount_cents: Cents
    received_on: date | None = None
    source: ReceiptSource = ReceiptSource.HAND
    reference: str = ""


@dataclass(frozen=True, slots=True)
class PayerDecision:
    """A discrepancy the household accepted: the act is assessed as the payer did.

    ``detail`` is the parameter of the alternative (a rate, a date, an amount),
    as :mod:`carnet.rules.alternatives` wrote it.
    """

    id: DecisionId
    act_id: ActId
    payer: Payer
    cause: Cause
    detail: str = ""
    decided_on: date | None = None


class PaymentState(NamedTuple):
    """One expected payment with what arrived for it (storage reads these in bulk)."""

    payment_id: ExpectedPaymentId
    act_id: ActId
    person_id: PersonId
    act_date: date
    payer: Payer
    expected_cents: int
    received_cents: int


class Gap(PaymentState):
    """An expected payment paid with another amount than expected (same fields)."""

    __slots__ = ()

    @property
    def difference_cents(self) -> int:
        """What is missing (negative when the payer paid more than expected)."""
        return self.expected_cents - self.received_cents


def find_gaps(states: Iterable[PaymentState], withheld: Mapping[PersonId, int]) -> list[Gap]:
    """The payments that differ from what was expected, oldest act first.

    ``withheld`` is, per person, the deductions the CPAM may still take from a
    transfer (withheld under tiers payant and not yet recovered). A CPAM shortfall
    within what is left of it is taken as that recovery and is not a gap; it
    uses up the person's allowance, oldest act first.
    """
    left = dict(withheld)
    gaps: list[Gap] = []
    for state in sorted(states, key=lambda s: (s.act_date, s.act_id, s.payer)):
        short = state.expected_cents - state.received_cents
        if abs(short) <= TOLERANCE_CENTS:
            continue
        allowance = left.get(state.person_id, 0)
        if state.payer is Payer.AMO and 0 < short <= allowance:
            left[state.person_id] = allowance - short
            continue
        gaps.append(Gap(*state))
    return gaps


@dataclass(frozen=True, slots=True)
class ReclamationLine:
    """One act claimed in a reclamation letter, with the amounts when it was written."""

    id: int
    mailing_id: int
    act_id: ActId
    payer: Payer
    expected_cents: Cents
    received_cents: Cents
    cause: Cause
    reason: str = ""
