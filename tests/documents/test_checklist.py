"""The household checklist, in English or French."""

from __future__ import annotations

from carnet.documents import render_checklist
from tests.documents.pdfs import all_text, page_count, pages_text
from tests.documents.samples import demo_packet, many_feuilles


def test_english_checklist() -> None:
    text = all_text(render_checklist(demo_packet(), "en"))
    for expected in (
        "Checklist – mailing C-2026-0007",
        "Envelope to CPAM de Paris, prepared on 28 November 2026",
        "Sign it in the box",
        "Write its reference",
        "top margin",
        "Make a photocopy or a scan",
        "Sign the cover letter above your name.",
        "3 signed feuilles de soins",
        "1 prescription (ordonnance), behind its feuille",
        "Your bank details",
        "registered mail with acknowledgement of receipt (n° 1A 234 567 8901 2)",
        "C-2026-0007-01 Sarah Thompson 06/10/2026 €30.00",
        "€185.60",
        "page 1/1",
    ):
        assert expected in text, expected


def test_french_checklist() -> None:
    packet = demo_packet(tracking="", enclose_rib=False)
    text = all_text(render_checklist(packet, "fr"))
    for expected in (
        "Liste de contrôle – envoi C-2026-0007",
        "Envoi à CPAM de Paris, préparé le 28 novembre 2026",
        "Signez-la dans la case « Signature de l'assuré(e) »",
        "Inscrivez sa référence",
        "3 feuilles de soins signées",
        "1 ordonnance, derrière sa feuille",
        "Affranchissez-la et postez-la",
        "C-2026-0007-03 Léa Thompson 20/10/2026 185,60 €",
    ):
        assert expected in text, expected
    assert "RIB" not in text and "recommandé" not in text


def test_unknown_language_falls_back_to_english() -> None:
    assert "Checklist" in all_text(render_checklist(demo_packet(), "de"))


def test_long_checklist_numbers_its_pages() -> None:
    pdf = render_checklist(demo_packet(feuilles=many_feuilles(40)), "en")
    assert page_count(pdf) == 2
    first, second = pages_text(pdf)
    assert "page 1/2" in first and "page 2/2" in second
    assert "Reference" in second  # header row repeated
