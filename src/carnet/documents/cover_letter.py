"""The cover letter to the CPAM that goes on top of the feuilles.

Formal French, laid out for a window envelope (see :mod:`carnet.documents.letter`
for the geometry). It identifies the insured person by name and number, names
the beneficiaries, asks for reimbursement to the account on file and lists the
enclosures; the feuilles themselves are listed on the bordereau.
"""

from __future__ import annotations

from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.fonts import nbsp, unbroken
from carnet.documents.formats import count_fr, money, short_date
from carnet.documents.letter import LetterHead, Reference, letter_section, letter_story
from carnet.documents.model import Beneficiary, Packet
from carnet.documents.pages import Meta, Section, render
from carnet.documents.styles import styles

SUBJECT = "Demande de remboursement – feuilles de soins"


def head_of(packet: Packet) -> LetterHead:
    return LetterHead(
        sender=packet.sender,
        recipient=packet.recipient,
        place=packet.place,
        day=packet.date,
        signer=packet.insured.name,
        tracking=packet.tracking,
    )


def _person(beneficiary: Beneficiary) -> str:
    if beneficiary.birth_date is None:
        return beneficiary.name
    return f"{beneficiary.name} (date de naissance\u00a0: {short_date(beneficiary.birth_date)})"


def _references(packet: Packet) -> list[Reference]:
    people = [_person(person) for person in packet.people]
    references: list[Reference] = [
        ("Assuré(e)", packet.insured.name),
        ("N° de sécurité sociale", nbsp(packet.insured.nir_text)),
        ("Bénéficiaire", people[0]) if len(people) == 1 else ("Bénéficiaires concernés", people),
    ]
    if packet.mailing_id:
        references.append(("Référence de l'envoi", packet.mailing_id))
    return references


def _enclosing_sentence(packet: Packet) -> str:
    count = len(packet.feuilles)
    if count == 1:
        text = "Vous trouverez ci-joint une feuille de soins, dûment signée, concernant "
    else:
        text = f"Vous trouverez ci-joint {count} feuilles de soins, dûment signées, concernant "
    single = len(packet.people) == 1
    text += (
        "des soins reçus par la personne mentionnée ci-dessus"
        if single
        else ("des soins reçus par les personnes mentionnées ci-dessus")
    )
    prescriptions = packet.prescriptions
    if prescriptions == 1:
        text += ", ainsi que l'ordonnance correspondante"
    elif prescriptions > 1:
        text += f", ainsi que les {prescriptions} ordonnances correspondantes"
    return text + "."


def _account_sentence(packet: Packet) -> str:
    pronoun = "son" if len(packet.feuilles) == 1 else "leur"
    iban = f" (IBAN\u00a0{unbroken(packet.iban_masked, 60)})" if packet.iban_masked else ""
    if packet.enclose_rib:
        where = f"sur le compte bancaire dont je joins le relevé d'identité bancaire{iban}"
    else:
        where = f"sur le compte bancaire enregistré à mon dossier{iban}"
    return f"Je vous remercie de bien vouloir procéder à {pronoun} remboursement {where}."


def _inventory_sentence(packet: Packet) -> str:
    total = money(packet.total_cents)
    if len(packet.feuilles) == 1:
        return (
            "La feuille porte en marge son numéro de référence, repris sur le bordereau "
            f"récapitulatif joint (montant réglé\u00a0: {total})."
        )
    return (
        "Chaque feuille porte en marge un numéro de référence, repris sur le bordereau "
        f"récapitulatif joint (montant total réglé\u00a0: {total})."
    )


def _body(packet: Packet) -> list[Flowable]:
    page = styles()
    helpful = "Je reste à votre disposition pour tout renseignement complémentaire."
    return [
        rl.paragraph(_enclosing_sentence(packet), page.body),
        rl.paragraph(_account_sentence(packet), page.body),
        rl.paragraph(_inventory_sentence(packet), page.body),
        rl.paragraph(helpful, page.body),
    ]


def enclosures(packet: Packet) -> list[str]:
    """The "Pièces jointes" list, in French."""
    feuilles = count_fr(len(packet.feuilles), "feuille de soins", "feuilles de soins")
    if len(packet.feuilles) > 1:
        first, last = packet.feuilles[0].reference, packet.feuilles[-1].reference
        feuilles += f" (références {first} à {last})"
    elif packet.feuilles:
        feuilles += f" (référence {packet.feuilles[0].reference})"
    items = [feuilles]
    if packet.prescriptions:
        items.append(count_fr(packet.prescriptions, "ordonnance", "ordonnances"))
    items.append("1 bordereau récapitulatif")
    if packet.enclose_rib:
        items.append("1 relevé d'identité bancaire")
    return items


def cover_letter_section(packet: Packet) -> Section:
    story = letter_story(
        head_of(packet), SUBJECT, _references(packet), _body(packet), enclosures(packet)
    )
    prefix = f"Envoi {packet.mailing_id} – " if packet.mailing_id else ""
    footer = prefix + "page {page}/{total}"
    return letter_section(head_of(packet), story, footer)


def letter_meta(packet: Packet) -> Meta:
    return Meta(
        title=f"{SUBJECT} {packet.mailing_id}".strip(),
        created=packet.date,
        subject=SUBJECT,
        author=packet.insured.name,
    )


def render_cover_letter(packet: Packet) -> bytes:
    """The cover letter alone, as PDF bytes."""
    return render([cover_letter_section(packet)], letter_meta(packet))
