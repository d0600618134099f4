"""Benchmark: confirming many bank matches at once, against one assessment pass.

Usage: python benchmarks/bench_confirm_matches.py [ACTS] [CREDITS] (default 20000 5000).
Builds the demo, then imports a BoursoBank statement with one transfer for each of
CREDITS expected payments (the CPAM's and the mutuelle's, spread over the history),
asks the matcher, and confirms every match it chose in one go, as the Bank page's
"confirm all" does. The figure to compare it with is one assessment pass over the
person-years of the acts paid (issue 20: a bulk path should cost about that).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from cpu_clock import load_average, measured

from carnet.app import build_services
from carnet.domain.codes import Payer
from carnet.services.assessing import Reassessor
from carnet.services.demo import build_demo
from carnet.services.demo_bank import PAYERS, StatementLine, boursobank_csv

TODAY = date(2026, 11, 28)


def main(acts: int, credits: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Path(folder) / "bench.sqlite", today=lambda: TODAY)
        build_demo(services.household, services.care, acts=acts, today=TODAY)
        payable = [
            p
            for p in services.reconciliation.open_payments()
            if p.earliest < TODAY - timedelta(days=2)
        ]
        chosen = payable[:: max(len(payable) // credits, 1)][:credits]
        lines = [
            StatementLine(
                min(p.earliest + (p.latest - p.earliest) // 3, TODAY - timedelta(days=1)),
                PAYERS[p.payer],
                "Remboursements santé",
                p.outstanding_cents,
            )
            for p in chosen
        ]
        statement = boursobank_csv(sorted(lines, key=lambda line: line.day))
        with measured() as imported:
            services.bank.import_file(statement, "export.csv", "Compte joint")
        with measured() as proposed:
            found = services.reconciliation.propose()
        store = services.store
        paid = sorted({a.payment_id for p in found.chosen for a in p.allocations})
        keys = store.acts.person_years(
            "id IN (SELECT act_id FROM expected_payment WHERE id IN "
            "(SELECT value FROM json_each(?)))",
            [str(paid)],
        )
        (count,) = store.ledger.conn.execute(
            "SELECT count(*) FROM care_act WHERE person_id || '-' || substr(date, 1, 4) IN "
            "(SELECT value FROM json_each(?))",
            [str([f"{p}-{y}" for p, y in keys]).replace("'", '"')],
        ).fetchone()
        with measured() as one_pass, store.transaction("benchmark: one pass"):
            Reassessor(store).many(keys)
        with measured() as confirmed:
            done = services.reconciliation.confirm(found.chosen).value
        services.close()
    amc = sum(1 for p in chosen if p.payer is Payer.AMC)
    print(f"demo with {acts} acts, load average: {load_average()}")
    print(f"statement of {len(lines)} transfers ({amc} from the mutuelle) imported: {imported}")
    print(f"matcher: {len(found.chosen)} matches chosen: {proposed}")
    print(f"one assessment pass over {len(keys)} person-years ({count} acts): {one_pass}")
    print(f"confirming {done} matches ({len(paid)} payments settled): {confirmed}")
    print(f"ratio (CPU): {confirmed.cpu / one_pass.cpu:.2f}x")


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    main(*(arguments + [20_000, 5_000][len(arguments) :]))
