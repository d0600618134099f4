"""The household's checklist for one envelope, in the UI language (English or French).

It stays at home: what to sign, where to write each reference, what to copy,
what goes in the envelope and how to post it, then one line per feuille with
boxes to tick. The texts live in a small per-language table here rather than in
the gettext catalogue because they are long, instruction-like paragraphs that
are reviewed together; the French wording is written, not machine-translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.fonts import SANS, markup, unbroken
from carnet.documents.formats import language_of, long_date, money, short_date
from carnet.documents.model import Packet
from carnet.documents.pages import Meta, Section, render
from carnet.documents.styles import INK, RULE, SHADE, TABLE_MARGIN, body_box, styles

BOX = "☐"
Plural = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Texts:
    title: str
    intro: str
    each_feuille: str
    sign: str
    identity: str
    reference: str
    copy: str
    the_letter: str
    sign_letter: str
    fold: str
    envelope: str
    letter_on_top: str
    inventory: str
    feuilles: Plural
    prescriptions: Plural
    rib: str
    posting: str
    registered: str
    simple: str
    mark_mailed: str
    headers: tuple[str, ...]
    footer: str


ENGLISH = Texts(
    title="Checklist – mailing {mailing}",
    intro="Envelope to {recipient}, prepared on {day}. Keep this page with your copies.",
    each_feuille="1. Each feuille de soins",
    sign="Sign it in the box “Signature de l'assuré(e)”: an unsigned feuille is sent back.",
    identity=(
        "Check the patient's surname, first name and date of birth and, when the patient is "
        "not the insured person, the insured person's name, address and social security number."
    ),
    reference=(
        "Write its reference (see the table below) in the top margin, away from the boxes "
        "the CPAM reads."
    ),
    copy="Make a photocopy or a scan of the feuille and of its prescription, and keep it.",
    the_letter="2. The letter",
    sign_letter="Sign the cover letter above your name.",
    fold=(
        "Fold it in three at the marks in the left margin, text inside and address outwards, "
        "so that the address shows in the envelope window."
    ),
    envelope="3. In the envelope",
    letter_on_top="The signed letter, on top",
    inventory="The inventory (bordereau)",
    feuilles=("{n} signed feuille de soins", "{n} signed feuilles de soins"),
    prescriptions=(
        "{n} prescription (ordonnance), behind its feuille",
        "{n} prescriptions (ordonnances), each behind its feuille",
    ),
    rib="Your bank details (relevé d'identité bancaire, RIB)",
    posting="4. Posting",
    registered=(
        "Send it by registered mail with acknowledgement of receipt (n° {tracking}) "
        "and keep the receipt."
    ),
    simple="Stamp and post it. Weigh it first: above 20 g a letter needs more postage.",
    mark_mailed=(
        "Mark the mailing as mailed in Carnet. A paper feuille is usually paid within "
        "3 to 4 weeks; Carnet reminds you if nothing arrives."
    ),
    headers=("Reference", "Patient", "Date of care", "Amount", "Signed", "Ref. written", "Copied"),
    footer="Checklist – mailing {mailing} – page {page}/{total}",
)

FRENCH = Texts(
    title="Liste de contrôle – envoi {mailing}",
    intro="Envoi à {recipient}, préparé le {day}. Conservez cette page avec vos copies.",
    each_feuille="1. Chaque feuille de soins",
    sign=(
        "Signez-la dans la case « Signature de l'assuré(e) » : une feuille non signée est renvoyée."
    ),
    identity=(
        "Vérifiez les nom, prénom et date de naissance du patient et, s'il n'est pas "
        "l'assuré(e), les nom, adresse et numéro de sécurité sociale de l'assuré(e)."
    ),
    reference=(
        "Inscrivez sa référence (voir le tableau ci-dessous) dans la marge du haut, en dehors "
        "des cases lues par la CPAM."
    ),
    copy="Faites une photocopie ou un scan de la feuille et de son ordonnance, et gardez-le.",
    the_letter="2. La lettre",
    sign_letter="Signez la lettre au-dessus de votre nom.",
    fold=(
        "Pliez-la en trois selon les repères de la marge gauche, texte à l'intérieur et adresse "
        "à l'extérieur, pour que l'adresse apparaisse dans la fenêtre de l'enveloppe."
    ),
    envelope="3. Dans l'enveloppe",
    letter_on_top="La lettre signée, sur le dessus",
    inventory="Le bordereau",
    feuilles=("{n} feuille de soins signée", "{n} feuilles de soins signées"),
    prescriptions=(
        "{n} ordonnance, derrière sa feuille",
        "{n} ordonnances, chacune derrière sa feuille",
    ),
    rib="Votre relevé d'identité bancaire (RIB)",
    posting="4. L'envoi",
    registered=(
        "Envoyez-la en recommandé avec accusé de réception (n° {tracking}) et gardez le récépissé."
    ),
    simple=(
        "Affranchissez-la et postez-la. Pesez-la d'abord : au-delà de 20 g, "
        "l'affranchissement est plus élevé."
    ),
    mark_mailed=(
        "Indiquez dans Carnet que l'envoi est posté. Une feuille papier est en général "
        "remboursée sous 3 à 4 semaines ; Carnet vous préviendra si rien n'arrive."
    ),
    headers=(
        "Référence",
        "Patient",
        "Date des soins",
        "Montant",
        "Signée",
        "Réf. inscrite",
        "Copiée",
    ),
    footer="Liste de contrôle – envoi {mailing} – page {page}/{total}",
)
TEXTS = {"en": ENGLISH, "fr": FRENCH}
_LANG = {"en": "en-GB", "fr": "fr-FR"}
_WIDTHS = (32.0, 46.0, 24.0, 24.0, 16.0, 22.0, 16.0)


def _plural(forms: Plural, count: int) -> str:
    return (forms[0] if count == 1 else forms[1]).format(n=count)


def _checks(items: list[str]) -> list[Flowable]:
    return [rl.paragraph(item, styles().check, bullet=BOX) for item in items]


def _envelope_items(packet: Packet, texts: Texts) -> list[str]:
    items = [texts.letter_on_top, texts.inventory, _plural(texts.feuilles, len(packet.feuilles))]
    if packet.prescriptions:
        items.append(_plural(texts.prescriptions, packet.prescriptions))
    if packet.enclose_rib:
        items.append(texts.rib)
    return items


def _steps(packet: Packet, texts: Texts) -> list[Flowable]:
    page = styles()
    posting = (
        texts.registered.format(tracking=unbroken(packet.tracking, 60))
        if packet.registered
        else (texts.simple)
    )
    story: list[Flowable] = [rl.paragraph(texts.each_feuille, page.heading)]
    story += _checks([texts.sign, texts.identity, texts.reference, texts.copy])
    story += [
        rl.paragraph(texts.the_letter, page.heading),
        *_checks([texts.sign_letter, texts.fold]),
    ]
    story += [rl.paragraph(texts.envelope, page.heading), *_checks(_envelope_items(packet, texts))]
    story += [rl.paragraph(texts.posting, page.heading), *_checks([posting, texts.mark_mailed])]
    return story


def _table(packet: Packet, texts: Texts, language: str, width: float) -> Flowable:
    page = styles()
    rows: list[list[rl.Cell]] = [[rl.paragraph(text, page.cell_head) for text in texts.headers]]
    for feuille in packet.feuilles:
        rows.append(
            [
                rl.paragraph(markup(feuille.reference, 40), page.cell_strong),
                rl.paragraph(markup(feuille.beneficiary, 90), page.cell),
                short_date(feuille.care_date),
                money(feuille.paid_cents, language),
                BOX,
                BOX,
                BOX,
            ]
        )
    scale = width / sum(_WIDTHS)
    commands: list[rl.TableCommand] = [
        ("FONT", (0, 0), (-1, -1), SANS, 8.5, 10.5),
        ("FONT", (4, 1), (-1, -1), SANS, 12, 12),
        ("ALIGN", (3, 0), (3, -1), "RIGHT"),
        ("ALIGN", (4, 1), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
    ]
    return rl.table(rows, [w * scale for w in _WIDTHS], commands, repeat_rows=1)


def checklist_section(packet: Packet, language: str) -> Section:
    """The checklist as a section of the packet, in ``language`` ("en" or "fr")."""
    language = language_of(language)
    texts = TEXTS[language]
    box = body_box(top=15 * mm, side=TABLE_MARGIN, bottom=18 * mm)
    mailing = markup(packet.mailing_id or long_date(packet.date, language))
    intro = texts.intro.format(
        recipient=markup(packet.recipient.name, 120), day=long_date(packet.date, language)
    )
    story: list[Flowable] = [
        rl.paragraph(texts.title.format(mailing=mailing), styles().title),
        rl.paragraph(intro, styles().body),
        *_steps(packet, texts),
        rl.spacer(5 * mm),
        _table(packet, texts, language, box.width),
    ]
    footer = texts.footer.replace(
        "{mailing}", packet.mailing_id or long_date(packet.date, language)
    )
    return Section(key="checklist", story=tuple(story), footer=footer, first=box, later=box)


def render_checklist(packet: Packet, language: str = "en") -> bytes:
    """The checklist alone, as PDF bytes."""
    language = language_of(language)
    title = TEXTS[language].title.replace("{mailing}", packet.mailing_id)
    meta = Meta(title=title, created=packet.date, author=packet.insured.name, lang=_LANG[language])
    return render([checklist_section(packet, language)], meta)
