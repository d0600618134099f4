"""Table models of the Feuilles page: the feuilles themselves, and how many are in each state.

Both are thin adapters over rows the page builds from the services
(:func:`feuille_rows`). Deadline warnings are shown with the style's standard
warning icons and a bold font rather than coloured text, so they stay legible
in light and dark themes alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from carnet.domain.act_query import ActSummary
from carnet.domain.claims import Feuille
from carnet.domain.codes import FeuilleStatus
from carnet.domain.ids import ActId, PersonId
from carnet.i18n import N_, Translator
from carnet.services.claims import WARN_DAYS, DeadlineWarning
from carnet.ui.models.row_table import FLAGS, ID_ROLE, RIGHT, Column, RowTableModel

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
FEUILLE_ID_ROLE = ID_ROLE
_INDEX = QModelIndex | QPersistentModelIndex


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


class FeuilleTableModel(RowTableModel[FeuilleRow]):
    """Rows of :class:`FeuilleRow`; replace them with :meth:`set_rows`."""

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        columns = feuille_columns(translator)
        super().__init__(columns, translator, parent, row_id=lambda row: int(row.feuille.id))

    def cell_data(self, row: FeuilleRow, column: int, role: int) -> Any:
        if row.warning is not None and column in (DEADLINE, DAYS_LEFT):
            return self._warning_data(row.warning, column, role)
        # The next action is a sentence, elided in the last column: whole on hover.
        if column == NEXT_ACTION and role == Qt.ItemDataRole.ToolTipRole:
            return self._t.gettext(row.feuille.next_action)
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


def feuille_columns(t: Translator) -> list[Column[FeuilleRow]]:
    """The feuille table's columns, in the order of :data:`NUMBER` … :data:`NEXT_ACTION`.

    They sort on raw values, so dates and money sort as such; missing ones sort first.
    """

    def day(value: date | None) -> str:
        return "" if value is None else t.date(value)

    def ordinal(value: date | None) -> int:
        return (value or date.min).toordinal()

    return [
        Column(N_("No."), lambda r: str(r.feuille.id), lambda r: int(r.feuille.id), RIGHT, 50),
        Column(N_("Person"), lambda r: r.person_name, width=140),
        Column(
            N_("Care date"), lambda r: day(r.care_date), lambda r: ordinal(r.care_date), width=100
        ),
        Column(
            N_("Amount"), lambda r: t.money(r.amount_cents), lambda r: r.amount_cents, RIGHT, 84
        ),
        Column(
            N_("State"),
            lambda r: state_label(t, r.feuille.status),
            lambda r: STATE_ORDER.index(r.feuille.status),
            width=120,  # "Payée par l'AMO"
        ),
        Column(
            N_("Deadline"),
            lambda r: day(r.feuille.deadline),
            lambda r: ordinal(r.feuille.deadline),
            width=100,
        ),
        Column(
            N_("Days left"),
            lambda r: "" if r.days_left is None else str(r.days_left),
            lambda r: -(10**6) if r.days_left is None else r.days_left,
            RIGHT,
            108,
        ),
        Column(
            N_("Next action"),
            lambda r: t.gettext(r.feuille.next_action),
            lambda r: r.feuille.next_action,
        ),
    ]


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
            return RIGHT
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
        return FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
