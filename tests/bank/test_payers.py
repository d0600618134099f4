"""Payer recognition by counterparty name (docs/bank-formats.md §3)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from carnet.bank import ExtraPayer, PayerDirectory, StatementLine, classify
from carnet.bank.labels import extract_counterparty
from carnet.domain.banking import PayerType
from carnet.domain.money import Cents

PAYERS = Path(__file__).resolve().parents[2] / "resources" / "payers.toml"
DIRECTORY = PayerDirectory.from_file(PAYERS)
CPAM, AMC = PayerType.CPAM, PayerType.COMPLEMENTARY


def credit(label: str, cents: int = 2500, counterparty: str = "") -> StatementLine:
    return StatementLine(date(2025, 3, 5), Cents(cents), label, counterparty)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        (
            "VIR CPAM DE MOSELLE - METZ 152290010995 152290010995152290010995",
            "CPAM DE MOSELLE METZ",
        ),
        ("VIR SEPA CPAM DE L ISERE", "CPAM DE L ISERE"),
        ("VIR SEPA CPAM 131 MARSEILLE", "CPAM 131 MARSEILLE"),
        ("VIR CPAM SAONE ET LOIRE 262520005600", "CPAM SAONE ET LOIRE"),
        (
            "VIR SEPA CPAM DE MOSELLE - METZ 1802202220220218-10.47.31.073358 -",
            "CPAM DE MOSELLE METZ",
        ),
        ("VIR RECU 9604881985018 DE: CPAM DE L ISERE MOTIF: X REF: 12", "CPAM DE L ISERE"),
        ("VIR SEPA RECU /DE HARMONIE MUTUELLE /MOTIF REMB /REF 9", "HARMONIE MUTUELLE"),
        ("VIREMENT DE MGEN REMBOURSEMENT", "MGEN REMBOURSEMENT"),
        ("EVI APRIL SANTE PREVOYAN", "APRIL SANTE PREVOYAN"),
        ("VIR INST Alan SA", "ALAN SA"),
        ("PRLV SEPA HARMONIE MUTUELLE", "HARMONIE MUTUELLE"),
    ],
)
def test_counterparty_extraction(label: str, expected: str) -> None:
    assert extract_counterparty(label) == expected


@pytest.mark.parametrize(
    "label",
    [
        "VIR CPAM DE MOSELLE - METZ 1522900109951522",
        "VIR SEPA CPAM DE L ISERE",
        "VIR SEPA CPAM 131 MARSEILLE",
        "VIR CPAM SAONE ET LOIRE 262520005600",
        "VIREMENT EN VOTRE FAVEUR C.P.A.M. DE LA SARTHE",
        "VIR SEPA CAISSE PRIMAIRE D ASSURANCE MALADIE DU NORD",
        "VIR CGSS MARTINIQUE",
        "VIR MSA ARMORIQUE",
        "VIR SEPA CNMSS TOULON",
        "VIR ENIM",
        "VIR CAMIEG",
        "VIR CPRP SNCF PRESTATIONS",
        "VIR CCAS RATP",
    ],
)
def test_mandatory_funds(label: str) -> None:
    result = classify(credit(label), DIRECTORY)
    assert (result.payer_type, result.health, result.reason) == (CPAM, True, "health-reimbursement")


@pytest.mark.parametrize(
    ("label", "payer"),
    [
        ("VIR HARMONIE MUTUELLE", "Harmonie Mutuelle"),
        ("VIR MALAKOFF MEDERIC PREVOYANCE", "Malakoff Humanis"),
        ("EVI APRIL SANTE PREVOYAN", "April"),
        ("VIR SEPA AG2R LA MONDIALE", "AG2R La Mondiale"),
        ("VIR SEPA SWISS LIFE PREVOYANCE ET SANTE", "Swiss Life"),
        ("VIR SEPA ALMERYS POUR COMPTE DE", "Almerys"),
        ("VIR SEPA PRO BTP", "Pro BTP"),
        ("VIR SEPA LA MUTUELLE GENERALE", "La Mutuelle Générale"),
        ("VIR HARMONIE MUT", "Harmonie Mutuelle"),  # truncated by the bank
    ],
)
def test_complementary_insurers(label: str, payer: str) -> None:
    result = classify(credit(label), DIRECTORY)
    assert (result.payer_type, result.health, result.payer) == (AMC, True, payer)


@pytest.mark.parametrize(
    ("label", "cents", "reason"),
    [
        ("PRLV SEPA HARMONIE MUTUELLE COTISATION", -5420, "debit"),
        ("PRELEVEMENT EUROPEEN 123 DE: MALAKOFF HUMANIS ID: FR12", -4810, "debit"),
        ("VIR CPAM DE PARIS IJ 01/03 AU 15/03", 45000, "sick-pay"),
        ("VIR CPAM DE PARIS INDEMNITES JOURNALIERES", 45000, "sick-pay"),
        ("VIR CPAM DE PARIS PENSION INVALIDITE", 80000, "pension"),
        ("VIR MSA RETRAITE", 60000, "pension"),
        ("VIR CAF DE SAONE ET LOIRE 0852423", 31000, "not-health-payer"),
        ("VIR DGFIP FINANCES PUBLIQUES REMBOURSEMENT IMPOT", 15000, "not-health-payer"),
        ("VIR FRANCE TRAVAIL", 90000, "not-health-payer"),
        ("VIR SEPA RECU /DE M DUPONT /MOTIF REMBOURSEMENT CPAM", 2000, "unknown-counterparty"),
        ("AVOIR CARTE PHARMACIE DU CENTRE", 1290, "unknown-counterparty"),
        ("VIR SEPA SANTEVET", 5000, "not-health-payer"),
        ("VIR M ALAN DUPONT", 5000, "unknown-counterparty"),
        ("VIR RATP SALAIRE MARS", 210000, "unknown-counterparty"),
    ],
)
def test_never_health(label: str, cents: int, reason: str) -> None:
    result = classify(credit(label, cents), DIRECTORY)
    assert not result.health
    assert result.reason == reason


def test_pending_entries_are_never_health() -> None:
    result = classify(credit("VIR CPAM DE PARIS"), DIRECTORY, pending=True)
    assert (result.health, result.reason, result.payer_type) == (False, "pending", CPAM)


def test_structured_counterparty_wins() -> None:
    line = credit("REMBOURSEMENT SOINS DU 01/03", counterparty="CPAM DE LA GIRONDE")
    assert classify(line, DIRECTORY).payer_type is CPAM


def test_mgen_role_from_hints_then_household_then_unknown() -> None:
    assert classify(credit("VIR MGEN RO"), DIRECTORY).payer_type is CPAM
    assert classify(credit("VIR MGEN REGIME OBLIGATOIRE"), DIRECTORY).payer_type is CPAM
    assert classify(credit("VIR MGEN RC"), DIRECTORY).payer_type is AMC
    unknown = classify(credit("VIR MUTUELLE MGEN"), DIRECTORY)
    assert (unknown.payer_type, unknown.health, unknown.reason) == (None, True, "dual-role-payer")
    household = DIRECTORY.with_extra([ExtraPayer("MGEN", AMC)])
    assert classify(credit("VIR MUTUELLE MGEN"), household).payer_type is AMC
    squashed = classify(credit("MUTUELLEGENERALEEDUCATIONNAT"), DIRECTORY)
    assert squashed.payer == "MGEN"


def test_household_aliases_for_a_claims_manager() -> None:
    assert not classify(credit("VIR SEPA GESTIONNAIRE XYZ"), DIRECTORY).health
    taught = DIRECTORY.with_extra([ExtraPayer("Ma mutuelle", AMC, ("GESTIONNAIRE XYZ",))])
    result = classify(credit("VIR SEPA GESTIONNAIRE XYZ"), taught)
    assert (result.payer, result.payer_type, result.health) == ("Ma mutuelle", AMC, True)


def test_the_shipped_list_loads_and_covers_the_main_insurers() -> None:
    names = {entry.name for entry in DIRECTORY.entries}
    expected = {"CPAM", "MSA", "MGEN", "Alan", "AXA", "Allianz", "Generali", "Groupama", "MAAF"}
    expected |= {"MACIF", "MAIF", "Matmut", "Apivia", "Klesia", "Humanis", "Audiens", "Henner"}
    expected |= {"Intériale", "Gras Savoye", "SPVIE", "Viamedis", "Santéclair", "Almerys"}
    assert expected <= names
