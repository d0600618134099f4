"""Attachments: scans, photos and PDFs linked to acts, feuilles and mailings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from carnet.domain.ids import AttachmentId


class AttachmentKind(StrEnum):
    SCAN = "scan"
    PRESCRIPTION = "prescription"
    STATEMENT = "statement"  # a CPAM décompte / relevé
    LETTER = "letter"
    PACKET = "packet"  # a generated mailing PDF
    OTHER = "other"


class AttachedTo(StrEnum):
    ACT = "act"
    FEUILLE = "feuille"
    MAILING = "mailing"


@dataclass(frozen=True, slots=True)
class Attachment:
    id: AttachmentId
    sha256: str
    file_name: str
    media_type: str
    size: int
    kind: AttachmentKind
    entity: AttachedTo
    entity_id: int
