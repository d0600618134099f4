"""Paper feuilles de soins and their life from the shoebox to payment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from carnet.domain.ids import ActId, FeuilleId, MailingId, PersonId


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


@dataclass(frozen=True, slots=True)
class Feuille:
    id: FeuilleId
    person_id: PersonId
    act_ids: tuple[ActId, ...]
    status: FeuilleStatus
    form: str = "cerfa-12541"
    received_on: date | None = None
    deadline: date | None = None
    mailing_id: MailingId | None = None
    reason: str = ""
