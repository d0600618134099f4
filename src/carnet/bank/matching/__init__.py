"""Propose which expected payments each health credit settles, then assign globally.

Per credit (``propose``): the candidates are the open payments of the matching payer type
(AMO ↔ CPAM-type fund, AMC ↔ complementary; both for a dual-role payer such as MGEN)
whose expected window, widened by the slack, contains the credit date, whose act
precedes it and whose claim was mailed before it.
1. 1:1: exact amount, ±1 cent rounding, or (CPAM only) a withheld multiple of 50 cents
   within ``max_withheld_cents``; partial payments (credit smaller than one payment) are
   proposed too, scored below every full settlement.
2. Many-to-one, unless a 1:1 exact to the cent (or ±1 cent) inside the window exists:
   one act then beats any batch, and in a dense history some batch always sums to the
   amount by chance. Subset sum runs over the oldest ``pool_size`` candidates, then the
   newest; partial payments are looked for when fewer than ``top_k`` fits were found.
Proposals are ranked by score, then fewer items, smaller residual, older acts, ids, and
the top ``top_k`` are kept.

Across credits (``assign``): greedy by score over all proposals, ties by credit date
then ids, never using a payment twice. ``reconcile`` adds rounds for credits whose
proposals all lost to better ones: they are proposed again without the payments already
taken, which recovers the second-best settlement a fixed top-k would have dropped.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence

from carnet.bank.matching.index import PAYERS_FOR, PaymentIndex, oldest_and_newest
from carnet.bank.matching.model import (
    Allocation,
    HealthCredit,
    MatchSettings,
    OpenPayment,
    Proposal,
    Reason,
)
from carnet.bank.matching.scoring import score_items
from carnet.bank.matching.subsets import residuals, subset_solutions
from carnet.domain.codes import Payer
from carnet.domain.ids import ExpectedPaymentId, TransactionId
from carnet.domain.money import Cents

__all__ = [
    "Allocation",
    "HealthCredit",
    "MatchSettings",
    "OpenPayment",
    "Proposal",
    "Reason",
    "assign",
    "propose",
    "reconcile",
]

RankKey = tuple[int, int, int, bool, int, tuple[int, ...]]
Excluded = frozenset[int] | set[int]
# (items, residual, partial): a settlement not yet scored or explained.
Candidate = tuple[tuple[OpenPayment, ...], int, bool]


def _rank(credit: HealthCredit, candidate: Candidate) -> RankKey:
    items, residual, partial = candidate
    score, _ = score_items(credit, items, residual, partial, explain=False)
    age = sum(p.act_date.toordinal() for p in items)
    ids = tuple(sorted(int(p.id) for p in items))
    return (-score, len(items), abs(residual if not partial else 0), partial, age, ids)


def _proposal(credit: HealthCredit, candidate: Candidate) -> Proposal:
    items, residual, partial = candidate
    score, reasons = score_items(credit, items, residual, partial)
    if partial:
        # The whole credit goes to one larger payment; the rest stays pending.
        allocation = (Allocation(items[0].id, credit.amount_cents),)
        return Proposal(credit.id, allocation, 0, score, reasons, partial=True)
    allocations = tuple(Allocation(p.id, p.outstanding_cents) for p in items)
    return Proposal(credit.id, allocations, residual, score, reasons)


def _one_to_one(
    credit: HealthCredit, index: PaymentIndex, settings: MatchSettings, excluded: Excluded
) -> tuple[list[Candidate], bool]:
    """1:1 candidates by amount lookup, and whether one is exact (±1 cent) in the window."""
    amount, day = int(credit.amount_cents), credit.date
    found: list[Candidate] = []
    exact_in_window = False
    for payer in PAYERS_FOR[credit.payer_type]:
        wanted = [amount, amount - 1, amount + 1]
        if payer is Payer.AMO:
            cap = min(settings.max_withheld_cents, settings.max_withheld_per_credit_cents)
            wanted += range(amount + 50, amount + cap + 1, 50)
        matches = index.with_amounts(credit, payer, wanted, excluded)
        # Equal amounts crowd a dense history: per amount, keep the top_k most plausible
        # (inside the window first, then oldest act) before the full scoring.
        matches.sort(key=lambda p: (p.outstanding_cents, not p.earliest <= day <= p.latest,
                                    not p.other_share_done, p.act_date, p.id))  # fmt: skip
        kept: dict[int, int] = {}
        for payment in matches:
            cents = int(payment.outstanding_cents)
            kept[cents] = kept.get(cents, 0) + 1
            if kept[cents] > settings.top_k:
                continue
            diff = amount - cents
            found.append(((payment,), diff, False))
            if abs(diff) <= 1 and payment.earliest <= day <= payment.latest:
                exact_in_window = True
    return found, exact_in_window


def _batches_and_partials(
    credit: HealthCredit,
    index: PaymentIndex,
    settings: MatchSettings,
    excluded: Excluded,
    partials_needed: bool,
) -> list[Candidate]:
    amount = int(credit.amount_cents)
    found: list[Candidate] = []
    larger: list[OpenPayment] = []
    for payer in PAYERS_FOR[credit.payer_type]:
        # A batch comes from one payer: never mix the CPAM and the mutuelle shares.
        pool = index.window(credit, payer, excluded)
        larger += [p for p in pool if p.outstanding_cents > amount]
        allowed = residuals(payer, settings)
        for sub_pool in oldest_and_newest(pool, settings.pool_size):
            solutions = subset_solutions(amount, sub_pool, allowed, settings)
            found += [(items, residual, False) for items, residual in solutions]
            if solutions:
                break  # widen to the newest acts only when the oldest give nothing
    if partials_needed or len(found) < settings.top_k:
        key = lambda p: (p.outstanding_cents, p.act_date, p.id)  # noqa: E731
        closest = heapq.nsmallest(settings.top_k, larger, key=key)
        found += [((p,), amount - int(p.outstanding_cents), True) for p in closest]
    return found


def _propose_one(
    credit: HealthCredit, index: PaymentIndex, settings: MatchSettings, excluded: Excluded
) -> list[Proposal]:
    if credit.amount_cents <= 0:
        return []
    found, exact_in_window = _one_to_one(credit, index, settings, excluded)
    if not exact_in_window:
        few = len(found) < settings.top_k
        found += _batches_and_partials(credit, index, settings, excluded, few)
    elif len(found) < settings.top_k and settings.allow_partial:
        found += _partials_only(credit, index, settings, excluded)
    if not settings.allow_partial:
        found = [c for c in found if not c[2]]
    ranked = sorted(((_rank(credit, c), c) for c in found), key=lambda pair: pair[0])
    kept: list[Proposal] = []
    seen: set[tuple[int, ...]] = set()
    for key, candidate in ranked:
        if key[-1] not in seen:  # the same acts found twice (two pools, two residuals)
            seen.add(key[-1])
            kept.append(_proposal(credit, candidate))
            if len(kept) == settings.top_k:
                break
    return kept


def _partials_only(
    credit: HealthCredit, index: PaymentIndex, settings: MatchSettings, excluded: Excluded
) -> list[Candidate]:
    amount = int(credit.amount_cents)
    larger = [
        p
        for payer in PAYERS_FOR[credit.payer_type]
        for p in index.window(credit, payer, excluded)
        if p.outstanding_cents > amount
    ]
    key = lambda p: (p.outstanding_cents, p.act_date, p.id)  # noqa: E731
    return [
        ((p,), amount - int(p.outstanding_cents), True)
        for p in heapq.nsmallest(settings.top_k, larger, key=key)
    ]


def propose(
    credits: Iterable[HealthCredit],
    payments: Iterable[OpenPayment],
    settings: MatchSettings | None = None,
    excluded: frozenset[int] | set[int] = frozenset(),
) -> dict[TransactionId, list[Proposal]]:
    """Ranked proposals per credit (best first, at most ``top_k``); may share payments."""
    settings = settings or MatchSettings()
    index = PaymentIndex(payments, settings.slack_days)
    return _propose_all(credits, index, settings, excluded)


def _propose_all(
    credits: Iterable[HealthCredit],
    index: PaymentIndex,
    settings: MatchSettings,
    excluded: Excluded = frozenset(),
) -> dict[TransactionId, list[Proposal]]:
    ordered = sorted(credits, key=lambda c: (c.date, c.id))
    return {c.id: _propose_one(c, index, settings, excluded) for c in ordered}


def assign(
    proposals: Mapping[TransactionId, Sequence[Proposal]],
    credit_dates: Mapping[TransactionId, object] | None = None,
    taken: set[ExpectedPaymentId] | None = None,
) -> list[Proposal]:
    """At most one proposal per credit; no payment in two accepted proposals.

    Greedy by score over every proposal of every credit; ties go to the earlier credit
    (``credit_dates`` when given, else the credit id) then to the better-ranked proposal.
    """
    used = taken if taken is not None else set()
    order: list[tuple[int, str, int, int, Proposal]] = []
    for credit_id, ranked in proposals.items():
        when = str(credit_dates.get(credit_id, "")) if credit_dates else ""
        order += [(-p.score, when, int(credit_id), rank, p) for rank, p in enumerate(ranked)]
    order.sort(key=lambda entry: entry[:4])
    accepted: dict[TransactionId, Proposal] = {}
    for *_, proposal in order:
        if proposal.credit_id in accepted or any(i in used for i in proposal.payment_ids):
            continue
        accepted[proposal.credit_id] = proposal
        used.update(proposal.payment_ids)
    return list(accepted.values())


def reconcile(
    credits: Sequence[HealthCredit],
    payments: Sequence[OpenPayment],
    settings: MatchSettings | None = None,
    rounds: int = 2,
) -> list[Proposal]:
    """``propose`` + ``assign``, with extra rounds for credits that lost every proposal."""
    settings = settings or MatchSettings()
    dates = {c.id: c.date.isoformat() for c in credits}
    index = PaymentIndex(payments, settings.slack_days)  # built once for every round
    proposals = _propose_all(credits, index, settings)
    used: set[ExpectedPaymentId] = set()
    accepted = assign(proposals, dates, used)
    for _ in range(rounds):
        done = {p.credit_id for p in accepted}
        losers = [c for c in credits if c.id not in done and proposals.get(c.id)]
        if not losers:
            break
        proposals = _propose_all(losers, index, settings, frozenset(used))
        accepted += assign(proposals, dates, used)
    accepted.sort(key=lambda p: (dates[p.credit_id], int(p.credit_id)))
    return accepted


def remaining_after(payment: OpenPayment, proposal: Proposal) -> Cents:
    """What is still expected from ``payment`` once ``proposal`` is confirmed."""
    allocated = sum(a.cents for a in proposal.allocations if a.payment_id == payment.id)
    return Cents(payment.outstanding_cents - allocated)
