"""The records of a CFONB 120 file, cut from its text as it is read, in one pass.

A file is cut the way the whole-file reader always cut it: the text without its
trailing line ends and DOS end-of-file marks (``\\x1a``) is the *body*; a body with a
line break is split at each ``\\n`` (a ``\\r`` before it dropped), and a body without any
(some EBICS downloads) is cut every 120 characters.

Which of the two, and where the body ends, depend on what comes later, so the reader
looks ahead only as far as it must: the first line break decides the cutting (a line
break after more than a record's width of text would make line 1 no record, and such
a file is refused at line 1 when the break comes, as when read whole); a line made only
of line ends and end marks waits until text follows it (it is then a record like any
other) or the file ends (it was the trailing end). The last record is known at the end
of the file, where a short one with no line end after it is refused as cut short
(:class:`Cut`; the reader then reads on to the end after a fault, since a file cut
short is refused as such, as when read whole). A line far longer than a record is not
held: its first 120 characters are kept, and where its ink and its end are, which is all
the checks need.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

WIDTH = 120
CHUNK = 1 << 16  # characters read at a time
_END = "\r\n\x1a"  # what may follow the last record: line ends and the end-of-file mark
LONG = "~"  # added to a kept head: longer than a record and not blank
# Line ends or end marks in a row, within a file without line breaks, before it is refused.
LONGEST_END_RUN = 1 << 20


class Cut(Exception):
    """The last record is short and has no line end after it: the download stopped."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


class NotRecords(Exception):
    """A run of text that cannot be cut into records (its first record's number)."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def _ink(part: str) -> int:
    """One past the last character of ``part`` that is not a line end or end mark (0: none)."""
    return len(part.rstrip(_END))


@dataclass
class _Line:
    """One line as it comes in pieces, its first ``WIDTH`` characters kept."""

    head: str = ""
    length: int = 0
    kept: int = 0  # the length without its trailing "\r"
    inked: int | None = None  # the first non-blank character beyond the head
    body: int = 0  # one past its last character that is not in _END

    def add(self, part: str) -> None:
        start = self.length
        self.length += len(part)
        if start < WIDTH:
            self.head += part[: WIDTH - start]
        if without_cr := len(part.rstrip("\r")):
            self.kept = start + without_cr
        if ink := _ink(part):
            self.body = start + ink
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


def _chunks(text: TextIO) -> Iterator[str]:
    while chunk := text.read(CHUNK):
        yield chunk


def _after(first: str, rest: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def records(text: TextIO) -> Iterator[tuple[int, str]]:
    """Each record and its number (from 1), in order; :class:`Cut` at a cut-short end.

    A record is returned as it is when it fits in ``WIDTH`` characters; a longer one
    as a non-blank stand-in longer than ``WIDTH``, or as ``""`` when it is blank.
    """
    pieces = _chunks(text)
    start = ""  # the text before the first line break, while it is short
    for chunk in pieces:
        at = chunk.find("\n")
        line_1 = start + (chunk if at < 0 else chunk[:at])
        if _ink(line_1) > WIDTH or len(line_1) > LONGEST_END_RUN:
            yield from _fixed(_after(start + chunk, pieces))  # line 1 would be no record
            return
        start += chunk
        if at >= 0:
            break
    yield from _by_lines(_after(start, pieces))


def _by_lines(pieces: Iterator[str], number: int = 1) -> Iterator[tuple[int, str]]:
    """The records of a body with line breaks, split at each of them."""
    line = _Line()
    held: tuple[int, _Line] | None = None  # the last line with text: the last record?
    waiting: tuple[int, str] | None = None  # the first line of line ends that is no blank
    last_char = ""
    for chunk in pieces:
        last_char = chunk[-1]
        *ended, rest = chunk.split("\n")
        for part in ended:
            line.add(part)
            if line.body:  # text again: what waited was no trailing end
                if held is not None:
                    yield held[0], held[1].record(held[1].kept)
                if waiting is not None:
                    yield waiting  # a record like any other (and no good one)
                held, waiting = (number, line), None
            elif waiting is None and (record := line.record(line.kept)).strip():
                waiting = (number, record)  # an end mark: blank lines are simply skipped
            line, number = _Line(), number + 1
        line.add(rest)
    if line.body:
        if held is not None:
            yield held[0], held[1].record(held[1].kept)
        if waiting is not None:
            yield waiting
        held = (number, line)
    if held is None:  # no text: one blank record, cut short unless a line end closes it
        if last_char not in ("\n", "\x1a"):
            raise Cut(1)
        return
    number, line = held  # the last record ends where the body does
    if line.body < WIDTH and last_char not in ("\n", "\x1a"):
        raise Cut(number)
    yield number, line.record(line.body)


def _fixed(pieces: Iterator[str]) -> Iterator[tuple[int, str]]:
    """The records of a body without line breaks, one every ``WIDTH`` characters.

    A line break within the body would have made the text before it line 1, longer
    than a record: the rest is then read as lines for its end (a file cut short is
    refused as such) and the file refused at line 1 (:class:`NotRecords`).
    """
    buffer, number, body, last_char = "", 1, 0, ""
    after_break: str | None = None  # line ends since a first line break (the end?)
    for piece in pieces:
        last_char, chunk = piece[-1], piece
        if after_break is None and (at := piece.find("\n")) >= 0:
            after_break, chunk = piece[at + 1 :], piece[:at]
        elif after_break is not None:
            after_break, chunk = after_break + piece, ""
        if after_break is not None and _ink(after_break):
            for _rest in _by_lines(_after(after_break, pieces), number=2):
                pass
            raise NotRecords(1)
        if ink := _ink(chunk):
            body = len(buffer) + ink
        buffer += chunk
        whole = body // WIDTH * WIDTH  # the records wholly in the body so far
        for offset in range(0, whole, WIDTH):
            yield number, buffer[offset : offset + WIDTH]
            number += 1
        buffer, body = buffer[whole:], body - whole
        if len(buffer) + len(after_break or "") > LONGEST_END_RUN:
            raise NotRecords(number)
    if body:
        if last_char not in ("\n", "\x1a"):
            raise Cut(number)  # shorter than a record: the rest of it was never written
        yield number, buffer[:body]
