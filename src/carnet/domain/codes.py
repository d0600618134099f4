"""The codes stored with acts, payments and feuilles, as enumerations.

Kept apart from the records that use them: the care table shows these codes
(translated) from its first screen on, and that screen needs no other part of
the domain.
"""

from __future__ import annotations

from enum import StrEnum


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
    REPLACEMENT = "replacement"  # the médecin traitant's replacement (remplaçant)


class Payer(StrEnum):
    AMO = "amo"  # the CPAM (Assurance Maladie obligatoire)
    AMC = "amc"  # the complementary insurer


class PaymentStatus(StrEnum):
    PENDING = "pending"
    PARTLY_PAID = "partly-paid"
    PAID = "paid"
    WRITTEN_OFF = "written-off"


class FeuilleStatus(StrEnum):
    HELD = "held"  # no social security number yet: keep it until the number arrives
    TO_SIGN = "to-sign"
    SIGNED = "signed"
    COPIED = "copied"
    IN_MAILING = "in-mailing"
    MAILED = "mailed"
    AMO_PAID = "amo-paid"
    CLOSED = "closed"
    RETURNED = "returned"
