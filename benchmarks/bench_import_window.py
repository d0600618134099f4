"""Benchmark: a 300 000-line CSV imported from the window; does the window keep answering?

Usage: ``python benchmarks/bench_import_window.py [LINES] [cfonb]`` (default 300000 lines
of CSV; ``cfonb``: a CFONB 120 statement of LINES operations, two records each, so
400000 makes a 98 MB file, near the 100 MB limit); run by ``make bench``. Offscreen,
like the tests. It opens the import dialog on a generated statement (previewed by a dry
run that reads the file as it goes), clicks Import, and reports:

* the time to the preview and the time of the import;
* how often the event loop turned (a 0 ms timer's beats) and the longest time it went
  without turning, which is how long the window would look frozen;
* the process's peak resident memory.

CI runs the same flow on 30 000 lines (``tests/ui/test_import_progress.py``);
``CARNET_IMPORT_LINES=300000`` runs that test at this size.
"""

from __future__ import annotations

import itertools
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_streaming_formats import make_cfonb
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from carnet.app import build_services
from carnet.i18n import Translator
from carnet.ui.dialogs import import_dialog

HEADER = (
    "dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;"
    "accountNum;accountLabel;accountbalance\n"
)
LABELS = ("VIR SEPA CPAM DE PARIS", "CARTE MONOPRIX PARIS 11", "VIR SEPA HARMONIE MUTUELLE")


def write_csv(path: Path, lines: int) -> None:
    """A BoursoBank export: 120 lines a day from 2020, a third of them health payers."""
    rng, start = random.Random(1), date(2020, 1, 1)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(HEADER)
        for n in range(lines):
            day = (start + timedelta(days=n // 120)).isoformat()
            amount = f"{rng.randrange(-200_000, 200_000) / 100:.2f}".replace(".", ",")
            label = LABELS[n % len(LABELS)]
            out.write(f'{day};{day};"{label} {n}";"";"";"";{amount};"";0004;"Joint";"0"\n')


def wait_until(app: QApplication, done: Callable[[], bool], timeout: float) -> None:
    """Turn the event loop, as ``app.exec()`` would, until ``done``."""
    limit = time.monotonic() + timeout
    while not done() and time.monotonic() < limit:
        app.processEvents()
        time.sleep(0.001)
    if not done():
        raise SystemExit("timed out")


def main(lines: int, cfonb: bool = False) -> None:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        if cfonb:
            path = Path(folder) / "releve.cfonb120.txt"
            path.write_bytes(make_cfonb(lines))
        else:
            path = Path(folder) / "export-operations.csv"
            write_csv(path, lines)
        size = path.stat().st_size / 2**20
        services = build_services(Path(folder) / "bench.sqlite", today=lambda: date(2026, 11, 28))
        beats: list[float] = []
        heart = QTimer()
        heart.setInterval(0)
        heart.timeout.connect(lambda: beats.append(time.monotonic()))
        started = time.monotonic()
        beats.append(started)
        heart.start()
        reports: list[float] = []  # when the service told its progress (between slices)
        told = import_dialog.ImportDialog._progress

        def progress(self: import_dialog.ImportDialog, done: int, total: int) -> bool:
            reports.append(time.monotonic())
            return told(self, done, total)

        import_dialog.ImportDialog._progress = progress  # type: ignore[method-assign]
        dialog = import_dialog.ImportDialog(services, Translator("en"), path)
        dialog.show()
        wait_until(app, lambda: dialog.report is not None, 3600)
        previewed = time.monotonic()
        imported: list[object] = []
        dialog.imported.connect(imported.append)
        dialog.import_button.click()
        wait_until(app, lambda: bool(imported), 3600)
        ended = time.monotonic()
        heart.stop()
        beats.append(ended)
        gaps = [b - a for a, b in itertools.pairwise(beats)]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        added = len(services.store.bank.transactions())
        services.close()
    print(f"lines: {lines} ({path.name}, {size:.0f} MB), added {added}")
    print(f"first progress report (the first slice read): {reports[0] - started:.2f} s")
    print(f"previewed: {previewed - started:.1f} s")
    print(f"imported: {ended - previewed:.1f} s")
    print(
        f"event loop turns: {len(beats) - 2} ({(len(beats) - 2) / (ended - started):.0f} a second)"
    )
    print(f"longest time without a turn: {max(gaps):.2f} s")
    worst = sorted(range(len(gaps)), key=gaps.__getitem__)[-5:]
    print(
        "five longest gaps (ending at, from the opening): "
        + ", ".join(f"{gaps[i]:.2f} s ({beats[i + 1] - started:.1f} s)" for i in reversed(worst))
    )
    print(f"(the preview was shown at {previewed - started:.1f} s)")
    print(f"peak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300_000, sys.argv[2:3] == ["cfonb"])
