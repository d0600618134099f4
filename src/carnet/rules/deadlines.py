"""The patient's claim deadline (art. L.332-1 CSS).

Two years counted from the first day of the quarter that follows the care, so
the last day to claim is the end of the care's quarter, two years later:
care on 2025-02-07 → quarter starts 2025-04-01 → last day 2027-03-31.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

_ONE_DAY = timedelta(days=1)


def next_quarter_start(day: date) -> date:
    """The first day of the quarter after the one containing ``day``."""
    month = (day.month - 1) // 3 * 3 + 4
    if month > 12:
        return date(day.year + 1, month - 12, 1)
    return date(day.year, month, 1)


@lru_cache(maxsize=4096)
def claim_deadline(care_day: date, years: int = 2) -> date:
    """The last day (inclusive) to send the claim for care given on ``care_day``."""
    start = next_quarter_start(care_day)
    return date(start.year + years, start.month, 1) - _ONE_DAY
