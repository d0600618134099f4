"""Write tables of rows as CSV or XLSX bytes, safely for spreadsheet apps.

Cells that a spreadsheet could read as a formula (``=``, ``+``, ``-``, ``@``,
tab, carriage return at the start) are neutralised: a label such as
``=HYPERLINK("http://evil")`` from a bank statement must print as text, never
run. CSV follows the user's language: ``;`` and a decimal comma in French,
``,`` and a dot in English, always UTF-8 with a BOM so that Excel detects it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | Decimal | date | None
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet: a title, column headers, rows; ``money`` names columns in euros."""

    title: str
    headers: tuple[str, ...]
    rows: Sequence[tuple[Cell, ...]]


def neutralise(text: str) -> str:
    """Prefix a would-be formula with an apostrophe (OWASP CSV injection advice)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_cell(value: Cell, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = f"{value:.2f}"
        return text.replace(".", ",") if language == "fr" else text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return neutralise(value)


def to_csv(table: Table, language: str = "en") -> bytes:
    """The table as CSV bytes (UTF-8 with BOM; ``;`` in French)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if language == "fr" else ",", lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_csv_cell(value, language) for value in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


def to_xlsx(tables: Sequence[Table]) -> bytes:
    """One sheet per table; amounts as numbers with two decimals, dates as dates."""
    book = Workbook()
    book.remove(book.worksheets[0])  # start from no sheet, add one per table
    for table in tables:
        sheet = book.create_sheet(title=table.title[:31])
        sheet.append(list(table.headers))
        for row in table.rows:
            sheet.append([_xlsx_value(value) for value in row])
        _format(sheet, len(table.headers))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_value(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return neutralise(value)  # openpyxl would store "=…" as a live formula
    return value


def _format(sheet: Worksheet, width: int) -> None:
    sheet.freeze_panes = "A2"
    for column in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 16
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, Decimal):
                cell.number_format = "#,##0.00"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"


def read_xlsx(data: bytes) -> dict[str, list[tuple[object, ...]]]:
    """Read back an exported workbook (for tests and round trips): sheet → rows."""
    book = load_workbook(io.BytesIO(data), read_only=True)
    return {sheet.title: [tuple(r) for r in sheet.iter_rows(values_only=True)] for sheet in book}
