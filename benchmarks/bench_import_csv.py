"""Benchmark: import a 300 000-line bank CSV; memory and time against the stdlib reader.

Usage: python benchmarks/bench_import_csv.py [LINES] (default 300000). Writes a
BoursoBank-style export (the demo's layout) to a temporary folder, then measures:

- Python's ``csv`` module reading it (best of three): the issue's yardstick;
- the bare floor: the ``csv`` reader's rows handed straight to SQLite's
  ``executemany`` (no Python per row, no digest) into the same table stripped of its
  keys and indexes: what storing the lines at all costs, before any work on them;
- the floor: ``csv`` plus the SQLite inserts of the same rows into a table with
  ``bank_transaction``'s columns and keys, plus a SHA-256 per row standing for the
  fingerprint (what no import can avoid), written as Carnet writes them (the day first
  in the fingerprint, one creation time for the import);
- ``BankImportService.import_path`` in a child process: wall and CPU time, and that
  process's peak resident memory;
- the bare ``carnet import FILE`` command, end to end (interpreter start included).

The issue's targets: under 300 MB, within three times the stdlib's reading time. The
machine is shared: the load average is printed with the figures, and CPU (user + system)
times are given beside the wall-clock ones.
"""

from __future__ import annotations

import csv
import hashlib
import os
import random
import resource
import sqlite3
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
FLOOR_TABLE = """CREATE TABLE bank_transaction (
    id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, import_id INTEGER,
    date TEXT NOT NULL, amount_cents INTEGER NOT NULL, label TEXT NOT NULL DEFAULT '',
    counterparty TEXT NOT NULL DEFAULT '', bank_ref TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL, payer_type TEXT, health INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (account_id, fingerprint))"""


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


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def stdlib_read(path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds for csv.reader over the file."""
    started, cpu = time.perf_counter(), _cpu()
    with path.open(encoding="utf-8-sig", newline="") as stream:
        for _row in csv.reader(stream, delimiter=";"):
            pass
    return time.perf_counter() - started, _cpu() - cpu


def _connect(database: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -65536")  # as Carnet's own connection (database.py)
    return conn


def bare_floor(path: Path, folder: Path) -> tuple[float, float]:
    """(wall, CPU) seconds for the reader's rows inserted as they come, without any index."""
    conn = _connect(folder / "bare.sqlite")
    conn.execute(FLOOR_TABLE.replace(",\n    UNIQUE (account_id, fingerprint)", ""))
    # Numbered parameters pick the date, label and amount out of each 11-field row; the
    # last one is named so that SQLite accepts rows of 11 values.
    insert = (
        "INSERT INTO bank_transaction (account_id, import_id, date, amount_cents, label, "
        "fingerprint, created_at, updated_at) "
        "SELECT 1, 1, ?1, ?7, ?3, ?3, '', '' WHERE ?11 IS NOT NULL OR 1"
    )
    started, cpu = time.perf_counter(), _cpu()
    conn.execute("BEGIN")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = csv.reader(stream, delimiter=";")
        next(rows)
        conn.executemany(insert, rows)
    conn.execute("COMMIT")
    took = time.perf_counter() - started, _cpu() - cpu
    conn.close()
    return took


def floor(path: Path, folder: Path) -> tuple[float, float]:
    """(wall, CPU) seconds for csv + a digest per row + the inserts, in 5 000-row slices."""
    conn = _connect(folder / "floor.sqlite")
    conn.execute(FLOOR_TABLE)
    conn.execute("CREATE INDEX bank_transaction_date ON bank_transaction(account_id, date)")
    insert = (
        "INSERT INTO bank_transaction (account_id, import_id, date, amount_cents, label, "
        "counterparty, bank_ref, fingerprint, payer_type, health, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
    )
    stamp = "2026-12-07T00:00:00.000Z"  # one creation time for the import, as Carnet's
    started, cpu = time.perf_counter(), _cpu()
    conn.execute("BEGIN")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = csv.reader(stream, delimiter=";")
        next(rows)
        batch = []
        for row in rows:
            digest = hashlib.sha256(f"{row[0]}\x1f{row[6]}\x1f{row[2]}".encode()).hexdigest()
            cents = int(row[6].replace(",", ""))
            print_ = f"{row[0]}/{digest[:32]}"  # starting with the day, as Carnet's
            batch.append((1, 1, row[0], cents, row[2], "", "", print_, None, 0, stamp, stamp))
            if len(batch) == 5000:
                conn.executemany(insert, batch)
                batch = []
        conn.executemany(insert, batch)
    conn.execute("COMMIT")
    took = time.perf_counter() - started, _cpu() - cpu
    conn.close()
    return took


def child(path: Path) -> None:
    from carnet.app import build_services  # noqa: PLC0415 (measured in this process only)

    services = build_services(path.with_suffix(".sqlite"))
    started, cpu = time.perf_counter(), _cpu()
    report = services.bank.import_path(path).value
    took, used = time.perf_counter() - started, _cpu() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    services.close()
    print(f"{took:.3f} {used:.3f} {peak:.1f} {report.added}")


def command(path: Path) -> tuple[float, float, float]:
    """(wall, CPU, peak MB) of ``carnet import FILE`` into a new database."""
    db = path.with_name("command.sqlite")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "carnet", "--db", str(db), "import", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu, after.ru_maxrss / 1024


def main(lines: int) -> None:
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "export-operations.csv"
        write_csv(path, lines)
        size = path.stat().st_size / 1e6
        reading, reading_cpu = min(stdlib_read(path) for _ in range(3))
        bare, bare_cpu = bare_floor(path, folder)
        least, least_cpu = floor(path, folder)
        cli, cli_cpu, cli_peak = command(path)  # first child: its peak is its own
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        took, used, peak, added = (float(x) for x in done.stdout.split())
    print(f"{lines} lines ({size:.1f} MB)")
    print(f"stdlib csv reads them in {reading:.2f} s wall, {reading_cpu:.2f} s CPU")
    print(
        f"bare floor (csv rows straight into an unindexed table): {bare:.2f} s wall, "
        f"{bare_cpu:.2f} s CPU ({bare / reading:.1f}x the stdlib)"
    )
    print(
        f"floor (csv + digest + SQLite inserts): {least:.2f} s wall, {least_cpu:.2f} s CPU "
        f"({least / reading:.1f}x the stdlib)"
    )
    print(
        f"service import of {int(added)} lines: {took:.2f} s wall, {used:.2f} s CPU "
        f"({took / reading:.1f}x the stdlib wall, {used / reading_cpu:.1f}x its CPU), "
        f"peak RSS {peak:.0f} MB"
    )
    print(
        f"carnet import (the command, end to end): {cli:.2f} s wall, {cli_cpu:.2f} s CPU "
        f"({cli / reading:.1f}x the stdlib), peak RSS {cli_peak:.0f} MB"
    )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 300_000)
