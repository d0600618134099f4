"""Benchmark: load-json of the demo's export against raw inserts plus one assessment pass.

Usage: python benchmarks/bench_load_json.py [ACTS] (default 100000). Builds the demo,
exports it as JSON, then times (a) inserting the same rows with plain ``sqlite3``
``executemany`` into a new database followed by one assessment pass over every
person-year, and (b) ``load_json`` of the export into another new database, which
checks every row with the services' rules and assesses as it loads. The issue's
target: (b) under twice (a).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from carnet.app import build_services
from carnet.services.assessing import Reassessor
from carnet.services.demo import build_demo
from carnet.storage.dump import DERIVED, tables

TODAY = date(2026, 11, 28)


def raw_baseline(path: Path, raw: bytes) -> float:
    """Plain executemany of every row, then one assessment pass."""
    services = build_services(path, today=lambda: TODAY)
    conn = services.store.ledger.conn
    started = time.perf_counter()
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
    took = time.perf_counter() - started
    services.close()
    return took


def load(path: Path, raw: bytes) -> float:
    services = build_services(path, today=lambda: TODAY)
    started = time.perf_counter()
    services.exports.load_json(raw)
    took = time.perf_counter() - started
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
    print(f"export of the {acts}-act demo: {size:.1f} MB of JSON")
    print(f"raw executemany + one assessment pass: {baseline:.2f} s")
    print(f"load-json (every row checked, assessed): {loaded:.2f} s ({loaded / baseline:.2f}x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
