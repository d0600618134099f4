"""Expected payments: the money each payer should send for an act."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from carnet.domain.ids import ActId, ExpectedPaymentId
from carnet.domain.money import Cents


class Payer(StrEnum):
    AMO = "amo"  # the CPAM (Assurance Maladie obligatoire)
    AMC = "amc"  # the complementary insurer


class PaymentStatus(StrEnum):
    PENDING = "pending"
    PARTLY_PAID = "partly-paid"
    PAID = "paid"
    WRITTEN_OFF = "written-off"


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
