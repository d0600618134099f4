"""Bank statements end to end: import once, recognise the CPAM and the mutuelle,
reconcile batches and withheld deductions, undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from carnet.app import Services
from carnet.bank import CsvMapping
from carnet.domain.banking import PayerType
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel, Payer, PaymentMode, PaymentStatus
from carnet.domain.contracts import ContractInput
from carnet.domain.errors import ValidationError
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from carnet.services.bank_import import StatementFileError

HEADER = (
    "dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;"
    "accountNum;accountLabel;accountbalance\r\n"
)


def boursobank(rows: list[tuple[str, str, str]]) -> bytes:
    """A BoursoBank export as the bank writes it: UTF-8 with BOM, ';', decimal comma."""
    body = "".join(
        f'{day};{day};"{label}";"Santé";"Santé";;{amount};;00040123456;"BoursoBank";1 000,00\r\n'
        for day, label, amount in rows
    )
    return ("\ufeff" + HEADER + body).encode("utf-8")


@pytest.fixture
def insured(services: Services, household: dict[str, int]) -> dict[str, int]:
    contract = services.household.add_contract(ContractInput(insurer="Harmonie Mutuelle")).value
    data = services.household.person(PersonId(household["adult"]))
    services.household.edit_person(
        data.id,
        PersonInput(
            first_name=data.first_name,
            last_name=data.last_name,
            birth_date=data.birth_date,
            nir=data.nir,
            cpam=data.cpam,
            contract_id=contract.id,
        ),
    )
    return household


def visit(services: Services, ids: dict[str, int], day: date, **extra: object) -> int:
    act = ActInput(
        person_id=PersonId(ids["adult"]),
        practitioner_id=PractitionerId(ids["gp"]),
        date=day,
        act_code="G",
        fee_cents=Cents(3000),
        channel=Channel.VITALE,
    )
    return services.care.add_act(replace(act, **extra)).value.id  # type: ignore[arg-type]


def test_import_is_idempotent_and_classifies(services: Services, insured: dict[str, int]) -> None:
    data = boursobank(
        [
            ("2026-11-05", "VIR SEPA CPAM DE PARIS", "19,00"),
            ("2026-11-06", "VIR SEPA HARMONIE MUTUELLE", "9,00"),
            ("2026-11-07", "PRLV SEPA HARMONIE MUTUELLE", "-54,20"),
            ("2026-11-07", "VIR SEPA CPAM DE PARIS IJ INDEMNITES JOURNALIERES", "312,40"),
        ]
    )
    dry = services.bank.import_file(data, "export.csv", dry_run=True).value
    assert dry.format.startswith("csv:boursobank")
    assert (dry.added, dry.duplicates) == (4, 0)
    assert services.store.bank.transactions() == []
    first = services.bank.import_file(data, "export.csv").value
    assert [
        (i.classification.payer_type and i.classification.payer_type.value, i.classification.health)
        for i in first.lines
    ] == [
        ("cpam", True),
        ("complementary", True),
        ("complementary", False),
        ("cpam", False),
    ]
    again = services.bank.import_file(data, "export.csv").value
    assert (again.added, again.duplicates) == (0, 4)
    assert len(services.store.bank.transactions()) == 4


def test_a_bad_file_is_a_clear_error_and_writes_nothing(services: Services) -> None:
    with pytest.raises(StatementFileError, match=r"statement\.txt"):
        services.bank.import_file(b"\x00\x01 not a statement", "statement.txt")
    assert services.store.bank.transactions() == []
    assert services.household.bank_accounts() == []


def test_reconcile_a_batch_with_a_withheld_deduction(
    services: Services, insured: dict[str, int]
) -> None:
    # Tiers payant at the pharmacy: 1 € franchise withheld from a later CPAM transfer.
    services.care.add_act(
        ActInput(
            person_id=PersonId(insured["adult"]),
            practitioner_id=None,
            date=date(2026, 10, 2),
            act_code="PH7",
            fee_cents=Cents(1500),
            payment_mode=PaymentMode.TIERS_PAYANT_TOTAL,
        )
    )
    acts = [visit(services, insured, date(2026, 10, d)) for d in (5, 6, 7)]
    # One CPAM transfer for three visits (3 × 19 €) minus the 1 € franchise.
    services.bank.import_file(
        boursobank([("2026-10-14", "VIR SEPA CPAM DE PARIS", "56,00")]), "oct.csv"
    )
    result = services.reconciliation.propose()
    [proposal] = result.chosen
    assert sorted(a.cents for a in proposal.allocations) == [1900, 1900, 1900]
    assert proposal.residual_cents == -100
    services.reconciliation.confirm([proposal])
    for act in acts:
        amo = next(p for p in services.care.expected_payments(act) if p.payer is Payer.AMO)
        assert amo.status is PaymentStatus.PAID
    assert services.store.bank.remaining_withheld() == 0
    assert services.reconciliation.propose().chosen == []  # never settled twice

    services.history.undo()
    for act in acts:
        amo = next(p for p in services.care.expected_payments(act) if p.payer is Payer.AMO)
        assert amo.status is PaymentStatus.PENDING
    assert services.store.bank.remaining_withheld() == 100
    services.history.redo()
    assert services.store.bank.remaining_withheld() == 0


def test_match_by_hand_and_partial_payment(services: Services, insured: dict[str, int]) -> None:
    act = visit(services, insured, date(2026, 10, 5))
    services.bank.import_file(
        boursobank([("2026-11-20", "VIR SEPA CPAM DE PARIS", "10,00")]), "nov.csv"
    )
    [credit] = services.store.bank.transactions(health_only=True)
    amo = next(p for p in services.care.expected_payments(act) if p.payer is Payer.AMO)
    services.reconciliation.match_by_hand(credit.id, [amo.id])
    amo = next(p for p in services.care.expected_payments(act) if p.payer is Payer.AMO)
    assert (amo.status, amo.settled_cents, amo.outstanding_cents) == (
        PaymentStatus.PARTLY_PAID,
        1000,
        900,
    )


def test_undo_an_import(services: Services, insured: dict[str, int]) -> None:
    services.bank.import_file(
        boursobank([("2026-11-05", "VIR SEPA CPAM DE PARIS", "19,00")]), "a.csv"
    )
    services.history.undo()
    assert services.store.bank.transactions() == []


def test_a_saved_csv_profile_reads_an_unknown_bank(services: Services) -> None:
    data = (
        "Date op;Libellé;Montant\r\n03/11/2026;VIR CPAM DE PARIS;19,00\r\n"
        "04/11/2026;CB MONOPRIX;-23,10\r\n"
    ).encode("cp1252")
    with pytest.raises(StatementFileError, match="unknown format"):
        services.bank.import_file(data, "releve.csv")
    services.bank.save_csv_profile(
        CsvMapping(name="Ma banque", date=0, label=(1,), amount=2, skip_rows=1)
    )
    report = services.bank.import_file(data, "releve.csv").value
    assert report.format == "csv:Ma banque"
    cpam, shop = report.lines
    assert (cpam.line.amount_cents, cpam.classification.health) == (1900, True)
    assert (shop.line.amount_cents, shop.classification.health) == (-2310, False)


def test_unmailed_paper_claims_are_not_proposed(
    services: Services, insured: dict[str, int]
) -> None:
    visit(services, insured, date(2026, 10, 5), channel=Channel.PAPER)
    services.bank.import_file(
        boursobank([("2026-10-20", "VIR SEPA CPAM DE PARIS", "19,00")]), "oct.csv"
    )
    assert services.reconciliation.propose().chosen == []  # the feuille was never posted


def test_teaching_a_payer_reclassifies_past_lines(services: Services) -> None:
    data = boursobank(
        [
            ("2026-11-05", "VIR SEPA MUTUELLE DES ARTISANS DU LIMOUSIN", "12,00"),
            ("2026-11-06", "VIR SEPA MUTUELLE DES ARTISANS DU LIMOUSIN", "8,00"),
        ]
    )
    first = services.bank.import_file(data, "nov.csv").value
    assert [i.classification.health for i in first.lines] == [False, False]
    taught = services.bank.teach_payer("Mutuelle des Artisans du Limousin", PayerType.COMPLEMENTARY)
    assert taught.value == 2
    assert all(t.health for t in services.store.bank.transactions())
    again = services.bank.import_file(data, "nov.csv", dry_run=True).value
    assert all(i.classification.health for i in again.lines)


@pytest.mark.parametrize("name", ["VIR", "vir sepa", "Virement de", "PRLV SEPA"])
def test_a_bank_s_own_words_are_not_a_payer_name(services: Services, name: str) -> None:
    # These words are cut from every label before names are compared: they name nobody.
    with pytest.raises(ValidationError, match="give the payer's name"):
        services.bank.teach_payer(name, PayerType.CPAM)
    assert services.store.settings.all() == {}
