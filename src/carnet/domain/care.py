"""Care acts: one consultation, session, box of medicine or stay, as paid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from carnet.domain.codes import Channel, Parcours, PaymentMode
from carnet.domain.ids import ActId, PersonId, PractitionerId
from carnet.domain.money import Cents


@dataclass(frozen=True, slots=True)
class CareAct:
    """An act as logged. ``coefficient`` multiplies a key letter (AMK 8.4, AMI 2).

    ``parcours`` is ``None`` when the act does not say it: the engine then derives
    it on the act's date from the person's médecin traitant (rules/parcours.py).
    """

    id: ActId
    person_id: PersonId
    practitioner_id: PractitionerId | None
    date: date
    act_code: str
    fee_cents: Cents
    payment_mode: PaymentMode = PaymentMode.PAID_IN_FULL
    channel: Channel = Channel.VITALE
    parcours: Parcours | None = None
    ald_related: bool = False
    coefficient: Decimal | None = None
    base_override_cents: Cents | None = None
    rate_override: Decimal | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ActInput:
    person_id: PersonId
    practitioner_id: PractitionerId | None
    date: date
    act_code: str
    fee_cents: Cents
    payment_mode: PaymentMode = PaymentMode.PAID_IN_FULL
    channel: Channel = Channel.VITALE
    parcours: Parcours | None = None
    ald_related: bool = False
    coefficient: Decimal | None = None
    base_override_cents: Cents | None = None
    rate_override: Decimal | None = None
    notes: str = ""
