"""A big CSV statement (the "export-operations.csv" layout), written once per test module."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

HEADER = (
    "dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;"
    "accountNum;accountLabel;accountbalance\n"
)


def write_big_csv(path: Path, lines: int) -> Path:
    """``lines`` distinct transactions, 60 a day from 2024-01-01, in French number format."""
    rng, start = random.Random(1), date(2024, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for n in range(lines):
            day = (start + timedelta(days=n // 60)).isoformat()
            cents = rng.randrange(-90_000, 90_000)
            label = ("CARTE MONOPRIX", "VIR SEPA CPAM DE PARIS", "PRLV LOYER")[n % 3]
            amount = f"{cents / 100:.2f}".replace(".", ",")
            out.write(f'{day};{day};"{label} {n}";"";"";"";{amount};"";0004;"C";"0"\n')
    return path
