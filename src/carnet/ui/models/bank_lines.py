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
from carnet.ui.models.row_table import Column, Index, RowTableModel, money_column, text_column

__all__ = ["PaymentLineModel", "PickPaymentModel", "PreviewTableModel"]


class PaymentLineModel(RowTableModel[PaymentLine]):
    """Expected payments with their act: date of care, person, act code, share, amount."""

    DATE, PERSON, ACT, PAYER, AMOUNT = range(5)

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        columns = _payment_columns(translator)
        super().__init__(columns, translator, parent, align_headers=True)


def _payment_columns(t: Translator) -> list[Column[PaymentLine]]:
    def then(row: PaymentLine) -> tuple[Any, ...]:
        return (row.act_date, row.payment_id)

    return [
        Column(N_("Date of care"), lambda r: t.date(r.act_date), then, width=110),
        text_column(N_("Person"), lambda r: r.person, then, width=160),
        text_column(N_("Act"), lambda r: r.act_code, then, width=60),
        text_column(N_("Payer"), lambda r: share_label(t, r.payer), then, width=130),
        money_column(N_("Amount"), t, lambda r: r.cents, lambda r: (r.payment_id,)),
    ]


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

    def cell_data(self, row: PaymentLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DATE:
            ticked = row.payment_id in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return None

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

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        columns = _preview_columns(translator)
        super().__init__(columns, translator, parent, align_headers=True)

    def cell_data(self, row: ImportedLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.LABEL:
            return row.line.label
        return None


def _preview_columns(t: Translator) -> list[Column[ImportedLine]]:
    def then(row: ImportedLine) -> tuple[Any, ...]:
        return (row.line.line_no,)

    def kind(row: ImportedLine) -> str:
        what = classification_label(t, row.classification.reason)
        if row.classification.payer_type is not None:
            what = f"{what} · {payer_type_label(t, row.classification.payer_type)}"
        return what

    def status(row: ImportedLine) -> str:
        return t.gettext("Already imported") if row.duplicate else t.gettext("New")

    return [
        Column(
            N_("Date"),
            lambda r: t.date(r.line.date),
            lambda r: (r.line.date, r.line.line_no),
            width=96,
        ),
        text_column(N_("Label"), lambda r: r.line.label, then, width=300),
        money_column(N_("Amount"), t, lambda r: r.line.amount_cents, then, width=90),
        text_column(N_("Counterparty"), lambda r: r.classification.counterparty, then, width=190),
        text_column(N_("Kind"), kind, then, width=230),
        text_column(N_("Import"), status, then),
    ]
