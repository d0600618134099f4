"""The bank page's tables: account transactions, open health credits, ranked proposals.

Thin adapters over the rows of :mod:`carnet.ui.models.bank_data`; money stays integer
cents until :meth:`Translator.money` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from carnet.bank import Proposal
from carnet.i18n import N_
from carnet.ui.models.bank_data import CreditRow, TransactionRow
from carnet.ui.models.bank_labels import payer_type_label
from carnet.ui.models.bank_rows import RowTableModel

__all__ = ["CreditTableModel", "ProposalRow", "ProposalTableModel", "TransactionTableModel"]


class TransactionTableModel(RowTableModel[TransactionRow]):
    """Every imported line of the account, newest first unless sorted otherwise."""

    DATE, LABEL, COUNTERPARTY, AMOUNT, PAYER, HEALTH, MATCHED = range(7)
    HEADERS = (
        N_("Date"),
        N_("Label"),
        N_("Counterparty"),
        N_("Amount"),
        N_("Payer"),
        N_("Health"),
        N_("Matched"),
    )
    MONEY_COLUMNS = frozenset({AMOUNT})

    def texts(self, row: TransactionRow) -> tuple[str, ...]:
        t, item = self._t, row.transaction
        matched = {None: "", True: t.gettext("Matched"), False: t.gettext("To match")}
        return (
            t.date(item.date),
            item.label,
            item.counterparty,
            t.money(item.amount_cents),
            payer_type_label(t, item.payer_type) if item.payer_type else "",
            t.gettext("Health") if item.health else "",
            matched[row.matched],
        )

    def sort_key(self, row: TransactionRow, column: int) -> Any:
        item = row.transaction
        if column == self.DATE:
            return (item.date, item.id)
        if column == self.AMOUNT:
            return (item.amount_cents, item.id)
        return (super().sort_key(row, column), item.date, item.id)

    def tooltip(self, row: TransactionRow, column: int) -> str | None:
        # Bank labels are long and truncated in the column: show them whole on hover.
        return row.transaction.label if column == self.LABEL else None


class CreditTableModel(RowTableModel[CreditRow]):
    """Health credits not matched yet, with whether something is proposed."""

    DATE, PAYER, AMOUNT, STATE = range(4)
    HEADERS = (N_("Date"), N_("Payer"), N_("Amount"), N_("State"))
    MONEY_COLUMNS = frozenset({AMOUNT})

    def texts(self, row: CreditRow) -> tuple[str, ...]:
        t, credit = self._t, row.credit
        payer = credit.counterparty or payer_type_label(t, credit.payer_type)
        if row.proposals == 0:
            state = t.gettext("Unmatched")
        else:
            state = t.ngettext("Proposed", "{n} proposals", row.proposals).format(n=row.proposals)
        return (t.date(credit.date), payer, t.money(credit.amount_cents), state)

    def sort_key(self, row: CreditRow, column: int) -> Any:
        credit = row.credit
        if column == self.DATE:
            return (credit.date, credit.id)
        if column == self.AMOUNT:
            return (credit.amount_cents, credit.id)
        return (super().sort_key(row, column), credit.date, credit.id)

    def row_of(self, credit_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.credit.id == credit_id), None)


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
    HEADERS = (N_("#"), N_("Acts"), N_("Settles"), N_("Difference"), N_("Note"), N_("Care"))
    MONEY_COLUMNS = frozenset({SETTLES, RESIDUAL})

    def texts(self, row: ProposalRow) -> tuple[str, ...]:
        t, proposal = self._t, row.proposal
        total = sum(a.cents for a in proposal.allocations)
        residual = proposal.residual_cents
        if proposal.partial:
            note = t.gettext("Partial payment")
        elif row.suggested:
            note = t.gettext("Suggested")
        else:
            note = ""
        return (
            str(row.rank),
            str(len(proposal.allocations)),
            t.money(total),
            t.money(residual) if residual else "—",
            note,
            row.care,
        )

    def sort_key(self, row: ProposalRow, column: int) -> Any:
        proposal = row.proposal
        raw = (
            row.rank,
            len(proposal.allocations),
            sum(a.cents for a in proposal.allocations),
            proposal.residual_cents,
        )
        key = raw[column] if column < len(raw) else super().sort_key(row, column)
        return (key, row.rank)

    def tooltip(self, row: ProposalRow, column: int) -> str | None:  # noqa: ARG002
        return self._t.gettext("Score: {score}").format(score=row.proposal.score)
