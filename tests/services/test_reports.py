"""Summary figures: totals equal the sum of the acts, pending money aged in buckets."""

from __future__ import annotations

from datetime import date

from carnet.app import Services
from carnet.domain.care import ActInput
from carnet.domain.codes import Channel
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.services.demo import build_demo
from carnet.services.reports import ReportService
from tests.conftest import TODAY


def test_totals_match_the_acts_and_split_the_fees(services: Services) -> None:
    build_demo(services.household, services.care, acts=120, today=TODAY)
    report = ReportService(services.store, lambda: TODAY)
    summary = report.summary(date(2026, 1, 1), date(2026, 12, 31))
    assert summary.acts and all(a.date.year == 2026 for a in summary.acts)
    totals = summary.totals
    assert totals.fee_cents == sum(a.fee_cents for a in summary.acts)
    assert totals.amo_cents + totals.amc_cents + totals.patient_cents == totals.fee_cents
    assert sum(r + o for _, r, o in summary.by_month) == totals.fee_cents
    assert sum(r + o for _, r, o in summary.by_category) == totals.fee_cents
    sarah = PersonId(1)
    mine = report.summary(date(2026, 1, 1), date(2026, 12, 31), sarah)
    assert mine.person == "Sarah Thompson"
    assert {a.person for a in mine.acts} == {"Sarah Thompson"}


def test_pending_money_is_aged_from_its_due_date(
    services: Services, household: dict[str, int]
) -> None:
    def visit(day: date) -> None:
        services.care.add_act(
            ActInput(
                person_id=PersonId(household["adult"]),
                practitioner_id=PractitionerId(household["gp"]),
                date=day,
                act_code="G",
                fee_cents=Cents(3000),
                channel=Channel.VITALE,
            )
        )

    visit(date(2026, 11, 20))  # due by 2026-12-11: not yet due
    visit(date(2026, 10, 1))  # due 2026-10-22: 37 days late → 31-60
    visit(date(2026, 5, 1))  # due 2026-05-22: > 90 days
    summary = ReportService(services.store, lambda: TODAY).summary(date(2026, 1, 1), TODAY)
    [amo] = summary.pending
    assert amo.payer == "amo"
    assert amo.buckets == (0, 1900, 0, 1900)
    assert amo.not_yet_due_cents == 1900
    assert amo.total_cents == 5700
