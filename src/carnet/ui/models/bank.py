"""The bank page's tables: account transactions, open health credits, ranked proposals.

Thin adapters over the rows of :mod:`carnet.ui.models.bank_data`; money stays integer
cents until :meth:`Translator.money` writes it. Every text column sorts with a tiebreak
(the date, then the id) so that equal cells keep one order whichever way one sorts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt

from carnet.bank import Proposal
from carnet.i18n import N_, Translator
from carnet.ui.models.bank_data import CreditRow, TransactionRow
from carnet.ui.models.bank_labels import payer_type_label
from carnet.ui.models.row_table import RIGHT, Column, RowTableModel, money_column, text_column

__all__ = ["CreditTableModel", "ProposalRow", "ProposalTableModel", "TransactionTableModel"]


class TransactionTableModel(RowTableModel[TransactionRow]):
    """Every imported line of the account, newest first unless sorted otherwise."""

    DATE, LABEL, COUNTERPARTY, AMOUNT, PAYER, HEALTH, MATCHED = range(7)

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        columns = _transaction_columns(translator)
        super().__init__(columns, translator, parent, align_headers=True)

    def cell_data(self, row: TransactionRow, column: int, role: int) -> Any:
        # Bank labels and counterparties are free text of any length, elided in their
        # (stretching) columns: shown whole on hover.
        if role == Qt.ItemDataRole.ToolTipRole and column == self.LABEL:
            return row.transaction.label
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COUNTERPARTY:
            return row.transaction.counterparty
        return None


def _transaction_columns(t: Translator) -> list[Column[TransactionRow]]:
    def then(row: TransactionRow) -> tuple[Any, ...]:
        return (row.transaction.date, row.transaction.id)

    def payer(row: TransactionRow) -> str:
        kind = row.transaction.payer_type
        return payer_type_label(t, kind) if kind else ""

    def matched(row: TransactionRow) -> str:
        texts = {None: "", True: t.gettext("Matched"), False: t.gettext("To match")}
        return texts[row.matched]

    return [
        Column(N_("Date"), lambda r: t.date(r.transaction.date), then, width=96),
        text_column(N_("Label"), lambda r: r.transaction.label, then, width=380),
        text_column(N_("Counterparty"), lambda r: r.transaction.counterparty, then, width=200),
        money_column(
            N_("Amount"),
            t,
            lambda r: r.transaction.amount_cents,
            lambda r: (r.transaction.id,),
            width=96,
        ),
        text_column(N_("Payer"), payer, then, width=90),
        text_column(
            N_("Health"),
            lambda r: t.gettext("Health") if r.transaction.health else "",
            then,
            width=64,
        ),
        text_column(N_("Matched"), matched, then),
    ]


class CreditTableModel(RowTableModel[CreditRow]):
    """Health credits not matched yet, with whether something is proposed."""

    DATE, PAYER, AMOUNT, STATE = range(4)

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        super().__init__(
            _credit_columns(translator),
            translator,
            parent,
            row_id=lambda row: row.credit.id,
            align_headers=True,
        )

    def cell_data(self, row: CreditRow, column: int, role: int) -> Any:
        # The payer's name comes from the bank: elided in a narrow pane, whole on hover.
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PAYER:
            return row.credit.counterparty or None
        return None


def _credit_columns(t: Translator) -> list[Column[CreditRow]]:
    def then(row: CreditRow) -> tuple[Any, ...]:
        return (row.credit.date, row.credit.id)

    def payer(row: CreditRow) -> str:
        return row.credit.counterparty or payer_type_label(t, row.credit.payer_type)

    def state(row: CreditRow) -> str:
        if row.proposals == 0:
            return t.gettext("Unmatched")
        return t.ngettext("Proposed", "{n} proposals", row.proposals).format(n=row.proposals)

    return [
        Column(N_("Date"), lambda r: t.date(r.credit.date), then, width=96),
        text_column(N_("Payer"), payer, then, width=190),
        money_column(
            N_("Amount"), t, lambda r: r.credit.amount_cents, lambda r: (r.credit.id,), width=86
        ),
        text_column(N_("State"), state, then),
    ]


@dataclass(frozen=True, slots=True)
class ProposalRow:
    """A proposal as listed: its rank and whether the global assignment chose it."""

    proposal: Proposal
    rank: int
    suggested: bool
    care: str = ""  # whose care and when, so that equal totals can be told apart


class ProposalTableModel(RowTableModel[ProposalRow]):
    """The ranked settlements proposed for one credit, best first."""

    RANK, ACTS, SETTLES, RESIDUAL, NOTE, CARE = range(6)

    def __init__(self, translator: Translator, parent: QObject | None = None) -> None:
        columns = _proposal_columns(translator)
        super().__init__(columns, translator, parent, align_headers=True)

    def cell_data(self, row: ProposalRow, column: int, role: int) -> Any:  # noqa: ARG002
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._t.gettext("Score: {score}").format(score=row.proposal.score)
        return None


def _proposal_columns(t: Translator) -> list[Column[ProposalRow]]:
    def then(row: ProposalRow) -> tuple[Any, ...]:
        return (row.rank,)

    def total(row: ProposalRow) -> int:
        return sum(a.cents for a in row.proposal.allocations)

    def residual(row: ProposalRow) -> str:
        cents = row.proposal.residual_cents
        return t.money(cents) if cents else "—"

    def note(row: ProposalRow) -> str:
        if row.proposal.partial:
            return t.gettext("Partial payment")
        return t.gettext("Suggested") if row.suggested else ""

    return [
        Column(N_("#"), lambda r: str(r.rank), lambda r: (r.rank, r.rank), width=30),
        Column(
            N_("Acts"),
            lambda r: str(len(r.proposal.allocations)),
            lambda r: (len(r.proposal.allocations), r.rank),
            width=44,
        ),
        money_column(N_("Settles"), t, total, then, width=86),
        Column(
            N_("Difference"), residual, lambda r: (r.proposal.residual_cents, r.rank), RIGHT, 86
        ),
        text_column(N_("Note"), note, then, width=110),
        text_column(N_("Care"), lambda r: r.care, then),
    ]
