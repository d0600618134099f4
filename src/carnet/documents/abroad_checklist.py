"""The household's checklist for a claim for care abroad (English or French; stays at home).

It says how to fill in the form S3125 "Soins reçus à l'étranger" (cerfa 12267)
by hand, part by part, and which of its boxes to tick for these invoices, then
what to attach: the paid invoices, the proofs of payment, the prescriptions and
a proof of the stay. The form's parts are named by what they ask, since their
exact wording changes a little between versions of the cerfa. [likely]
Src: CLCV Morbihan "soins reçus à l'étranger" (tick the tariffs box); CPRP SNCF
"vous voyagez à l'étranger" (S3125 mandatory since 2018-10-01).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.abroad_model import AbroadClaim, AbroadInvoice, foreign
from carnet.documents.fonts import SANS, markup
from carnet.documents.formats import language_of, long_date, money, short_date
from carnet.documents.pages import Section
from carnet.documents.styles import INK, RULE, SHADE, TABLE_MARGIN, body_box, styles

BOX = "☐"


@dataclass(frozen=True, slots=True)
class Texts:
    title: str
    intro: str
    form: str
    insured: str
    patient: str
    stay: str
    urgent: str
    french: str
    country: str
    sign: str
    attach: str
    invoices: str
    payment: str
    prescriptions: str
    proof_of_stay: str
    copies: str
    posting: str
    post: str
    mark_mailed: str
    headers: tuple[str, ...]
    cpam_decides: str
    discretion: str
    footer: str


ENGLISH = Texts(
    title="Checklist – care abroad, mailing {mailing}",
    intro="Claim to {recipient}, prepared on {day}. Keep this page with your copies.",
    form="1. The form S3125 “Soins reçus à l'étranger” (cerfa 12267), one per person cared for",
    insured=(
        "Part “L'assuré(e)”: your surname, first name, address and social security number ({nir})."
    ),
    patient="Part “Le patient” (care of someone else than you): {names}, with date of birth.",
    stay="Part about the stay: the country ({countries}), the dates of your stay and its reason.",
    urgent=(
        "Part about the care: tick “soins urgents / inopinés” (the care could not wait until "
        "you came back) for {references}."
    ),
    french=(
        "Box of the reimbursement (Europe): tick “tarifs français” (French tariffs) for "
        "{references}."
    ),
    country=(
        "Box of the reimbursement (Europe): tick “tarifs de l'État de séjour” (the country's "
        "tariffs) for {references}."
    ),
    sign="Date and sign the form at the bottom.",
    attach="2. What to attach",
    invoices="The paid invoices (“acquittée”, “paid”, “receipt”): originals, one per line below.",
    payment="A proof of each payment: your bank statement line or the card slip.",
    prescriptions="The prescriptions (medicines, tests, physiotherapy…), behind their invoice.",
    proof_of_stay="A proof of your stay: travel tickets or boarding passes.",
    copies="Keep a copy or a scan of everything you send: originals are not returned.",
    posting="3. Posting",
    post=(
        "Sign the letter above your name, fold it at the marks, and send the envelope to "
        "your CPAM (registered mail is safer for originals)."
    ),
    mark_mailed="In Carnet, mark the mailing as mailed: the reimbursement is expected from then.",
    headers=(
        "Ref.",
        "Person",
        "Care",
        "Invoice",
        "In euros",
        "Expected",
        "Invoice",
        "Proof",
        "Prescr.",
    ),
    cpam_decides="the CPAM decides",
    discretion="{amount}, if accepted",
    footer="Checklist – care abroad {mailing} – page {page}/{total} – keep at home",
)

FRENCH = Texts(
    title="Aide-mémoire – soins à l'étranger, envoi {mailing}",
    intro="Demande à {recipient}, préparée le {day}. Gardez cette page avec vos copies.",
    form=(
        "1. Le formulaire S3125 « Soins reçus à l'étranger » (cerfa 12267), un par personne soignée"
    ),
    insured=(
        "Partie « L'assuré(e) » : vos nom, prénom, adresse et numéro de sécurité sociale ({nir})."
    ),
    patient=(
        "Partie « Le patient » (soins d'une autre personne que vous) : {names}, avec la date "
        "de naissance."
    ),
    stay="Partie sur le séjour : le pays ({countries}), les dates du séjour et son motif.",
    urgent=(
        "Partie sur les soins : cochez « soins urgents / inopinés » (ils ne pouvaient pas "
        "attendre votre retour) pour {references}."
    ),
    french=(
        "Case du mode de remboursement (Europe) : cochez « tarifs français » pour {references}."
    ),
    country=(
        "Case du mode de remboursement (Europe) : cochez « tarifs de l'État de séjour » pour "
        "{references}."
    ),
    sign="Datez et signez le formulaire en bas.",
    attach="2. Pièces à joindre",
    invoices="Les factures acquittées : originaux, une par ligne ci-dessous.",
    payment=(
        "Un justificatif de chaque paiement : la ligne du relevé bancaire ou le ticket de carte."
    ),
    prescriptions=(
        "Les prescriptions (médicaments, analyses, kinésithérapie…), derrière leur facture."
    ),
    proof_of_stay="Un justificatif du séjour : billets de transport ou cartes d'embarquement.",
    copies=(
        "Gardez une copie ou un scan de tout ce que vous envoyez : les originaux ne reviennent pas."
    ),
    posting="3. L'envoi",
    post=(
        "Signez la lettre au-dessus de votre nom, pliez-la aux repères et envoyez l'enveloppe "
        "à votre CPAM (le recommandé est plus sûr pour des originaux)."
    ),
    mark_mailed="Dans Carnet, marquez l'envoi comme posté : le remboursement est attendu dès lors.",
    headers=(
        "Réf.",
        "Personne",
        "Soins",
        "Facture",
        "En euros",
        "Attendu",
        "Facture",
        "Preuve",
        "Ordon.",
    ),
    cpam_decides="la CPAM décide",
    discretion="{amount} si accepté",
    footer="Aide-mémoire – soins à l'étranger {mailing} – page {page}/{total} – à garder",
)
TEXTS = {"en": ENGLISH, "fr": FRENCH}
_WIDTHS = (31.0, 27.0, 19.0, 19.0, 16.0, 22.0, 16.0, 16.0, 14.0)


def _references(invoices: list[AbroadInvoice]) -> str:
    return ", ".join(markup(i.reference, 30) for i in invoices)


def _form_items(claim: AbroadClaim, texts: Texts) -> list[str]:
    invoices = list(claim.invoices)
    countries = ", ".join(dict.fromkeys(markup(i.country, 40) for i in invoices))
    items = [texts.insured.format(nir=markup(claim.insured.nir_text, 40))]
    others = [i.beneficiary for i in invoices if i.beneficiary != claim.insured.name]
    if others:
        items.append(
            texts.patient.format(names=", ".join(markup(n, 80) for n in dict.fromkeys(others)))
        )
    items.append(texts.stay.format(countries=countries))
    urgent = [i for i in invoices if i.urgent]
    if urgent:
        items.append(texts.urgent.format(references=_references(urgent)))
    for tariff, template in (("french", texts.french), ("country", texts.country)):
        chosen = [i for i in invoices if i.zone == "europe" and i.tariff == tariff]
        if chosen:
            items.append(template.format(references=_references(chosen)))
    items.append(texts.sign)
    return items


def _attach_items(claim: AbroadClaim, texts: Texts) -> list[str]:
    items = [texts.invoices, texts.payment]
    if any(i.prescription for i in claim.invoices):
        items.append(texts.prescriptions)
    return [*items, texts.proof_of_stay, texts.copies]


def _checks(items: list[str]) -> list[Flowable]:
    return [rl.paragraph(item, styles().check, bullet=BOX) for item in items]


def _expected(invoice: AbroadInvoice, texts: Texts, language: str) -> str:
    if invoice.expected_cents is None:
        return texts.cpam_decides
    amount = money(invoice.expected_cents, language)
    return texts.discretion.format(amount=amount) if invoice.zone == "elsewhere" else amount


def _table(claim: AbroadClaim, texts: Texts, language: str, width: float) -> Flowable:
    page = styles()
    rows: list[list[rl.Cell]] = [[rl.paragraph(text, page.cell_head) for text in texts.headers]]
    for invoice in claim.invoices:
        rows.append(
            [
                rl.paragraph(markup(invoice.reference, 30), page.cell_strong),
                rl.paragraph(markup(invoice.beneficiary, 80), page.cell),
                short_date(invoice.care_date),
                foreign(invoice.amount, invoice.currency, language),
                money(invoice.euro_cents, language),
                rl.paragraph(markup(_expected(invoice, texts, language), 60), page.cell),
                BOX,
                BOX,
                BOX if invoice.prescription else "–",
            ]
        )
    scale = width / sum(_WIDTHS)
    commands: list[rl.TableCommand] = [
        ("FONT", (0, 0), (-1, -1), SANS, 8, 10),
        ("FONT", (6, 1), (-1, -1), SANS, 12, 12),
        ("ALIGN", (3, 0), (4, -1), "RIGHT"),
        ("ALIGN", (6, 1), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    return rl.table(rows, [w * scale for w in _WIDTHS], commands, repeat_rows=1)


def abroad_checklist_section(claim: AbroadClaim, language: str) -> Section:
    """The checklist as a section of the claim packet, in ``language`` ("en" or "fr")."""
    language = language_of(language)
    texts = TEXTS[language]
    page = styles()
    box = body_box(top=15 * mm, side=TABLE_MARGIN, bottom=18 * mm)
    mailing = claim.mailing_id or long_date(claim.date, language)
    intro = texts.intro.format(
        recipient=markup(claim.recipient.name, 120), day=long_date(claim.date, language)
    )
    story: list[Flowable] = [
        rl.paragraph(texts.title.format(mailing=markup(mailing)), page.title),
        rl.paragraph(intro, page.body),
        rl.paragraph(texts.form, page.heading),
        *_checks(_form_items(claim, texts)),
        rl.paragraph(texts.attach, page.heading),
        *_checks(_attach_items(claim, texts)),
        rl.spacer(3 * mm),
        _table(claim, texts, language, box.width),
        rl.paragraph(texts.posting, page.heading),
        *_checks([texts.post, texts.mark_mailed]),
    ]
    footer = texts.footer.replace("{mailing}", mailing)
    return Section(key="checklist", story=tuple(story), footer=footer, first=box, later=box)
