"""The CSV engine: one ``CsvImporter`` per ``CsvMapping`` (built-in profile or user's).

Rows are read with the ``csv`` module, never split on line breaks by us, because Crédit
Agricole labels are quoted multi-line fields. The file is streamed: its encoding is
chosen over the bytes first (``decoding.choose_codec``), then an incremental decoder
feeds ``csv.reader`` and each row becomes a line as it comes, so a 300 000-line
statement is never held whole. The header is found by signature in the first lines;
everything above it is the preamble, kept only to read the account and the balance.
Multi-account files (``sections``) restart at each header.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from carnet.bank.decoding import choose_codec, sniff, text_stream
from carnet.bank.errors import BankFileError
from carnet.bank.importers.base import HEADER, SHAPE, guarded, guarded_lines
from carnet.bank.importers.csv_mapping import Column, CsvMapping, header_key
from carnet.bank.importers.csv_row import RowReader
from carnet.bank.model import Balance, Statement, StatementLine
from carnet.bank.parsing import FieldError, parse_amount, parse_date
from carnet.domain.messages import N_, Message

PREAMBLE_LIMIT = 40

Row = tuple[int, list[str]]  # (first physical line, cells)


# One physical line and its ending (\r\n, \r or \n), or a last line without one.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` as a file opened with ``newline=""`` gives them to ``csv``.

    Not ``io.StringIO(text)``: it holds four bytes per character; these slices are
    made one at a time (the sniffed head of a file is read this way).
    """
    for found in _LINE.finditer(text):
        yield found.group()


def _rows(lines: Iterable[str], separator: str) -> Iterator[Row]:
    reader = csv.reader(lines, delimiter=separator, strict=False)
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def _blank(cells: Sequence[str]) -> bool:
    return not "".join(cells).strip()


def _header_score(mapping: CsvMapping, cells: Sequence[str]) -> int:
    names = {header_key(cell) for cell in cells} - {""}
    wanted = set(mapping.header)
    if not wanted <= names:
        return 0
    return HEADER + len(wanted) + (5 if wanted == names else 0)


@dataclass
class _Section:
    """The columns of the current header and what its preamble said."""

    convert: RowReader
    account: str | None = None
    balance: Balance | None = None


@dataclass
class _State:
    filename: str
    sections: list[_Section] = field(default_factory=list)
    preamble: list[Row] = field(default_factory=list)
    accounts: set[str | None] = field(default_factory=set)  # one entry per account
    skipped: int = 0


class CsvImporter:
    """Reads the CSV layout a ``CsvMapping`` describes."""

    def __init__(self, mapping: CsvMapping) -> None:
        self.mapping = mapping

    @property
    def name(self) -> str:
        return f"csv:{self.mapping.name}"

    def identify(self, data: bytes, filename: str) -> int:
        del filename  # the content decides; detect() uses the extension only for ties
        text = sniff(data, fallback=self.mapping.fallback)
        rows = list(_head_rows(text, self.mapping.separator))[self.mapping.skip_rows :]
        if self.mapping.header:
            return max((_header_score(self.mapping, cells) for _, cells in rows), default=0)
        return SHAPE if self._looks_like_data(rows) else 0

    def _looks_like_data(self, rows: list[Row]) -> bool:
        data = [cells for _, cells in rows if not _blank(cells)]
        for start in range(min(len(data), 10)):
            sample = data[start : start + 5]
            if len(sample) >= 2 and all(self._parses(cells) for cells in sample):
                return True
        return False

    def _parses(self, cells: list[str]) -> bool:
        try:
            return _positional(self.mapping, cells).line(cells, 0) is not None
        except FieldError:
            return False

    def parse(self, data: bytes, filename: str) -> Statement:
        return guarded(filename, lambda: self._parse(data, filename))

    def _parse(self, data: bytes, filename: str) -> Statement:
        stream = io.BytesIO(data)
        codec = choose_codec(stream, self.mapping.encoding, self.mapping.fallback)
        state = _State(filename)
        text = text_stream(stream, codec)
        try:
            lines = tuple(self._read(text, state))
        finally:
            text.detach()
        return _statement(self.mapping, state, lines, codec.encoding, codec.lossy)

    def read(self, stream: BinaryIO, filename: str) -> Iterator[StatementLine]:
        """The lines one at a time, the file read a chunk at a time."""
        return guarded_lines(filename, lambda: self._stream(stream, filename))

    def _stream(self, stream: BinaryIO, filename: str) -> Iterator[StatementLine]:
        codec = choose_codec(stream, self.mapping.encoding, self.mapping.fallback)
        text = text_stream(stream, codec)
        try:
            yield from self._read(text, _State(filename))
        finally:
            text.detach()  # the caller's stream stays open

    def _read(self, text: Iterable[str], state: _State) -> Iterator[StatementLine]:
        mapping = self.mapping
        for start, cells in _rows(text, mapping.separator):
            if start <= mapping.skip_rows:
                continue
            if not state.sections or (state.preamble and mapping.sections):
                line = _seek_header(mapping, state, start, cells)
            else:
                line = _data_row(mapping, state, start, cells)
            if line is not None:
                state.accounts.add(line.account_id)
                yield line
        if not state.sections or state.preamble:
            first = state.preamble[0][0] if state.preamble else 0
            raise BankFileError(
                state.filename, first, N_("no {name} header or data rows found"), name=mapping.name
            )


