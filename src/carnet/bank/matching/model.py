"""Inputs and outputs of the matcher: credits, open expected payments, proposals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carnet.domain.banking import PayerType
from carnet.domain.codes import Payer
from carnet.domain.ids import ActId, ExpectedPaymentId, TransactionId
from carnet.domain.money import Cents

Param = tuple[str, int | str]


@dataclass(frozen=True, slots=True)
class HealthCredit:
    """A bank credit classified as a health reimbursement.

    ``payer_type`` None: a dual-role payer (MGEN), matched against both shares.
    ``payer_key``: the canonical payer name (``Classification.payer``), compared with
    ``OpenPayment.payer_key`` when both are set.
    """

    id: TransactionId
    date: date
    amount_cents: Cents
    payer_type: PayerType | None
    counterparty: str = ""
    payer_key: str = ""


@dataclass(frozen=True, slots=True)
class OpenPayment:
    """An expected payment still (partly) unpaid. ``outstanding_cents`` > 0.

    ``payer_key``: which insurer is expected to pay (the contract's insurer for AMC, empty
    for "any CPAM-type fund"); ``person_key`` groups a person's acts (a soft preference).
    ``mailed_on``: a paper claim cannot be paid before it was posted. ``act_id``: the act
    the money is for (what the bank page shows beside a proposal; matching ignores it).
    ``other_share_done``: for a mutuelle share, the act's CPAM share is no longer awaited
    (paid, or paid to the practitioner): mutuelles pay after the CPAM (§4.2), so such a
    share is the likelier one among equal amounts.
    """

    id: ExpectedPaymentId
    act_date: date
    payer: Payer
    outstanding_cents: Cents
    earliest: date
    latest: date
    payer_key: str = ""
    person_key: str = ""
    mailed_on: date | None = None
    act_id: ActId | None = None
    other_share_done: bool = False


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a proposal scored as it did: a code and its parameters, rendered by the UI."""

    code: str
    params: tuple[Param, ...] = ()


@dataclass(frozen=True, slots=True)
class Allocation:
    payment_id: ExpectedPaymentId
    cents: Cents


@dataclass(frozen=True, slots=True)
class Proposal:
    """Settle ``allocations`` with credit ``credit_id``.

    ``residual_cents`` = credit − Σ allocations: negative when the CPAM withheld
    participations/franchises (a multiple of 50 cents), ±1 cent per act for rounding,
    0 otherwise. A partial proposal allocates the whole credit to a larger payment.
    """

    credit_id: TransactionId
    allocations: tuple[Allocation, ...]
    residual_cents: int
    score: int
    reasons: tuple[Reason, ...]
    partial: bool = False

    @property
    def payment_ids(self) -> tuple[ExpectedPaymentId, ...]:
        return tuple(a.payment_id for a in self.allocations)


@dataclass(frozen=True, slots=True)
class MatchSettings:
    """Tunables. ``max_withheld_cents`` is what the CPAM may still withhold this year
    (remaining participation forfaitaire and franchise caps), given by the caller;
    ``max_withheld_per_credit_cents`` bounds what one transfer withholds (10 €: the
    observed cases are 2-3 €; each 50-cent step is one more target of the subset search,
    so this also bounds its cost). ``max_batch`` reaches the pool size: one transfer
    often pays a whole series (a kiné prescription of 10 sessions, a fortnight of nurse
    visits); the subset walk's node budget, not the batch size, bounds the search."""

    slack_days: int = 15
    max_withheld_cents: int = 0
    max_withheld_per_credit_cents: int = 1000
    top_k: int = 3
    pool_size: int = 24
    min_batch: int = 2
    max_batch: int = 24
    max_solutions: int = 8
    allow_partial: bool = True
