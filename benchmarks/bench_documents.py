"""Time the packet PDF: a 40-feuille packet must render in under 0.5 s once fonts are loaded.

Run as ``python benchmarks/bench_documents.py [feuilles] [runs]``. "cold" is the
first packet of the process, including the one-time font registration (parsing
the DejaVu files); "warm" is the median of the following runs, which is what the
GUI's worker thread pays for each mailing after the first.
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

from carnet.documents import (
    EnclosedFeuille,
    Insured,
    Packet,
    Recipient,
    Sender,
    build_packet,
    feuille_reference,
    mailing_reference,
)
from carnet.documents.fonts import register_fonts

TARGET_SECONDS = 0.5
_PEOPLE = (
    ("Sarah Thompson", date(1988, 3, 14)),
    ("Léa Thompson", date(2022, 5, 2)),
    ("Ольга Petrova", date(1990, 1, 9)),
    ("Nguyễn Thị Hằng", None),
)


def packet(count: int) -> Packet:
    mailing = mailing_reference(2026, 7)
    feuilles = tuple(
        EnclosedFeuille(
            reference=feuille_reference(mailing, index + 1),
            beneficiary=_PEOPLE[index % 4][0],
            beneficiary_birth_date=_PEOPLE[index % 4][1],
            care_date=date(2026, 9, 1) + timedelta(days=index),
            practitioner="Dr Claire Martin",
            act="Consultation de médecine générale (G)",
            paid_cents=2500 + 137 * index,
            prescription=index % 3 == 0,
        )
        for index in range(count)
    )
    return Packet(
        sender=Sender(("Sarah Thompson",), ("12 rue des Lilas", "75011 Paris")),
        insured=Insured("Sarah Thompson", "2 88 03 99 132 045 16"),
        recipient=Recipient("CPAM de Paris", ("21 rue Georges Auric", "75948 Paris Cedex 19")),
        date=date(2026, 11, 28),
        place="Paris",
        feuilles=feuilles,
        mailing_id=mailing,
        tracking="1A 234 567 8901 2",
    )


def main(count: int = 40, runs: int = 10) -> int:
    sample = packet(count)
    start = time.perf_counter()
    register_fonts()
    fonts = time.perf_counter() - start
    start = time.perf_counter()
    pdf = build_packet(sample, "en")
    first = time.perf_counter() - start
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        build_packet(sample, "en")
        timings.append(time.perf_counter() - start)
    warm = statistics.median(timings)
    print(f"{count} feuilles, {len(pdf) / 1024:.0f} KiB")
    print(f"font registration (once per process): {fonts * 1000:.0f} ms")
    print(f"cold packet (first in process, fonts registered): {first * 1000:.0f} ms")
    print(f"cold total (registration + first packet): {(fonts + first) * 1000:.0f} ms")
    print(f"warm packet, median of {runs}: {warm * 1000:.0f} ms (max {max(timings) * 1000:.0f} ms)")
    verdict = "OK" if warm < TARGET_SECONDS else "TOO SLOW"
    print(f"target < {TARGET_SECONDS * 1000:.0f} ms warm: {verdict}")
    return 0 if warm < TARGET_SECONDS else 1


if __name__ == "__main__":
    arguments = [int(value) for value in sys.argv[1:3]]
    sys.exit(main(*arguments))
