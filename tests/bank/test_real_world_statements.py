"""Statements written by hand the way each bank writes them, through ``carnet import``.

Every file in tests/data/bank_real holds the same three weeks of one household's current
account, in the layout, separator, encoding, date and amount conventions of one bank or
standard format (docs/bank-formats.md §1.1 and §1.2) and with the label patterns of §3.1:
two CPAM transfers (one pays two visits; one pays a child's visit less a 1 € franchise
withheld from earlier tiers-payant care), one mutuelle transfer paying three acts, and
the decoys every real statement has (§3.2 rule 6): CPAM sick pay (IJ), a CAF allowance,
the mutuelle's premium debit, a pharmacy card payment and a salary with a thousands
separator. The files were typed, not made by Carnet's writers.

Each is imported into a fresh database by the real command line, then reconciled
(§4.2): the literal figures below are what a household must see.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from carnet.app import Services, build_services
from carnet.bank.matching import Allocation, Proposal
from carnet.cli import cli
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel, PaymentMode
from carnet.domain.contracts import ContractInput
from carnet.domain.ids import ExpectedPaymentId, PersonId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from carnet.domain.practitioners import PractitionerInput, Profession, Sector

REAL = Path(__file__).resolve().parents[1] / "data" / "bank_real"

# (date, amount, payer type, health, reason): the same in every file, whatever its order.
LINES = [
    ("2026-11-02", "1718.70", None, False, "unknown-counterparty"),  # salary
    ("2026-11-05", "-54.20", "complementary", False, "debit"),  # premium (PRLV)
    ("2026-11-06", "150.00", None, False, "not-health-payer"),  # CAF
    ("2026-11-07", "-23.90", None, False, "unknown-counterparty"),  # pharmacy card payment
    ("2026-11-10", "38.00", "cpam", True, "health-reimbursement"),  # two visits
    ("2026-11-12", "23.50", "cpam", True, "health-reimbursement"),  # 24.50 less 1 € franchise
    ("2026-11-16", "28.50", "complementary", True, "health-reimbursement"),  # three acts
    ("2026-11-20", "312.40", "cpam", False, "sick-pay"),  # IJ
]

# file → (format, label of the 10 November CPAM credit, its counterparty)
FILES = {
    "boursobank.csv": ("csv:boursobank", "VIR SEPA CPAM DE PARIS", "CPAM DE PARIS"),
    "credit_agricole.csv": (
        "csv:credit-agricole",
        "VIREMENT EN VOTRE FAVEUR CPAM DE PARIS 0911PJ0031 REMBOURSEMENT SOINS",
        "CPAM DE PARIS 0911PJ0031 REMBOURSEMENT SOINS",
    ),
    "societe_generale.csv": (
        "csv:societe-generale",
        "VIR RECU 2600123456786 DE: CPAM DE PARIS MOTIF: REMBT SOINS 0911PJ0031 REF: 0911PJ0031",
        "CPAM DE PARIS",
    ),
    "bnp.csv": (
        "csv:bnp-paribas",
        "VIR SEPA RECU /DE CPAM DE PARIS /MOTIF REMBT SOINS /REF 0911PJ0031",
        "CPAM DE PARIS",
    ),
    "bnp_headerless.csv": (
        "csv:bnp-paribas-headerless",
        "VIR SEPA RECU /DE CPAM DE PARIS /MOTIF REMBT SOINS /REF 0911PJ0031",
        "CPAM DE PARIS",
    ),
    "bpce.csv": (
        "csv:bpce",
        "VIR SEPA CPAM DE PARIS - PARIS 1011202620261110-10.12.05.001234 -",
        "CPAM DE PARIS PARIS",
    ),
    "credit_mutuel.csv": ("csv:credit-mutuel", "VIR CPAM DE PARIS 262520005600", "CPAM DE PARIS"),
    "credit_mutuel_montant.csv": (
        "csv:credit-mutuel-montant",
        "VIR CPAM DE PARIS 262520005600",
        "CPAM DE PARIS",
    ),
    "banque_postale.csv": (
        "csv:banque-postale",
        "VIREMENT DE CPAM DE PARIS REMBT SOINS",
        "CPAM DE PARIS REMBT SOINS",
    ),
    "banque_postale_tab.csv": (
        "csv:banque-postale-tab",
        "VIREMENT DE CPAM DE PARIS REMBT SOINS",
        "CPAM DE PARIS REMBT SOINS",
    ),
    "lcl.csv": ("csv:lcl", "VIR SEPA CPAM DE PARIS", "CPAM DE PARIS"),
    "fortuneo.csv": ("csv:fortuneo", "VIR CPAM DE PARIS", "CPAM DE PARIS"),
    "n26.csv": ("csv:n26", "CPAM DE PARIS REMBT SOINS 0911PJ0031", "CPAM DE PARIS"),
    "n26_fr.csv": ("csv:n26-fr", "CPAM DE PARIS REMBT SOINS", "CPAM DE PARIS"),
    "revolut.csv": ("csv:revolut", "Payment from CPAM DE PARIS", "CPAM DE PARIS"),
    "bpce_sgml.ofx": ("ofx", "EVI CPAM DE PARIS 0911PJ0031 REMBT SOINS", "CPAM DE PARIS"),
    "caisse_epargne.ofx": (
        "ofx",
        "VIR SEPA CPAM DE PARIS - PARIS 1011202620261110-10.12.05.001234 -",
        "CPAM DE PARIS PARIS",
    ),
    # NAME holds only the operation and its reference; the payer is in MEMO.
    "societe_generale.ofx": (
        "ofx",
        "VIR RECU    2600123456786 DE: CPAM DE PARIS MOTIF: REMBT SOINS 0911PJ0031 REF: 0911PJ0031",
        "CPAM DE PARIS",
    ),
    "credit_agricole.ofx": (
        "ofx",
        "VIREMENT EN VOTRE FAVEUR CPAM DE PARIS 0911PJ0031 REMBOURSEMENT SOINS",
        "CPAM DE PARIS 0911PJ0031 REMBOURSEMENT SOINS",
    ),
    "money_v2.ofx": ("ofx", "CPAM DE PARIS REMBT SOINS 0911PJ0031", "CPAM DE PARIS"),
    "quicken.qfx": ("ofx", "EVI CPAM DE PARIS 0911PJ0031 REMBT SOINS", "CPAM DE PARIS"),
    "boursobank.qif": ("qif", "VIR SEPA CPAM DE PARIS", "CPAM DE PARIS"),
    "releve.cfonb120": (
        "cfonb120",
        "VIR SEPA CPAM DE PARIS REMBT SOINS 0911PJ0031",
        "CPAM DE PARIS",
    ),
    "releve_nocrlf.cfonb": (
        "cfonb120",
        "VIR SEPA CPAM DE PARIS REMBT SOINS 0911PJ0031",
        "CPAM DE PARIS",
    ),
    "releve.camt053.001.02.xml": ("camt.053", "REMBT SOINS 0911PJ0031", "CPAM DE PARIS"),
    "releve.camt053.001.08.xml": ("camt.053", "REMBT SOINS 0911PJ0031", "CPAM DE PARIS"),
}

# credit → [(act, payer, amount)], residual. Acts 1 and 2: the adult's G at 30 € (AMO
# 21 − 2 € PF = 19 €, AMC 9 €); act 3: the child's G + MEG at 35 € (AMO 24.50 €, AMC
# 10.50 €, no PF under 18). The 23.50 € transfer is 24.50 € less the 1 € franchise of
# the adult's tiers-payant box (act 4), which the CPAM takes back from its next payment.
PROPOSALS = {
    "38.00": ([(1, "amo", "19.00"), (2, "amo", "19.00")], "0.00"),
    "23.50": ([(3, "amo", "24.50")], "-1.00"),
    "28.50": ([(1, "amc", "9.00"), (2, "amc", "9.00"), (3, "amc", "10.50")], "0.00"),
}


def build(services: Services) -> None:
    """The household of every file: a mother with a GP and a mutuelle, her daughter."""
    gp = services.household.add_practitioner(
        PractitionerInput(name="Dr Claire Martin", profession=Profession.GP, sector=Sector.S1)
    ).value.id
    contract = services.household.add_contract(ContractInput(insurer="Harmonie Mutuelle")).value
    mother = services.household.add_person(
        PersonInput(
            first_name="Sarah",
            last_name="Thompson",
            birth_date=date(1988, 3, 14),
            nir="2 88 03 99 132 045 16",
            cpam="CPAM de Paris",
            treating_doctor_id=gp,
            contract_id=contract.id,
        )
    ).value
    child = services.household.add_person(
        PersonInput(
            first_name="Léa",
            last_name="Thompson",
            birth_date=date(2022, 5, 2),
            insured_id=mother.id,
            contract_id=contract.id,
        )
    ).value
    for person, day, code, fee, doctor, mode in (
        (mother.id, date(2026, 11, 2), "G", 3000, gp, PaymentMode.PAID_IN_FULL),
        (mother.id, date(2026, 11, 4), "G", 3000, gp, PaymentMode.PAID_IN_FULL),
        (child.id, date(2026, 11, 5), "G", 3500, gp, PaymentMode.PAID_IN_FULL),
        (mother.id, date(2026, 11, 3), "PH7", 1500, None, PaymentMode.TIERS_PAYANT_TOTAL),
    ):
        services.care.add_act(
            ActInput(
                person_id=PersonId(person),
                practitioner_id=doctor,
                date=day,
                act_code=code,
                fee_cents=Cents(fee),
                channel=Channel.VITALE,
                payment_mode=mode,
            )
        )


def carnet(db: Path, *args: str) -> Any:
    done = CliRunner().invoke(cli, ["--db", str(db), *args, "--json"])
    assert done.exit_code == 0, done.output
    return json.loads(done.output)


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        return list(conn.execute(sql))


@pytest.fixture
def household_db(services: Services, db_path: Path) -> Path:
    build(services)
    services.close()
    return db_path


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_real_file_imports_classifies_and_reconciles(name: str, household_db: Path) -> None:
    fmt, label, counterparty = FILES[name]
    report = carnet(household_db, "import", str(REAL / name))
    assert report["format"] == fmt
    assert report["added"] == 8  # Revolut's PENDING row and camt's PDNG entry are left out
    seen = sorted(
        (t["date"], t["amount"], t["payer_type"], t["health"], t["reason"])
        for t in report["transactions"]
    )
    assert seen == LINES
    (visits,) = [t for t in report["transactions"] if t["amount"] == "38.00"]
    assert (visits["label"], visits["counterparty"]) == (label, counterparty)
    # Exact cents in the database, signs included.
    cents = sorted(c for (c,) in rows(household_db, "SELECT amount_cents FROM bank_transaction"))
    assert cents == [-5420, -2390, 2350, 2850, 3800, 15000, 31240, 171870]

    sql = "SELECT id, act_id, payer FROM expected_payment"
    payments = {pid: (act, payer) for pid, act, payer in rows(household_db, sql)}
    sql = "SELECT id, amount_cents FROM bank_transaction"
    amounts = dict(rows(household_db, sql))
    proposals = carnet(household_db, "reconcile")
    got = {
        f"{amounts[p['transaction']] / 100:.2f}": (
            [(*payments[a["expected_payment"]], a["amount"]) for a in p["allocations"]],
            p["residual"],
        )
        for p in proposals["proposals"]
        if p["unambiguous"]
    }
    assert got == PROPOSALS
    assert proposals["unmatched"] == []

    applied = carnet(household_db, "reconcile", "--apply")["applied"]
    assert applied == 3
    settled = rows(household_db, "SELECT status, settled_cents FROM expected_payment ORDER BY id")
    assert settled == [
        ("paid", 1900), ("paid", 900), ("paid", 1900), ("paid", 900), ("paid", 2450), ("paid", 1050)
    ]  # fmt: skip


def test_the_recovered_franchise_is_the_mother_s(household_db: Path) -> None:
    """The 1 € came off a transfer for the daughter's visit, but the mother owed it."""
    carnet(household_db, "import", str(REAL / "boursobank.csv"))
    carnet(household_db, "reconcile", "--apply")
    assert rows(
        household_db,
        "SELECT person_id, kind, amount_cents FROM deduction_ledger "
        "WHERE kind IN ('withheld', 'recovered') ORDER BY id",
    ) == [(1, "withheld", 100), (1, "recovered", 100)]


