"""The reminder (relance) and the letter to a mutuelle without Noémie."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from carnet.documents import render_mutuelle_letter, render_reminder
from tests.documents.pdfs import all_text, page_count
from tests.documents.samples import demo_mutuelle, demo_reminder


def test_reminder_names_the_original_mailing_and_its_feuilles() -> None:
    reminder = demo_reminder()
    assert reminder.weeks_elapsed == 8
    pdf = render_reminder(reminder)
    text = all_text(pdf)
    for expected in (
        "CPAM de Paris",
        "75948 Paris Cedex 19",
        "Paris, le 28 novembre 2026",
        "Objet : Relance – feuilles de soins envoyées le 3 octobre 2026",
        "N° de sécurité sociale : 2 88 03 99 132 045 16",
        "Référence de l'envoi : C-2026-0007",
        "Le 3 octobre 2026, je vous ai adressé, par lettre recommandée avec accusé de réception"
        " n° 1A 234 567 8901 2, 3 feuilles de soins",
        "soit 8 semaines après cet envoi",
        "C-2026-0007-01",
        "C-2026-0007-02",
        "C-2026-0007-03",
        "185,60 €",
        "Total : 3 feuilles de soins 245,60 €",
        "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
    ):
        assert expected in text, expected
    assert page_count(pdf) == 1


def test_reminder_without_tracking_number() -> None:
    text = all_text(render_reminder(replace(demo_reminder(), tracking="")))
    assert "recommandée" not in text
    assert "Le 3 octobre 2026, je vous ai adressé 3 feuilles de soins" in text


def test_mutuelle_letter_encloses_the_statement_and_copies() -> None:
    text = all_text(render_mutuelle_letter(demo_mutuelle()))
    for expected in (
        "Mutuelle Exemple Santé",
        "69945 Lyon Cedex 20",
        "Objet : Demande de remboursement complémentaire – contrat n° ME-0042-7781",
        "Adhérent(e) : Sarah Thompson",
        "N° de contrat : ME-0042-7781",
        "(Noémie)",
        "le décompte de remboursement de l'Assurance Maladie du 12 novembre 2026",
        "la copie des 3 feuilles de soins correspondantes",
        "C-2026-0007-03",
        "Total : 3 feuilles de soins 245,60 €",
        "Pièces jointes : – 1 décompte de l'Assurance Maladie – 3 copies de feuilles de soins",
    ):
        assert expected in text, expected


def test_mutuelle_letter_with_several_statements() -> None:
    claim = replace(demo_mutuelle(), statement_dates=(date(2026, 11, 1), date(2026, 11, 19)))
    text = all_text(render_mutuelle_letter(claim))
    assert "les 2 décomptes de remboursement de l'Assurance Maladie" in text
    assert "(du 1er novembre 2026, du 19 novembre 2026)" in text
    assert "2 décomptes de l'Assurance Maladie" in text
