"""The care table: a thin Qt adapter over the ``ActSummary`` rows the care service lists.

Kept cheap for 100 000 rows: ``data()`` formats nothing until a row is first
painted, then keeps that row's texts; sorting happens here in Python on raw
values (a ``QSortFilterProxyModel`` sort would call back into Python millions
of times, about six seconds for 100 000 rows).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from carnet.domain.care import ActSummary
from carnet.domain.ids import ActId, PersonId
from carnet.i18n import N_, Translator
from carnet.ui.labels import category_label, status_label

# Column constants: the order of the table, used by views, filters and tests.
DATE, PERSON, PRACTITIONER, ACT, CATEGORY, FEE, AMO, AMC, PATIENT, STATUS = range(10)
COLUMN_COUNT = 10
HEADERS = (
    N_("Date"),
    N_("Person"),
    N_("Practitioner"),
    N_("Act"),
    N_("Category"),
    N_("Fee"),
    N_("AMO"),
    N_("Mutuelle"),
    N_("You pay"),
    N_("Status"),
)
MONEY_COLUMNS = frozenset({FEE, AMO, AMC, PATIENT})

# Raw, sortable value of a cell (a date, cents, folded text); ``None`` when not assessed.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ACT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_INDEX = QModelIndex | QPersistentModelIndex
SortValue = date | int | str | None


def sort_value(row: ActSummary, column: int) -> SortValue:
    """The raw value a column sorts by: cents for money, the date itself for dates."""
    values: tuple[SortValue, ...] = (
        row.date,
        row.person_name.casefold(),
        row.practitioner_name.casefold(),
        row.act_code,
        row.category,
        row.fee_cents,
        row.amo_cents,
        row.amc_cents,
        row.patient_cents,
        row.status,
    )
    return values[column]


def _sort_key(row: ActSummary, column: int) -> tuple[Any, ...]:
    value = sort_value(row, column)
    # Unassessed amounts (None) go first; date and id make ties deterministic.
    return (value is not None, value, row.date, row.id)


class ActTableModel(QAbstractTableModel):
    """Rows of :class:`ActSummary`; replace them all with :meth:`set_rows`."""

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._t = translator
        self._rows: list[ActSummary] = []
        self._texts: dict[ActId, tuple[str, ...]] = {}  # formatted lazily, per act
        self._haystacks: dict[ActId, str] = {}  # what the filter box searches
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- the rows ---------------------------------------------------------------------
    def set_rows(self, rows: Iterable[ActSummary]) -> None:
        """Replace every row, keeping the current sort order."""
        self.beginResetModel()
        self._rows = list(rows)
        self._texts.clear()
        self._haystacks.clear()
        self._sort_rows()
        self.endResetModel()

    def summary(self, row: int) -> ActSummary:
        return self._rows[row]

    def last_codes(self) -> dict[str, str]:
        """The code of the most recent act with each practitioner (proposed in the form)."""
        latest: dict[str, ActSummary] = {}
        for row in self._rows:
            seen = latest.get(row.practitioner_name)
            if seen is None or (row.date, row.id) > (seen.date, seen.id):
                latest[row.practitioner_name] = row
        return {name: row.act_code for name, row in latest.items()}

    def row_of(self, act_id: ActId) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.id == act_id), None)

    # -- Qt's model interface ---------------------------------------------------------
    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's idiom
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(row)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in MONEY_COLUMNS else None
        if role == SORT_ROLE:
            return sort_value(row, column)
        if role == ACT_ID_ROLE:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._t.gettext(HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in MONEY_COLUMNS:
            return _RIGHT
        return None

    def flags(self, index: _INDEX) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the raw values of ``column``, keeping selections on the same acts."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        acts = [self._rows[index.row()].id for index in before]
        self._sort_rows()
        if before:
            position = {row.id: n for n, row in enumerate(self._rows)}
            after = [self.index(position[a], i.column()) for a, i in zip(acts, before, strict=True)]
            self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # -- filtering support ------------------------------------------------------------
    def matches(self, row: int, words: tuple[str, ...], person: PersonId | None) -> bool:
        """Whether ``row`` belongs to ``person`` (if given) and contains every word."""
        summary = self._rows[row]
        if person is not None and summary.person_id != person:
            return False
        if not words:
            return True
        haystack = self._haystacks.get(summary.id)
        if haystack is None:
            haystack = self._haystacks[summary.id] = self._haystack(summary)
        return all(word in haystack for word in words)

    # -- helpers ----------------------------------------------------------------------
    def _sort_rows(self) -> None:
        if 0 <= self._sort_column < COLUMN_COUNT:
            column = self._sort_column
            descending = self._sort_order == Qt.SortOrder.DescendingOrder
            self._rows.sort(key=lambda row: _sort_key(row, column), reverse=descending)

    def _row_texts(self, row: ActSummary) -> tuple[str, ...]:
        texts = self._texts.get(row.id)
        if texts is None:
            texts = self._texts[row.id] = self._format(row)
        return texts

    def _format(self, row: ActSummary) -> tuple[str, ...]:
        t = self._t
        assessed = row.patient_cents is not None
        return (
            t.date(row.date),
            row.person_name,
            row.practitioner_name,
            row.act_code,
            category_label(t, row.category),
            t.money(row.fee_cents),
            self._money(row.amo_cents),
            self._money(row.amc_cents),
            self._money(row.patient_cents),
            status_label(t, row.status, assessed),
        )

    def _money(self, cents: int | None) -> str:
        return "—" if cents is None else self._t.money(cents)

    def _haystack(self, row: ActSummary) -> str:
        t = self._t
        parts = (
            row.date.isoformat(),
            row.person_name,
            row.practitioner_name,
            row.act_code,
            category_label(t, row.category),
            status_label(t, row.status, row.patient_cents is not None),
        )
        return " ".join(parts).casefold()
