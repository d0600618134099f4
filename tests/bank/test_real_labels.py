"""Who paid, read from labels as French banks really write them (docs/bank-formats.md §3).

Each row is a label (and, for OFX/camt, the format's own name field) with the payer a
household must see. The CPAM and mutuelle shapes come from §3.1; the decoys from §3.2
rule 6; the NAME-only-holds-the-operation rows from OFX downloads whose ``NAME`` is the
first words of the bank's label (``VIR RECU <ref>``, ``VIREMENT EN VOTRE FAVEUR``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from carnet.bank.model import StatementLine
from carnet.bank.payer_list import PayerDirectory
from carnet.bank.payers import classify
from carnet.domain.money import Cents

PAYERS = Path(__file__).resolve().parents[2] / "resources" / "payers.toml"
DIRECTORY = PayerDirectory.from_file(PAYERS)

# label, structured name, cents → payer, payer type, health, reason
CASES = [
    # OFX NAME holding only the operation and its reference: the payer is in MEMO.
    ("VIR RECU    2600123456786 DE: CPAM DE PARIS MOTIF: REMBT SOINS", "VIR RECU    2600123456786",
     3800, "CPAM", "cpam", True, "health-reimbursement"),
    ("VIREMENT EN VOTRE FAVEUR CPAM DE LA SARTHE REMBOURSEMENT SOINS", "VIREMENT EN VOTRE FAVEUR",
     3800, "CPAM", "cpam", True, "health-reimbursement"),
    ("VIR SEPA HARMONIE MUTUELLE", "VIR SEPA", 2850,
     "Harmonie Mutuelle", "complementary", True, "health-reimbursement"),
    ("VIR SEPA 1511PJ0042 CPAM DE PARIS", "VIR SEPA 1511PJ0042", 2350,
     "CPAM", "cpam", True, "health-reimbursement"),
    # A real name in NAME still wins (BPCE, cut at 24 characters).
    ("EVI APRIL SANTE PREVOYAN 214272 0002608 APRIL ENTR.", "EVI APRIL SANTE PREVOYAN", 2850,
     "April", "complementary", True, "health-reimbursement"),
    ("VIR SEPA AG2R PREVOYANCE", "AG2R PREVOYANCE", 2850,
     "AG2R La Mondiale", "complementary", True, "health-reimbursement"),
    # A mutuelle's remittance naming its member ("cotisant") is not a premium refund...
    ("VIR SEPA HARMONIE MUTUELLE DECOMPTE 123456 ADHERENT COTISANT 98765", "", 2850,
     "Harmonie Mutuelle", "complementary", True, "health-reimbursement"),
    # ... but a premium refund still is.
    ("VIR SEPA HARMONIE MUTUELLE REMBT COTISATION TROP PERCUE", "", 1200,
     "Harmonie Mutuelle", "complementary", False, "premium-refund"),
    ("VIR SEPA HARMONIE MUTUELLE REMB COTIS 2026", "", 1200,
     "Harmonie Mutuelle", "complementary", False, "premium-refund"),
    # §3.1 shapes.
    ("VIR SEPA CPAM DE MOSELLE - METZ 152290010995 152290010995152290010995", "", 3168,
     "CPAM", "cpam", True, "health-reimbursement"),
    ("VIR CPAM SAONE ET LOIRE 262520005600", "", 11249,
     "CPAM", "cpam", True, "health-reimbursement"),
    ("VIR SEPA CPAM 131 MARSEILLE", "", 3800, "CPAM", "cpam", True, "health-reimbursement"),
    ("VIR C.P.A.M. DE LA GIRONDE", "", 3800, "CPAM", "cpam", True, "health-reimbursement"),
    ("VIR MALAKOFF MEDERIC PREVOYANCE", "", 4500,
     "Malakoff Humanis", "complementary", True, "health-reimbursement"),
    ("MUTUELLEGENERALEEDUCATIONNAT", "", 3800, "MGEN", None, True, "dual-role-payer"),
    ("VIR SEPA MSA MIDI PYRENEES SUD", "", 3800, "MSA", "cpam", True, "health-reimbursement"),
    # §3.2 rule 6: never a reimbursement of care.
    ("VIR SEPA CPAM PARIS INDEMNITES JOURNALIERES", "", 31240,
     "CPAM", "cpam", False, "sick-pay"),
    ("VIR SEPA CPAM DE PARIS PENSION INVALIDITE", "", 31240, "CPAM", "cpam", False, "pension"),
    ("PRLV SEPA CPAM DE PARIS INDU", "", -3800, "CPAM", "cpam", False, "debit"),
    ("VIR CAF DE SAONE ET LOIRE 0852423", "", 15000, "CAF", None, False, "not-health-payer"),
    ("VIR SEPA SANTEVET REMBOURSEMENT", "", 5000, "Pet insurers", None, False, "not-health-payer"),
    ("VIR SEPA M JEAN DUPONT REMBOURSEMENT", "", 2000, "", None, False, "unknown-counterparty"),
    # The same insurers pay home and car claims: not care (§3.2 rule 6, ask the user).
    ("VIR SEPA AXA FRANCE IARD INDEMNISATION SINISTRE 2026-123456", "", 85000,
     "AXA", "complementary", False, "insurance-claim"),
    ("VIR SEPA MAIF REGLEMENT DEGATS DES EAUX", "", 42000,
     "MAIF", "complementary", False, "insurance-claim"),
    ("VIR SEPA AXA FRANCE VIE PRESTATIONS SANTE", "", 2850,
     "AXA", "complementary", True, "health-reimbursement"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[case[0][:40] for case in CASES])
def test_payer_is_recognised_as_a_household_expects(case: tuple[object, ...]) -> None:
    label, name, cents, *expected = case
    line = StatementLine(
        date(2026, 11, 10), Cents(int(str(cents))), str(label), str(name), None, 1, None
    )
    found = classify(line, DIRECTORY)
    kind = None if found.payer_type is None else found.payer_type.value
    assert [found.payer, kind, found.health, found.reason] == expected
