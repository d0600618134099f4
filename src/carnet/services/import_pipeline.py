"""The import pipeline: a statement's lines in slices, never all in memory.

Each slice of :data:`SLICE` lines is fingerprinted, checked against the account in one
query, classified and (unless it is a dry run) written with one ``executemany``; then it
is dropped. What stays is a tally (counts, first and last day) and the first
:data:`KEEP` lines for the person to look at. Progress is reported between slices, and
the answer "stop" raises :class:`ImportCancelled`, which rolls the import back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import NamedTuple

from carnet.bank import Classification, StatementLine
from carnet.domain.banking import BankAccount
from carnet.domain.errors import CarnetError
from carnet.i18n import N_

SLICE = 5_000  # lines read, checked and written at once (and between progress reports)
KEEP = 10_000  # lines a report keeps for the preview and the command line

# Told (work done, work in all) as an import goes; answers False to cancel it. The
# work is counted in bytes of the file read.
Progress = Callable[[int, int], bool]


class ImportCancelled(CarnetError):
    """The person cancelled the import; nothing was written."""


class ImportedLine(NamedTuple):
    line: StatementLine
    classification: Classification
    fingerprint: str
    duplicate: bool


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import found; ``lines`` holds the first lines only (see ``complete``)."""

    format: str
    account: BankAccount | None
    lines: tuple[ImportedLine, ...]
    dry_run: bool
    added: int = 0
    duplicates: int = 0
    health: int = 0  # new lines that are health reimbursements
    # New lines whose day and amount a statement of another format already brought to
    # the account: most likely the same operations, exported twice.
    twins: int = 0

    @property
    def complete(self) -> bool:
        """Whether ``lines`` holds every line of the file."""
        return len(self.lines) == self.added + self.duplicates


@dataclass
class Tally:
    """What the slices added up to."""

    keep: int | None
    kept: list[ImportedLine] = field(default_factory=list)
    added: int = 0
    duplicates: int = 0
    health: int = 0
    first: date | None = None
    last: date | None = None

    def count(self, items: list[ImportedLine]) -> None:
        room = len(items) if self.keep is None else max(0, self.keep - len(self.kept))
        self.kept.extend(items[:room])
        days = [item.line.date for item in items]
        if days:
            low, high = min(days), max(days)
            self.first = low if self.first is None else min(self.first, low)
            self.last = high if self.last is None else max(self.last, high)
        for item in items:
            if item.duplicate:
                self.duplicates += 1
            else:
                self.added += 1
                self.health += item.classification.health

    def report(self, format_: str, account: BankAccount | None, dry_run: bool) -> ImportReport:
        lines = tuple(self.kept)
        counts = (self.added, self.duplicates, self.health)
        return ImportReport(format_, account, lines, dry_run, *counts)


@dataclass
class Steps:
    """What the pipeline does to each slice; ``write`` is None for a dry run."""

    fingerprint: Callable[[StatementLine], str]
    classify: Callable[[StatementLine], Classification]
    known: Callable[[list[str]], set[str]]
    write: Callable[[list[ImportedLine]], None] | None
    where: Callable[[], tuple[int, int]]  # (work done, work in all)


def run(
    lines: Iterable[StatementLine], steps: Steps, progress: Progress | None, keep: int | None
) -> Tally:
    tally = Tally(keep)
    for batch in _slices(lines):
        _tick(progress, steps.where())
        prints = [steps.fingerprint(line) for line in batch]
        known = steps.known(prints)
        items = [
            ImportedLine(line, steps.classify(line), print_, print_ in known)
            for line, print_ in zip(batch, prints, strict=True)
        ]
        if steps.write is not None:
            steps.write([item for item in items if not item.duplicate])
        tally.count(items)
    total = steps.where()[1]
    _tick(progress, (total, total))
    return tally


def _slices(lines: Iterable[StatementLine]) -> Iterator[list[StatementLine]]:
    source = iter(lines)
    while batch := list(islice(source, SLICE)):
        yield batch


def _tick(progress: Progress | None, where: tuple[int, int]) -> None:
    done, total = where
    total = max(total, 1)
    if progress is not None and not progress(min(done, total), total):
        raise ImportCancelled(N_("import cancelled; nothing was added"))
