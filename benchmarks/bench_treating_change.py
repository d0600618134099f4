"""Benchmark: a change of médecin traitant on a long history, against one assessment pass.

Usage: python benchmarks/bench_treating_change.py [ACTS] (default 20000). Builds the demo,
then Sarah declares another médecin traitant from 1 June 2025. The edit reassesses the
acts whose parcours may change: Sarah's, from 2025 on. The figure to compare it with is
one assessment pass over the same person-years (issue 20: a bulk path should cost about
that). Both are printed with their CPU time; see cpu_clock.py for why.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

from cpu_clock import load_average, measured

from carnet.app import build_services
from carnet.domain.ids import PersonId, PractitionerId
from carnet.domain.people import PersonInput
from carnet.services.assessing import Reassessor
from carnet.services.demo import build_demo

TODAY = date(2026, 11, 28)
CHANGE = date(2025, 6, 1)


def main(acts: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Path(folder) / "bench.sqlite", today=lambda: TODAY)
        demo = build_demo(services.household, services.care, acts=acts, today=TODAY)
        store = services.store
        sarah = services.household.person(PersonId(demo.people["sarah"].id))
        where = ("person_id = ? AND date >= ?", [sarah.id, f"{CHANGE.year}-01-01"])
        keys = store.acts.person_years(*where)
        (count,) = store.ledger.conn.execute(
            f"SELECT count(*) FROM care_act WHERE {where[0]}", where[1]
        ).fetchone()
        with measured() as one_pass, store.transaction("benchmark: one pass"):
            Reassessor(store).many(keys)
        data = PersonInput(**{f.name: getattr(sarah, f.name) for f in fields(PersonInput)})
        cardiologist = PractitionerId(demo.practitioners["cardio"].id)
        change = replace(data, treating_doctor_id=cardiologist, treating_declared_on=CHANGE)
        with measured() as edit:
            result = services.household.edit_person(sarah.id, change)
        services.close()
    print(f"demo with {acts} acts, load average: {load_average()}")
    print(f"one assessment pass over {len(keys)} person-years ({count} acts): {one_pass}")
    print(f"change of médecin traitant ({len(result.changes.acts)} acts reassessed): {edit}")
    print(f"ratio (CPU): {edit.cpu / one_pass.cpu:.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
