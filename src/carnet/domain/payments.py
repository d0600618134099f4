"""Expected payments: the money each payer should send for an act."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carnet.domain.codes import Payer, PaymentStatus
from carnet.domain.ids import ActId, ExpectedPaymentId
from carnet.domain.money import Cents


@dataclass(frozen=True, slots=True)
class ExpectedPayment:
    id: ExpectedPaymentId
    act_id: ActId
    payer: Payer
    amount_cents: Cents
    earliest: date
    latest: date
    status: PaymentStatus = PaymentStatus.PENDING
    settled_cents: Cents = Cents(0)

    @property
    def outstanding_cents(self) -> Cents:
        return Cents(self.amount_cents - self.settled_cents)
