"""Reclamation letters: built from the discrepancies, kept and followed like a mailing."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from carnet.app import Services
from carnet.domain.codes import Payer
from carnet.domain.errors import ValidationError
from carnet.domain.ids import ActId
from carnet.domain.mailings import MailingKind, RecipientKind
from carnet.domain.money import Cents
from carnet.domain.receipts import Cause
from tests.conftest import TODAY
from tests.services.test_discrepancies import act, received


def text_of(data: bytes) -> str:
    # Words only, whatever the line breaks of the table cells.
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


@pytest.fixture
def owed(services: Services, household: dict[str, int]) -> list[ActId]:
    services.settings.set("household.address", "12 rue des Lilas\n75011 Paris")
    first = act(services, household, day=date(2026, 9, 1))
    second = act(services, household, day=date(2026, 9, 8))
    received(services, first, 700)  # out of the parcours
    received(services, second, 1700)  # the participation taken twice
    return [first, second]


def test_the_letter_names_the_acts_both_amounts_and_the_reason(
    services: Services, owed: list[ActId]
) -> None:
    mailing = services.reclamations.create(owed).value
    assert (mailing.kind, mailing.recipient_kind) == (MailingKind.RECLAMATION, RecipientKind.CPAM)
    assert mailing.recipient == "CPAM de Paris"
    text = text_of(services.mailing_documents.pdf(mailing.id))
    assert "Réclamation – remboursements inférieurs aux montants dus" in text
    for needed in ("01/09/2026", "08/09/2026", "19,00 €", "7,00 €", "17,00 €", "14,00 €"):
        assert needed in text, needed
    assert "hors parcours de soins" in text
    assert "retenue une seconde fois" in text
    assert {d.claimed_in for d in services.discrepancies.find()} == {mailing.id}


def test_it_is_mailed_and_a_reminder_comes_when_nothing_changed(
    services: Services, owed: list[ActId]
) -> None:
    mailing = services.reclamations.create(owed).value
    services.mailings.mark_mailed(mailing.id, TODAY - timedelta(weeks=7))
    assert mailing.id in {m.id for m in services.mailings.unanswered()}
    reminder = text_of(services.mailing_documents.reminder_pdf(mailing.id))
    assert "Relance – réclamation du" in reminder
    assert "7 semaines plus tard" in reminder
    # The CPAM pays the rest of both acts: the reclamation is answered.
    services.received.record(owed[0], Payer.AMO, Cents(1900), TODAY)
    services.received.record(owed[1], Payer.AMO, Cents(1900), TODAY)
    assert mailing.id not in {m.id for m in services.mailings.unanswered()}


def test_nothing_to_claim_and_two_payers_are_refused(
    services: Services, household: dict[str, int], owed: list[ActId]
) -> None:
    paid = act(services, household, day=date(2026, 9, 15))
    received(services, paid, 1900)
    with pytest.raises(ValidationError, match=f"act #{paid} has nothing to claim"):
        services.reclamations.create([*owed, paid])
    assert services.mailings.mailings() == []


def test_cancelling_and_undoing_keeps_the_claimed_acts(
    services: Services, owed: list[ActId]
) -> None:
    mailing = services.reclamations.create(owed).value
    services.mailings.cancel(mailing.id)
    assert services.store.receipts.lines_of(mailing.id) == []
    services.history.undo()
    assert len(services.store.receipts.lines_of(mailing.id)) == 2
    assert "7,00 €" in text_of(services.mailing_documents.pdf(mailing.id))


def test_the_yearly_summary_has_a_section_for_what_is_owed(
    services: Services, owed: list[ActId]
) -> None:

    from carnet.documents.summary import render_summary  # noqa: PLC0415

    report = services.reports.summary(date(2026, 1, 1), date(2026, 12, 31))
    assert [(o.cause, o.expected_cents - o.received_cents) for o in report.owed] == [
        ("parcours", 1200),
        ("deductions", 200),
    ]
    french = text_of(render_summary(report, "fr"))
    assert "Sommes peut-être dues" in french
    assert "hors parcours" in french and "14,00 €" in french
    english = text_of(render_summary(report, "en"))
    assert "Possibly owed to you" in english and "€12.00" in english


def test_received_amounts_decisions_and_letters_survive_a_json_export(
    services: Services, owed: list[ActId], tmp_path: Path
) -> None:
    from carnet.app import build_services  # noqa: PLC0415

    mailing = services.reclamations.create(owed).value
    (first,) = [d for d in services.discrepancies.find() if d.act_id == owed[1]]
    services.discrepancies.accept(first.id)
    raw = services.exports.json()
    second = build_services(tmp_path / "copy.sqlite", today=lambda: TODAY)
    try:
        second.exports.load_json(raw)
        assert second.received.for_act(owed[0]) == services.received.for_act(owed[0])
        assert [d.cause for d in second.discrepancies.find()] == [Cause.PARCOURS]
        assert len(second.store.receipts.lines_of(mailing.id)) == 2
        assert second.mailings.mailing(mailing.id).kind is MailingKind.RECLAMATION
    finally:
        second.close()
