"""Wall-clock and CPU time of a piece of work, for the benchmarks of bulk paths.

The machine is often shared: the wall clock then also counts the time other
programs had the processor, while user + system CPU time is this process's own.
The benchmarks print both, with the load average, so a figure can be judged.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass
class Took:
    wall: float = 0.0
    user: float = 0.0
    system: float = 0.0

    @property
    def cpu(self) -> float:
        return self.user + self.system

    def __str__(self) -> str:
        return (
            f"{self.wall:7.2f} s wall, {self.cpu:7.2f} s CPU "
            f"({self.user:.2f} user + {self.system:.2f} sys)"
        )


@contextmanager
def measured() -> Iterator[Took]:
    """Fill the yielded :class:`Took` with what the block cost."""
    took = Took()
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    yield took
    took.wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    took.user = after.ru_utime - before.ru_utime
    took.system = after.ru_stime - before.ru_stime


def peak_rss_mb() -> float:
    """The process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())
