"""Benchmark: find the discrepancies of 100 000 acts with 50 000 received amounts.

Usage: python benchmarks/bench_discrepancies.py [ACTS] (default 100000; the target is
under 2 s). The demo household is generated at that size, then half as many
expected payments as there are acts get a received amount: most are exactly what
was expected, one in ten is not (a third of those paid as outside the parcours,
a third with the participation taken again, a third at amounts no rule gives, the
worst case, as every alternative is tried). The timed call is the one behind
``carnet discrepancy list``, the dashboard and the care page filter.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from carnet.app import build_services
from carnet.services.demo import build_demo


def _receipts(db: sqlite3.Connection, count: int, seed: int = 17) -> int:
    """Give ``count`` expected payments a received amount; returns how many differ."""
    rng = random.Random(seed)
    rows = db.execute(
        "SELECT e.act_id, e.payer, e.amount_cents, a.date FROM expected_payment e "
        "JOIN care_act a ON a.id = e.act_id ORDER BY e.id"
    ).fetchall()
    chosen = rng.sample(rows, min(count, len(rows)))
    values = []
    differing = 0
    for n, (act_id, payer, amount, day) in enumerate(chosen):
        received = amount
        if n % 10 == 0:
            differing += 1
            kind = (n // 10) % 3
            if kind == 0:
                received = max(0, amount * 3 // 7)  # roughly 30 % instead of 70 %
            elif kind == 1:
                received = max(0, amount - 200)
            else:
                received = max(0, amount - 1 - rng.randrange(500))
        values.append((act_id, payer, received, day, "decompte"))
    db.executemany(
        "INSERT INTO receipt (act_id, payer, amount_cents, received_on, source) "
        "VALUES (?, ?, ?, ?, ?)",
        values,
    )
    db.commit()
    return differing


def main(acts: int) -> None:
    today = date(2026, 11, 28)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        services = build_services(path, today=lambda: today)
        build_demo(services.household, services.care, acts=acts, today=today)
        differing = _receipts(services.store.ledger.conn, acts // 2)
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            found = services.discrepancies.find()
            timings.append(time.perf_counter() - started)
        causes: dict[str, int] = {}
        for d in found:
            causes[d.cause.value] = causes.get(d.cause.value, 0) + 1
        services.close()
    print(
        f"{acts} acts, {acts // 2} received amounts ({differing} not as expected): "
        f"{len(found)} discrepancies found in {min(timings):.2f} s "
        f"(best of 3; runs {', '.join(f'{t:.2f}' for t in timings)} s)"
    )
    print("causes: " + ", ".join(f"{k} {v}" for k, v in sorted(causes.items())))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
