"""Time the rules engine: assess 100 000 acts (target: under 2 s on two cores).

Run as ``python benchmarks/bench_engine.py [count]``. The acts are synthetic but
varied (codes, days over two years, sectors, parcours, children, tiers payant)
and are replayed per person-year through ``assess_year``, as the services do.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

try:
    import carnet  # noqa: F401
except ImportError:  # running from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from carnet.domain.care import CareAct
from carnet.domain.codes import Parcours, PaymentMode
from carnet.domain.contracts import Contract
from carnet.domain.ids import ActId, ContractId, PersonId, PractitionerId
from carnet.domain.money import Cents
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner, Profession, Sector
from carnet.rules import assess_year, default_tables

_CODES = [
    ("G", Profession.GP, 3000),
    ("CS", Profession.SPECIALIST, 5000),
    ("CNPSY", Profession.SPECIALIST, 6000),
    ("C", Profession.DENTIST, 2300),
    ("AMK", Profession.PHYSIOTHERAPIST, 1856),
    ("AMI", Profession.NURSE, 630),
    ("B", Profession.LABORATORY, 4500),
    ("PH7", Profession.PHARMACY, 1200),
    ("TRANSPORT", Profession.TRANSPORT, 6000),
    ("HOSP", Profession.HOSPITAL, 150000),
]
_PERSONS = 1000
_START = date(2025, 1, 1)


def build(
    count: int, seed: int = 2025
) -> tuple[dict[PersonId, list[CareAct]], dict[PractitionerId, Practitioner]]:
    """Synthetic acts grouped by person, and the practitioners they name."""
    rnd = random.Random(seed)
    practitioners: dict[PractitionerId, Practitioner] = {}
    for i, (_code, profession, _fee) in enumerate(_CODES):
        for j, sector in enumerate(Sector):
            pid = PractitionerId(i * 10 + j + 1)
            practitioners[pid] = Practitioner(
                id=pid, name=f"P{pid}", profession=profession, sector=sector
            )
    acts: dict[PersonId, list[CareAct]] = {}
    for n in range(count):
        code, profession, fee = _CODES[rnd.randrange(len(_CODES))]
        owner = PersonId(rnd.randrange(_PERSONS) + 1)
        pid = PractitionerId(_CODES.index((code, profession, fee)) * 10 + rnd.randrange(4) + 1)
        acts.setdefault(owner, []).append(
            CareAct(
                id=ActId(n + 1),
                person_id=owner,
                practitioner_id=pid,
                date=_START + timedelta(days=rnd.randrange(365)),
                act_code=code,
                fee_cents=Cents(fee + rnd.randrange(3) * 500),
                payment_mode=rnd.choice(list(PaymentMode)),
                parcours=rnd.choice([Parcours.IN, Parcours.IN, Parcours.OUT]),
                coefficient=Decimal("8.4") if code == "AMK" else None,
            )
        )
    return acts, practitioners


def run(count: int) -> float:
    """Seconds to assess ``count`` acts (tables already loaded)."""
    acts, practitioners = build(count)
    contract = Contract(
        id=ContractId(1), insurer="Mutuelle", optam_percent=200, non_optam_percent=150
    )
    default_tables()  # loading and validating the tables is a one-off cost
    started = time.perf_counter()
    for owner, person_acts in acts.items():
        born = date(1950 + owner % 70, 1 + owner % 12, 1)
        person = Person(
            id=owner, first_name="A", last_name="B", birth_date=born, css=owner % 17 == 0
        )
        assess_year(person_acts, person, practitioners, contract)
    return time.perf_counter() - started


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    elapsed = run(count)
    print(f"assessed {count} acts in {elapsed:.2f} s ({elapsed / count * 1e6:.1f} µs/act)")


if __name__ == "__main__":
    main()
