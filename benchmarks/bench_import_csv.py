"""Benchmark: import a 300 000-line bank CSV; memory and time against the stdlib reader.

Usage: python benchmarks/bench_import_csv.py [LINES] (default 300000). Writes a
BoursoBank-style export (the demo's layout) to a temporary folder, times Python's
``csv`` module reading it, then imports it into a new database in a child process
and reports that process's peak resident memory. The issue's targets: under 300 MB,
within three times the stdlib's reading time.
"""

from __future__ import annotations

import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HEADER = (
    "dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;"
    "accountNum;accountLabel;accountbalance"
)
LABELS = (
    ("VIR SEPA CPAM DE PARIS", "Remboursements santé"),
    ("CARTE MONOPRIX PARIS 11", "Alimentation"),
    ("PRLV SEPA FONCIA LOYER", "Loyer"),
    ("VIR SEPA HARMONIE MUTUELLE", "Remboursements santé"),
    ("CARTE PHARMACIE DU MARCHE", "Pharmacie"),
)


def write_csv(path: Path, lines: int) -> None:
    rng = random.Random(1)
    start = date(2020, 1, 1)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(HEADER + "\n")
        for n in range(lines):
            day = (start + timedelta(days=n // 120)).isoformat()
            label, category = LABELS[rng.randrange(len(LABELS))]
            cents = rng.randrange(-200_000, 200_000)
            amount = f"{cents / 100:.2f}".replace(".", ",")
            out.write(
                f'{day};{day};"{label} {n}";"{category}";"Santé";"";{amount};"";'
                f'00040123456;"Compte joint";"1234,56"\n'
            )


def stdlib_read(path: Path) -> float:
    started = time.perf_counter()
    with path.open(encoding="utf-8-sig", newline="") as stream:
        for _row in csv.reader(stream, delimiter=";"):
            pass
    return time.perf_counter() - started


def child(path: Path) -> None:
    from carnet.app import build_services  # noqa: PLC0415 (measured in this process only)
    from carnet.services.input_files import MAX_STATEMENT_BYTES, read_limited  # noqa: PLC0415

    services = build_services(path.with_suffix(".sqlite"))
    started = time.perf_counter()
    report = services.bank.import_file(read_limited(path, MAX_STATEMENT_BYTES), path.name).value
    took = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    services.close()
    print(f"{took:.3f} {peak:.1f} {report.added}")


def main(lines: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export-operations.csv"
        write_csv(path, lines)
        size = path.stat().st_size / 1e6
        reading = min(stdlib_read(path) for _ in range(3))
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        took, peak, added = done.stdout.split()
    print(f"{lines} lines ({size:.1f} MB): stdlib csv reads them in {reading:.2f} s")
    print(
        f"carnet imports {added} lines in {float(took):.2f} s "
        f"({float(took) / reading:.1f}x the stdlib), peak RSS {float(peak):.0f} MB"
    )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 300_000)
