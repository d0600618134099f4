"""Time the yearly summary PDF: 1000 acts must render in under 1.5 s (issue 7).

Run as ``python benchmarks/bench_summary.py [acts] [runs]``. The summary is
built in memory (a year of generated acts over four people and eight
practitioners, with pending money, open feuilles and every category), so the
figure measures the renderer alone: the report service's query is timed
separately by ``bench_demo.py``. "cold" includes the one-time font
registration; "warm" is the median of the following runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

try:
    import carnet  # noqa: F401
except ImportError:  # running from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from carnet.documents.fonts import register_fonts
from carnet.documents.summary import render_summary
from carnet.domain.reports import OpenFeuille, Pending, Split, Summary, SummaryAct

TARGET_SECONDS = 1.5
YEAR = 2026
_PEOPLE = ("Sarah Thompson", "David Thompson", "Léa Thompson", "Ольга Petrova")
_CARE = (  # practitioner, act code, category, fee in cents
    ("Dr Claire Martin", "G", "gp", 3000),
    ("Dr Paul Lefèvre", "CS", "specialist", 6000),
    ("Pharmacie du Marché", "PH7", "pharmacy-65", 2490),
    ("Julien Roux", "AMK", "paramedical", 1856),
    ("Laboratoire Cerballiance", "B", "biology", 4321),
    ("Cabinet dentaire Voltaire", "SC12", "dental", 2892),
    ("Centre d'imagerie Nation", "ADE", "radiology", 6990),
    ("Nguyễn Thị Hằng, sage-femme", "SF", "midwife", 2500),
)
_STATUSES = ("settled", "settled", "pending", "partly-paid", "nothing-expected")


def act(index: int) -> SummaryAct:
    practitioner, code, category, fee = _CARE[index % len(_CARE)]
    fee += 37 * (index % 11)
    amo = fee * 6 // 10
    amc = (fee - amo) * 2 // 3
    return SummaryAct(
        date=date(YEAR, 1, 1) + timedelta(days=index * 365 // 1000),
        person=_PEOPLE[index % len(_PEOPLE)],
        practitioner=practitioner,
        code=code,
        category=category,
        fee_cents=fee,
        amo_cents=amo,
        amc_cents=amc,
        patient_cents=fee - amo - amc,
        status=_STATUSES[index % len(_STATUSES)],
    )


def splits(acts: list[SummaryAct], key_of: str) -> tuple[Split, ...]:
    sums: dict[str, list[int]] = {}
    for line in acts:
        key = line.date.strftime("%Y-%m") if key_of == "month" else line.category
        slot = sums.setdefault(key, [0, 0])
        slot[0] += line.amo_cents + line.amc_cents
        slot[1] += line.patient_cents
    return tuple(Split(key, back, paid) for key, (back, paid) in sorted(sums.items()))


def sample(count: int) -> Summary:
    acts = [act(index) for index in range(count)]
    return Summary(
        person="",
        start=date(YEAR, 1, 1),
        end=date(YEAR, 12, 31),
        generated_on=date(YEAR, 11, 28),
        acts=tuple(acts),
        pending=(
            Pending("amo", (12050, 3310, 1900, 14198), 21304),
            Pending("amc", (1800, 0, 740, 9214), 17292),
        ),
        feuilles=tuple(
            OpenFeuille(n, _PEOPLE[n % 4], ("to-sign", "signed", "held")[n % 3], date(2028, 9, 30))
            for n in range(1, 13)
        ),
        by_month=splits(acts, "month"),
        by_category=splits(acts, "category"),
    )


def main(count: int = 1000, runs: int = 5) -> int:
    data = sample(count)
    start = time.perf_counter()
    register_fonts()
    fonts = time.perf_counter() - start
    start = time.perf_counter()
    pdf = render_summary(data, "fr")
    first = time.perf_counter() - start
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        again = render_summary(data, "fr")
        timings.append(time.perf_counter() - start)
        assert again == pdf, "the summary PDF is not reproducible"
    warm = statistics.median(timings)
    print(f"summary of {count} acts: {len(pdf) / 1024:.0f} KiB")
    print(f"  fonts (once per process): {fonts:.3f} s")
    print(f"  cold render: {first:.3f} s")
    print(f"  warm render (median of {runs}): {warm:.3f} s (target < {TARGET_SECONDS} s)")
    return 0 if first < TARGET_SECONDS and warm < TARGET_SECONDS else 1


if __name__ == "__main__":
    arguments = [int(value) for value in sys.argv[1:3]]
    sys.exit(main(*arguments))
