"""Reconciliation: open health credits on the left, what each may pay on the right.

The matcher proposes, the household decides: **Accept** confirms the selected proposal,
**Reject** hides it for this session (nothing is written), **Accept all unambiguous**
confirms every credit that had a single candidate, **Match by hand…** picks payments
from the open ones. Each confirmation publishes its ``Changes`` on the event hub; the
bank page reloads this view from there, as it does after an undo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carnet.app import Services
from carnet.bank import HealthCredit, Proposal
from carnet.domain.errors import CarnetError
from carnet.domain.ids import ExpectedPaymentId
from carnet.i18n import Translator
from carnet.services.base import Result
from carnet.ui.dialogs.bank_match_dialog import MatchDialog
from carnet.ui.errors import describe
from carnet.ui.events import EventHub
from carnet.ui.models.bank import CreditTableModel, ProposalRow, ProposalTableModel
from carnet.ui.models.bank_data import BankData
from carnet.ui.models.bank_labels import care_text, reason_text, residual_text
from carnet.ui.models.bank_lines import PaymentLineModel
from carnet.ui.operations import run_op
from carnet.ui.widgets.tables import give_room, make_table


class ReconcileView(QWidget):
    """``status`` carries a one-line message for the status bar after each action."""

    status = Signal(str)

    def __init__(
        self,
        services: Services,
        events: EventHub,
        translator: Translator,
        data: BankData,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services, self._events, self._t, self._data = services, events, translator, data
        self.match_dialog: MatchDialog | None = None
        t = translator
        self.credits = CreditTableModel(translator, self)
        self.proposals = ProposalTableModel(translator, self)
        self.lines = PaymentLineModel(translator, self)
        self.credit_table = make_table(self.credits, t.gettext("Health credits"), dense=True)
        self.proposal_table = make_table(self.proposals, t.gettext("Proposals"), dense=True)
        self.line_table = make_table(self.lines, t.gettext("Acts settled"), dense=True)
        self.credit_table.setSortingEnabled(True)
        self.credit_table.sortByColumn(CreditTableModel.DATE, Qt.SortOrder.AscendingOrder)
        # In a narrow pane: the payer takes the room left, the state fits its words.
        give_room(self.credit_table, CreditTableModel.PAYER, (CreditTableModel.STATE,))
        self._build()
        self._connect()

    # -- public ------------------------------------------------------------------------
    def reload(self) -> None:
        """Show the data's current credits, keeping the selected one when it is still open."""
        current = self.selected_credit()
        row = self.credit_table.currentIndex().row()
        self.credits.set_rows(self._data.credits())
        count = self.credits.rowCount()
        self.count_label.setText(
            self._t.ngettext(
                "{n} health credit to match", "{n} health credits to match", count
            ).format(n=count)
            if count
            else self._t.gettext("No health credit waiting to be matched.")
        )
        found = self.credits.row_of(current.id) if current else None
        self._select_credit_row(found if found is not None else min(max(row, 0), count - 1))
        self.accept_all_button.setEnabled(bool(self._data.unambiguous()))

    def selected_credit(self) -> HealthCredit | None:
        rows = self.credit_table.selectionModel().selectedRows()
        return self.credits.row(rows[0].row()).credit if rows else None

    def select_credit(self, credit_id: int) -> None:
        row = self.credits.row_of(credit_id)
        if row is not None:
            self._select_credit_row(row)

    def selected_proposal(self) -> Proposal | None:
        rows = self.proposal_table.selectionModel().selectedRows()
        return self.proposals.row(rows[0].row()).proposal if rows else None

    def explanation(self) -> str:
        return self.explanation_label.text()

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    # -- the actions -------------------------------------------------------------------
    def accept_selected(self) -> None:
        proposal = self.selected_proposal()
        if proposal is not None:
            self._confirm([proposal])

    def reject_selected(self) -> None:
        proposal, credit = self.selected_proposal(), self.selected_credit()
        if proposal is None or credit is None:
            return
        self._data.reject(proposal)
        self.reload()  # the credit's state may become "unmatched"
        self.status.emit(self._t.gettext("Proposal hidden until Carnet is closed."))

    def accept_unambiguous(self) -> None:
        self._confirm(self._data.unambiguous())

    def match_by_hand(self) -> MatchDialog | None:
        """Open the dialog (non-blocking); the match is made when it is accepted."""
        credit = self.selected_credit()
        if credit is None:
            return None
        dialog = MatchDialog(self._t, credit, self._data.open_lines(), self)
        dialog.accepted.connect(lambda: self._match(credit, dialog.chosen()))
        self.match_dialog = dialog
        dialog.open()
        return dialog

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        t = self._t
        self.count_label = QLabel()
        self.accept_all_button = self._button(
            t.gettext("Accept all unambiguous"), t.gettext("Accept every unambiguous proposal")
        )
        self.accept_button = self._button(t.gettext("Accept"), t.gettext("Accept the proposal"))
        self.reject_button = self._button(t.gettext("Reject"), t.gettext("Reject the proposal"))
        self.hand_button = self._button(
            t.gettext("Match by hand…"), t.gettext("Match the transfer by hand")
        )
        self.explanation_label = QLabel()
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setTextFormat(Qt.TextFormat.RichText)
        self.explanation_label.setAccessibleName(t.gettext("Why this proposal"))
        self.explanation_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        # Bold, not red: a fixed red is unreadable on dark palettes.
        self.error_label.setStyleSheet("font-weight: 600;")
        self.error_label.setAccessibleName(t.gettext("Reconciliation error"))
        self.error_label.hide()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for pane in (self._left(), self._right()):
            # The button rows would otherwise make the whole window at least 830 px wide.
            pane.setMinimumWidth(220)
            splitter.addWidget(pane)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        return button

    def _left(self) -> QWidget:
        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.accept_all_button)
        return _column(bar, self.credit_table)

    def _right(self) -> QWidget:
        t = self._t
        bar = QHBoxLayout()
        bar.addWidget(_heading(t.gettext("What this transfer may pay")), 1)
        for button in (self.accept_button, self.reject_button, self.hand_button):
            bar.addWidget(button)
        holder = _column(bar, self.proposal_table)
        layout = holder.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(_heading(t.gettext("Acts the selected proposal settles")))
        layout.addWidget(self.line_table, 2)
        layout.addWidget(self.explanation_label, 1)
        self.proposal_table.setMaximumHeight(150)
        return holder

    def _connect(self) -> None:
        self.credit_table.selectionModel().selectionChanged.connect(self._on_credit)
        self.proposal_table.selectionModel().selectionChanged.connect(self._on_proposal)
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_all_button.clicked.connect(self.accept_unambiguous)
        self.hand_button.clicked.connect(self.match_by_hand)

    # -- reacting ----------------------------------------------------------------------
    def _select_credit_row(self, row: int) -> None:
        if 0 <= row < self.credits.rowCount():
            self.credit_table.selectRow(row)
        else:
            self.credit_table.clearSelection()
        self._on_credit()

    def _on_credit(self, *_: QItemSelection) -> None:
        credit = self.selected_credit()
        proposals = self._data.proposals(credit.id) if credit else []
        data, t = self._data, self._t
        self.proposals.set_rows(
            ProposalRow(p, n, data.is_suggested(p), care_text(t, data.allocation_lines(p)))
            for n, p in enumerate(proposals, 1)
        )
        if proposals:
            self.proposal_table.selectRow(0)
        self._on_proposal()
        self.hand_button.setEnabled(credit is not None)

    def _on_proposal(self, *_: QItemSelection) -> None:
        proposal = self.selected_proposal()
        self.lines.set_rows(self._data.allocation_lines(proposal) if proposal else [])
        self.accept_button.setEnabled(proposal is not None)
        self.reject_button.setEnabled(proposal is not None)
        self.explanation_label.setText(self._explain(proposal))

    def _explain(self, proposal: Proposal | None) -> str:
        t = self._t
        if self.selected_credit() is None:
            return t.gettext("Select a transfer to see what it may pay.")
        if proposal is None:
            return t.gettext(
                "No expected payment fits this transfer. "
                "Use Match by hand… if you know which acts it pays."
            )
        reasons = "".join(f"<li>{_escape(reason_text(t, r))}</li>" for r in proposal.reasons)
        return f"<p><b>{_escape(residual_text(t, proposal))}</b></p><ul>{reasons}</ul>"

    def _confirm(self, proposals: list[Proposal]) -> None:
        if not proposals:
            return
        self._run(lambda: self._services.reconciliation.confirm(proposals))

    def _match(self, credit: HealthCredit, payments: list[ExpectedPaymentId]) -> None:
        if payments:
            self._run(lambda: self._services.reconciliation.match_by_hand(credit.id, payments))

    def _run(self, action: Callable[[], Result[int]]) -> None:
        """Call the service, show a refusal in the view, publish what changed."""
        self.error_label.hide()
        result = run_op(self, self._t, self._events, action, refused=self._show_refusal)
        if result is None:
            return
        count = result.value
        self.status.emit(
            self._t.ngettext(
                "{n} transfer matched (Ctrl+Z to undo).",
                "{n} transfers matched (Ctrl+Z to undo).",
                count,
            ).format(n=count)
        )

    def _show_refusal(self, error: CarnetError) -> None:
        self.error_label.setText(describe(self._t, error))
        self.error_label.show()


def _column(bar: QHBoxLayout, table: QTableView) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(bar)
    layout.addWidget(table, 1)
    return holder


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600;")
    return label


def _escape(text: str) -> str:
    # Payer names come from bank files: never let them be read as markup.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
