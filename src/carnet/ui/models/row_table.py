"""A read-only table model over a list of rows, described by its columns.

Every list of the window that is a plain list of rows (feuilles, mailings, bank lines,
household records, backups) is one :class:`RowTableModel` with a tuple of
:class:`Column`: the header (marked with ``N_``, translated when shown), the text of a
cell, the raw value it sorts by, its alignment and its width on screen (the views read
it through :meth:`RowTableModel.widths`). What a table shows beyond that (an
icon, a tooltip, a tick box) a subclass adds in :meth:`RowTableModel.cell_data`.

The rows are replaced all at once with :meth:`RowTableModel.set_rows`. Tables hold up
to a few thousand rows, so a row's texts are formatted when it is first painted and kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from carnet.i18n import Translator

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
# The raw value a cell sorts by (cents, a date, folded text), for proxies, views and tests.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The row's database id (any column), for tests and views that follow a record.
ID_ROLE = Qt.ItemDataRole.UserRole + 2
FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column: its header, what a cell shows, how it sorts and aligns, how wide it is."""

    header: str  # an N_() marked English text, translated when shown
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None  # default: the text, case-folded
    align: Qt.AlignmentFlag = LEFT
    width: int | None = None  # pixels; None: the view's default (the last column stretches)


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of ``R``, one per line, in the columns given.

    ``row_id`` names a row's id: :data:`ID_ROLE` then answers it and :meth:`row_of`
    finds a row by it. ``align_headers`` puts each header where its column's cells
    are (money to the right); without it headers keep the style's (centred) place.
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        translator: Translator,
        parent: QObject | None = None,
        *,
        row_id: Callable[[R], int] | None = None,
        align_headers: bool = False,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._t = translator
        self._row_id = row_id
        self._align_headers = align_headers
        self._rows: list[R] = []
        self._texts: dict[int, tuple[str, ...]] = {}  # by row position, cleared on reorder
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- the rows ----------------------------------------------------------------------
    def set_rows(self, rows: Iterable[R]) -> None:
        """Replace every row, keeping the current sort order."""
        self.beginResetModel()
        self._rows = list(rows)
        self._texts.clear()
        self._apply_sort()
        self.endResetModel()

    def row(self, position: int) -> R:
        return self._rows[position]

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_of(self, row_id: int) -> int | None:
        """The position of the row whose id is ``row_id`` (``None`` if it is not listed)."""
        key = self._row_id
        if key is None:
            return None
        return next((n for n, row in enumerate(self._rows) if key(row) == row_id), None)

    def widths(self) -> tuple[int | None, ...]:
        """Each column's width on screen, as its description gives it."""
        return tuple(column.width for column in self._columns)

    def text(self, position: int, column: int) -> str:
        """What a cell shows (tests and accessible summaries read it)."""
        return self._row_texts(position)[column]

    # -- what subclasses add -----------------------------------------------------------
    def cell_data(self, row: R, column: int, role: int) -> Any:  # noqa: ARG002 - a hook
        """Any other role of a cell (tooltip, icon, font, tick box); ``None`` here."""
        return None

    # -- Qt's model interface ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's idiom
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(position)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._columns[column].align
        if role == SORT_ROLE:
            return self._sort_key(position, column)
        if role == ID_ROLE and self._row_id is not None:
            return self._row_id(self._rows[position])
        return self.cell_data(self._rows[position], column, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._t.gettext(self._columns[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._align_headers:
            return self._columns[section].align
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on raw values, keeping selections on the same rows."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [id(self._rows[index.row()]) for index in before]
        self._apply_sort()
        self._texts.clear()
        if before:
            position = {id(row): n for n, row in enumerate(self._rows)}
            after = [self.index(position[h], i.column()) for h, i in zip(held, before, strict=True)]
            self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # -- helpers -----------------------------------------------------------------------
    def _apply_sort(self) -> None:
        if self._sort is None or not 0 <= self._sort[0] < len(self._columns):
            return
        column, order = self._sort
        spec = self._columns[column]
        descending = order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=lambda row: _sort_value(spec, row), reverse=descending)

    def _sort_key(self, position: int, column: int) -> Any:
        spec = self._columns[column]
        if spec.sort is None:
            return self._row_texts(position)[column].casefold()
        return spec.sort(self._rows[position])

    def _row_texts(self, position: int) -> tuple[str, ...]:
        texts = self._texts.get(position)
        if texts is None:
            row = self._rows[position]
            texts = self._texts[position] = tuple(c.text(row) for c in self._columns)
        return texts


def text_column(
    header: str,
    text: Callable[[R], str],
    tiebreak: Callable[[R], tuple[Any, ...]],
    *,
    width: int | None = None,
) -> Column[R]:
    """A text column sorted by its folded text, then ``tiebreak``: equal texts keep one order."""
    return Column(header, text, lambda row: (text(row).casefold(), *tiebreak(row)), width=width)


def money_column(
    header: str,
    t: Translator,
    cents: Callable[[R], int],
    tiebreak: Callable[[R], tuple[Any, ...]],
    *,
    width: int | None = None,
) -> Column[R]:
    """An amount, written in the UI's language, right-aligned, sorted by its cents."""
    return Column(
        header,
        lambda row: t.money(cents(row)),
        lambda row: (cents(row), *tiebreak(row)),
        RIGHT,
        width,
    )


def _sort_value(column: Column[R], row: R) -> Any:
    return column.text(row).casefold() if column.sort is None else column.sort(row)
