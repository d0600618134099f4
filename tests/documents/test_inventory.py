"""The bordereau: one line per feuille with its reference, totals, pages that flow."""

from __future__ import annotations

from carnet.documents import render_inventory
from tests.documents.pdfs import all_text, page_count, pages_text
from tests.documents.samples import demo_packet, many_feuilles, strange_packet


def test_each_feuille_has_its_reference_and_amount() -> None:
    text = all_text(render_inventory(demo_packet()))
    for expected in (
        "Bordereau des feuilles de soins",
        "Envoi : C-2026-0007 du 28 novembre 2026",
        "Destinataire : CPAM de Paris",
        "Assuré(e) : Sarah Thompson",
        "N° de sécurité sociale : 2 88 03 99 132 045 16",
        "Lettre recommandée avec accusé de réception n° 1A 234 567 8901 2",
        "C-2026-0007-01 Sarah Thompson 06/10/2026 Dr Claire Martin",
        "C-2026-0007-02 Léa Thompson 06/10/2026 Dr Paul Nguyen",
        "C-2026-0007-03 Léa Thompson 20/10/2026",
        "30,00 €",
        "185,60 €",
        "Total : 3 feuilles de soins 245,60 €",
        "3 feuilles de soins, 1 ordonnance jointe. Montant total payé : 245,60 €.",
        "Page 1/1",
    ):
        assert expected in text, expected


def test_forty_feuilles_flow_onto_two_pages_with_the_header_repeated() -> None:
    feuilles = many_feuilles(40)
    pdf = render_inventory(demo_packet(feuilles=feuilles))
    assert page_count(pdf) == 2
    first, second = pages_text(pdf)
    for page, number in ((first, "Page 1/2"), (second, "Page 2/2")):
        assert number in page
        assert "Référence" in page and "Bénéficiaire" in page and "Montant" in page
    # The title is printed once; the header row repeats.
    assert "Bordereau des feuilles de soins" in first
    assert "Bordereau des feuilles de soins" not in second
    text = all_text(pdf)
    for feuille in feuilles:
        assert text.count(feuille.reference) == 1, feuille.reference
    total = sum(feuille.paid_cents for feuille in feuilles)
    assert total == 206860
    assert "Total : 40 feuilles de soins 2 068,60 €" in text
    assert "40 feuilles de soins, 14 ordonnances jointes" in text
    assert "C-2026-0007-40" in second


def test_no_prescription_is_said_in_words() -> None:
    text = all_text(render_inventory(strange_packet()))
    assert "aucune ordonnance jointe" in text
    assert "<b>Zoé & Co</b>" in text
    assert "Consultation (spécialiste) <i>CS</i>" in text
    assert "Dr Γεώργιος Παπαδόπουλος" in text
