"""Filtering the care table: free text, person, period, status, and a set of acts.

The proxy only filters. Sorting is handed to :class:`ActTableModel`, which
sorts its Python list on raw values; the proxy keeps the source order. The
"set of acts" restriction carries what the row alone cannot say (money still
awaited from one payer, overdue payments, a dashboard figure's acts): the
page computes it from the services and hands it over.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from carnet.domain.ids import PersonId
from carnet.ui.models.acts import ActTableModel


class ActFilterProxy(QSortFilterProxyModel):
    """Shows the acts that pass every filter that is set."""

    def __init__(self, source: ActTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._acts = source  # typed access to ``matches``; sourceModel() is untyped
        self._words: tuple[str, ...] = ()
        self._person: PersonId | None = None
        self._period: tuple[date, date] | None = None
        self._statuses: frozenset[str] | None = None
        self._allowed: frozenset[int] | None = None
        self.setSourceModel(source)

    @property
    def person(self) -> PersonId | None:
        return self._person

    def set_text(self, text: str) -> None:
        """Words are matched case-insensitively, in any order, anywhere in the row."""
        self._change("_words", tuple(text.casefold().split()))

    def set_person(self, person: PersonId | None) -> None:
        self._change("_person", person)

    def set_period(self, period: tuple[date, date] | None) -> None:
        """Acts from the first date to the second, both included; ``None``: any date."""
        self._change("_period", period)

    def set_statuses(self, statuses: frozenset[str] | None) -> None:
        self._change("_statuses", statuses)

    def set_allowed(self, act_ids: frozenset[int] | None) -> None:
        """Only these acts (``None``: no such restriction)."""
        self._change("_allowed", act_ids)

    def _change(self, name: str, value: object) -> None:
        if getattr(self, name) != value:
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, _parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._period or self._statuses is not None or self._allowed is not None:
            row = self._acts.summary(source_row)
            if self._allowed is not None and row.id not in self._allowed:
                return False
            if self._statuses is not None and row.status not in self._statuses:
                return False
            if self._period and not self._period[0] <= row.date <= self._period[1]:
                return False
        return self._acts.matches(source_row, self._words, self._person)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The view asks the proxy; the source sorts in Python and the proxy follows.
        self._acts.sort(column, order)
