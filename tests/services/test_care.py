"""Care acts through the services: stored, assessed, paid, and refused when wrong."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from carnet.app import Services, build_services
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel, Payer, PaymentMode
from carnet.domain.errors import NotFoundError, ValidationError
from carnet.domain.ids import ActId, ExpectedPaymentId, PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import PersonInput
from tests.conftest import TODAY, make_household


def _gp_visit(household: dict[str, int], day: date = date(2025, 3, 1), **extra: object) -> ActInput:
    act = ActInput(
        person_id=PersonId(household["adult"]),
        practitioner_id=PractitionerId(household["gp"]),
        date=day,
        act_code="g",
        fee_cents=Cents(3000),
    )
    return replace(act, **extra)  # type: ignore[arg-type]


def test_gp_visit_is_assessed_and_expects_the_cpam(
    services: Services, household: dict[str, int]
) -> None:
    result = services.care.add_act(_gp_visit(household))
    act = result.value
    assert act.act_code == "G"
    assessment = services.care.assessment(act.id)
    assert assessment is not None
    # No mutuelle in this household: the ticket modérateur (9 €) stays with Sarah.
    figures = (assessment.base_cents, assessment.amo_cents, assessment.amc_cents)
    assert figures == (3000, 1900, 0)
    assert assessment.patient_cents == 1100
    assert assessment.amo_rate == Decimal("0.70")
    assert assessment.deadline == date(2027, 3, 31)  # end of the quarter, two years on
    payments = services.care.expected_payments(act.id)
    assert [(p.payer, p.amount_cents) for p in payments] == [(Payer.AMO, 1900)]
    assert payments[0].earliest > act.date
    assert result.changes.acts >= {act.id}
    assert result.changes.payments == {payments[0].id}
    summary = services.care.summary(act.id)
    assert summary.person_name == "Sarah Thompson"
    assert summary.amo_cents == 1900
    assert summary.status == "pending"


def test_tiers_payant_total_expects_nothing(services: Services, household: dict[str, int]) -> None:
    act = services.care.add_act(
        _gp_visit(household, payment_mode=PaymentMode.TIERS_PAYANT_TOTAL)
    ).value
    assert services.care.expected_payments(act.id) == []
    assert services.care.summary(act.id).status == "nothing-expected"


def test_edit_reassesses_and_keeps_history(services: Services, household: dict[str, int]) -> None:
    act = services.care.add_act(_gp_visit(household, day=date(2024, 6, 3))).value
    before = services.care.assessment(act.id)
    assert before is not None and before.base_cents == 2650  # G was 26.50 € in June 2024
    services.care.edit_act(act.id, _gp_visit(household, day=date(2025, 6, 3)))
    after = services.care.assessment(act.id)
    assert after is not None and after.base_cents == 3000
    assert [e.action for e in services.care.history(act.id)] == ["created", "edited"]


def test_delete_removes_assessment_and_payments(
    services: Services, household: dict[str, int]
) -> None:
    act = services.care.add_act(_gp_visit(household)).value
    services.care.delete_act(act.id)
    with pytest.raises(NotFoundError):
        services.care.act(act.id)
    assert services.care.assessment(act.id) is None
    assert services.care.expected_payments(act.id) == []
    assert [e.action for e in services.care.history(act.id)] == ["created", "deleted"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"person_id": PersonId(404)}, "person"),
        ({"practitioner_id": PractitionerId(404)}, "practitioner"),
        ({"date": date(2027, 1, 1)}, "date"),
        ({"fee_cents": Cents(-1)}, "fee"),
        ({"act_code": "  "}, "act"),
        ({"rate_override": Decimal("1.5")}, "rate"),
        ({"coefficient": Decimal("-2")}, "coefficient"),
        ({"base_override_cents": Cents(-5)}, "base"),
    ],
)
def test_bad_act_is_refused_and_nothing_written(
    services: Services, household: dict[str, int], change: dict[str, object], field: str
) -> None:
    db = services.store.ledger.db
    events = db.execute("SELECT count(*) FROM event").fetchone()[0]
    with pytest.raises(ValidationError) as info:
        services.care.add_act(_gp_visit(household, **change))
    assert info.value.field == field
    assert services.care.count() == 0
    assert db.execute("SELECT count(*) FROM event").fetchone()[0] == events


def test_results_do_not_depend_on_entry_order(tmp_path: Path) -> None:
    """Twenty-eight visits in a year reach the PF annual cap whatever order they are typed in."""
    days = [date(2025, 1, 1 + n) for n in range(28)]

    def totals(order: list[date], name: str) -> list[tuple[date, int, int]]:
        other = build_services(tmp_path / name, today=lambda: TODAY)
        try:
            ids = make_household(other)
            for day in order:
                other.care.add_act(_gp_visit(ids, day=day, fee_cents=Cents(3000)))
            rows = []
            for summary in other.care.summaries():
                found = other.care.assessment(ActId(summary.id))
                assert found is not None
                rows.append((summary.date, found.participation_cents, found.amo_cents))
            return sorted(rows)
        finally:
            other.close()

    forward = totals(days, "a.sqlite")
    backward = totals(list(reversed(days)), "b.sqlite")
    assert forward == backward
    assert sum(pf for _, pf, _ in forward) == 5000  # the 50 € annual cap


def test_add_acts_in_bulk(services: Services, household: dict[str, int]) -> None:
    items = [
        _gp_visit(household, day=date(2025, 2, d), channel=Channel.PAPER) for d in range(1, 11)
    ]
    result = services.care.add_acts(items)
    assert len(result.value) == 10
    assert services.care.count() == 10
    assert all(services.care.assessment(a.id) is not None for a in result.value)


def test_the_act_count_follows_every_change_of_the_file(
    services: Services, household: dict[str, int], db_path: Path
) -> None:
    """The count is kept between changes (the window asks often), never past one."""
    table = services.care_table
    assert table.count() == 0
    first = services.care.add_act(_gp_visit(household)).value
    services.care.add_act(_gp_visit(household))
    assert table.count() == 2
    services.care.delete_act(first.id)
    assert table.count() == 1
    services.history.undo()
    assert table.count() == 2
    # Another program (a second Carnet) deletes an act: this connection sees it.
    with closing(sqlite3.connect(db_path)) as other, other:
        other.execute("PRAGMA foreign_keys = OFF")
        other.execute("DELETE FROM care_act WHERE id = ?", [first.id])
    assert table.count() == 1


def test_years_periods_and_payments_are_read_without_every_act(
    services: Services, household: dict[str, int]
) -> None:
    first = services.care.add_act(_gp_visit(household, date(2024, 12, 31))).value
    second = services.care.add_act(_gp_visit(household, date(2025, 1, 1))).value
    services.care.add_act(_gp_visit(household, date(2025, 6, 30)))
    assert services.care.years() == [2024, 2025]
    in_2025 = services.store.acts.summaries(between=(date(2025, 1, 1), date(2025, 12, 31)))
    assert [s.date for s in in_2025] == [date(2025, 6, 30), date(2025, 1, 1)]  # newest first
    assert [s.id for s in services.care_table.rows([second.id, first.id])] == [
        second.id,
        first.id,
    ]
    (payment,) = services.care.expected_payments(first.id)
    found = services.care.payments_by_id([payment.id, ExpectedPaymentId(999)])
    assert found == {payment.id: payment}


def test_only_payments_whose_window_meets_the_period_are_read_for_matching(
    services: Services, household: dict[str, int]
) -> None:
    old = services.care.add_act(_gp_visit(household, date(2024, 3, 1))).value
    recent = services.care.add_act(_gp_visit(household, date(2025, 3, 1))).value
    (old_payment,) = services.care.expected_payments(old.id)
    (recent_payment,) = services.care.expected_payments(recent.id)
    reconciliation = services.reconciliation
    everything = {p.id for p in reconciliation.open_payments()}
    assert everything == {old_payment.id, recent_payment.id}
    day = recent_payment.latest  # the last day of the recent payment's window counts
    assert {p.id for p in reconciliation.open_payments((day, day))} == {recent_payment.id}
    after = recent_payment.latest + timedelta(days=1)
    assert reconciliation.open_payments((after, after + timedelta(days=30))) == []
    assert reconciliation.propose().proposals == {}  # no credit: nothing is even read


def _counted(services: Services) -> tuple[int, int]:
    """The act count the window shows, and the acts really there."""
    real = services.store.ledger.conn.execute("SELECT count(*) FROM care_act").fetchone()[0]
    return services.care.count(), int(real)


def test_the_act_count_follows_every_write(
    services: Services, household: dict[str, int], tmp_path: Path
) -> None:
    assert _counted(services) == (0, 0)
    first = services.care.add_act(_gp_visit(household)).value
    services.care.add_act(_gp_visit(household, date(2025, 3, 2)))
    assert _counted(services) == (2, 2)
    services.care.delete_act(first.id)
    assert _counted(services) == (1, 1)
    services.history.undo()  # the deleted act comes back
    assert _counted(services) == (2, 2)
    services.history.redo()
    assert _counted(services) == (1, 1)
    copy = services.exports.json()
    other = build_services(tmp_path / "other.sqlite", today=lambda: TODAY)
    try:
        other.exports.load_json(copy)  # a JSON copy loaded into a new file
        assert _counted(other) == (1, 1)
    finally:
        other.close()


def test_an_act_before_birth_is_refused_and_the_database_unchanged(
    services: Services, household: dict[str, int]
) -> None:
    child = _gp_visit(household, person_id=PersonId(household["child"]), day=date(2022, 5, 1))
    with pytest.raises(ValidationError, match="before Léa Thompson was born"):
        services.care.add_act(child)
    with pytest.raises(ValidationError, match="in the future"):
        services.care.add_act(_gp_visit(household, day=TODAY + timedelta(days=1)))
    assert services.care.count() == 0


def test_no_carte_vitale_without_a_number(services: Services, household: dict[str, int]) -> None:
    newcomer = services.household.add_person(
        PersonInput(first_name="David", last_name="Thompson", birth_date=date(1986, 9, 2))
    ).value
    vitale = _gp_visit(household, person_id=newcomer.id, channel=Channel.VITALE)
    # The act form refuses it; an import or the CLI logs it with the reason.
    [warning] = services.care.add_act(vitale).changes.warnings
    assert "no social security number yet" in str(warning)
    # On paper it is logged quietly, and its feuille waits for the number.
    assert services.care.add_act(replace(vitale, channel=Channel.PAPER)).changes.warnings == ()
    # A dependent of an insured person with a number uses that number.
    child = services.care.add_act(_gp_visit(household, person_id=PersonId(household["child"])))
    assert child.changes.warnings == ()


def test_an_act_past_its_two_year_deadline_says_so_when_logged(
    services: Services, household: dict[str, int]
) -> None:
    # Care of 2024-10-01: claim deadline 2026-12-31 (end of the quarter + 2 years) is not
    # past on 2026-11-28; care of 2024-06-01 (deadline 2026-06-30) is.
    fresh = services.care.add_act(_gp_visit(household, day=date(2024, 10, 1)))
    assert fresh.changes.warnings == ()
    late = services.care.add_act(_gp_visit(household, day=date(2024, 6, 1)))
    [warning] = late.changes.warnings
    assert "past its two-year claim deadline" in str(warning)


def test_identical_acts_on_the_same_day_are_found_for_a_confirmation(
    services: Services, household: dict[str, int]
) -> None:
    first = services.care.add_act(_gp_visit(household)).value
    assert [a.id for a in services.care.same_day_twins(_gp_visit(household))] == [first.id]
    assert services.care.same_day_twins(_gp_visit(household, day=date(2025, 3, 2))) == []
    assert services.care.same_day_twins(_gp_visit(household), ignore=first.id) == []
