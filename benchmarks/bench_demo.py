"""Benchmark: generate the demo household at scale and read the care table back.

Usage: python benchmarks/bench_demo.py [ACTS] (default 100000). Prints timings; the
database is written to a temporary folder and removed afterwards.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from carnet.app import build_services
from carnet.services.demo import build_demo


def main(acts: int) -> None:
    today = date(2026, 11, 28)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        services = build_services(path, today=lambda: today)
        started = time.perf_counter()
        build_demo(services.household, services.care, acts=acts, today=today)
        generated = time.perf_counter() - started
        started = time.perf_counter()
        rows = services.care.summaries()
        listed = time.perf_counter() - started
        size = path.stat().st_size / 1e6
        services.close()
    print(f"demo with {acts} acts: generated in {generated:.2f} s, {size:.1f} MB on disk")
    print(f"care table read back ({len(rows)} rows) in {listed:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
