"""Expected versus received, on a real database: each cause named for the amount it gives,
deductions withheld later and late payments left alone, accept and undo, décomptes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel, Payer, PaymentMode, PaymentStatus
from carnet.domain.contracts import ContractInput
from carnet.domain.errors import ValidationError
from carnet.domain.ids import ActId, PersonId, PractitionerId, TransactionId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from carnet.domain.practitioners import PractitionerInput, Profession, Sector
from carnet.domain.receipts import Cause
from carnet.services.received import DecompteLine

DAY = date(2026, 3, 2)


def act(services: Services, ids: dict[str, int], day: date = DAY, **extra: object) -> ActId:
    data = ActInput(
        person_id=PersonId(ids["adult"]),
        practitioner_id=PractitionerId(ids["gp"]),
        date=day,
        act_code="G",
        fee_cents=Cents(3000),
        channel=Channel.VITALE,
    )
    return services.care.add_act(replace(data, **extra)).value.id  # type: ignore[arg-type]


def received(services: Services, act_id: ActId, cents: int, payer: Payer = Payer.AMO) -> None:
    services.received.record(act_id, payer, Cents(cents))


def causes(services: Services) -> dict[int, Cause]:
    return {d.act_id: d.cause for d in services.discrepancies.find()}


@pytest.fixture
def covered(services: Services, household: dict[str, int]) -> dict[str, int]:
    """The adult with a mutuelle contract (contrat responsable, 100 % of the base)."""
    contract = services.household.add_contract(ContractInput(insurer="Harmonie Mutuelle")).value
    person = services.household.person(PersonId(household["adult"]))
    services.household.edit_person(
        person.id,
        PersonInput(
            first_name=person.first_name,
            last_name=person.last_name,
            birth_date=person.birth_date,
            nir=person.nir,
            cpam=person.cpam,
            treating_doctor_id=person.treating_doctor_id,
            contract_id=contract.id,
        ),
    )
    return household


def test_out_of_parcours_is_named_with_the_advice(
    services: Services, household: dict[str, int]
) -> None:
    # domain-fr worked examples: G 30 € in parcours 30 × 70 % − 2 = 19.00 €;
    # hors parcours 30 × 30 % − 2 = 7.00 €.
    visit = act(services, household)
    received(services, visit, 700)
    (found,) = services.discrepancies.find()
    assert (found.act_id, found.payer, found.cause) == (visit, Payer.AMO, Cause.PARCOURS)
    assert (found.expected_cents, found.received_cents, found.difference_cents) == (
        1900,
        700,
        1200,
    )
    assert str(found.explanation) == (
        "The CPAM paid 7.00 € instead of 19.00 €: exactly what it pays outside the parcours "
        "de soins. Your médecin traitant may not be registered: check it on your ameli account."
    )


def test_non_optam_base_is_named(services: Services, household: dict[str, int]) -> None:
    # domain-fr worked example: a secteur 2 non-OPTAM specialist charging 60 € in parcours
    # is paid on a 23 € base: 23 × 70 % − 2 = 14.10 €. This one has signed the OPTAM.
    specialist = services.household.add_practitioner(
        PractitionerInput(name="Dr Optam", profession=Profession.SPECIALIST, sector=Sector.S2_OPTAM)
    ).value
    visit = act(
        services, household, practitioner_id=specialist.id, act_code="CS", fee_cents=Cents(6000)
    )
    received(services, visit, 1410)
    assert causes(services) == {visit: Cause.SECTOR}


def test_deductions_taken_again_are_named(services: Services, household: dict[str, int]) -> None:
    visit = act(services, household)
    received(services, visit, 1700)  # 19.00 € less the 2 € participation once more
    assert causes(services) == {visit: Cause.DEDUCTIONS}
    (found,) = services.discrepancies.find()
    assert "2.00 € of participation forfaitaire" in found.explanation


def test_another_rate_is_named(services: Services, household: dict[str, int]) -> None:
    visit = act(services, household)
    received(services, visit, 1600)  # 30 × 60 % − 2
    (found,) = services.discrepancies.find()
    assert (found.cause, found.detail) == (Cause.RATE, "0.60")
    assert "at a rate of 60 %" in found.explanation


def test_mutuelle_not_informed_is_named(services: Services, covered: dict[str, int]) -> None:
    visit = act(services, covered)
    received(services, visit, 1900)
    received(services, visit, 0, Payer.AMC)  # the ticket modérateur, 9.00 €, never came
    (found,) = services.discrepancies.find()
    assert (found.payer, found.cause, found.expected_cents) == (
        Payer.AMC,
        Cause.MUTUELLE_NOT_INFORMED,
        900,
    )


def test_older_tariff_is_named(services: Services, household: dict[str, int]) -> None:
    # G went from 26.50 € to 30 € on 2024-12-22 (domain-fr corrections): on the old
    # tariff the CPAM pays 26.50 × 70 % − 2 = 16.55 €.
    visit = act(services, household, day=date(2025, 1, 10))
    received(services, visit, 1655)
    (found,) = services.discrepancies.find()
    assert (found.cause, found.detail) == (Cause.TARIFF, "2024-12-22")


def test_an_amount_no_rule_gives_is_unknown(services: Services, household: dict[str, int]) -> None:
    visit = act(services, household)
    received(services, visit, 1234)
    (found,) = services.discrepancies.find()
    assert found.cause is Cause.UNKNOWN
    assert "no rule Carnet knows" in found.explanation
    with pytest.raises(ValidationError):
        services.discrepancies.accept(found.id)


def test_a_cent_of_rounding_and_a_late_payment_are_not_discrepancies(
    services: Services, household: dict[str, int]
) -> None:
    rounded = act(services, household)
    act(services, household, day=date(2026, 1, 5))  # nothing received, long overdue
    received(services, rounded, 1899)
    assert services.discrepancies.find() == []


def test_deductions_withheld_under_tiers_payant_may_come_off_a_later_payment(
    services: Services, household: dict[str, int]
) -> None:
    # Under tiers payant the 2 € participation could not be taken at the desk: the
    # CPAM takes it from the next reimbursement (domain-fr §3.1), which is then 17.00 €.
    act(services, household, day=date(2026, 2, 2), payment_mode=PaymentMode.TIERS_PAYANT_PARTIAL)
    later = act(services, household)
    received(services, later, 1700)
    assert services.discrepancies.find() == []
    # Twice the allowance is more than the rules explain.
    other = act(services, household, day=date(2026, 3, 9))
    received(services, other, 1700)
    assert causes(services) == {other: Cause.DEDUCTIONS}


def test_accept_reassesses_the_act_and_undo_brings_the_discrepancy_back(
    services: Services, household: dict[str, int]
) -> None:
    visit = act(services, household)
    received(services, visit, 700)
    (found,) = services.discrepancies.find()
    services.discrepancies.accept(found.id)
    assert services.discrepancies.find() == []
    (payment,) = services.care.expected_payments(visit)
    assert (payment.amount_cents, payment.status) == (700, PaymentStatus.PAID)
    assessment = services.care.assessment(visit)
    assert assessment is not None
    assert assessment.explanation[-1].code == "decided"
    assert assessment.patient_cents == 2300
    services.history.undo()
    (back,) = services.discrepancies.find()
    assert (back.cause, back.expected_cents) == (Cause.PARCOURS, 1900)
    services.history.redo()
    assert services.discrepancies.find() == []


def test_a_receipt_settles_the_payment_and_undo_awaits_it_again(
    services: Services, household: dict[str, int]
) -> None:
    visit = act(services, household)
    received(services, visit, 700)
    (payment,) = services.care.expected_payments(visit)
    assert payment.status is PaymentStatus.PAID
    services.history.undo()
    (payment,) = services.care.expected_payments(visit)
    assert payment.status is PaymentStatus.PENDING
    assert services.discrepancies.find() == []


def test_a_decompte_is_all_or_nothing_and_the_transfer_matches_its_total(
    services: Services, household: dict[str, int]
) -> None:
    first = act(services, household, day=date(2026, 11, 2))
    second = act(services, household, day=date(2026, 11, 3))
    lines = [
        DecompteLine(date(2026, 11, 2), "G", Cents(700), date(2026, 11, 10)),
        DecompteLine(date(2026, 11, 4), "G", Cents(1900), date(2026, 11, 10)),
    ]
    with pytest.raises(ValidationError, match="line 2"):
        services.received.decompte(Payer.AMO, lines)
    assert services.received.for_act(first) == []
    lines[1] = lines[1]._replace(care_date=date(2026, 11, 3))
    services.received.decompte(Payer.AMO, lines, "décompte du 10/11")
    assert {d.act_id: d.cause for d in services.discrepancies.find()} == {first: Cause.PARCOURS}
    # One transfer of 26.00 € pays both lines: it matches the décompte, not what was expected.
    open_amounts = sorted(p.outstanding_cents for p in services.reconciliation.open_payments())
    assert open_amounts == [700, 1900]
    assert second in {p.act_id for p in services.reconciliation.open_payments()}
    credit = cpam_credit(services, date(2026, 11, 12), 2600)
    proposals = services.reconciliation.propose()
    (chosen,) = proposals.chosen
    assert chosen.credit_id == credit and chosen.residual_cents == 0
    services.reconciliation.confirm([chosen])
    assert services.reconciliation.open_payments() == []
    assert [d.act_id for d in services.discrepancies.find()] == [first]


def cpam_credit(services: Services, day: date, cents: int) -> int:
    """A CPAM transfer on the household's account, as an import would add it."""
    from carnet.domain.banking import BankTransaction, PayerType  # noqa: PLC0415
    from carnet.domain.ids import BankAccountId, TransactionId  # noqa: PLC0415

    with services.store.transaction():
        db = services.store.ledger.db
        db.execute("INSERT OR IGNORE INTO bank_account (id, name) VALUES (1, 'Main')")
        (credit,) = services.store.bank.add_transactions(
            [
                BankTransaction(
                    TransactionId(0),
                    BankAccountId(1),
                    day,
                    Cents(cents),
                    "VIR CPAM DE PARIS",
                    "CPAM DE PARIS",
                    "",
                    f"fp-{day}-{cents}",
                    PayerType.CPAM,
                    True,
                )
            ]
        )
    return int(credit["id"])