def _head_rows(text: str, separator: str) -> Iterator[Row]:
    # The sniffed head may end inside a quoted field: ignore what csv cannot finish.
    rows = _rows(_lines(text), separator)
    for _ in range(PREAMBLE_LIMIT):
        try:
            yield next(rows)
        except (StopIteration, csv.Error):
            return


def _positional(mapping: CsvMapping, cells: Sequence[str]) -> RowReader:
    """A headerless reader over this row's columns (for guessing the layout)."""
    return RowReader(mapping, {i: i for i in range(len(cells))})


def _seek_header(
    mapping: CsvMapping, state: _State, start: int, cells: list[str]
) -> StatementLine | None:
    """Before a header: keep preamble rows until the header (or, headerless, data) shows."""
    if mapping.header and _header_score(mapping, cells):
        state.sections.append(_open_section(mapping, state, start, cells))
        state.preamble = []
        return None
    if not mapping.header and not _blank(cells):
        try:
            line = _positional(mapping, cells).line(cells, start)
        except FieldError:
            line = None
        if line is not None:
            state.sections.append(_open_section(mapping, state, start, []))
            state.preamble = []
            return _data_row(mapping, state, start, cells)
    state.preamble.append((start, cells))
    if len(state.preamble) > PREAMBLE_LIMIT:
        raise BankFileError(
            state.filename, start, N_("no {name} header in the first lines"), name=mapping.name
        )
    return None


def _open_section(mapping: CsvMapping, state: _State, start: int, cells: list[str]) -> _Section:
    keys = [header_key(cell) for cell in cells]
    index: dict[Column, int] = {}
    for column in mapping.columns():
        if isinstance(column, int):
            index[column] = column
        elif column in keys:
            index[column] = keys.index(column)
        elif column not in (mapping.fee, mapping.account, *mapping.label[1:]):
            # Optional extras (fee, account, second label) may be missing; the rest may not.
            raise BankFileError(
                state.filename,
                start,
                N_("column {column} missing from header"),
                column=repr(column),
            )
    text = "\n".join(mapping.separator.join(row) for _, row in state.preamble)
    text = html.unescape(html.unescape(text))  # BNP double-escapes: "ch&amp;egrave;ques"
    account = _account(mapping, text)
    return _Section(RowReader(mapping, index, account), account, _balance(mapping, text))


def _account(mapping: CsvMapping, preamble: str) -> str | None:
    found = re.search(mapping.account_pattern, preamble, re.M) if mapping.account_pattern else None
    return found.group(1).strip() if found else None


def _balance(mapping: CsvMapping, preamble: str) -> Balance | None:
    if not mapping.balance_pattern:
        return None
    found = re.search(mapping.balance_pattern, preamble, re.M)
    if found is None:
        return None
    try:
        on = found.groupdict().get("date")
        day = parse_date(on, "dd/mm/yyyy") if on else None
        return Balance(parse_amount(found.group("amount"), mapping.decimal), day)
    except FieldError:
        return None  # an odd balance line never blocks the import of the operations


def _data_row(
    mapping: CsvMapping, state: _State, start: int, cells: list[str]
) -> StatementLine | None:
    if _blank(cells):
        return None
    try:
        line = state.sections[-1].convert.line(cells, start)
    except FieldError as error:
        if mapping.sections:
            state.preamble.append((start, cells))  # maybe the next account's preamble
            return None
        raise BankFileError(state.filename, start, error.text) from None
    if line is None:
        state.skipped += 1
    return line


def _statement(
    mapping: CsvMapping,
    state: _State,
    lines: tuple[StatementLine, ...],
    encoding: str,
    lossy: bool,
) -> Statement:
    single = next(iter(state.accounts)) if len(state.accounts) == 1 else None
    balance = state.sections[0].balance if len(state.sections) == 1 else None
    warnings: list[Message] = []
    if state.skipped:
        warnings.append(
            Message(
                N_("{count} rows not completed (pending or reverted) skipped"),
                count=state.skipped,
            )
        )
    if lossy:
        warnings.append(Message(N_("undefined bytes replaced while decoding")))
    name = f"csv:{mapping.name}"
    return Statement(name, lines, single, balance, encoding, tuple(warnings))
