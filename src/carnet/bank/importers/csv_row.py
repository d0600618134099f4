"""One CSV data row as a statement line, for the columns a header (or a mapping) gave.

The columns are looked up once per header, not once per cell: a ``RowReader`` holds
their positions, and reading a row is then a few list lookups, a cached date and an
amount. This is the per-line work of a 300 000-line import, so it stays small.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from carnet.bank.importers.csv_mapping import Column, CsvMapping
from carnet.bank.model import StatementLine
from carnet.bank.parsing import FieldError, parse_amount, parse_date
from carnet.domain.messages import N_
from carnet.domain.money import Cents


def _cell(cells: Sequence[str], position: int | None) -> str:
    if position is None or position >= len(cells):
        return ""
    return cells[position].strip()


def _at(cells: Sequence[str], position: int | None) -> str:
    """``_cell`` for a row padded to every column."""
    return "" if position is None else cells[position].strip()


class RowReader:
    """Reads the rows of one section: ``line(cells, start)``."""

    def __init__(
        self, mapping: CsvMapping, index: Mapping[Column, int], account: str | None = None
    ) -> None:
        def at(column: Column | None) -> int | None:
            return None if column is None else index.get(column)

        self.mapping, self.account = mapping, account
        self.date, self.amount, self.fee = at(mapping.date), at(mapping.amount), at(mapping.fee)
        self.debit, self.credit = at(mapping.debit), at(mapping.credit)
        self.status, self.counterparty = at(mapping.status), at(mapping.counterparty)
        self.bank_ref, self.account_column = at(mapping.bank_ref), at(mapping.account)
        self.labels = tuple(at(column) for column in mapping.label)
        # A row at least this wide has every column: cells are then read without checks.
        self.width = 1 + max((p for p in self._positions() if p is not None), default=-1)

    def _positions(self) -> tuple[int | None, ...]:
        singles = (self.date, self.amount, self.fee, self.debit, self.credit, self.status)
        return (*singles, self.counterparty, self.bank_ref, self.account_column, *self.labels)

    def line(self, cells: Sequence[str], start: int) -> StatementLine | None:
        """A data row as a line; ``None`` for a row the profile skips (pending state)."""
        mapping = self.mapping
        if len(cells) < mapping.min_columns:
            raise FieldError(
                N_("{count} columns, expected at least {minimum}"),
                count=len(cells),
                minimum=mapping.min_columns,
            )
        status = mapping.status is not None and _cell(cells, self.status).upper()
        if status is not False and status not in mapping.accepted_status:
            return None
        if len(cells) < self.width:
            cells = [*cells, *[""] * (self.width - len(cells))]  # short rows: empty cells
        return StatementLine(
            parse_date(_at(cells, self.date), mapping.date_format),
            self._money(cells),
            self._label(cells),
            _at(cells, self.counterparty),
            _at(cells, self.bank_ref) or None,
            start,
            _at(cells, self.account_column) or self.account,
        )

    def _label(self, cells: Sequence[str]) -> str:
        if len(self.labels) == 1:  # most banks write one label column
            return " ".join(_at(cells, self.labels[0]).split())
        parts: list[str] = []
        for position in self.labels:
            part = " ".join(_at(cells, position).split())
            # SG's Libellé is the first 18 characters of the detail: don't say it twice.
            if part and not any(part in kept for kept in parts):
                parts.append(part)
        return " ".join(parts)

    def _money(self, cells: Sequence[str]) -> Cents:
        decimal = self.mapping.decimal
        total = 0
        if self.mapping.amount is not None:
            total = parse_amount(_at(cells, self.amount), decimal)
        else:
            debit, credit = _at(cells, self.debit), _at(cells, self.credit)
            if not debit and not credit:
                raise FieldError(N_("no amount in either the debit or the credit column"))
            if credit:
                total += parse_amount(credit, decimal)
            if debit:
                total += _debit(parse_amount(debit, decimal))
        fee = _at(cells, self.fee)
        if fee:
            total -= parse_amount(fee, decimal)
        return Cents(total)


def _debit(value: int) -> int:
    """A Débit cell as a signed amount: money out, whatever sign the cell carries.

    Banks write the column unsigned (Crédit Agricole) or signed (Crédit Mutuel), and an
    export may do the other (a re-saved file, a changed export): taking the sign from the
    cell would turn a premium debit into a credit that then passes for a mutuelle's
    reimbursement (docs/bank-formats.md §1.1).
    """
    return -abs(value)
