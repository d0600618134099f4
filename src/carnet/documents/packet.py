"""The whole packet for one envelope, as one PDF to print.

Order: the cover letter (French, for the CPAM), the bordereau (French, for the
CPAM), then the household's checklist (UI language, stays at home), so the
pages that go into the envelope come out of the printer first and together.
Labels are a separate PDF (:func:`carnet.documents.labels.render_labels`): they
are printed on label stock.
"""

from __future__ import annotations

from carnet.documents.checklist import checklist_section
from carnet.documents.cover_letter import cover_letter_section, letter_meta
from carnet.documents.inventory import inventory_section
from carnet.documents.model import Packet
from carnet.documents.pages import render, sha256_hex


def build_packet(packet: Packet, language: str = "en") -> bytes:
    """Letter + bordereau + checklist (in ``language``, "en" or "fr") as PDF bytes.

    The same packet and language always give the same bytes.
    """
    sections = [
        cover_letter_section(packet),
        inventory_section(packet),
        checklist_section(packet, language),
    ]
    return render(sections, letter_meta(packet))


def build_packet_with_hash(packet: Packet, language: str = "en") -> tuple[bytes, str]:
    """The packet's PDF and its SHA-256 (hex), as a mailing stores them."""
    pdf = build_packet(packet, language)
    return pdf, sha256_hex(pdf)
