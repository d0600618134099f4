"""The Reports page's data: the period's totals, what is awaited by age, the month bars.

Read-only adapters over the report service's ``Summary``: money stays integer
cents (``Qt.UserRole``) until :meth:`Translator.money` writes it. The row and
column names are the summary PDF's own (``carnet.documents.summary_texts``):
the tables sit beside its preview and must say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from carnet.documents.summary_texts import texts
from carnet.domain.money import Cents
from carnet.domain.reports import Pending, Summary
from carnet.i18n import Translator
from carnet.services.dashboard import Month

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class FiguresModel(QAbstractTableModel):
    """A small grid: a text first column, then amounts in cents; the last row may be a total."""

    def __init__(
        self, translator: Translator, headers: tuple[str, ...], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._t, self._headers = translator, headers
        self._words = texts(translator.language)
        self._rows: list[tuple[str, tuple[int, ...]]] = []
        self._bold_last = False

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section else _LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        label, amounts = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return label if column == 0 else self._t.money(amounts[column - 1])
        if role == Qt.ItemDataRole.UserRole:
            return label if column == 0 else amounts[column - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column else _LEFT
        if (
            role == Qt.ItemDataRole.FontRole
            and self._bold_last
            and index.row() == len(self._rows) - 1
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def cents(self, row: int, column: int) -> int:
        """The amount of a cell (tests, and whoever needs the exact figure)."""
        return self._rows[row][1][column - 1]

    def _set(self, rows: Sequence[tuple[str, tuple[int, ...]]], bold_last: bool) -> None:
        self.beginResetModel()
        self._rows, self._bold_last = list(rows), bold_last
        self.endResetModel()


class TotalsModel(FiguresModel):
    """The fees, their three shares (AMO, mutuelle, household), and what is still awaited."""

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        words = texts(translator.language)
        super().__init__(translator, (words.totals, translator.gettext("Amount")), parent)

    def set_summary(self, summary: Summary) -> None:
        words, totals = self._words, summary.totals
        awaited = sum(p.total_cents for p in summary.pending)
        rows = [
            (words.fee, (totals.fee_cents,)),
            (words.amo, (totals.amo_cents,)),
            (words.amc, (totals.amc_cents,)),
            (words.patient, (totals.patient_cents,)),
            (words.awaited, (awaited,)),
        ]
        self._set(rows, bold_last=False)


class AgeingModel(FiguresModel):
    """Money still awaited, one row per age (days past the date it was due), one column per payer.

    Rows and columns are fixed (a payer owing nothing shows zeros), so the table
    keeps its shape from one year to the next; the last row is the total.
    """

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        t, words = translator, texts(translator.language)
        payers = (t.gettext("Overdue"), t.gettext("Assurance Maladie"), t.gettext("Mutuelle"))
        super().__init__(translator, (*payers, words.total), parent)

    def set_pending(self, pending: Sequence[Pending]) -> None:
        ages = self._words.ageing_headers[1:]  # not yet due, 0-30 ... over 90 days
        by_payer = {p.payer: _ages(p) for p in pending}
        amo, amc = (by_payer.get(payer, (0,) * len(ages)) for payer in ("amo", "amc"))
        rows = [(age, (amo[n], amc[n], amo[n] + amc[n])) for n, age in enumerate(ages)]
        rows.append((self._words.total, (sum(amo), sum(amc), sum(amo) + sum(amc))))
        self._set(rows, bold_last=True)


def _ages(pending: Pending) -> tuple[int, ...]:
    """Not yet due first, then the buckets from the youngest."""
    return (pending.not_yet_due_cents, *pending.buckets)


def months_of(summary: Summary, year: int) -> list[Month]:
    """The twelve months of ``year`` for the month chart, empty months included."""
    found = {key: (back, paid) for key, back, paid in summary.by_month}
    months = []
    for number in range(1, 13):
        back, paid = found.get(f"{year:04d}-{number:02d}", (0, 0))
        months.append(Month(date(year, number, 1), Cents(paid), Cents(back)))
    return months