def test_encodings_are_read_as_each_bank_writes_them(household_db: Path) -> None:
    """Latin-9 € and Œ (Crédit Mutuel), cp1252 É (QIF) and € (OFX CHARSET:1252)."""
    names = ("credit_mutuel.csv", "boursobank.qif", "caisse_epargne.ofx", "credit_agricole.csv")
    mutuel, qif, ofx, agricole = (
        [
            t["label"]
            for t in carnet(household_db, "import", "--dry-run", str(REAL / name))["transactions"]
        ]
        for name in names
    )
    assert "PRLV SEPA HARMONIE MUTUELLE COTISATION 54,20 € MME THOMPSON ŒUVRE" in mutuel
    assert "CARTE 06/11/26 PHARMACIE DU MARCHÉ CB*1234" in qif
    assert "PRLV SEPA HARMONIE MUTUELLE Cotisation novembre 2026 €" in ofx
    assert "PAIEMENT PAR CARTE X1234 PHARMACIE DU MARCHE 06/11" in agricole


def test_an_mgen_member_s_mgen_pays_both_shares(services: Services, db_path: Path) -> None:
    """MGEN manages the Assurance Maladie for its members and is their mutuelle too.

    Its contract in the household must not make every MGEN transfer a mutuelle one:
    "RO" (régime obligatoire) says the CPAM share, and a bare "MGEN" may be either
    (docs/bank-formats.md §3.2 rule 5; payers.py).
    """
    kine = services.household.add_practitioner(
        PractitionerInput(name="M. Petit", profession=Profession.PHYSIOTHERAPIST)
    ).value.id
    mgen = services.household.add_contract(ContractInput(insurer="MGEN")).value
    tom = services.household.add_person(
        PersonInput(first_name="Tom", last_name="Martin", contract_id=mgen.id)
    ).value
    for day in (1, 4, 7):  # AMS 8.4 at 18.56 €: AMO 11.14 − 1 € franchise, AMC 7.42
        services.care.add_act(
            ActInput(
                person_id=PersonId(tom.id),
                practitioner_id=kine,
                date=date(2026, 10, day),
                act_code="AMS",
                fee_cents=Cents(1856),
                coefficient=Decimal("8.4"),
            )
        )
    services.close()
    report = carnet(db_path, "import", str(REAL / "boursobank_mgen.csv"))
    kinds = [
        (t["amount"], t["payer_type"], t["health"], t["reason"]) for t in report["transactions"]
    ]
    assert kinds == [
        ("30.42", "cpam", True, "health-reimbursement"),
        ("22.26", None, True, "dual-role-payer"),
        ("-71.35", None, False, "debit"),
    ]
    sql = "SELECT id, payer FROM expected_payment"
    payer = dict(rows(db_path, sql))
    got = sorted(
        (p["transaction"], sorted(payer[a["expected_payment"]] for a in p["allocations"]))
        for p in carnet(db_path, "reconcile")["proposals"]
    )
    assert got == [(1, ["amo", "amo", "amo"]), (2, ["amc", "amc", "amc"])]


