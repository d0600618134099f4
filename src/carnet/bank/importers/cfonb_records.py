"""The records of a CFONB 120 file, cut from its text as it is read.

A file is cut the way the whole-file reader always cut it: the text without its
trailing line ends and DOS end-of-file marks (``\\x1a``) is the *body*; a body with a
line break is split at each ``\\n`` (a ``\\r`` before it dropped), and a body without any
(some EBICS downloads) is cut every 120 characters. Which of the two, how many records
there are and whether the last one is cut short depend on the end of the file, so a
first pass (:func:`measure`) reads the text once and keeps only those few numbers; the
second (:func:`records`) hands over one record at a time. A line far longer than a
record is not held: its first 120 characters are kept, and where its ink and its end
are, which is all the checks need.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

WIDTH = 120
CHUNK = 1 << 16  # characters read at a time
_END = "\r\n\x1a"  # what may follow the last record: line ends and the end-of-file mark
LONG = "~"  # added to a kept head: longer than a record and not blank


@dataclass
class Shape:
    """What the second pass must know before the first record."""

    body: int = 0  # characters up to the last one that is not in _END
    breaks: int = 0  # "\n" within the body
    last_break: int = -1  # where the last of them is
    ends: str = ""  # the last character of the whole text

    @property
    def by_lines(self) -> bool:
        return self.breaks > 0 or self.body <= WIDTH

    @property
    def count(self) -> int:
        """How many records (blank ones included: they keep their numbers)."""
        return self.breaks + 1 if self.by_lines else -(-self.body // WIDTH)

    @property
    def last_length(self) -> int:
        if self.by_lines:
            return self.body - self.last_break - 1
        return self.body - (self.count - 1) * WIDTH

    @property
    def truncated(self) -> bool:
        """A short last record with no line end: the download stopped mid-record."""
        return self.last_length < WIDTH and self.ends not in ("\n", "\x1a")


def _chunks(text: TextIO) -> Iterator[str]:
    while chunk := text.read(CHUNK):
        yield chunk


def measure(text: TextIO) -> Shape:
    """The first pass: the body's length and line breaks, chunk by chunk."""
    shape = Shape()
    offset = 0
    pending, pending_last = 0, -1  # breaks after the body's end so far (they may not be)
    for chunk in _chunks(text):
        kept = len(chunk.rstrip(_END))
        if kept:
            shape.body = offset + kept
            shape.breaks += pending + chunk.count("\n", 0, kept)
            found = chunk.rfind("\n", 0, kept)
            if found >= 0:
                shape.last_break = offset + found
            elif pending:
                shape.last_break = pending_last
            pending, pending_last = 0, -1
        pending += chunk.count("\n", kept)
        found = chunk.rfind("\n", kept)
        if found >= 0:
            pending_last = offset + found
        offset += len(chunk)
        shape.ends = chunk[-1]
    return shape


@dataclass
class _Line:
    """One line as it comes in pieces, its first ``WIDTH`` characters kept."""

    head: str = ""
    length: int = 0
    kept: int = 0  # the length without its trailing "\r"
    inked: int | None = None  # the first non-blank character beyond the head

    def add(self, part: str) -> None:
        start = self.length
        self.length += len(part)
        if start < WIDTH:
            self.head += part[: WIDTH - start]
        if without_cr := len(part.rstrip("\r")):
            self.kept = start + without_cr
        beyond = part[max(0, WIDTH - start) :]
        if self.inked is None and beyond and not beyond.isspace():
            self.inked = start + max(0, WIDTH - start) + len(beyond) - len(beyond.lstrip())

    def record(self, length: int) -> str:
        """The record: the line's first ``length`` characters, or a stand-in when longer."""
        if length <= WIDTH:
            return self.head[:length]
        if self.head.strip() or (self.inked is not None and self.inked < length):
            return self.head + LONG
        return ""  # blank, like any blank line


def records(text: TextIO, shape: Shape) -> Iterator[tuple[int, str]]:
    """The second pass: each record and its number (from 1), in order.

    A record is returned as it is when it fits in ``WIDTH`` characters; a longer one
    as a non-blank stand-in longer than ``WIDTH``, or as ``""`` when it is blank.
    """
    if not shape.by_lines:
        for number in range(1, shape.count + 1):
            record = text.read(WIDTH)
            yield number, record[: shape.last_length] if number == shape.count else record
        return
    line, number = _Line(), 1
    for chunk in _chunks(text):
        *ended, rest = chunk.split("\n")
        for part in ended:
            line.add(part)
            if number == shape.count:
                yield number, line.record(shape.last_length)
                return
            yield number, line.record(line.kept)
            line, number = _Line(), number + 1
        line.add(rest)
    if number == shape.count:
        yield number, line.record(shape.last_length)
