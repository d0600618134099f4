"""Property tests: shares add up, nothing is negative, caps hold, order does not matter."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from carnet.domain.care import CareAct
from carnet.domain.ids import PractitionerId
from carnet.domain.practitioners import Practitioner
from carnet.rules import assess_year

from .helpers import act, contract, person, practitioner

# Codes with a tariff over the whole of 2024-2026, and the profession that bills them.
_CODES = {
    "G": "gp", "CS": "specialist", "CNPSY": "specialist", "TCG": "gp", "C": "dentist",
    "AMI": "nurse", "AMK": "physiotherapist", "B": "laboratory", "IMG": "radiology",
    "PH7": "pharmacy", "PH4": "pharmacy", "PH2": "pharmacy", "PH1": "pharmacy",
    "TRANSPORT": "transport", "HOSP": "hospital", "FJ": "hospital", "FPU": "hospital",
}  # fmt: skip
_PRACTITIONERS: dict[PractitionerId, Practitioner] = {
    PractitionerId(i + 1): practitioner(profession, sector, ident=PractitionerId(i + 1))
    for i, (profession, sector) in enumerate(
        (p, s) for p in sorted(set(_CODES.values())) for s in ("1", "2-optam", "2", "3")
    )
}


@st.composite
def care_acts(draw: st.DrawFn, act_id: int) -> CareAct:
    code = draw(st.sampled_from(sorted(_CODES)))
    candidates = [pid for pid, p in _PRACTITIONERS.items() if p.profession.value == _CODES[code]]
    day = date(2025, 1, 1) + timedelta(days=draw(st.integers(0, 60)))
    return act(
        day.isoformat(),
        code,
        f"{draw(st.integers(0, 200_000)) / 100:.2f}".replace(".", ","),
        act_id=act_id,
        parcours=draw(st.sampled_from(["in", "out", "direct", "emergency", "away"])),
        payment=draw(st.sampled_from(["none", "partial", "total"])),
        ald=draw(st.booleans()),
        coefficient=draw(st.sampled_from([None, "1", "2", "8.4"])),
        practitioner_id=draw(st.sampled_from(candidates)),
    )


@st.composite
def years(draw: st.DrawFn) -> list[CareAct]:
    count = draw(st.integers(1, 40))
    return [draw(care_acts(i + 1)) for i in range(count)]


_people = st.builds(
    lambda age, ald, css: person(age_on=date(2025, 1, 1), age=age, ald=ald, css=css),
    st.one_of(st.none(), st.integers(0, 90)),
    st.booleans(),
    st.booleans(),
)
_contracts = st.one_of(
    st.none(),
    st.builds(
        lambda p, o, n, r: contract(p, optam=o, non_optam=n, responsable=r),
        st.integers(0, 400),
        st.integers(100, 400),
        st.integers(100, 400),
        st.booleans(),
    ),
)


@settings(max_examples=150, deadline=None)
@given(years(), _people, _contracts)
def test_shares_add_up_and_are_never_negative(acts, who, cover) -> None:  # type: ignore[no-untyped-def]
    """AMO + AMC + patient = fee, and no share is negative."""
    results, _ = assess_year(acts, who, _PRACTITIONERS, cover)
    for result in results.values():
        assert result.amo_cents + result.amc_cents + result.patient_cents == result.fee_cents
        shares = (result.amo_cents, result.amc_cents, result.patient_cents, result.base_cents)
        assert min(shares) >= 0
        assert result.participation_cents >= 0
        assert result.franchise_cents >= 0
        assert result.amo_cents <= result.amo_gross_cents <= result.base_cents <= result.fee_cents


@settings(max_examples=150, deadline=None)
@given(years(), _people, _contracts)
def test_deductions_never_exceed_caps(acts, who, cover) -> None:  # type: ignore[no-untyped-def]
    """PF ≤ 50 €/year and ≤ 4 a day per practitioner; franchises ≤ 50 €/year and daily caps."""
    results, ledger = assess_year(acts, who, _PRACTITIONERS, cover)
    by_act = {a.id: a for a in acts}
    assert sum(r.participation_cents for r in results.values()) <= 5000
    assert sum(r.franchise_cents for r in results.values()) <= 5000
    pf_per_day: dict[tuple[date, object], int] = {}
    franchise_per_day: dict[tuple[date, str], int] = {}
    for act_id, result in results.items():
        care = by_act[act_id]
        if result.participation_cents:
            key = (care.date, care.practitioner_id)
            pf_per_day[key] = pf_per_day.get(key, 0) + 1
        if result.franchise_cents and result.category in ("paramedical", "transport"):
            slot = (care.date, result.category)
            franchise_per_day[slot] = franchise_per_day.get(slot, 0) + result.franchise_cents
    assert all(count <= 4 for count in pf_per_day.values())
    caps = {"paramedical": 400, "transport": 800}
    assert all(total <= caps[kind] for (_, kind), total in franchise_per_day.items())
    assert ledger.pf_total(2025) == sum(r.participation_cents for r in results.values())


@settings(max_examples=100, deadline=None)
@given(years(), _people, _contracts, st.randoms(use_true_random=False))
def test_order_of_entry_does_not_matter(acts, who, cover, rnd: random.Random) -> None:  # type: ignore[no-untyped-def]
    """Shuffling the acts of a year gives the same assessments and the same ledger."""
    first, ledger_a = assess_year(acts, who, _PRACTITIONERS, cover)
    shuffled = list(acts)
    rnd.shuffle(shuffled)
    second, ledger_b = assess_year(shuffled, who, _PRACTITIONERS, cover)
    assert first == second
    assert ledger_a == ledger_b
