"""The engine's processor time on the acts of ``bench_engine.py``, best of several rounds.

Run as ``python benchmarks/bench_engine_cpu.py [count] [rounds]``. The wall clock of
``bench_engine.py`` measures the scheduler as much as the engine on a shared
machine; processor time, best of ``rounds``, compares two commits more steadily
(run both in the same sitting, interleaved).
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_engine import build

from carnet.domain.contracts import Contract
from carnet.domain.ids import ContractId
from carnet.domain.people import Person
from carnet.rules import assess_year, default_tables


def best_of(count: int, rounds: int) -> float:
    """The least processor time, in seconds, to assess ``count`` acts once."""
    acts, practitioners = build(count)
    contract = Contract(
        id=ContractId(1), insurer="Mutuelle", optam_percent=200, non_optam_percent=150
    )
    default_tables()
    people = {
        owner: Person(
            id=owner,
            first_name="A",
            last_name="B",
            birth_date=date(1950 + owner % 70, 1 + owner % 12, 1),
            css=owner % 17 == 0,
        )
        for owner in acts
    }
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for owner, person_acts in acts.items():
            assess_year(person_acts, people[owner], practitioners, contract)
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    seconds = best_of(count, rounds)
    print(f"{count} acts: {seconds:.3f} s of processor time, best of {rounds} rounds")


if __name__ == "__main__":
    main()
