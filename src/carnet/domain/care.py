"""Care acts: one consultation, session, box of medicine or stay, as paid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from carnet.domain.ids import ActId, PersonId, PractitionerId
from carnet.domain.money import Cents


class PaymentMode(StrEnum):
    """Who paid the practitioner at the desk."""

    PAID_IN_FULL = "none"  # the household paid everything (no tiers payant)
    TIERS_PAYANT_PARTIAL = "partial"  # the AMO share was not paid at the desk
    TIERS_PAYANT_TOTAL = "total"  # neither AMO nor AMC share was paid at the desk


class Channel(StrEnum):
    """How the claim reaches the CPAM."""

    VITALE = "vitale"
    PAPER = "paper"
    NONE = "none"  # nothing to claim (e.g. care not reimbursable)


class Parcours(StrEnum):
    """Situation in the parcours de soins coordonné; values are the CLI's."""

    IN = "in"  # médecin traitant, or referred by him
    OUT = "out"  # hors parcours: lower AMO rate
    DIRECT = "direct"  # accès direct spécifique (gynaecology, ophthalmology, ...)
    EMERGENCY = "emergency"
    AWAY = "away"  # away from home (hors résidence)


@dataclass(frozen=True, slots=True)
class CareAct:
    """An act as logged. ``coefficient`` multiplies a key letter (AMK 8.4, AMI 2)."""

    id: ActId
    person_id: PersonId
    practitioner_id: PractitionerId | None
    date: date
    act_code: str
    fee_cents: Cents
    payment_mode: PaymentMode = PaymentMode.PAID_IN_FULL
    channel: Channel = Channel.VITALE
    parcours: Parcours = Parcours.IN
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
    parcours: Parcours = Parcours.IN
    ald_related: bool = False
    coefficient: Decimal | None = None
    base_override_cents: Cents | None = None
    rate_override: Decimal | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ActSummary:
    """One line of the care table: the act with names and its assessed split."""

    id: ActId
    date: date
    person_id: PersonId
    person_name: str
    practitioner_name: str
    act_code: str
    category: str
    fee_cents: Cents
    amo_cents: Cents | None
    amc_cents: Cents | None
    patient_cents: Cents | None
    channel: Channel
    payment_mode: PaymentMode
    status: str
