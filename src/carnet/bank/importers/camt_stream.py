"""camt.053 read as it goes, for ``Camt053Importer.read``.

defusedxml's ``iterparse`` builds the tree one element at a time: each ``<Ntry>`` of a
``<Stmt>`` becomes a line when its end tag is read, and is then taken out of the tree,
so a long statement never sits whole in memory. The lines are the ones
``camt053`` gives for the whole document, with the same line numbers: the
``<Ntry`` start tags are found in the bytes as the parser reads them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import BinaryIO
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import iterparse

from carnet.bank.errors import BankFileError
from carnet.bank.importers.camt_entries import (
    ENTRY_TAG,
    account_of,
    closing_balance,
    entry_line,
    status,
    xml_errors,
)
from carnet.bank.model import StatementLine
from carnet.domain.messages import N_

_TAIL = 64  # bytes kept between two reads, for a start tag cut in two


class _Tagged:
    """The stream, noting the line number of each ``<Ntry`` start tag that goes by."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.lines: deque[int] = deque()
        self.tail = b""
        self.offset = 0  # where ``tail`` starts in the file
        self.counted = 0  # newlines counted up to ``counted_to``
        self.counted_to = 0
        self.accepted_to = 0  # tags starting before this are already noted

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size)
        data = self.tail + chunk
        for found in ENTRY_TAG.finditer(data):
            start = self.offset + found.start()
            if start >= self.accepted_to:
                self._count_to(data, start)
                self.lines.append(self.counted + 1)
                self.accepted_to = start + 1
        self.tail = data[-_TAIL:]
        end = self.offset + len(data) - len(self.tail)
        if end > self.counted_to:
            self._count_to(data, end)
        self.offset = end
        return chunk

    def _count_to(self, data: bytes, to: int) -> None:
        self.counted += data.count(b"\n", self.counted_to - self.offset, to - self.offset)
        self.counted_to = to


def _name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_entries(stream: BinaryIO, filename: str) -> Iterator[StatementLine]:
    """The booked entries of every ``BkToCstmrStmt/Stmt``, in document order."""
    stream.seek(0)
    tagged = _Tagged(stream)
    path: list[str] = []
    statement: Element | None = None
    account: str | None = None
    found = False
    with xml_errors(filename):
        for event, node in iterparse(tagged, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                path.append(_name(node.tag))
                if len(path) == 3 and path[1:] == ["BkToCstmrStmt", "Stmt"]:
                    statement, account, found = node, None, True
                continue
            name = path.pop()
            if statement is None or len(path) != 3:
                if len(path) == 2 and name == "Stmt" and statement is not None:
                    closing_balance(statement)  # a bad balance refuses the file, as when read whole
                    statement = None
                continue
            if name == "Acct":  # before the entries in every camt.053 version
                account = account_of(statement)
            elif name == "Ntry":
                line_no = tagged.lines.popleft() if tagged.lines else 0
                if status(node) == "BOOK":
                    yield entry_line(node, line_no, filename, account)
                statement.remove(node)
    if not found:
        raise BankFileError(filename, 0, N_("no BkToCstmrStmt/Stmt: not a camt.053 statement"))
