"""Benchmark: classifying bank statement lines (who paid, is it a health reimbursement).

Usage: python benchmarks/bench_classify.py [LINES] [--profile] (default 300000).
Builds LINES statement lines shaped like real French exports (card payments, direct
debits, SEPA transfers from the CPAM and mutuelles in the SG, BNP and plain layouts,
accents and mixed case), nearly all with distinct labels because real labels carry
dates and references. Then, best of three, classifies every line with a fresh payer
directory, as an import does, and prints microseconds per line (wall and CPU) with the
load average. The printed digest of every answer lets two versions be compared: a
faster classifier must print the same digest.

``--profile`` runs one round under cProfile and prints the costliest functions.
"""

from __future__ import annotations

import cProfile
import hashlib
import pstats
import random
import sys
from datetime import date
from pathlib import Path

from cpu_clock import load_average, measured

from carnet.bank import Classification, PayerDirectory, StatementLine, classify
from carnet.domain.money import Cents

PAYERS = Path(__file__).resolve().parents[1] / "resources" / "payers.toml"
DAY = date(2025, 3, 12)
SHOPS = (
    "MONOPRIX",
    "CARREFOUR CITY",
    "Boulangerie Façon",
    "PHARMACIE DU MARCHE",
    "SNCF INTERNET",
    "Café de la Gare",
    "AMAZON PAYMENTS",
    "FNAC DARTY",
    "LECLERC DRIVE",
    "Crêperie Saint-Michel",
)
CREDITORS = ("FONCIA LOYER", "EDF clients particuliers", "FREE MOBILE", "MGEN", "Harmonie Mutuelle")
PAYERS_FR = (
    "CPAM DE PARIS",
    "C.P.A.M. DE LA SARTHE",
    "CPAM DE L ISERE",
    "HARMONIE MUTUELLE",
    "MGEN",
    "Mutuelle Générale de l'Éducation Nationale",
    "ALAN SA",
    "MALAKOFF HUMANIS",
    "EMPLOYEUR SARL DUPONT",
    "M. JEAN DUPONT",
)


def _label(rng: random.Random, n: int) -> tuple[str, int]:
    """One label and its amount in cents; ``n`` makes the label distinct."""
    day = f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}"
    shop, payer = rng.choice(SHOPS), rng.choice(PAYERS_FR)
    kind = rng.randrange(10)
    if kind < 4:  # card payments: the commonest line
        card = rng.choice(("CB", "CARTE X4974", "Paiement par carte"))
        return f"{card} {shop} {day} {n % 9973}", -rng.randrange(100, 20_000)
    if kind < 6:
        creditor = rng.choice(CREDITORS)
        return f"PRLV SEPA {creditor} ECH/{n:06d} MDT/FR{n}ZZ", -rng.randrange(1_000, 90_000)
    if kind == 6:
        return f"VIR SEPA {payer} {n:012d} REF {rng.randrange(10**7)}", rng.randrange(500, 9_000)
    if kind == 7:  # Société Générale
        motif = rng.choice(("REMBOURSEMENT SOINS", "IJ MALADIE", "Remb. santé"))
        return f"VIR RECU {n:013d} DE: {payer} MOTIF: {motif} REF: {n}", rng.randrange(500, 9_000)
    if kind == 8:  # BNP Paribas
        return f"VIR SEPA RECU /DE {payer} /MOTIF REMB {n} /REF {n * 7}", rng.randrange(500, 9_000)
    return f"RETRAIT DAB {day} {shop} {n}", -rng.randrange(2_000, 20_000)


def statement(count: int) -> list[StatementLine]:
    rng = random.Random(20)
    lines = []
    for n in range(count):
        label, cents = _label(rng, n)
        lines.append(StatementLine(DAY, Cents(cents), label))
    return lines


def classify_all(lines: list[StatementLine]) -> list[Classification]:
    """Classify every line with a fresh directory, as one import does."""
    directory = PayerDirectory.from_file(PAYERS)
    return [classify(line, directory) for line in lines]


def digest(answers: list[Classification]) -> str:
    return hashlib.sha256(repr(answers).encode()).hexdigest()[:16]


def main(count: int, profile: bool) -> None:
    lines = statement(count)
    distinct = len({line.label for line in lines})
    print(f"{count} lines, {distinct} distinct labels; load average {load_average()}")
    if profile:
        profiler = cProfile.Profile()
        profiler.runcall(classify_all, lines)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
        return
    rounds = []
    for _ in range(3):
        with measured() as took:
            answers = classify_all(lines)
        rounds.append(took)
    best = min(rounds, key=lambda took: took.cpu)
    per_wall, per_cpu = best.wall / count * 1e6, best.cpu / count * 1e6
    print(f"classify: {best} (best of 3 by CPU)")
    print(f"          {per_wall:.2f} µs/line wall, {per_cpu:.2f} µs/line CPU")
    print(f"digest of the answers: {digest(answers)}")
    print(f"load average after: {load_average()}")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(arguments[0]) if arguments else 300_000, "--profile" in sys.argv)
