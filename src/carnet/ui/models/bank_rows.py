"""A read-only table model over a list of plain rows: the base of the bank page's tables.

Subclasses name their columns (``HEADERS``, ``MONEY_COLUMNS``) and say how a row reads
(:meth:`RowTableModel.texts`) and sorts (:meth:`RowTableModel.sort_key`); the rows are
replaced all at once with :meth:`RowTableModel.set_rows`. Bank tables hold hundreds or a
few thousand rows, so texts are formatted when a row is first painted and kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from carnet.i18n import Translator

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
# The raw value a cell sorts by (cents, a date, folded text), for views and tests.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows of ``T``, one per line; columns described by the subclass."""

    HEADERS: tuple[str, ...] = ()  # marked with N_, translated when shown
    MONEY_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._t = translator
        self._rows: list[T] = []
        self._texts: dict[int, tuple[str, ...]] = {}  # by row position, cleared on reorder
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- the rows ----------------------------------------------------------------------
    def set_rows(self, rows: Iterable[T]) -> None:
        """Replace every row, keeping the current sort order."""
        self.beginResetModel()
        self._rows = list(rows)
        self._texts.clear()
        self._apply_sort()
        self.endResetModel()

    def row(self, position: int) -> T:
        return self._rows[position]

    def rows(self) -> list[T]:
        return list(self._rows)

    def text(self, position: int, column: int) -> str:
        """What a cell shows (tests and accessible summaries read it)."""
        return self._row_texts(position)[column]

    # -- what subclasses say -----------------------------------------------------------
    def texts(self, row: T) -> tuple[str, ...]:
        raise NotImplementedError

    def sort_key(self, row: T, column: int) -> Any:
        return self.texts(row)[column].casefold()

    def tooltip(self, row: T, column: int) -> str | None:  # noqa: ARG002 - a hook
        return None

    # -- Qt's model interface ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's idiom
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(index.row())[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in self.MONEY_COLUMNS else LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(self._rows[index.row()], column)
        if role == SORT_ROLE:
            return self.sort_key(self._rows[index.row()], column)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._t.gettext(self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section in self.MONEY_COLUMNS else LEFT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

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
        if self._sort is None or not 0 <= self._sort[0] < len(self.HEADERS):
            return
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=lambda row: self.sort_key(row, column), reverse=descending)

    def _row_texts(self, position: int) -> tuple[str, ...]:
        texts = self._texts.get(position)
        if texts is None:
            texts = self._texts[position] = self.texts(self._rows[position])
        return texts
