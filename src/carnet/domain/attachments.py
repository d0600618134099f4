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


_HIDING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# The one extension each kind of file Carnet keeps is opened with.
SUFFIXES = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/heic": ".heic",
    "image/bmp": ".bmp",
}


def file_name_to_open(file_name: str, media_type: str, ident: int) -> str:
    """The name under which an attachment is handed to the desktop to open.

    Its extension is the one of what the file *is*: a PDF called ``invoice.desktop``
    or ``scan.html`` would otherwise be run as a launcher or opened by a browser.
    Characters that hide or reverse text and path separators are dropped.
    """
    stem = file_name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem.lstrip(".") else stem
    kept = "".join(c for c in stem if c.isprintable() and c not in _HIDING)
    kept = kept.strip(" .")[:80] or f"attachment-{ident}"
    return kept + SUFFIXES.get(media_type, ".bin")
