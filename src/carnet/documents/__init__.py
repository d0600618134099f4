"""Carnet documents layer: the printable PDFs of a mailing (the only user of reportlab).

Every renderer takes plain records from :mod:`carnet.documents.model` and
returns PDF bytes; the same input always gives the same bytes
(:func:`sha256_hex` identifies them). Letters to the CPAM and insurers are in
French; the household checklist follows the UI language.
"""

from carnet.documents.checklist import render_checklist
from carnet.documents.cover_letter import render_cover_letter
from carnet.documents.inventory import render_inventory
from carnet.documents.labels import AVERY_L7163, LabelSheet, render_labels
from carnet.documents.model import (
    PENDING_NIR,
    Beneficiary,
    EnclosedFeuille,
    Insured,
    MutuelleClaim,
    Packet,
    Recipient,
    Reminder,
    Sender,
    feuille_reference,
    mailing_reference,
)
from carnet.documents.mutuelle_letter import render_mutuelle_letter
from carnet.documents.packet import build_packet, build_packet_with_hash
from carnet.documents.pages import sha256_hex
from carnet.documents.reminder import render_reminder

__all__ = [
    "AVERY_L7163",
    "PENDING_NIR",
    "Beneficiary",
    "EnclosedFeuille",
    "Insured",
    "LabelSheet",
    "MutuelleClaim",
    "Packet",
    "Recipient",
    "Reminder",
    "Sender",
    "build_packet",
    "build_packet_with_hash",
    "feuille_reference",
    "mailing_reference",
    "render_checklist",
    "render_cover_letter",
    "render_inventory",
    "render_labels",
    "render_mutuelle_letter",
    "render_reminder",
    "sha256_hex",
]
