"""Care acts: one consultation, session, box of medicine or stay, as paid."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from carnet.domain.codes import Channel, Parcours, PaymentMode
from carnet.domain.ids import ActId, PersonId, PractitionerId
from carnet.domain.money import Cents


@dataclass(frozen=True, slots=True)
class ActInput:
    """What a form, the CLI or an import gives to log or edit an act (not yet checked).

    Its fields are the act's: :class:`CareAct` adds only the id the database gave it,
    so a new field of an act is written here, once. ``parcours`` is ``None`` when the
    act does not say it: the engine then derives it on the act's date from the
    person's médecin traitant (rules/parcours.py).
    """

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
class CareAct(ActInput):
    """An act as logged. ``coefficient`` multiplies a key letter (AMK 8.4, AMI 2)."""

    id: ActId = field(kw_only=True)
