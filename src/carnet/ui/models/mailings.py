"""Table models of the Mailings page: the envelopes sent, and the feuilles ready to go in one.

:class:`MailingTableModel` lists mailings with where each one stands (to print,
to mail, mailed, paid, unanswered); :class:`ReadyFeuilleModel` lists the
feuilles that may go in a new envelope, each with a tick box, all ticked at
first because sending everything that is ready is the usual case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QStyle

from carnet.domain.ids import FeuilleId
from carnet.domain.mailings import Mailing, MailingMode, RecipientKind
from carnet.i18n import N_, Translator
from carnet.ui.models.feuilles import STATE as FEUILLE_STATE
from carnet.ui.models.feuilles import FeuilleRow, feuille_columns
from carnet.ui.models.row_table import FLAGS, ID_ROLE, RIGHT, Column, Index, RowTableModel

# Where it stands first. The table shares the page with the letter: it shows what tells
# the envelopes apart, and the chosen one's mode and dates are told under it
# (:func:`mailing_facts`), so that no column scrolls off at the default size.
NUMBER, STATE, MAILED, FEUILLES, INSURED, RECIPIENT = range(6)
FITTED = (NUMBER, STATE, MAILED, FEUILLES, INSURED)  # as wide as their text; the recipient
# (a caisse's or a mutuelle's name, as typed) takes the rest, elided with its tooltip
MAILING_ID_ROLE = ID_ROLE


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
        if mailing.tracking:
            return t.gettext("Registered letter No. {tracking}").format(tracking=mailing.tracking)
        return t.gettext("Registered letter")
    return t.gettext("Simple letter")


def mailing_facts(t: Translator, mailing: Mailing) -> str:
    """The chosen mailing's mode and dates, on one line under the table."""
    parts = [mode_text(t, mailing)]
    if mailing.created_on is not None:  # set when saved: every listed mailing has it
        parts.append(t.gettext("created {date}").format(date=t.date(mailing.created_on)))
    if mailing.printed_on is not None:
        parts.append(t.gettext("printed {date}").format(date=t.date(mailing.printed_on)))
    if mailing.mailed_on is not None:
        parts.append(t.gettext("mailed {date}").format(date=t.date(mailing.mailed_on)))
    return " · ".join(parts)


def recipient_text(t: Translator, mailing: Mailing) -> str:
    if mailing.recipient_kind is RecipientKind.MUTUELLE:
        return t.gettext("{name} (mutuelle)").format(name=mailing.recipient)
    return mailing.recipient


class MailingTableModel(RowTableModel[MailingRow]):
    """Rows of :class:`MailingRow`; replace them with :meth:`set_rows`."""

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        columns = mailing_columns(translator)
        super().__init__(columns, translator, parent, row_id=lambda row: int(row.mailing.id))

    def cell_data(self, row: MailingRow, column: int, role: int) -> Any:
        if row.unanswered and column == STATE:
            if role == Qt.ItemDataRole.DecorationRole:
                # The style's icon, not a colour: it reads the same in a dark theme.
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._t.gettext("No payment yet: send a reminder letter")
        if column == RECIPIENT and role == Qt.ItemDataRole.ToolTipRole:
            return recipient_text(self._t, row.mailing)  # whole, when the column elides it
        return None


def mailing_columns(t: Translator) -> list[Column[MailingRow]]:
    """The mailing table's columns, in the order of :data:`NUMBER` … :data:`RECIPIENT`."""

    def day(value: date | None) -> str:
        return "" if value is None else t.date(value)

    return [
        Column(N_("No."), lambda r: str(r.mailing.id), align=RIGHT),
        Column(N_("State"), lambda r: mailing_state(t, r)),
        Column(N_("Mailed"), lambda r: day(r.mailing.mailed_on)),
        Column(N_("Feuilles"), lambda r: str(r.feuille_count), align=RIGHT),
        Column(N_("Insured person"), lambda r: r.insured_name),
        Column(N_("Recipient"), lambda r: recipient_text(t, r.mailing)),
    ]


class ReadyFeuilleModel(RowTableModel[FeuilleRow]):
    """Feuilles that may go in a new envelope, each with a tick box (first column)."""

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        # The feuille table's columns up to the state: number, person, care date, amount.
        columns = feuille_columns(translator)[: FEUILLE_STATE + 1]
        super().__init__(columns, translator, parent)
        self._unticked: set[FeuilleId] = set()

    def set_rows(self, rows: Iterable[FeuilleRow]) -> None:
        """Replace the rows; a feuille unticked before stays unticked."""
        listed = list(rows)
        self._unticked &= {r.feuille.id for r in listed}
        super().set_rows(listed)

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

    def cell_data(self, row: FeuilleRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            ticked = row.feuille.id not in self._unticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self.set_checked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and index.column() == 0:
            return FLAGS | Qt.ItemFlag.ItemIsUserCheckable
        return super().flags(index)
