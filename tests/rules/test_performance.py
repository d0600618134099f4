"""A cheap guard against performance regressions (the full benchmark is benchmarks/)."""

from __future__ import annotations

import time
from datetime import date, timedelta
from decimal import Decimal

from carnet.domain.care import CareAct
from carnet.domain.codes import Parcours
from carnet.domain.ids import ActId, PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.practitioners import Practitioner, Profession, Sector
from carnet.rules import assess_year, default_tables

from .helpers import contract, person

_MIX = [
    ("G", Profession.GP, 3000),
    ("CS", Profession.SPECIALIST, 6000),
    ("AMK", Profession.PHYSIOTHERAPIST, 1856),
    ("PH7", Profession.PHARMACY, 1200),
    ("B", Profession.LABORATORY, 4500),
    ("TRANSPORT", Profession.TRANSPORT, 5000),
]


def test_ten_thousand_acts_under_a_second() -> None:
    """10 000 acts (100 person-years of 100 acts) are assessed in well under a second."""
    practitioners = {
        PractitionerId(i + 1): Practitioner(
            id=PractitionerId(i + 1), name="P", profession=profession, sector=sector
        )
        for i, (profession, sector) in enumerate(
            (p, s) for _, p, _ in _MIX for s in (Sector.S1, Sector.S2)
        )
    }
    default_tables()  # loading the tables is a one-off cost, not measured
    years = []
    for owner in range(100):
        acts = []
        for n in range(100):
            code, _, fee = _MIX[n % len(_MIX)]
            acts.append(
                CareAct(
                    id=ActId(owner * 100 + n + 1),
                    person_id=PersonId(1),
                    practitioner_id=PractitionerId(2 * (n % len(_MIX)) + 1 + owner % 2),
                    date=date(2025, 1, 1) + timedelta(days=(n * 7 + owner) % 365),
                    act_code=code,
                    fee_cents=Cents(fee),
                    parcours=Parcours.OUT if n % 5 == 0 else Parcours.IN,
                    coefficient=Decimal("8.4") if code == "AMK" else None,
                )
            )
        years.append(acts)
    cover, who = contract(200), person()
    # Processor time, not wall time: on a machine shared by many jobs the wall clock
    # measures the scheduler (it failed on unchanged code under load), not the engine.
    started = time.process_time()
    for acts in years:
        assess_year(acts, who, practitioners, cover)
    assert time.process_time() - started < 1.0
