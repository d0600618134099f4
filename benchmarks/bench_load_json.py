"""Benchmark: load-json of the demo's export against raw inserts plus one assessment pass.

Usage: python benchmarks/bench_load_json.py [ACTS] (default 100000). Builds the demo,
exports it as JSON, then times (a) inserting the same rows with plain ``sqlite3``
``executemany`` into a new database followed by one assessment pass over every
person-year, and (b) ``load_json`` of the export into another new database, which
checks every row with the services' rules and assesses as it loads. The issue's
target: (b) under twice (a). Wall-clock and CPU times are printed (see cpu_clock.py).
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

from cpu_clock import Took, load_average, measured, peak_rss_mb

from carnet.app import Services, build_services
from carnet.services.assessing import Reassessor
from carnet.services.demo import build_demo
from carnet.storage.dump import DERIVED, tables

TODAY = date(2026, 11, 28)


def raw_baseline(path: Path, raw: bytes) -> Took:
    """Plain executemany of every row, then one assessment pass."""
    services = build_services(path, today=lambda: TODAY)
    with measured() as took:
        _raw_inserts(services, raw)
    services.close()
    return took


def _raw_inserts(services: Services, raw: bytes) -> None:
    conn = services.store.ledger.conn
    data = json.loads(raw)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for table in tables(services.store.ledger.db):
        rows = data["tables"].get(table, [])
        if not rows or table in DERIVED:
            continue
        names = list(rows[0])
        sql = f"INSERT INTO [{table}] ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        conn.executemany(sql, [tuple(row[name] for name in names) for row in rows])
    store = services.store
    Reassessor(store).many(store.acts.person_years("1", []))
    conn.commit()


def load(path: Path, raw: bytes) -> Took:
    services = build_services(path, today=lambda: TODAY)
    with measured() as took:
        services.exports.load_json(raw)
    services.close()
    return took


def main(acts: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = build_services(Path(folder) / "source.sqlite", today=lambda: TODAY)
        build_demo(source.household, source.care, acts=acts, today=TODAY)
        raw = source.exports.json()
        source.close()
        baseline = raw_baseline(Path(folder) / "raw.sqlite", raw)
        loaded = load(Path(folder) / "loaded.sqlite", raw)
    size = len(raw) / 1e6
    print(f"export of the {acts}-act demo: {size:.1f} MB of JSON; load average {load_average()}")
    print(f"raw executemany + one assessment pass:    {baseline}")
    print(f"load-json (every row checked, assessed):  {loaded}")
    print(f"ratio: {loaded.wall / baseline.wall:.2f}x wall, {loaded.cpu / baseline.cpu:.2f}x CPU")
    print(f"peak RSS of the process: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
