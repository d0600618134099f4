"""The cover letter: its French text, its fields, and the address in the envelope window."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from reportlab.lib.units import mm

from carnet.documents import Insured, Recipient, render_cover_letter
from carnet.documents.letter import ADDRESS_BOX, WINDOW
from carnet.documents.styles import Box
from tests.documents.pdfs import PDFTOPPM, all_text, find, page_count, placed_text, render_png
from tests.documents.samples import DEMO_FEUILLES, demo_packet, strange_packet

MM_PER_INCH = 25.4


def test_every_field_of_the_letter_is_printed() -> None:
    text = all_text(render_cover_letter(demo_packet()))
    for expected in (
        "Sarah Thompson",
        "James Thompson",
        "12 rue des Lilas",
        "Bâtiment B, 3e étage",
        "75011 Paris",
        "Tél. : 06 12 34 56 78",
        "sarah.thompson@example.org",
        "CPAM de Paris",
        "21 rue Georges Auric",
        "75948 Paris Cedex 19",
        "Paris, le 28 novembre 2026",
        "Lettre recommandée avec accusé de réception n° 1A 234 567 8901 2",
        "Objet : Demande de remboursement – feuilles de soins",
        "Assuré(e) : Sarah Thompson",
        "N° de sécurité sociale : 2 88 03 99 132 045 16",
        "Sarah Thompson (date de naissance : 14/03/1988)",
        "Léa Thompson (date de naissance : 02/05/2022)",
        "Référence de l'envoi : C-2026-0007",
        "Madame, Monsieur,",
        "Vous trouverez ci-joint 3 feuilles de soins",
        "IBAN FR76 •••• •••• 0189",
        "245,60 €",
        "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
        "Pièces jointes :",
        "3 feuilles de soins (références C-2026-0007-01 à C-2026-0007-03)",
        "1 ordonnance",
        "1 bordereau récapitulatif",
        "1 relevé d'identité bancaire",
    ):
        assert expected in text, expected
    assert page_count(render_cover_letter(demo_packet())) == 1


def test_simple_mail_single_feuille_and_account_on_file() -> None:
    packet = demo_packet(tracking="", enclose_rib=False, iban_masked="", feuilles=DEMO_FEUILLES[:1])
    text = all_text(render_cover_letter(packet))
    assert "recommandée" not in text
    assert "Vous trouverez ci-joint une feuille de soins, dûment signée" in text
    assert "par la personne mentionnée ci-dessus" in text
    assert "procéder à son remboursement sur le compte bancaire enregistré à mon dossier." in text
    assert "1 feuille de soins (référence C-2026-0007-01)" in text
    assert "La feuille porte en marge son numéro de référence" in text
    assert "(montant réglé : 30,00 €)" in text
    assert "ordonnance" not in text
    assert "relevé d'identité bancaire" not in text
    assert "Bénéficiaire : Sarah Thompson" in text


def test_prescriptions_are_counted() -> None:
    feuilles = tuple(replace(feuille, prescription=True) for feuille in DEMO_FEUILLES)
    text = all_text(render_cover_letter(demo_packet(feuilles=feuilles)))
    assert "ainsi que les 3 ordonnances correspondantes" in text
    assert "3 ordonnances" in text


def test_pending_registration_is_written_out() -> None:
    packet = demo_packet(insured=Insured("Sarah Thompson"))
    assert "N° de sécurité sociale : en cours d'immatriculation" in all_text(
        render_cover_letter(packet)
    )


def test_first_of_the_month_is_premier() -> None:
    text = all_text(render_cover_letter(demo_packet(date=date(2026, 12, 1))))
    assert "Paris, le 1er décembre 2026" in text


def test_user_text_is_printed_as_typed() -> None:
    text = all_text(render_cover_letter(strange_packet()))
    assert "<b>Zoé & Co</b>" in text
    assert "Assuré(e) : <b>Zoé & Co</b>" in text
    assert "Marie-Bérénice Östergård-Łukasiewicz" in text
    assert "Ольга Petrova" in text
    assert "Nguyễn Thị Hằng" in text
    assert "N° de sécurité sociale : en cours d'immatriculation" in text


def _inside(box: Box, left: float, top: float) -> bool:
    """Is a point (mm from the top-left corner) inside ``box`` (points), give or take 0.1 mm?"""
    slack = 0.1
    horizontally = box.left / mm - slack <= left <= box.right / mm + slack
    return horizontally and box.top / mm - slack <= top <= box.bottom / mm + slack


def test_recipient_address_sits_in_the_window_by_text_position() -> None:
    placed = placed_text(render_cover_letter(demo_packet()))
    for line in ("CPAM de Paris", "21 rue Georges Auric", "75948 Paris Cedex 19"):
        item = find(placed, line)
        assert 100 <= item.left <= 200 and 45 <= item.top <= 90, item
        assert _inside(ADDRESS_BOX, item.left, item.top), item
    recipient = {"CPAM de Paris", "21 rue Georges Auric", "75948 Paris Cedex 19"}
    intruders = [
        item
        for item in placed
        if _inside(WINDOW, item.left, item.top) and item.text not in recipient
    ]
    assert not intruders, "only the recipient may show through the window"


def test_sender_is_top_left_and_body_below_the_window() -> None:
    placed = placed_text(render_cover_letter(demo_packet()))
    sender = find(placed, "James Thompson")
    assert sender.left < 100 and sender.top < 45
    assert find(placed, "Madame, Monsieur,").top > 90
    assert find(placed, "Paris, le 28 novembre 2026").top > 90


def test_a_long_recipient_shrinks_but_stays_in_the_window() -> None:
    recipient = Recipient(
        "Caisse primaire d'assurance maladie des Alpes-de-Haute-Provence",
        ("Service des prestations en espèces", "Allée des Genêts", "04016 Digne-les-Bains Cedex"),
    )
    placed = placed_text(render_cover_letter(demo_packet(recipient=recipient)))
    for line in (*recipient.address, "Caisse primaire"):
        item = find(placed, line)
        assert _inside(ADDRESS_BOX, item.left, item.top), item


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) is not installed")
def test_recipient_pixels_fall_only_inside_the_window(tmp_path: Path) -> None:
    """Render two letters that differ only by recipient: every differing pixel is in the window."""
    other = Recipient("CPAM du Rhône", ("276 cours Émile Zola", "69907 Villeurbanne Cedex"))
    dpi = 50
    first = Image.open(render_png(render_cover_letter(demo_packet()), tmp_path, dpi, "a"))
    second = Image.open(
        render_png(render_cover_letter(demo_packet(recipient=other)), tmp_path, dpi, "b")
    )
    changed = ImageChops.difference(first, second).point(lambda value: 255 if value > 60 else 0)
    bounds = changed.getbbox()
    assert bounds is not None, "the recipient must be visible"
    scale = MM_PER_INCH / dpi
    left, top, right, bottom = (value * scale for value in bounds)
    assert left >= 100 and right <= 200, (left, right)
    assert top >= 45 and bottom <= 90, (top, bottom)
