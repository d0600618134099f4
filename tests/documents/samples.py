"""Sample packets for the document tests (and for looking at the PDFs by eye)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from carnet.documents.model import (
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

DAY = date(2026, 11, 28)
MAILING = mailing_reference(2026, 7)
CPAM_PARIS = Recipient("CPAM de Paris", ("21 rue Georges Auric", "75948 Paris Cedex 19"))
SENDER = Sender(
    names=("Sarah Thompson", "James Thompson"),
    address=("12 rue des Lilas", "Bâtiment B, 3e étage", "75011 Paris"),
    phone="06 12 34 56 78",
    email="sarah.thompson@example.org",
)
INSURED = Insured("Sarah Thompson", "2 88 03 99 132 045 16")
SARAH = ("Sarah Thompson", date(1988, 3, 14))
LEA = ("Léa Thompson", date(2022, 5, 2))


def feuille(
    index: int,
    who: tuple[str, date | None] = SARAH,
    *,
    cents: int = 3000,
    prescription: bool = False,
    practitioner: str = "Dr Claire Martin",
    act: str = "Consultation de médecine générale (G)",
    day: date = date(2026, 10, 6),
) -> EnclosedFeuille:
    return EnclosedFeuille(
        reference=feuille_reference(MAILING, index),
        beneficiary=who[0],
        beneficiary_birth_date=who[1],
        care_date=day,
        practitioner=practitioner,
        act=act,
        paid_cents=cents,
        prescription=prescription,
    )


DEMO_FEUILLES = (
    feuille(1),
    feuille(2, LEA, cents=3000, practitioner="Dr Paul Nguyen", act="Consultation pédiatrique"),
    feuille(
        3,
        LEA,
        cents=1856 * 10,
        prescription=True,
        practitioner="Mme Inès Roussel, masseur-kinésithérapeute",
        act="10 séances de rééducation (AMK 8,4)",
        day=date(2026, 10, 20),
    ),
)


def demo_packet(**changes: object) -> Packet:
    packet = Packet(
        sender=SENDER,
        insured=INSURED,
        recipient=CPAM_PARIS,
        date=DAY,
        place="Paris",
        feuilles=DEMO_FEUILLES,
        mailing_id=MAILING,
        tracking="1A 234 567 8901 2",
        iban_masked="FR76 •••• •••• 0189",
        enclose_rib=True,
    )
    return replace(packet, **changes)  # type: ignore[arg-type]


def many_feuilles(count: int = 40) -> tuple[EnclosedFeuille, ...]:
    people = (SARAH, LEA, ("Ольга Petrova", date(1990, 1, 9)), ("Nguyễn Thị Hằng", None))
    return tuple(
        feuille(
            index + 1,
            people[index % len(people)],
            cents=2500 + 137 * index,
            prescription=index % 3 == 0,
            day=date(2026, 9, 1) + timedelta(days=index),
        )
        for index in range(count)
    )


def strange_packet() -> Packet:
    """Long names, markup-like text, accents and non-Latin scripts everywhere."""
    long_name = "Marie-Bérénice Östergård-Łukasiewicz de la Tour d'Auvergne-Villeneuve"
    sender = Sender(
        names=("<b>Zoé & Co</b>", long_name, "Ольга Petrova"),
        address=(
            "Résidence « Les Érables », escalier C",
            "143 avenue du Général-de-Gaulle",
            "94300 Vincennes",
        ),
        email="zoé@exemple.fr",
    )
    feuilles = (
        feuille(1, ("<b>Zoé & Co</b>", date(2015, 2, 1))),
        feuille(2, (long_name, date(1979, 12, 31)), practitioner="Dr Γεώργιος Παπαδόπουλος"),
        feuille(3, ("Nguyễn Thị Hằng", None), act="Séance d'orthophonie – bilan"),
        feuille(4, ("王小明", date(2001, 7, 4)), act="Consultation (spécialiste) <i>CS</i>"),
    )
    return demo_packet(
        sender=sender,
        insured=Insured("<b>Zoé & Co</b>"),
        feuilles=feuilles,
        recipient=Recipient(
            "Caisse primaire d'assurance maladie du Val-de-Marne",
            ("Service des prestations", "1-9 avenue du Général de Gaulle", "94031 Créteil Cedex"),
        ),
        tracking="",
        enclose_rib=False,
    )


def demo_reminder() -> Reminder:
    return Reminder(
        sender=SENDER,
        insured=INSURED,
        recipient=CPAM_PARIS,
        date=DAY,
        place="Paris",
        original_date=date(2026, 10, 3),
        feuilles=DEMO_FEUILLES,
        tracking="1A 234 567 8901 2",
        mailing_id=MAILING,
    )


def demo_mutuelle() -> MutuelleClaim:
    return MutuelleClaim(
        sender=SENDER,
        insured=INSURED,
        recipient=Recipient(
            "Mutuelle Exemple Santé", ("Service remboursements", "TSA 12345", "69945 Lyon Cedex 20")
        ),
        date=DAY,
        place="Paris",
        contract_number="ME-0042-7781",
        feuilles=DEMO_FEUILLES,
        statement_dates=(date(2026, 11, 12),),
        mailing_id=mailing_reference(2026, 8, "M"),
    )
