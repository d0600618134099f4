"""Table models of the Mailings page: the envelopes sent, and the feuilles ready to go in one.

:class:`MailingTableModel` lists mailings with where each one stands (to print,
to mail, mailed, paid, unanswered); :class:`ReadyFeuilleModel` lists the
feuilles that may go in a new envelope, each with a tick box, all ticked at
first because sending everything that is ready is the usual case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from carnet.domain.ids import FeuilleId
from carnet.domain.mailings import Mailing, MailingMode, RecipientKind
from carnet.i18n import N_, Translator
from carnet.ui.models.feuilles import FeuilleRow, state_label

# Where it stands first: the table shares the page with the letter and may scroll sideways.
NUMBER, STATE, MAILED, MODE, FEUILLES, RECIPIENT, INSURED, PRINTED, CREATED = range(9)
HEADERS = (
    N_("No."),
    N_("State"),
    N_("Mailed"),
    N_("Mode"),
    N_("Feuilles"),
    N_("Recipient"),
    N_("Insured person"),
    N_("Printed"),
    N_("Created"),
)
READY_HEADERS = (N_("No."), N_("Person"), N_("Care date"), N_("Amount"), N_("State"))
MAILING_ID_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_INDEX = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(frozen=True, slots=True)
class MailingRow:
    """One mailing with what the table shows beside it."""

    mailing: Mailing
    insured_name: str
    feuille_count: int
    settled: bool  # every feuille was paid (or closed)
    unanswered: bool  # mailed weeks ago and still waiting: time for a reminder


def mailing_state(t: Translator, row: MailingRow) -> str:
    mailing = row.mailing
    if mailing.mailed_on is None:
        return t.gettext("To mail") if mailing.printed_on else t.gettext("To print")
    if row.unanswered:
        return t.gettext("No answer yet")
    return t.gettext("Paid") if row.settled else t.gettext("Mailed")


def mode_text(t: Translator, mailing: Mailing) -> str:
    if mailing.mode is MailingMode.REGISTERED:
        registered = t.gettext("Registered")
        return f"{registered} · {mailing.tracking}" if mailing.tracking else registered
    return t.gettext("Simple")


def recipient_text(t: Translator, mailing: Mailing) -> str:
    if mailing.recipient_kind is RecipientKind.MUTUELLE:
        return t.gettext("{name} (mutuelle)").format(name=mailing.recipient)
    return mailing.recipient


class MailingTableModel(QAbstractTableModel):
    """Rows of :class:`MailingRow`; replace them with :meth:`set_rows`."""

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._t = translator
        self._rows: list[MailingRow] = []

    def set_rows(self, rows: Sequence[MailingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, position: int) -> MailingRow:
        return self._rows[position]

    def row_of(self, mailing_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.mailing.id == mailing_id), None)

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
        if role == MAILING_ID_ROLE:
            return int(row.mailing.id)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (NUMBER, FEUILLES) else None
        if row.unanswered and column == STATE:
            if role == Qt.ItemDataRole.DecorationRole:
                # The style's icon, not a colour: it reads the same in a dark theme.
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._t.gettext("No payment yet: send a reminder letter")
        return None

    def _text(self, row: MailingRow, column: int) -> str:
        t, mailing = self._t, row.mailing
        days = {CREATED: mailing.created_on, PRINTED: mailing.printed_on, MAILED: mailing.mailed_on}
        if column in days:
            day = days[column]
            return "" if day is None else t.date(day)
        if column == STATE:
            return mailing_state(t, row)
        texts = {
            NUMBER: str(mailing.id),
            INSURED: row.insured_name,
            RECIPIENT: recipient_text(t, mailing),
            FEUILLES: str(row.feuille_count),
            MODE: mode_text(t, mailing),
        }
        return texts[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        return self._t.gettext(HEADERS[section]) if role == Qt.ItemDataRole.DisplayRole else None

    def flags(self, index: _INDEX) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags


class ReadyFeuilleModel(QAbstractTableModel):
    """Feuilles that may go in a new envelope, each with a tick box (first column)."""

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._t = translator
        self._rows: list[FeuilleRow] = []
        self._unticked: set[FeuilleId] = set()

    def set_rows(self, rows: Sequence[FeuilleRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._unticked &= {r.feuille.id for r in self._rows}
        self.endResetModel()

    def checked_ids(self) -> list[FeuilleId]:
        return [r.feuille.id for r in self._rows if r.feuille.id not in self._unticked]

    def set_checked(self, position: int, checked: bool) -> None:
        feuille_id = self._rows[position].feuille.id
        if checked:
            self._unticked.discard(feuille_id)
        else:
            self._unticked.add(feuille_id)
        index = self.index(position, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(READY_HEADERS)

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            ticked = row.feuille.id not in self._unticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3):
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        t = self._t
        care = "" if row.care_date is None else t.date(row.care_date)
        status = state_label(t, row.feuille.status)
        amount = t.money(row.amount_cents)
        return (str(row.feuille.id), row.person_name, care, amount, status)[column]

    def setData(self, index: _INDEX, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self.set_checked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(READY_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._t.gettext(READY_HEADERS[section])
        return None

    def flags(self, index: _INDEX) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == 0:
            return _FLAGS | Qt.ItemFlag.ItemIsUserCheckable
        return _FLAGS
