"""The CSV engine: one ``CsvImporter`` per ``CsvMapping`` (built-in profile or user's).

Rows are read with the ``csv`` module on the whole decoded text, never split on line
breaks, because Crédit Agricole labels are quoted multi-line fields. The header is found
by signature in the first lines; everything above it is the preamble, kept only to read
the account and the balance. Multi-account files (``sections``) restart at each header.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from carnet.bank.decoding import decode, sniff
from carnet.bank.errors import BankFileError
from carnet.bank.importers.base import HEADER, SHAPE, guarded
from carnet.bank.importers.csv_mapping import Column, CsvMapping, DebitSign, header_key
from carnet.bank.model import Balance, Statement, StatementLine
from carnet.bank.parsing import FieldError, parse_amount, parse_date
from carnet.domain.messages import N_, Message
from carnet.domain.money import Cents

PREAMBLE_LIMIT = 40
_SPACE_RUN = re.compile(r"\s+")

Row = tuple[int, list[str]]  # (first physical line, cells)


# One physical line and its ending (\r\n, \r or \n), or a last line without one.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` as a file opened with ``newline=""`` gives them to ``csv``.

    Not ``io.StringIO(text)``: it holds four bytes per character, 160 MB for a
    300 000-line statement; these slices are made one at a time.
    """
    for found in _LINE.finditer(text):
        yield found.group()


