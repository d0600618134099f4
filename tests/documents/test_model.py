"""The plain records the renderers take."""

from __future__ import annotations

from datetime import date

from carnet.documents import (
    PENDING_NIR,
    Beneficiary,
    Insured,
    feuille_reference,
    mailing_reference,
)
from tests.documents.samples import LEA, SARAH, demo_packet, demo_reminder, feuille


def test_references() -> None:
    assert mailing_reference(2026, 7) == "C-2026-0007"
    assert mailing_reference(2026, 8, "M") == "M-2026-0008"
    assert feuille_reference("C-2026-0007", 3) == "C-2026-0007-03"


def test_beneficiaries_come_from_the_feuilles_in_order_without_repeats() -> None:
    packet = demo_packet(feuilles=(feuille(1, LEA), feuille(2, SARAH), feuille(3, LEA)))
    assert packet.people == (Beneficiary(*LEA), Beneficiary(*SARAH))
    given = (Beneficiary("Someone", date(2000, 1, 1)),)
    assert demo_packet(beneficiaries=given).people == given


def test_counts_and_totals() -> None:
    packet = demo_packet()
    assert packet.registered
    assert packet.prescriptions == 1
    assert packet.total_cents == 24560
    assert not demo_packet(tracking="").registered


def test_pending_nir_and_weeks() -> None:
    assert Insured("A").nir_text == PENDING_NIR
    assert Insured("A", "1 23").nir_text == "1 23"
    assert demo_reminder().weeks_elapsed == 8
