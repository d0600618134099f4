"""Benchmark: load-json of the demo's export against raw inserts plus one assessment pass.

Usage: python benchmarks/bench_load_json.py [ACTS] [--whole] (default 100000). Builds
the demo, exports it as JSON to a file, then times (a) inserting the same rows with plain
``sqlite3`` ``executemany`` into a new database followed by one assessment pass over
every person-year, and (b) ``load_json`` of the export file into another new database,
which checks every row with the services' rules and assesses as it loads. The issue's
target: (b) under twice (a). Wall-clock and CPU times are printed (see cpu_clock.py).

(b) runs in a process of its own, so that its peak resident memory is the load's alone
(not the demo's or the baseline's). It hands the service the open file, read as it
goes; with ``--whole`` it hands over the file's bytes instead, as Carnet did before it
streamed (run that with ``PYTHONPATH`` set to an older ``src`` to compare).
"""

from __future__ import annotations

import json
import subprocess
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


def load(path: Path, export: Path, whole: bool) -> None:
    """In the child process: load the export, print wall and CPU seconds and peak RSS."""
    services = build_services(path, today=lambda: TODAY)
    with measured() as took, export.open("rb") as stream:
        services.exports.load_json(stream.read() if whole else stream)
    services.close()
    print(took.wall, took.cpu, _high_water_mb())


def _high_water_mb() -> float:
    """This process's own peak resident memory (getrusage's counts the parent's, on exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main(acts: int, whole: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = build_services(Path(folder) / "source.sqlite", today=lambda: TODAY)
        build_demo(source.household, source.care, acts=acts, today=TODAY)
        raw = source.exports.json()
        source.close()
        export = Path(folder) / "export.json"
        export.write_bytes(raw)
        baseline = raw_baseline(Path(folder) / "raw.sqlite", raw)
        del raw
        child = [sys.executable, __file__, "--child", str(Path(folder) / "loaded.sqlite")]
        done = subprocess.run([*child, str(export), str(whole)], check=True, capture_output=True)
        wall, cpu, rss = (float(word) for word in done.stdout.split())
        size = export.stat().st_size / 1e6
    how = "its bytes handed over whole" if whole else "the file read as it goes"
    print(f"export of the {acts}-act demo: {size:.1f} MB of JSON; load average {load_average()}")
    print(f"raw executemany + one assessment pass:    {baseline}")
    print(f"load-json (every row checked, assessed):  {wall:6.2f} s wall, {cpu:6.2f} s CPU ({how})")
    print(f"ratio: {wall / baseline.wall:.2f}x wall, {cpu / baseline.cpu:.2f}x CPU")
    print(f"peak RSS of the load-json process: {rss:.0f} MB")
    print(f"peak RSS of this process (demo, export, baseline): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        load(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4] == "True")
    else:
        numbers = [a for a in sys.argv[1:] if a != "--whole"]
        main(int(numbers[0]) if numbers else 100_000, "--whole" in sys.argv)