def test_a_whole_physiotherapy_series_in_one_transfer(services: Services, db_path: Path) -> None:
    """A kiné bills a prescription of 10 sessions at its end: the CPAM pays the ten in one
    transfer (10 × 10.14 €: AMS 8.4 at 18.56 €, 60 % less the 1 € franchise), and the
    mutuelle its ten 7.42 € shares in another."""
    kine = services.household.add_practitioner(
        PractitionerInput(name="M. Petit", profession=Profession.PHYSIOTHERAPIST)
    ).value.id
    harmonie = services.household.add_contract(ContractInput(insurer="Harmonie Mutuelle")).value
    tom = services.household.add_person(
        PersonInput(first_name="Tom", last_name="Martin", contract_id=harmonie.id)
    ).value
    for session in range(10):
        services.care.add_act(
            ActInput(
                person_id=PersonId(tom.id),
                practitioner_id=kine,
                date=date(2026, 10, 1 + 2 * session),
                act_code="AMS",
                fee_cents=Cents(1856),
                coefficient=Decimal("8.4"),
            )
        )
    services.close()
    carnet(db_path, "import", str(REAL / "boursobank_kine_series.csv"))
    payer = dict(rows(db_path, "SELECT id, payer FROM expected_payment"))
    result = carnet(db_path, "reconcile")
    got = [
        (p["residual"], p["unambiguous"], [(payer[a["expected_payment"]], a["amount"])
                                           for a in p["allocations"]])
        for p in result["proposals"]
    ]  # fmt: skip
    assert got == [
        ("0.00", True, [("amo", "10.14")] * 10),
        ("0.00", True, [("amc", "7.42")] * 10),
    ]


