"""Mailings: envelopes of feuilles (or a reclamation letter) sent to a CPAM or a mutuelle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from carnet.domain.ids import FeuilleId, MailingId, PersonId


class RecipientKind(StrEnum):
    CPAM = "cpam"
    MUTUELLE = "mutuelle"


class MailingKind(StrEnum):
    FEUILLES = "feuilles"  # an envelope of feuilles de soins
    RECLAMATION = "reclamation"  # a letter claiming what a payer underpaid


class MailingMode(StrEnum):
    SIMPLE = "simple"
    REGISTERED = "registered"


@dataclass(frozen=True, slots=True)
class Mailing:
    id: MailingId
    person_id: PersonId
    recipient_kind: RecipientKind
    recipient: str
    mode: MailingMode = MailingMode.SIMPLE
    tracking: str = ""
    created_on: date | None = None
    printed_on: date | None = None
    mailed_on: date | None = None
    pdf_sha256: str = ""
    feuille_ids: tuple[FeuilleId, ...] = ()
    kind: MailingKind = MailingKind.FEUILLES