def _rows(text: str, separator: str) -> Iterator[Row]:
    reader = csv.reader(_lines(text), delimiter=separator, strict=False)
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def _blank(cells: Sequence[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def _header_score(mapping: CsvMapping, cells: Sequence[str]) -> int:
    names = {header_key(cell) for cell in cells} - {""}
    wanted = set(mapping.header)
    if not wanted <= names:
        return 0
    return HEADER + len(wanted) + (5 if wanted == names else 0)


@dataclass
class _Section:
    """The columns of the current header and what its preamble said."""

    index: dict[Column, int]
    account: str | None = None
    balance: Balance | None = None


@dataclass
class _State:
    filename: str
    lines: list[StatementLine] = field(default_factory=list)
    sections: list[_Section] = field(default_factory=list)
    preamble: list[Row] = field(default_factory=list)
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
        index: dict[Column, int] = {i: i for i in range(len(cells))}
        try:
            return _convert(self.mapping, index, cells, 0) is not None
        except FieldError:
            return False

    def parse(self, data: bytes, filename: str) -> Statement:
        return guarded(filename, lambda: self._parse(data, filename))

    def _parse(self, data: bytes, filename: str) -> Statement:
        mapping = self.mapping
        decoded = decode(data, mapping.encoding, mapping.fallback)
        state = _State(filename)
        for start, cells in _rows(decoded.text, mapping.separator):
            if start <= mapping.skip_rows:
                continue
            if not state.sections or (state.preamble and mapping.sections):
                _seek_header(mapping, state, start, cells)
            else:
                _data_row(mapping, state, start, cells)
        if not state.sections or state.preamble:
            first = state.preamble[0][0] if state.preamble else 0
            raise BankFileError(
                filename, first, N_("no {name} header or data rows found"), name=mapping.name
            )
        return _statement(mapping, state, decoded.encoding, decoded.lossy)


def _head_rows(text: str, separator: str) -> Iterator[Row]:
    # The sniffed head may end inside a quoted field: ignore what csv cannot finish.
    rows = _rows(text, separator)
    for _ in range(PREAMBLE_LIMIT):
        try:
            yield next(rows)
        except (StopIteration, csv.Error):
            return


def _seek_header(mapping: CsvMapping, state: _State, start: int, cells: list[str]) -> None:
    """Before a header: keep preamble rows until the header (or, headerless, data) shows."""
    if mapping.header and _header_score(mapping, cells):
        state.sections.append(_open_section(mapping, state, start, cells))
        state.preamble = []
        return
    if not mapping.header and not _blank(cells):
        index: dict[Column, int] = {i: i for i in range(len(cells))}
        try:
            line = _convert(mapping, index, cells, start)
        except FieldError:
            line = None
        if line is not None:
            state.sections.append(_open_section(mapping, state, start, []))
            state.preamble = []
            _data_row(mapping, state, start, cells)
            return
    state.preamble.append((start, cells))
    if len(state.preamble) > PREAMBLE_LIMIT:
        raise BankFileError(
            state.filename, start, N_("no {name} header in the first lines"), name=mapping.name
        )


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
    return _Section(index, _account(mapping, text), _balance(mapping, text))


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


def _data_row(mapping: CsvMapping, state: _State, start: int, cells: list[str]) -> None:
    if _blank(cells):
        return
    section = state.sections[-1]
    try:
        line = _convert(mapping, section.index, cells, start, section.account)
    except FieldError as error:
        if mapping.sections:
            state.preamble.append((start, cells))  # maybe the next account's preamble
            return
        raise BankFileError(state.filename, start, error.text) from None
    if line is None:
        state.skipped += 1
    else:
        state.lines.append(line)


def _cell(cells: Sequence[str], index: Mapping[Column, int], column: Column | None) -> str:
    if column is None or column not in index or index[column] >= len(cells):
        return ""
    return cells[index[column]].strip()


def _label(mapping: CsvMapping, cells: Sequence[str], index: Mapping[Column, int]) -> str:
    parts: list[str] = []
    for column in mapping.label:
        part = _SPACE_RUN.sub(" ", _cell(cells, index, column)).strip()
        # SG's Libellé is the first 18 characters of the detail: don't say it twice.
        if part and not any(part in kept for kept in parts):
            parts.append(part)
    return " ".join(parts)


def _debit(value: int, sign: DebitSign) -> int:
    """A Débit cell as a signed amount (money out is negative)."""
    if sign is DebitSign.POSITIVE:
        return -value
    if sign is DebitSign.NEGATIVE:
        return value
    return -abs(value)


def _money(mapping: CsvMapping, cells: Sequence[str], index: Mapping[Column, int]) -> Cents:
    total = 0
    if mapping.amount is not None:
        total = parse_amount(_cell(cells, index, mapping.amount), mapping.decimal)
    else:
        debit = _cell(cells, index, mapping.debit)
        credit = _cell(cells, index, mapping.credit)
        if not debit and not credit:
            raise FieldError(N_("no amount in either the debit or the credit column"))
        if credit:
            total += parse_amount(credit, mapping.decimal)
        if debit:
            total += _debit(parse_amount(debit, mapping.decimal), mapping.debit_sign)
    fee = _cell(cells, index, mapping.fee)
    if fee:
        total -= parse_amount(fee, mapping.decimal)
    return Cents(total)


def _convert(
    mapping: CsvMapping,
    index: Mapping[Column, int],
    cells: Sequence[str],
    start: int,
    account: str | None = None,
) -> StatementLine | None:
    """A data row as a line; ``None`` for a row the profile skips (pending state)."""
    if len(cells) < mapping.min_columns:
        raise FieldError(
            N_("{count} columns, expected at least {minimum}"),
            count=len(cells),
            minimum=mapping.min_columns,
        )
    status = _cell(cells, index, mapping.status).upper()
    if mapping.status is not None and status not in mapping.accepted_status:
        return None
    day = parse_date(_cell(cells, index, mapping.date), mapping.date_format)
    amount = _money(mapping, cells, index)
    return StatementLine(
        day,
        amount,
        _label(mapping, cells, index),
        _cell(cells, index, mapping.counterparty),
        _cell(cells, index, mapping.bank_ref) or None,
        start,
        _cell(cells, index, mapping.account) or account,
    )


def _statement(mapping: CsvMapping, state: _State, encoding: str, lossy: bool) -> Statement:
    accounts = {line.account_id for line in state.lines}
    single = next(iter(accounts)) if len(accounts) == 1 else None
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
    return Statement(name, tuple(state.lines), single, balance, encoding, tuple(warnings))
