"""The claim packet for care received abroad: letter, list of invoices, checklist.

The letter (always in French) asks the CPAM to reimburse care received abroad and
says, invoice by invoice, on which tariffs: the French ones, the country's (in
Europe, the household's choice, also ticked on the form S3125), or, outside
Europe, as urgent and unforeseen care. The list gives each invoice in its own
currency and in euros at the rate used. The checklist (the household's
language, it stays at home) says what to attach and which boxes of the S3125 to
fill (:mod:`carnet.documents.abroad_checklist`).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.abroad_checklist import abroad_checklist_section
from carnet.documents.abroad_model import AbroadClaim, AbroadInvoice, foreign, rate_text
from carnet.documents.fonts import markup, nbsp
from carnet.documents.formats import count_fr, money, short_date
from carnet.documents.letter import LetterHead, Reference, letter_section, letter_story
from carnet.documents.pages import Meta, Section, render
from carnet.documents.styles import MARGIN, PAGE_WIDTH, styles
from carnet.documents.totalled_table import TableLook, totalled_table

SUBJECT = "Demande de remboursement de soins reçus à l'étranger"
_HEADERS = ("Réf.", "Bénéficiaire", "Date", "Pays", "Acte", "Montant facturé", "Taux", "En euros")
_WIDTHS = (31.0, 25.0, 17.0, 20.0, 9.0, 22.0, 26.0, 20.0)


def _tariff_sentences(claim: AbroadClaim) -> list[str]:
    europe = [i for i in claim.invoices if i.zone == "europe"]
    sentences = []
    if any(i.tariff == "french" for i in europe):
        sentences.append(
            "Pour les soins reçus dans un État de l'Union européenne, de l'Espace économique "
            "européen, en Suisse ou au Royaume-Uni, je demande le remboursement sur la base des "
            "tarifs français, comme je l'ai indiqué sur le formulaire."
        )
    if any(i.tariff == "country" for i in europe):
        sentences.append(
            "Pour les soins marqués « tarifs du pays » dans la liste ci-dessous, je demande le "
            "remboursement selon la législation de l'État de séjour."
        )
    if any(i.zone == "elsewhere" for i in claim.invoices):
        sentences.append(
            "Les soins reçus hors d'Europe étaient urgents et imprévus : ils ne pouvaient pas "
            "attendre mon retour en France. Je vous remercie d'examiner leur prise en charge "
            "sur la base des tarifs français."
        )
    return sentences


def _body(claim: AbroadClaim) -> list[Flowable]:
    page = styles()
    count = count_fr(len(claim.invoices), "facture acquittée", "factures acquittées")
    opening = (
        "Je vous prie de bien vouloir trouver ci-joint ma demande de remboursement de soins "
        "reçus à l'étranger (formulaire S3125, cerfa n°\u00a012267), accompagnée de "
        f"{count} et des justificatifs listés en fin de lettre."
    )
    story: list[Flowable] = [rl.paragraph(opening, page.body)]
    story += [rl.paragraph(sentence, page.body) for sentence in _tariff_sentences(claim)]
    story += [invoice_table(claim.invoices, PAGE_WIDTH - 2 * MARGIN), rl.spacer(4 * mm)]
    account = (
        f"sur le compte dont le RIB figure à mon dossier ({nbsp(claim.iban_masked)})"
        if claim.iban_masked
        else "sur le compte dont le RIB figure à mon dossier"
    )
    story.append(rl.paragraph(f"Je vous remercie de verser le remboursement {account}.", page.body))
    return story


def _enclosures(claim: AbroadClaim) -> list[str]:
    people = len({i.beneficiary for i in claim.invoices})
    items = [
        count_fr(people, "formulaire S3125 rempli et signé", "formulaires S3125 remplis et signés"),
        count_fr(len(claim.invoices), "facture acquittée", "factures acquittées") + " (originaux)",
        "Justificatifs de paiement (relevé bancaire ou ticket de carte)",
    ]
    if any(i.prescription for i in claim.invoices):
        items.append("Prescriptions médicales")
    items.append("Justificatif du séjour (billets de transport)")
    return items


def _references(claim: AbroadClaim) -> list[Reference]:
    references: list[Reference] = [
        ("Assuré(e)", claim.insured.name),
        ("N° de sécurité sociale", nbsp(claim.insured.nir_text)),
    ]
    if claim.mailing_id:
        references.append(("Référence de l'envoi", claim.mailing_id))
    return references


def _row(invoice: AbroadInvoice) -> list[rl.Cell]:
    page = styles()
    tariff = "tarifs du pays" if invoice.tariff == "country" else ""
    act = markup(invoice.act, 60) + (f"<br/><i>{tariff}</i>" if tariff else "")
    return [
        rl.paragraph(markup(invoice.reference, 30), page.cell_strong),
        rl.paragraph(markup(invoice.beneficiary, 80), page.cell),
        short_date(invoice.care_date),
        rl.paragraph(markup(invoice.country, 40), page.cell),
        rl.paragraph(act, page.cell),
        foreign(invoice.amount, invoice.currency),
        rate_text(invoice.rate, invoice.currency),
        money(invoice.euro_cents),
    ]


def invoice_table(invoices: Sequence[AbroadInvoice], width: float) -> Flowable:
    """The invoices, each in its currency and in euros, with the total in euros."""
    page = styles()
    rows: list[list[rl.Cell]] = [[rl.paragraph(text, page.cell_head) for text in _HEADERS]]
    rows += [_row(invoice) for invoice in invoices]
    total = money(sum(i.euro_cents for i in invoices))
    rows.append([rl.paragraph("<b>Total en euros</b>", page.cell), "", "", "", "", "", "", total])
    scale = width / sum(_WIDTHS)
    return totalled_table(
        rows,
        [w * scale for w in _WIDTHS],
        right=(5, -1),
        span_to=-2,
        look=TableLook(size=8, leading=10, padding=2.5, vertical_padding=None),
    )


def claim_letter_section(claim: AbroadClaim) -> Section:
    head = LetterHead(
        sender=claim.sender,
        recipient=claim.recipient,
        place=claim.place,
        day=claim.date,
        signer=claim.insured.name,
        tracking=claim.tracking,
    )
    story = letter_story(head, SUBJECT, _references(claim), _body(claim), _enclosures(claim))
    prefix = f"Soins à l'étranger – envoi {claim.mailing_id} – " if claim.mailing_id else ""
    return letter_section(head, story, prefix + "page {page}/{total}")


def render_abroad_claim(claim: AbroadClaim, language: str = "en") -> bytes:
    """Letter (French) then the household's checklist (``language``), as PDF bytes."""
    meta = Meta(title=SUBJECT, created=claim.date, subject=SUBJECT, author=claim.insured.name)
    return render([claim_letter_section(claim), abroad_checklist_section(claim, language)], meta)
