"""Reconciliation: which expected payments each health credit settles.

The matcher (pure, in :mod:`carnet.bank.matching`) proposes; this service
gathers its inputs from the ledger and, when the household confirms, settles
the expected payments in one transaction: allocations recorded, payments paid
or partly paid, paper feuilles marked paid by the CPAM, and a residual kept in
the deduction ledger as deductions the CPAM recovered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from carnet.bank import (
    Allocation,
    HealthCredit,
    MatchSettings,
    OpenPayment,
    Proposal,
    propose,
    reconcile,
)
from carnet.domain.changes import Changes
from carnet.domain.claims import Step
from carnet.domain.codes import Channel, FeuilleStatus, Payer
from carnet.domain.errors import ValidationError
from carnet.domain.ids import ActId, ExpectedPaymentId, PersonId, TransactionId
from carnet.domain.money import Cents
from carnet.i18n import N_
from carnet.services.base import Result, Service
from carnet.services.feuille_keeper import FeuilleKeeper


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """Proposals for the open health credits; ``unambiguous`` are safe to apply."""

    proposals: dict[TransactionId, list[Proposal]]
    chosen: list[Proposal]
    unambiguous: list[Proposal]
    unmatched: list[TransactionId]


class ReconciliationService(Service):
    def credits(self) -> list[HealthCredit]:
        return [
            HealthCredit(r.id, r.date, r.amount_cents, r.payer_type, r.counterparty)
            for r in self.store.bank.open_credits()
        ]

    def open_payments(self, overlapping: tuple[date, date] | None = None) -> list[OpenPayment]:
        """Expected payments that money could settle now (``overlapping``: those whose
        window meets that period).

        A paper claim cannot be paid before its feuille was mailed: those payments
        (a newcomer's held feuilles, feuilles still on the desk) are left out.
        """
        rows = self.store.bank.open_payments(overlapping)
        mailed = self.store.feuilles.mailed_dates([r.act_id for r in rows])
        return [
            OpenPayment(
                r.id,
                r.act_date,
                r.payer,
                r.outstanding_cents,
                r.earliest,
                r.latest,
                payer_key=r.insurer if r.payer is Payer.AMC else "",
                person_key=str(r.person_id),
                mailed_on=mailed.get(r.act_id),
                act_id=r.act_id,
                other_share_done=r.other_share_done,
            )
            for r in rows
            if r.channel is not Channel.PAPER or r.act_id in mailed
        ]

    def settings(self) -> MatchSettings:
        return MatchSettings(max_withheld_cents=self.store.bank.remaining_withheld())

    def propose(self) -> Reconciliation:
        credits, settings = self.credits(), self.settings()
        if not credits:
            return Reconciliation({}, [], [], [])
        # The engine only looks at payments whose window, widened by the slack, holds a
        # credit's date: the others (years of history) are not read at all.
        slack = timedelta(days=settings.slack_days)
        near = (min(c.date for c in credits) - slack, max(c.date for c in credits) + slack)
        payments = self.open_payments(near)
        proposals = propose(credits, payments, settings)
        chosen = reconcile(credits, payments, settings)
        # Safe without a human look: the credit had one candidate and kept it.
        unambiguous = [p for p in chosen if len(proposals.get(p.credit_id, [])) == 1]
        matched = {p.credit_id for p in chosen}
        unmatched = [c.id for c in credits if c.id not in matched]
        return Reconciliation(proposals, chosen, unambiguous, unmatched)

    def confirm(self, proposals: list[Proposal]) -> Result[int]:
        """Settle each proposal (all or nothing); returns how many were confirmed."""
        if not proposals:
            return Result(0, Changes())
        touched: set[int] = set()
        feuilles: set[int] = set()
        with self.store.transaction(N_("Confirm bank matches")):
            for proposal in proposals:
                self._check(proposal)
                for allocation in proposal.allocations:
                    self.store.bank.settle(
                        proposal.credit_id, allocation.payment_id, allocation.cents
                    )
                    touched.add(allocation.payment_id)
                    feuilles |= self._mark_feuille_paid(allocation.payment_id)
                recovered = self._record_residual(proposal)
                self.store.events.record_settlement(
                    proposal.credit_id,
                    [(a.payment_id, a.cents) for a in proposal.allocations],
                    recovered,
                )
        changes = Changes(
            payments=frozenset(touched),
            feuilles=frozenset(feuilles),
            bank=frozenset(p.credit_id for p in proposals),
        )
        return Result(len(proposals), changes)

    def match_by_hand(
        self, transaction_id: TransactionId, payment_ids: list[ExpectedPaymentId]
    ) -> Result[int]:
        """Settle one credit against payments the household picked, oldest first."""
        credit = self.store.bank.transaction(transaction_id)
        if not credit.health or credit.amount_cents <= 0:
            raise ValidationError("transaction", N_("only health reimbursements can be matched"))
        open_by_id = {p.id: p for p in self.open_payments()}
        missing = [i for i in payment_ids if i not in open_by_id]
        if missing:
            raise ValidationError(
                "payment", N_("expected payment #{number} is not open"), number=missing[0]
            )
        left: int = credit.amount_cents
        allocations = []
        for ident in payment_ids:
            cents = min(left, open_by_id[ident].outstanding_cents)
            if cents > 0:
                allocations.append(Allocation(ident, Cents(cents)))
                left -= cents
        proposal = Proposal(transaction_id, tuple(allocations), left, 0, ())
        return self.confirm([proposal])

    def _check(self, proposal: Proposal) -> None:
        if self.store.bank.settlements(proposal.credit_id):
            raise ValidationError(
                "transaction",
                N_("transfer #{number} is already matched"),
                number=proposal.credit_id,
            )
        for allocation in proposal.allocations:
            row = self.store.ledger.db.execute(
                "SELECT amount_cents - settled_cents FROM expected_payment WHERE id = ?",
                [allocation.payment_id],
            ).fetchone()
            if row is None or allocation.cents > row[0]:
                raise ValidationError(
                    "payment",
                    N_("expected payment #{number} cannot take that much"),
                    number=allocation.payment_id,
                )

    def _mark_feuille_paid(self, payment_id: ExpectedPaymentId) -> set[int]:
        row = self.store.ledger.db.execute(
            "SELECT act_id, payer FROM expected_payment WHERE id = ?", [payment_id]
        ).fetchone()
        feuille = self.store.feuilles.for_act(ActId(row[0]))
        if row[1] != Payer.AMO.value or feuille is None:
            return set()
        if feuille.status not in (FeuilleStatus.MAILED, FeuilleStatus.RETURNED):
            return set()
        FeuilleKeeper(self.store).step(feuille, Step.PAY, self.today())
        return {feuille.id}

    def _record_residual(self, proposal: Proposal) -> tuple[int, str, int] | None:
        """A transfer short of the acts it pays: deductions the CPAM recovered.

        The CPAM takes what it withheld from whatever it next pays the insured, so the
        transfer for a child's visit may carry the parent's pharmacy franchise: the
        recovery is written to the person who owes a withheld deduction (one of the
        transfer's people first), not blindly to the first act's person.
        """
        if proposal.residual_cents >= 0 or not proposal.allocations:
            return None
        people = [self._person_of(a.payment_id) for a in proposal.allocations]
        owed = self.store.receipts.withheld_by_person()
        owing = [p for p in people if owed.get(PersonId(p), 0) > 0]
        if not owing:  # the most owed first; the first act's person when nobody owes
            owing = [int(p) for p, c in sorted(owed.items(), key=lambda i: -i[1]) if c > 0]
        person = (owing or people)[0]
        credit = self.store.bank.transaction(proposal.credit_id)
        recovered = (person, credit.date.isoformat(), -proposal.residual_cents)
        self.store.bank.record_recovered(
            PersonId(recovered[0]), credit.date, recovered[2], proposal.credit_id
        )
        return recovered

    def _person_of(self, payment_id: int) -> int:
        row = self.store.ledger.db.execute(
            "SELECT a.person_id FROM expected_payment e JOIN care_act a ON a.id = e.act_id "
            "WHERE e.id = ?",
            [payment_id],
        ).fetchone()
        return int(row[0])
