"""The mailing packet built from the ledger: every field the CPAM needs, kept with its hash."""

from __future__ import annotations

import hashlib
import io

import pytest
from pypdf import PdfReader

from carnet.app import Services
from carnet.domain.attachments import AttachedTo, AttachmentKind
from carnet.domain.errors import ValidationError
from carnet.domain.ids import MailingId
from carnet.services.demo import build_demo
from tests.conftest import TODAY
from tests.documents import samples_files


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def demo(services: Services) -> Services:
    build_demo(services.household, services.care, acts=80, today=TODAY)
    return services


def test_packet_names_everything_and_is_kept(demo: Services) -> None:
    unmailed = next(m for m in demo.mailings.mailings() if m.mailed_on is None)
    data = demo.mailing_documents.pdf(unmailed.id, "en")
    text = text_of(data)
    for needle in (
        "Sarah Thompson",
        "2 88 03 99 132 045 16",
        "CPAM de Paris",
        "21 rue Georges Auric",
        "75948 Paris Cedex 19",
        "12 rue des Lilas",
        "Paris, le 28 novembre 2026",
        "C-2026-",
        "salutations distinguées",
    ):
        assert needle in text, needle
    mailing = demo.mailings.mailing(unmailed.id)
    assert mailing.pdf_sha256 == hashlib.sha256(data).hexdigest()
    [kept] = demo.attachments.for_record(AttachedTo.MAILING, unmailed.id)
    assert kept.kind is AttachmentKind.PACKET
    assert demo.attachments.read(kept.id) == data
    assert demo.mailing_documents.pdf(unmailed.id, "en") == data  # reproducible


def test_an_address_that_starts_with_the_name_names_the_sender_once(demo: Services) -> None:
    # The setting asks for the address as on the envelope, so it often starts with the name.
    demo.settings.set("household.address", "SARAH  thompson\n12 rue des Lilas\n75011 Paris")
    unmailed = next(m for m in demo.mailings.mailings() if m.mailed_on is None)
    head = text_of(demo.mailing_documents.pdf(unmailed.id, "en")).split("Objet")[0]
    assert head.casefold().count("sarah thompson") == 1
    assert "12 rue des Lilas" in head
    labels = text_of(demo.mailing_documents.labels_pdf(unmailed.id))
    assert labels.casefold().count("sarah") == labels.count("12 rue des Lilas")


def test_reminder_only_for_mailed_envelopes(demo: Services) -> None:
    mailings = demo.mailings.mailings()
    unmailed = next(m for m in mailings if m.mailed_on is None)
    with pytest.raises(ValidationError, match="not been mailed"):
        demo.mailing_documents.reminder_pdf(unmailed.id)
    mailed = next(m for m in mailings if m.mailed_on is not None)
    text = text_of(demo.mailing_documents.reminder_pdf(mailed.id))
    assert "relance" in text.lower() or "rappel" in text.lower()
    assert mailed.mailed_on is not None
    assert mailed.mailed_on.strftime("%d/%m/%Y") in text or str(mailed.mailed_on.year) in text


def test_labels_and_missing_address(demo: Services, services: Services) -> None:
    some = demo.mailings.mailings()[0]
    assert "CPAM de Paris" in text_of(demo.mailing_documents.labels_pdf(some.id))
    services.settings.set("address:CPAM de Paris", "")
    services.store.ledger.db.execute("UPDATE person SET cpam = 'MSA Ain-Rhône'")
    services.store.ledger.db.execute("UPDATE mailing SET recipient = 'MSA Ain-Rhône'")
    with pytest.raises(ValidationError, match="postal address of MSA Ain-Rhône"):
        demo.mailing_documents.pdf(MailingId(some.id))


def test_packet_with_copies_of_the_attachments(demo: Services) -> None:
    unmailed = next(m for m in demo.mailings.mailings() if m.mailed_on is None)
    plain = demo.mailing_documents.pdf(unmailed.id, "fr")
    [first, *_] = demo.mailings.feuilles_of(unmailed.id)
    scan = samples_files.png()
    demo.attachments.attach(AttachedTo.FEUILLE, first.id, scan, "feuille signée.png")
    demo.attachments.attach(AttachedTo.ACT, first.act_ids[0], scan, "again.png")  # same bytes
    prescription = samples_files.pdf("Ordonnance du Dr Martin", "Page deux")
    demo.attachments.attach(
        AttachedTo.ACT, first.act_ids[0], prescription, "ordo.pdf", AttachmentKind.PRESCRIPTION
    )
    assert demo.mailing_documents.pdf(unmailed.id, "fr") == plain  # without the option: unchanged
    data = demo.mailing_documents.pdf(unmailed.id, "fr", with_attachments=True)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    extra = pages[len(PdfReader(io.BytesIO(plain)).pages) :]
    assert len(extra) == 1 + 1 + 2  # heading, the PNG once, the PDF's two pages
    assert "Copies conservées par le foyer — ne pas envoyer" in extra[0]
    assert "feuille signée.png" in extra[0] and "again.png" not in extra[0]
    assert "ordonnance" in extra[0] and "Ordonnance du Dr Martin" in extra[2]
    # The mailing keeps the packet that goes into the envelope, not the copies.
    assert demo.mailings.mailing(unmailed.id).pdf_sha256 == hashlib.sha256(plain).hexdigest()


def test_a_tampered_attachment_is_named_not_copied(demo: Services) -> None:
    unmailed = next(m for m in demo.mailings.mailings() if m.mailed_on is None)
    [first, *_] = demo.mailings.feuilles_of(unmailed.id)
    kept = demo.attachments.attach(AttachedTo.FEUILLE, first.id, samples_files.jpeg(), "s.jpg")
    assert demo.store.files is not None
    demo.store.files.path_of(kept.value.sha256).write_bytes(b"\xff\xd8\xff altered")
    plain = len(PdfReader(io.BytesIO(demo.mailing_documents.pdf(unmailed.id))).pages)
    data = demo.mailing_documents.pdf(unmailed.id, with_attachments=True)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == plain + 1
    assert "s.jpg" in reader.pages[-1].extract_text()
    assert "manquant ou modifié" in " ".join(reader.pages[-1].extract_text().split())
