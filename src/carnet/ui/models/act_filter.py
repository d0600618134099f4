"""Filtering the care table by free text and by person.

The proxy only filters. Sorting is handed to :class:`ActTableModel`, which
sorts its Python list on raw values; the proxy keeps the source order.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from carnet.domain.ids import PersonId
from carnet.ui.models.acts import ActTableModel


class ActFilterProxy(QSortFilterProxyModel):
    """Shows the acts of one person (or everyone) whose text contains every typed word."""

    def __init__(self, source: ActTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._acts = source  # typed access to ``matches``; sourceModel() is untyped
        self._words: tuple[str, ...] = ()
        self._person: PersonId | None = None
        self.setSourceModel(source)

    @property
    def person(self) -> PersonId | None:
        return self._person

    def set_text(self, text: str) -> None:
        """Words are matched case-insensitively, in any order, anywhere in the row."""
        words = tuple(text.casefold().split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_person(self, person: PersonId | None) -> None:
        if person != self._person:
            self.beginFilterChange()
            self._person = person
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, _parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        return self._acts.matches(source_row, self._words, self._person)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The view asks the proxy; the source sorts in Python and the proxy follows.
        self._acts.sort(column, order)
