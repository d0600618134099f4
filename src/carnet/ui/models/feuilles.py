"""Table models of the Feuilles page: the feuilles themselves, and how many are in each state.

Both are thin adapters over rows the page builds from the services
(:func:`feuille_rows`). Deadline warnings are shown with the style's standard
warning icons and a bold font rather than coloured text, so they stay legible
in light and dark themes alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from carnet.domain.care import ActSummary
from carnet.domain.claims import Feuille, FeuilleStatus
from carnet.domain.ids import ActId, FeuilleId, PersonId
from carnet.i18n import N_, Translator
from carnet.services.claims import WARN_DAYS, DeadlineWarning

_S = FeuilleStatus
# Life order, which is also the order of the state list on the page.
STATE_ORDER = (
    _S.HELD,
    _S.TO_SIGN,
    _S.SIGNED,
    _S.COPIED,
    _S.IN_MAILING,
    _S.MAILED,
    _S.AMO_PAID,
    _S.CLOSED,
    _S.RETURNED,
)
STATE_LABELS: dict[FeuilleStatus, str] = {
    _S.HELD: N_("Held"),
    _S.TO_SIGN: N_("To sign"),
    _S.SIGNED: N_("Signed"),
    _S.COPIED: N_("Copied"),
    _S.IN_MAILING: N_("In a mailing"),
    _S.MAILED: N_("Mailed"),
    _S.AMO_PAID: N_("AMO paid"),
    _S.CLOSED: N_("Closed"),
    _S.RETURNED: N_("Returned"),
}

NUMBER, PERSON, CARE_DATE, AMOUNT, STATE, DEADLINE, DAYS_LEFT, NEXT_ACTION = range(8)
HEADERS = (
    N_("No."),
    N_("Person"),
    N_("Care date"),
    N_("Amount"),
    N_("State"),
    N_("Deadline"),
    N_("Days left"),
    N_("Next action"),
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FEUILLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_INDEX = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(frozen=True, slots=True)
class FeuilleRow:
    """One feuille with what the table shows beside it."""

    feuille: Feuille
    person_name: str
    care_date: date | None
    amount_cents: int
    days_left: int | None
    warning: DeadlineWarning | None = None


def feuille_rows(
    feuilles: Iterable[Feuille],
    names: Mapping[PersonId, str],
    acts: Mapping[ActId, ActSummary],
    warnings: Iterable[DeadlineWarning],
    today: date,
) -> list[FeuilleRow]:
    """Join feuilles with names, their acts' first date and total, and their warning."""
    by_feuille = {w.feuille.id: w for w in warnings}
    rows = []
    for feuille in feuilles:
        covered = [acts[a] for a in feuille.act_ids if a in acts]
        rows.append(
            FeuilleRow(
                feuille=feuille,
                person_name=names.get(feuille.person_id, ""),
                care_date=min((a.date for a in covered), default=feuille.received_on),
                amount_cents=sum(a.fee_cents for a in covered),
                days_left=feuille.days_left(today),
                warning=by_feuille.get(feuille.id),
            )
        )
    return rows


def state_label(t: Translator, status: FeuilleStatus) -> str:
    return t.gettext(STATE_LABELS[status])


def warning_icon_kind(warning: DeadlineWarning) -> QStyle.StandardPixmap:
    """Critical within 30 days (or past), a plain warning within 90."""
    if warning.level <= WARN_DAYS[1]:
        return QStyle.StandardPixmap.SP_MessageBoxCritical
    return QStyle.StandardPixmap.SP_MessageBoxWarning


class FeuilleTableModel(QAbstractTableModel):
    """Rows of :class:`FeuilleRow`; replace them with :meth:`set_rows`."""

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._t = translator
        self._rows: list[FeuilleRow] = []

    def set_rows(self, rows: Sequence[FeuilleRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, position: int) -> FeuilleRow:
        return self._rows[position]

    def row_of(self, feuille_id: FeuilleId) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.feuille.id == feuille_id), None)

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's idiom
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return _sort_value(row, column)
        if role == FEUILLE_ID_ROLE:
            return int(row.feuille.id)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (NUMBER, AMOUNT, DAYS_LEFT) else None
        if row.warning is not None and column in (DEADLINE, DAYS_LEFT):
            return self._warning_data(row.warning, column, role)
        return None

    def _warning_data(self, warning: DeadlineWarning, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return warning.advice.render(self._t)
        if role == Qt.ItemDataRole.DecorationRole and column == DAYS_LEFT:
            return QApplication.style().standardIcon(warning_icon_kind(warning))
        if role == Qt.ItemDataRole.FontRole and warning.level <= WARN_DAYS[1]:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: FeuilleRow, column: int) -> str:
        t, feuille = self._t, row.feuille
        if column == NUMBER:
            return str(feuille.id)
        if column == PERSON:
            return row.person_name
        if column == CARE_DATE:
            return "" if row.care_date is None else t.date(row.care_date)
        if column == AMOUNT:
            return t.money(row.amount_cents)
        if column == STATE:
            return state_label(t, feuille.status)
        if column == DEADLINE:
            return "" if feuille.deadline is None else t.date(feuille.deadline)
        if column == DAYS_LEFT:
            return "" if row.days_left is None else str(row.days_left)
        return t.gettext(feuille.next_action)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._t.gettext(HEADERS[section])
        return None

    def flags(self, index: _INDEX) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags


def _sort_value(row: FeuilleRow, column: int) -> Any:
    """Raw values, so dates and money sort as such; missing ones sort first."""
    feuille = row.feuille
    values: tuple[Any, ...] = (
        int(feuille.id),
        row.person_name.casefold(),
        (row.care_date or date.min).toordinal(),
        row.amount_cents,
        STATE_ORDER.index(feuille.status),
        (feuille.deadline or date.min).toordinal(),
        -(10**6) if row.days_left is None else row.days_left,
        feuille.next_action,
    )
    return values[column]


class StateCountModel(QAbstractTableModel):
    """ "All feuilles" then each state, with how many feuilles are in it."""

    LABEL, COUNT = range(2)

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._t = translator
        self._counts: Counter[FeuilleStatus] = Counter()

    def set_rows(self, statuses: Iterable[FeuilleStatus]) -> None:
        """Count ``statuses``; the rows never change, so a selected state stays selected."""
        self._counts = Counter(statuses)
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.COUNT)
            self.dataChanged.emit(self.index(0, self.COUNT), last)

    def state(self, position: int) -> FeuilleStatus | None:
        """``None`` for the first row (every state)."""
        return None if position == 0 else STATE_ORDER[position - 1]

    def count(self, state: FeuilleStatus | None) -> int:
        return self._counts.total() if state is None else self._counts[state]

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(STATE_ORDER) + 1

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        state = self.state(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == self.COUNT:
                return str(self.count(state))
            return self._t.gettext("All feuilles") if state is None else state_label(self._t, state)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COUNT:
            return _RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {self.LABEL: self._t.gettext("State"), self.COUNT: self._t.gettext("Count")}.get(
            section
        )

    def flags(self, index: _INDEX) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