def test_decompte_csv_names_file_line_and_column(
    services: Services, household: dict[str, int]
) -> None:
    act(services, household)
    bad = "date_of_care;act;amount;payment_date\n2026-03-02;G;dix;2026-03-20\n"
    with pytest.raises(ValidationError, match=r"dec\.csv, line 2, column amount"):
        services.received.decompte_csv(Payer.AMO, bad, "dec.csv")
    good = "date_of_care;act;amount;payment_date\n2026-03-02;G;7,00;2026-03-20\n"
    services.received.decompte_csv(Payer.AMO, good, "dec.csv")
    assert [d.cause for d in services.discrepancies.find()] == [Cause.PARCOURS]


def test_a_bank_match_is_what_was_received(services: Services, household: dict[str, int]) -> None:
    visit = act(services, household, day=date(2026, 11, 2))
    credit = cpam_credit(services, date(2026, 11, 9), 700)
    (payment,) = services.care.expected_payments(visit)
    services.reconciliation.match_by_hand(TransactionId(credit), [payment.id])
    assert causes(services) == {visit: Cause.PARCOURS}


def test_todo_lists_what_was_paid_short(services: Services, household: dict[str, int]) -> None:
    visit = act(services, household)
    received(services, visit, 700)
    (item,) = [i for i in services.todo.items() if i.kind == "discrepancy"]
    assert (item.entity, item.entity_id, item.amount_cents) == ("act", visit, 1200)
    assert item.text.startswith("Possibly owed to you: the CPAM paid 7.00 € instead of 19.00 €")
    assert f"carnet letter reclamation {visit}" in item.text
