"""Stable fingerprints so that re-importing a file, or an overlapping one, adds nothing twice.

A line with a bank reference (OFX ``FITID``, camt ``AcctSvcrRef``) is identified by it.
Other lines are identified by (account, date, amount, normalised label, occurrence), where
*occurrence* is the rank of that same (date, amount, label) triple within the file.

Why the occurrence index works for overlaps: identical triples share their date, so all
of them sit on one day. Two exports that both cover that whole day hold the same number
of them and give them ranks 0…n−1: nothing is added twice, yet two genuine identical rows
(two 25 € consultations refunded the same day) keep two fingerprints. When the earlier
export was taken in the middle of that day, it holds the first k of them; the later export
holds all n, ranks 0…k−1 are recognised and only k…n−1 are new, which is right. Rows are
identical in every field we keep, so which physical row gets which rank does not matter.

The label is normalised (upper case, no accents, single spaces) because banks re-wrap
multi-line labels (Crédit Agricole) differently from one export to the next. A bank
reference is also counted by occurrence, which only matters for the rare bank that
repeats one ``FITID`` inside a file. Telling a repeat from a first occurrence needs every
reference seen so far; they are kept as 64-bit keys in one array (:class:`_SeenKeys`, 16
bytes a reference where a dictionary of strings took about 200), and a rank is kept only
for a reference seen twice. The fingerprints are those the dictionary gave, so a statement
imported before still deduplicates. Two distinct references of one file whose keys are
equal (odds of about one in 30 million for a file of a million references) would make the second
one a "repeat": its line would still be imported, and a later overlapping export might add
it a second time.

A row's fingerprint starts with its day (``2026-03-14/`` then 32 hexadecimal digits).
The database keeps fingerprints in a unique index; a statement is written in date order,
so its lines then go to the end of that index rather than to random places in it, which
makes a big import markedly cheaper (``benchmarks/bench_import_csv.py``). Migration 0014
gave their day to the lines imported before. A bank reference's fingerprint has no day:
the same reference is the same operation whatever day a later export gives it.

A file is fingerprinted as it is read (:class:`Fingerprinter`). In a statement sorted by
date (every bank writes them so, oldest or newest first) the ranks of a day are complete
once the next day starts, so only the current day's counts are kept: memory does not
grow with the file. A file that comes back to a day it had left raises
:class:`DatesOutOfOrder`, and the caller reads it again with ``ordered=False``, which
keeps every count: same fingerprints, more memory.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable
from datetime import date

from carnet.bank.model import StatementLine
from carnet.bank.parsing import fold

VERSION = "v1"


class DatesOutOfOrder(Exception):
    """A line of a day the file had already left: the ranks need every day's counts."""

    def __init__(self, line_no: int, day: date) -> None:
        super().__init__(line_no, day)
        self.line_no, self.day = line_no, day


def _digest(*parts: object) -> str:
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Fingerprinter:
    """``fingerprinter(line)`` → the line's fingerprint, lines given in file order.

    ``account_key`` identifies the account the lines belong to (the service's bank account
    id); a line's own ``account_id`` (multi-account files) is added to it.
    """

    def __init__(self, account_key: str, *, ordered: bool = False) -> None:
        self.account_key = account_key
        self.ordered = ordered
        self.day: date | None = None
        self.day_text = ""
        self.left: set[date] = set()  # days behind us (ordered mode)
        self.rows: dict[tuple[str, str, int, str], int] = {}  # ranks of (account, day, ...)
        self.refs = _SeenKeys()  # every bank reference of the file, as a key
        self.repeats: dict[int, int] = {}  # the next rank of a reference seen more than once

    def __call__(self, line: StatementLine) -> str:
        account = f"{self.account_key}/{line.account_id or ''}"
        if line.bank_ref:
            ref = _ref_key(account, line.bank_ref)
            rank = self.repeats.get(ref, 1) if self.refs.add(ref) else 0
            if rank:
                self.repeats[ref] = rank + 1
            return _digest(VERSION, account, "ref", line.bank_ref, rank)
        if line.date != self.day:
            self._new_day(line)
        key = (account, self.day_text, int(line.amount_cents), fold(line.label))
        rank = self.rows.get(key, 0)
        self.rows[key] = rank + 1
        # The text _digest would join, written out: this runs once per line.
        text = f"{VERSION}\x1f{account}\x1frow\x1f{key[1]}\x1f{key[2]}\x1f{key[3]}\x1f{rank}"
        return f"{self.day_text}/{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}"

    def _new_day(self, line: StatementLine) -> None:
        day = line.date
        if self.ordered:
            if day in self.left:
                raise DatesOutOfOrder(line.line_no, day)
            if self.day is not None:
                self.left.add(self.day)
            self.rows.clear()  # a sorted file never comes back to the day it leaves
        self.day, self.day_text = day, day.isoformat()


def _ref_key(account: str, ref: str) -> int:
    """A 64-bit key of (account, reference), never 0 (the empty slot)."""
    digest = hashlib.blake2b(f"{account}\x1f{ref}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") or 1


class _SeenKeys:
    """A set of non-zero 64-bit keys in one flat array (open addressing, linear probing).

    The keys are hashes, so their low bits are already spread: they pick the slot.
    """

    def __init__(self) -> None:
        self.slots = array("Q", [0]) * 1024
        self.count = 0

    def add(self, key: int) -> bool:
        """Add ``key``; whether it was there already."""
        slots, mask = self.slots, len(self.slots) - 1
        at = key & mask
        while found := slots[at]:
            if found == key:
                return True
            at = (at + 1) & mask
        slots[at] = key
        self.count += 1
        if self.count * 2 > len(slots):  # at most half full: probes stay short
            self._grow()
        return False

    def _grow(self) -> None:
        old = self.slots
        self.slots = array("Q", [0]) * (2 * len(old))
        self.count = 0
        for key in old:
            if key:
                self.add(key)


def fingerprint_lines(account_key: str, lines: Iterable[StatementLine]) -> list[str]:
    """One fingerprint per line, in order; equal fingerprints mean the same bank operation."""
    fingerprinter = Fingerprinter(account_key)
    return [fingerprinter(line) for line in lines]
