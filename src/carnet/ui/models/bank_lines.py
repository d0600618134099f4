"""Line tables of the bank page's panels and dialogs.

- :class:`PaymentLineModel`: the acts a proposal would settle;
- :class:`PickPaymentModel`: the same lines with a check box each, for matching by hand;
- :class:`PreviewTableModel`: the lines of a statement before it is imported.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from carnet.domain.ids import ExpectedPaymentId
from carnet.i18n import N_, Translator
from carnet.services.bank_import import ImportedLine
from carnet.ui.models.bank_data import PaymentLine
from carnet.ui.models.bank_labels import classification_label, payer_type_label, share_label
from carnet.ui.models.bank_rows import Index, RowTableModel

__all__ = ["PaymentLineModel", "PickPaymentModel", "PreviewTableModel"]


class PaymentLineModel(RowTableModel[PaymentLine]):
    """Expected payments with their act: date of care, person, act code, share, amount."""

    DATE, PERSON, ACT, PAYER, AMOUNT = range(5)
    HEADERS = (N_("Date of care"), N_("Person"), N_("Act"), N_("Payer"), N_("Amount"))
    MONEY_COLUMNS = frozenset({AMOUNT})

    def texts(self, row: PaymentLine) -> tuple[str, ...]:
        t = self._t
        return (
            t.date(row.act_date),
            row.person,
            row.act_code,
            share_label(t, row.payer),
            t.money(row.cents),
        )

    def sort_key(self, row: PaymentLine, column: int) -> Any:
        if column == self.DATE:
            return (row.act_date, row.payment_id)
        if column == self.AMOUNT:
            return (row.cents, row.payment_id)
        return (super().sort_key(row, column), row.act_date, row.payment_id)


class PickPaymentModel(PaymentLineModel):
    """Open payments to tick; the ticks survive a change of filter (``set_rows``)."""

    checked_changed = Signal()

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        super().__init__(translator, parent)
        self._checked: dict[ExpectedPaymentId, PaymentLine] = {}

    def checked(self) -> list[PaymentLine]:
        """Ticked lines, oldest care first: the order in which the credit is spread."""
        return sorted(self._checked.values(), key=lambda line: (line.act_date, line.payment_id))

    def set_checked(self, position: int, checked: bool) -> None:
        line = self.row(position)
        if checked:
            self._checked[line.payment_id] = line
        else:
            self._checked.pop(line.payment_id, None)
        index = self.index(position, self.DATE)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid():
            if index.column() != self.DATE:
                return None
            ticked = self.row(index.row()).payment_id in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if index.column() != self.DATE:
            return False
        # Views hand the state over as an int or a CheckState depending on the path.
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        self.set_checked(index.row(), state == Qt.CheckState.Checked.value)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.DATE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


class PreviewTableModel(RowTableModel[ImportedLine]):
    """What an import would add, each line with its classification."""

    DATE, LABEL, AMOUNT, PAYER, KIND, STATUS = range(6)
    HEADERS = (N_("Date"), N_("Label"), N_("Amount"), N_("Counterparty"), N_("Kind"), N_("Import"))
    MONEY_COLUMNS = frozenset({AMOUNT})

    def texts(self, row: ImportedLine) -> tuple[str, ...]:
        t, line, kind = self._t, row.line, row.classification
        what = classification_label(t, kind.reason)
        if kind.payer_type is not None:
            what = f"{what} · {payer_type_label(t, kind.payer_type)}"
        return (
            t.date(line.date),
            line.label,
            t.money(line.amount_cents),
            kind.counterparty,
            what,
            t.gettext("Already imported") if row.duplicate else t.gettext("New"),
        )

    def sort_key(self, row: ImportedLine, column: int) -> Any:
        if column == self.DATE:
            return (row.line.date, row.line.line_no)
        if column == self.AMOUNT:
            return (row.line.amount_cents, row.line.line_no)
        return (super().sort_key(row, column), row.line.line_no)

    def tooltip(self, row: ImportedLine, column: int) -> str | None:
        return row.line.label if column == self.LABEL else None
