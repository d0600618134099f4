"""The letter to a complementary insurer (mutuelle) that is not linked by Noémie.

Without Noémie the insurer learns nothing from the CPAM: the household sends
the CPAM statement (décompte) that shows the reimbursed acts, with copies of
the feuilles (the originals went to the CPAM). Always in French.
"""

from __future__ import annotations

from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.fonts import nbsp
from carnet.documents.formats import count_fr, long_date_fr
from carnet.documents.inventory import feuille_table
from carnet.documents.letter import LetterHead, Reference, letter_story, render_letter
from carnet.documents.model import MutuelleClaim
from carnet.documents.styles import MARGIN, PAGE_WIDTH, styles


def subject_of(claim: MutuelleClaim) -> str:
    return f"Demande de remboursement complémentaire – contrat n° {claim.contract_number}"


def _references(claim: MutuelleClaim) -> list[Reference]:
    references: list[Reference] = [
        ("Adhérent(e)", claim.insured.name),
        ("N° de contrat", claim.contract_number),
        ("N° de sécurité sociale", nbsp(claim.insured.nir_text)),
    ]
    if claim.mailing_id:
        references.append(("Référence de l'envoi", claim.mailing_id))
    return references


def _statements(claim: MutuelleClaim) -> str:
    """``le décompte … du 12 novembre 2026`` or ``les 2 décomptes … (du …, du …)``."""
    dates = [f"du {long_date_fr(day)}" for day in claim.statement_dates]
    if claim.statements == 1:
        return " ".join(["le décompte de remboursement de l'Assurance Maladie", *dates])
    listed = f" ({', '.join(dates)})" if dates else ""
    return f"les {claim.statements} décomptes de remboursement de l'Assurance Maladie{listed}"


def _body(claim: MutuelleClaim) -> list[Flowable]:
    page = styles()
    count = len(claim.feuilles)
    copies = (
        "la copie de la feuille de soins correspondante"
        if count == 1
        else (f"la copie des {count} feuilles de soins correspondantes")
    )
    opening = (
        "Mon contrat n'étant pas relié à l'Assurance Maladie par la télétransmission (Noémie), "
        f"je vous adresse ci-joint {_statements(claim)}, ainsi que {copies}."
    )
    request = (
        "Je vous remercie de bien vouloir procéder au remboursement de la part complémentaire "
        "prévue par mon contrat, sur le compte bancaire enregistré à mon dossier."
    )
    return [
        rl.paragraph(opening, page.body),
        feuille_table(claim.feuilles, PAGE_WIDTH - 2 * MARGIN, compact=True),
        rl.spacer(10),
        rl.paragraph(request, page.body),
    ]


def enclosures(claim: MutuelleClaim) -> list[str]:
    statements = count_fr(
        claim.statements,
        "décompte de l'Assurance Maladie",
        "décomptes de l'Assurance Maladie",
    )
    copies = count_fr(
        len(claim.feuilles), "copie de feuille de soins", "copies de feuilles de soins"
    )
    return [statements, copies]


def render_mutuelle_letter(claim: MutuelleClaim) -> bytes:
    """The letter to the insurer as PDF bytes."""
    head = LetterHead(
        sender=claim.sender,
        recipient=claim.recipient,
        place=claim.place,
        day=claim.date,
        signer=claim.insured.name,
    )
    subject = subject_of(claim)
    story = letter_story(head, subject, _references(claim), _body(claim), enclosures(claim))
    prefix = f"Envoi {claim.mailing_id} – " if claim.mailing_id else ""
    return render_letter(head, subject, story, prefix)