def test_camt_entry_without_a_debtor_name_is_read_from_the_bank_label(household_db: Path) -> None:
    """Some banks leave ``RltdPties`` out: the payer is then only in ``AddtlNtryInf``."""
    report = carnet(
        household_db, "import", "--dry-run", str(REAL / "camt053_without_debtor_name.xml")
    )
    got = [(t["amount"], t["label"], t["counterparty"], t["payer_type"], t["health"])
           for t in report["transactions"]]  # fmt: skip
    assert got == [
        ("38.00", "0911PJ0031 DU 09/11/26", "CPAM DE PARIS", "cpam", True),
        ("28.50", "DECOMPTE 99887766", "HARMONIE MUTUELLE", "complementary", True),
    ]


def test_the_mutuelle_pays_the_act_the_cpam_already_paid(
    services: Services, household_db: Path
) -> None:
    """Two visits with the same shares (CPAM 19 €, mutuelle 9 €); the CPAM paid the second
    one (the household matched it by hand). The mutuelle's 9 € that follows is for that
    act, not for the older one the CPAM has not paid yet: mutuelles pay after the CPAM
    (docs/bank-formats.md §4.2, "consistency with the other payer")."""
    carnet(household_db, "import", str(REAL / "boursobank_mutuelle_after_cpam.csv"))
    again = build_services(household_db, today=lambda: date(2026, 11, 28))
    (cpam,) = [c for c in again.reconciliation.credits() if c.amount_cents == 1900]
    second_visit_amo = ExpectedPaymentId(3)  # act 2 (4 November), payer AMO
    again.reconciliation.confirm(
        [Proposal(cpam.id, (Allocation(second_visit_amo, Cents(1900)),), 0, 0, ())]
    )
    again.close()
    sql = "SELECT id, act_id, payer FROM expected_payment"
    payments = {pid: (act, payer) for pid, act, payer in rows(household_db, sql)}
    (mutuelle,) = carnet(household_db, "reconcile")["proposals"]
    assert [payments[a["expected_payment"]] for a in mutuelle["allocations"]] == [(2, "amc")]


@pytest.mark.parametrize(
    ("name", "fmt", "lines"),
    [
        # BoursoBank before 2022: 8-bit (cp1252), no BOM, no supplierFound/comment columns,
        # quoted amounts with a space as thousands separator.
        (
            "boursobank_2019.csv",
            "csv:boursobank",
            [
                ("2019-03-26", "1718.70", None, False),
                ("2019-03-27", "-54.20", "complementary", False),
                ("2019-03-28", "31.68", "cpam", True),
            ],
        ),
        # Société Générale's older column order: date;detail;montant;devise;libelle.
        (
            "societe_generale_old.csv",
            "csv:societe-generale-old",
            [
                ("2026-11-05", "-54.20", "complementary", False),
                ("2026-11-20", "38.00", "cpam", True),
            ],
        ),
    ],
)
def test_older_layouts_of_the_same_banks(
    name: str, fmt: str, lines: list[tuple[str, str, str | None, bool]], household_db: Path
) -> None:
    report = carnet(household_db, "import", "--dry-run", str(REAL / name))
    assert report["format"] == fmt
    got = sorted(
        (t["date"], t["amount"], t["payer_type"], t["health"]) for t in report["transactions"]
    )
    assert got == lines
