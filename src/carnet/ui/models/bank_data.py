"""The rows the bank page shows, read through the services in one place.

Qt-free on purpose: the page and its dialogs ask :class:`BankData` for plain rows
and hand them to the table models. A proposal names payments by id:
:meth:`BankData.reload` reads the acts of the proposed payments by id, and matching
by hand lists the open payments with the act each one is for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carnet.app import Services
from carnet.bank import HealthCredit, Proposal
from carnet.domain.act_query import ActSummary
from carnet.domain.banking import BankTransaction
from carnet.domain.codes import Payer
from carnet.domain.ids import ActId, ExpectedPaymentId, TransactionId
from carnet.services.reconciliation import Reconciliation


@dataclass(frozen=True, slots=True)
class TransactionRow:
    """A bank line; ``matched`` is None when it is not a health credit to match."""

    transaction: BankTransaction
    matched: bool | None


@dataclass(frozen=True, slots=True)
class CreditRow:
    """An open health credit and how many proposals it still has this session."""

    credit: HealthCredit
    proposals: int


@dataclass(frozen=True, slots=True)
class PaymentLine:
    """An expected payment with its act: one allocation of a proposal, or one open
    payment to pick by hand (``cents`` is then what is still outstanding)."""

    payment_id: ExpectedPaymentId
    act_id: ActId
    act_date: date
    person: str
    act_code: str
    payer: Payer
    cents: int


def _proposal_key(proposal: Proposal) -> tuple[int, tuple[tuple[int, int], ...]]:
    return proposal.credit_id, tuple((a.payment_id, a.cents) for a in proposal.allocations)


class BankData:
    """Caches one reconciliation and the acts behind the open payments until reload."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self.reconciliation = Reconciliation({}, [], [], [])
        self._acts_of: dict[ExpectedPaymentId, tuple[ActId, Payer]] = {}
        self._summaries: dict[ActId, ActSummary] = {}
        self._rejected: set[tuple[int, tuple[tuple[int, int], ...]]] = set()

    def reload(self) -> None:
        """Propose again over the current ledger (after any change)."""
        self.reconciliation = self._services.reconciliation.propose()
        # The acts behind the proposed payments only (not every open payment's).
        proposed = self.reconciliation.chosen + [
            p for ranked in self.reconciliation.proposals.values() for p in ranked
        ]
        wanted = {a.payment_id for p in proposed for a in p.allocations}
        payments = self._services.care.payments_by_id(wanted)
        self._acts_of = {i: (p.act_id, p.payer) for i, p in payments.items()}
        self._summaries.clear()

    # -- the transactions tab --------------------------------------------------------
    def transactions(self, health_only: bool) -> list[TransactionRow]:
        open_ids = {c.id for c in self._services.reconciliation.credits()}
        return [
            TransactionRow(t, t.id not in open_ids if _is_credit(t) else None)
            for t in self._services.store.bank.transactions(health_only)
        ]

    # -- reconciliation ----------------------------------------------------------------
    def credits(self) -> list[CreditRow]:
        return [
            CreditRow(credit, len(self.proposals(credit.id)))
            for credit in self._services.reconciliation.credits()
        ]

    def proposals(self, credit_id: TransactionId) -> list[Proposal]:
        """Ranked, without rejected ones: the global choice first, then the others."""
        chosen = [p for p in self.reconciliation.chosen if p.credit_id == credit_id]
        ranked = chosen + self.reconciliation.proposals.get(credit_id, [])
        seen: set[tuple[int, tuple[tuple[int, int], ...]]] = set(self._rejected)
        unique = []
        for proposal in ranked:
            key = _proposal_key(proposal)
            if key not in seen:
                seen.add(key)
                unique.append(proposal)
        return unique

    def is_suggested(self, proposal: Proposal) -> bool:
        return any(_proposal_key(p) == _proposal_key(proposal) for p in self.reconciliation.chosen)

    def reject(self, proposal: Proposal) -> None:
        """Hide a proposal until the page is closed (nothing is written)."""
        self._rejected.add(_proposal_key(proposal))

    def unambiguous(self) -> list[Proposal]:
        return [
            p for p in self.reconciliation.unambiguous if _proposal_key(p) not in self._rejected
        ]

    def allocation_lines(self, proposal: Proposal) -> list[PaymentLine]:
        lines = []
        for allocation in proposal.allocations:
            found = self._acts_of.get(allocation.payment_id)
            if found is not None:
                summary = self._summary(found[0])
                lines.append(_line(allocation.payment_id, summary, found[1], allocation.cents))
        return lines

    def open_lines(self) -> list[PaymentLine]:
        """Every open expected payment with its act, oldest care first."""
        payments = self._services.reconciliation.open_payments()
        wanted = sorted({p.act_id for p in payments if p.act_id is not None})
        summaries = {s.id: s for s in self._services.care_table.rows(wanted)}
        lines = [
            _line(p.id, summaries[p.act_id], p.payer, p.outstanding_cents)
            for p in payments
            if p.act_id in summaries
        ]
        return sorted(lines, key=lambda line: (line.act_date, line.payment_id))

    # -- helpers -----------------------------------------------------------------------
    def _summary(self, act_id: ActId) -> ActSummary:
        if act_id not in self._summaries:
            self._summaries[act_id] = self._services.care.summary(act_id)
        return self._summaries[act_id]


def _is_credit(transaction: BankTransaction) -> bool:
    return transaction.health and transaction.amount_cents > 0


def _line(
    payment_id: ExpectedPaymentId, summary: ActSummary, payer: Payer, cents: int
) -> PaymentLine:
    return PaymentLine(
        payment_id, summary.id, summary.date, summary.person_name, summary.act_code, payer, cents
    )
