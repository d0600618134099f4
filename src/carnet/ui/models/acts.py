"""The care table: a Qt adapter that reads the acts it shows a page at a time.

A household's log can hold 100 000 acts. Holding them all as Python objects
took a second at start-up and filtering in Python took more than a keystroke,
so the model holds only the ordered ids that the current filters leave (asked
from the database, which also sorts) and reads rows in pages of
:data:`PAGE_SIZE` as the view paints them. Texts are formatted when a row is
first painted, then kept with its page.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from carnet.domain.act_query import ActQuery, ActSort, ActSummary
from carnet.domain.ids import ActId
from carnet.i18n import N_, Translator
from carnet.ui.labels import category_label, status_label

SortValue = date | int | str | None


def _money(t: Translator, cents: int | None) -> str:
    return "—" if cents is None else t.money(cents)  # not assessed (yet)


@dataclass(frozen=True, slots=True)
class ActColumn:
    """One column of the care table, described once."""

    header: str  # an N_() marked English text, translated when shown
    sort: ActSort  # how the database orders the acts by this column
    value: Callable[[ActSummary], SortValue]  # the raw value (a date, cents, folded text)
    text: Callable[[Translator, ActSummary], str]  # what the cell shows
    # Starting width in pixels (the user's own widths are restored from QSettings): fixed,
    # because resizing to contents would measure every row.
    width: int
    money: bool = False  # right-aligned, header too


COLUMNS = (
    ActColumn(N_("Date"), ActSort.DATE, lambda r: r.date, lambda t, r: t.date(r.date), 96),
    ActColumn(
        N_("Person"),
        ActSort.PERSON,
        lambda r: r.person_name.casefold(),
        lambda _t, r: r.person_name,
        130,
    ),
    ActColumn(
        N_("Practitioner"),
        ActSort.PRACTITIONER,
        lambda r: r.practitioner_name.casefold(),
        lambda _t, r: r.practitioner_name,
        150,
    ),
    ActColumn(N_("Act"), ActSort.ACT, lambda r: r.act_code, lambda _t, r: r.act_code, 52),
    ActColumn(
        N_("Category"),
        ActSort.CATEGORY,
        lambda r: r.category,
        lambda t, r: category_label(t, r.category),
        116,
    ),
    ActColumn(
        N_("Fee"), ActSort.FEE, lambda r: r.fee_cents, lambda t, r: t.money(r.fee_cents), 80, True
    ),
    ActColumn(
        N_("AMO"), ActSort.AMO, lambda r: r.amo_cents, lambda t, r: _money(t, r.amo_cents), 80, True
    ),
    ActColumn(
        N_("Mutuelle"),
        ActSort.AMC,
        lambda r: r.amc_cents,
        lambda t, r: _money(t, r.amc_cents),
        80,
        True,
    ),
    ActColumn(
        N_("You pay"),
        ActSort.PATIENT,
        lambda r: r.patient_cents,
        lambda t, r: _money(t, r.patient_cents),
        80,
        True,
    ),
    ActColumn(
        N_("Status"),
        ActSort.STATUS,
        lambda r: r.status,
        lambda t, r: status_label(t, r.status, r.patient_cents is not None),
        170,
    ),
)
# Column numbers, in the order of COLUMNS: used by views, filters and tests.
DATE, PERSON, PRACTITIONER, ACT, CATEGORY, FEE, AMO, AMC, PATIENT, STATUS = range(len(COLUMNS))
COLUMN_COUNT = len(COLUMNS)

# Raw, sortable value of a cell (a date, cents, folded text); ``None`` when not assessed.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ACT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

# Rows read at once, and how many pages stay in memory (about 13 000 rows). A page
# covers the first screen of a tall window.
PAGE_SIZE = 64
PAGES_KEPT = 200

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_ANSWERED = frozenset({Qt.ItemDataRole.DisplayRole, _ALIGNMENT, SORT_ROLE, ACT_ID_ROLE})
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_INDEX = QModelIndex | QPersistentModelIndex


class _Row:
    """One act of a page read, with its texts once it has been painted."""

    __slots__ = ("summary", "texts")

    def __init__(self, summary: ActSummary) -> None:
        self.summary = summary
        self.texts: tuple[str, ...] | None = None


_Page = list[_Row | None]


class ActSource(Protocol):
    """Where the rows come from: the care table service (or a test's stand-in)."""

    def ids(self, query: ActQuery, limit: int | None = None) -> list[ActId]: ...

    def rows(self, ids: list[ActId]) -> list[ActSummary]: ...

    def count(self) -> int: ...


class ActTableModel(QAbstractTableModel):
    """The acts an :class:`ActQuery` leaves; change it with :meth:`set_query`."""

    def __init__(
        self, source: ActSource, translator: Translator, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._t = translator
        self._query = ActQuery()
        self._ids: list[ActId] = []
        self._count = 0  # rows shown; more than len(_ids) until every id is read
        self._pages: OrderedDict[int, _Page] = OrderedDict()

    # -- the rows ---------------------------------------------------------------------
    @property
    def query(self) -> ActQuery:
        return self._query

    def set_query(self, query: ActQuery, *, first_page: bool = False) -> None:
        """Show the acts ``query`` leaves (its order is kept by :meth:`sort` only)."""
        self._query = query
        self.reload(first_page=first_page)

    def reload(self, *, first_page: bool = False) -> None:
        """Ask again: acts were added, changed or removed.

        ``first_page``: when no filter is set, the number of rows is known at
        once, so read only the first page of ids now (the window's first
        screen) and the rest (all 100 000 of a big file) with :meth:`read_all_ids`;
        anything that needs them sooner reads them then.
        """
        self.beginResetModel()
        self._pages.clear()
        if first_page and not self._query.filtered:
            self._count = self._source.count()
            self._ids = self._source.ids(self._query, PAGE_SIZE)
        else:
            self._ids = self._source.ids(self._query)
            self._count = len(self._ids)
        self.endResetModel()

    def read_all_ids(self) -> None:
        """Finish what ``reload(first_page=True)`` left to read."""
        self._read_all_ids()

    def _read_all_ids(self) -> None:
        if len(self._ids) >= self._count:
            return  # read meanwhile
        ids = self._source.ids(self._query)
        if len(ids) != self._count:  # another Carnet changed the file in between
            self.beginResetModel()
            self._ids, self._count = ids, len(ids)
            self._pages.clear()
            self.endResetModel()
        else:
            self._ids = ids

    def summary(self, row: int) -> ActSummary | None:
        """The act at ``row``; ``None`` if it was deleted since the table was read."""
        entry = self._entry(row)
        return None if entry is None else entry.summary

    def act_id(self, row: int) -> ActId:
        self._read_all_ids()
        return self._ids[row]

    def row_of(self, act_id: ActId) -> int | None:
        self._read_all_ids()
        try:
            return self._ids.index(act_id)
        except ValueError:
            return None

    # -- Qt's model interface ---------------------------------------------------------
    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's idiom
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks seven roles of every cell it paints; five get no answer.
        if role not in _ANSWERED or not index.isValid():
            return None
        column = index.column()
        if role == _ALIGNMENT:
            return _RIGHT if COLUMNS[column].money else None
        if role == ACT_ID_ROLE:
            return self.act_id(index.row())
        entry = self._entry(index.row())
        if entry is None:
            return None
        if role == SORT_ROLE:
            return COLUMNS[column].value(entry.summary)
        if entry.texts is None:  # formatted when first painted, then kept with the page
            entry.texts = tuple(c.text(self._t, entry.summary) for c in COLUMNS)
        return entry.texts[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._t.gettext(COLUMNS[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section].money:
            return _RIGHT
        return None

    def flags(self, index: _INDEX) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database by ``column``, keeping selections on the same acts."""
        if not 0 <= column < COLUMN_COUNT:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        query = self._query._replace(sort=COLUMNS[column].sort, descending=descending)
        if query == self._query:
            return  # the view asks twice when the header is clicked; the rows are in order
        self._query = query
        self._read_all_ids()
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        acts = [self._ids[index.row()] for index in before]
        self._ids = self._source.ids(self._query)
        self._count = len(self._ids)
        self._pages.clear()
        if before:
            position = {act: n for n, act in enumerate(self._ids)}
            after = [
                self.index(position[a], i.column()) if a in position else QModelIndex()
                for a, i in zip(acts, before, strict=True)
            ]
            self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # -- pages ------------------------------------------------------------------------
    def _entry(self, row: int) -> _Row | None:
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._read_page(number)
        else:
            self._pages.move_to_end(number)
        return page[offset]

    def _read_page(self, number: int) -> _Page:
        if (number + 1) * PAGE_SIZE > len(self._ids):
            self._read_all_ids()
        ids = self._ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        found = {row.id: _Row(row) for row in self._source.rows(ids)}
        page: _Page = [found.get(act) for act in ids]
        self._pages[number] = page
        if len(self._pages) > PAGES_KEPT:
            self._pages.popitem(last=False)
        return page
