"""Daily and annual caps of deductions, replayed over a person's year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from carnet.domain.ids import ActId, PractitionerId
from carnet.rules import EMPTY_LEDGER, DeductionLedger, RulesError, assess, assess_year

from .helpers import act, contract, euros, person, practitioner

_LAB = practitioner("laboratory", ident=PractitionerId(3))
_NURSE = practitioner("nurse", ident=PractitionerId(4))
_TAXI = practitioner("transport", ident=PractitionerId(5))


def test_annual_pf_cap_reached_mid_year() -> None:
    """The 26th GP visit of 2025 pays no PF: 25 × 2 € already reached the 50 € cap."""
    gp = practitioner("gp")
    start = date(2025, 1, 6)
    acts = [
        act((start + timedelta(days=7 * i)).isoformat(), "G", "30", act_id=i + 1) for i in range(26)
    ]
    results, ledger = assess_year(acts, person(), {gp.id: gp}, contract())
    assert [results[ActId(i + 1)].participation_cents for i in range(25)] == [200] * 25
    last = results[ActId(26)]
    assert (euros(last.participation_cents), euros(last.amo_cents), euros(last.patient_cents)) == (
        "0.00",
        "21.00",
        "0.00",
    )
    assert ledger.pf_total(2025) == 5000
    assert any(line.code == "pf.annual_cap" for line in last.explanation)


def test_annual_pf_cap_partial_charge() -> None:
    """With 49 € already charged, the next PF is 1 €, not 2 €."""
    ledger = DeductionLedger(pf_years={2025: 4900})
    result, after = assess(act("2025-06-02", "G", "30"), person(), practitioner("gp"), None, ledger)
    assert result.participation_cents == 100
    assert after.pf_total(2025) == 5000


def test_pf_cap_is_per_calendar_year() -> None:
    """A full 2025 ledger does not stop the PF of January 2026."""
    ledger = DeductionLedger(pf_years={2025: 5000})
    result, _ = assess(act("2026-01-05", "G", "30"), person(), practitioner("gp"), None, ledger)
    assert result.participation_cents == 200


def test_four_pf_a_day_with_the_same_lab() -> None:
    """A fifth lab act on the same day with the same lab pays no PF."""
    acts = [act("2025-03-03", "B", "20", act_id=i) for i in range(1, 6)]
    results, _ = assess_year(acts, person(), {_LAB.id: _LAB}, contract())
    assert [results[ActId(i)].participation_cents for i in range(1, 6)] == [200] * 4 + [0]


def test_daily_paramedical_franchise_cap() -> None:
    """Franchises of paramedical acts stop at 4 € a day (from 2024-03-31)."""
    acts = [act("2025-03-03", "AMI", "3.15", act_id=i) for i in range(1, 6)]
    results, ledger = assess_year(acts, person(), {_NURSE.id: _NURSE}, contract())
    assert [results[ActId(i)].franchise_cents for i in range(1, 6)] == [100] * 4 + [0]
    assert ledger.franchise_on(date(2025, 3, 3), "paramedical") == 400


def test_daily_transport_franchise_cap() -> None:
    """Transport franchises stop at 8 € a day: the third trip pays none."""
    acts = [act("2025-03-03", "TRANSPORT", "40", act_id=i) for i in range(1, 4)]
    results, _ = assess_year(acts, person(), {_TAXI.id: _TAXI}, contract())
    assert [results[ActId(i)].franchise_cents for i in range(1, 4)] == [400, 400, 0]


def test_annual_franchise_cap() -> None:
    """With 49.50 € of franchises this year, two boxes cost only 0.50 € more."""
    ledger = DeductionLedger(franchise_years={2025: 4950})
    care = act("2025-09-01", "PH7", "10", coefficient="2")
    result, after = assess(care, person(), practitioner("pharmacy"), contract(), ledger)
    assert result.franchise_cents == 50
    assert after.franchise_total(2025) == 5000
    assert any(line.code == "franchise.annual_cap" for line in result.explanation)


def test_ledger_is_immutable() -> None:
    """Charging returns a new ledger and leaves the old one untouched."""
    _, after = assess(act("2025-06-02", "G", "30"), person(), practitioner("gp"), None)
    assert EMPTY_LEDGER.pf_total(2025) == 0
    assert after.pf_total(2025) == 200


def test_tiers_payant_withholds_deductions() -> None:
    """Under tiers payant the deductions are withheld from a later transfer."""
    partial, _ = assess(act("2025-03-01", "G", "30", payment="partial"), person(), None, contract())
    total, _ = assess(act("2025-03-01", "G", "30", payment="total"), person(), None, contract())
    full, _ = assess(act("2025-03-01", "G", "30"), person(), None, contract())
    assert (partial.amo_to_household, partial.amc_to_household, partial.withheld_cents) == (
        False,
        True,
        200,
    )
    assert (total.amo_to_household, total.amc_to_household, total.withheld_cents) == (
        False,
        False,
        200,
    )
    assert (full.amo_to_household, full.amc_to_household, full.withheld_cents) == (True, True, 0)
    assert partial.amo_cents == full.amo_cents == 1900
    assert partial.amo_gross_cents == 2100


def test_assess_year_refuses_another_persons_act() -> None:
    """Acts of someone else cannot sneak into a person's ledger."""
    stranger = act("2025-03-01", "G", "30")
    other = person()
    other = type(other)(id=type(other.id)(99), first_name="X", last_name="Y")
    with pytest.raises(RulesError):
        assess_year([stranger], other, {}, None)
