"""Benchmark: generate the demo household at scale and read the care table back.

Usage: python benchmarks/bench_demo.py [ACTS] (default 100000). Prints the wall-clock
time of building the demo, the CPU time it took (user and system: on a shared machine
the wall clock also counts the time others had the processor), the peak resident
memory of the process and the file's size. The database is written to a temporary
folder and removed afterwards. Target (issue 20): 100 000 acts in under 60 s.
"""

from __future__ import annotations

import os
import resource
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
        before = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        build_demo(services.household, services.care, acts=acts, today=today)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        rows = services.care.summaries()
        listed = time.perf_counter() - started
        size = path.stat().st_size / 1e6
        services.close()
    user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
    print(f"demo with {acts} acts, load average before: {_load()}")
    print(f"  wall clock   {wall:8.2f} s")
    print(f"  CPU user     {user:8.2f} s")
    print(f"  CPU system   {system:8.2f} s")
    print(f"  CPU total    {user + system:8.2f} s")
    print(f"  peak RSS     {after.ru_maxrss / 1024:8.0f} MB (whole process)")
    print(f"  file         {size:8.1f} MB")
    print(f"care table read back ({len(rows)} rows) in {listed:.3f} s")


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
