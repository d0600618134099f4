"""Candidate lookup: open payments indexed by payer, week of their window, and amount.

Each payment is filed under every week its window (widened by the slack) touches, so a
credit looks at one bucket: the cost per credit depends on how many payments are open
around its date, not on the total, and a history twice as long costs twice, not four
times. A second index adds the amount, so the 1:1 pass looks up the few amounts that
could match (exact, ±1 cent, withheld steps) instead of scanning the bucket.
"""

from __future__ import annotations

from collections.abc import Iterable

from carnet.bank.matching.model import HealthCredit, OpenPayment
from carnet.domain.banking import PayerType
from carnet.domain.codes import Payer

BUCKET_DAYS = 14

PAYERS_FOR: dict[PayerType | None, tuple[Payer, ...]] = {
    PayerType.CPAM: (Payer.AMO,),
    PayerType.COMPLEMENTARY: (Payer.AMC,),
    None: (Payer.AMO, Payer.AMC),
}

# (first day, last day, act day, mailed day) as ordinals, then the payment: the filters
# compare integers only.
Entry = tuple[int, int, int, int, OpenPayment]


class PaymentIndex:
    """Open payments by (payer, week) and (payer, week, amount), in (act date, id) order."""

    def __init__(self, payments: Iterable[OpenPayment], slack_days: int) -> None:
        self._weeks: dict[tuple[Payer, int], list[Entry]] = {}
        self._amounts: dict[tuple[Payer, int, int], list[Entry]] = {}
        ordered = sorted(payments, key=lambda p: (p.act_date, p.earliest, p.id))
        for payment in ordered:
            if payment.outstanding_cents <= 0:
                continue
            low = payment.earliest.toordinal() - slack_days
            high = payment.latest.toordinal() + slack_days
            mailed = payment.mailed_on.toordinal() if payment.mailed_on else 0
            entry = (low, high, payment.act_date.toordinal(), mailed, payment)
            cents = int(payment.outstanding_cents)
            for week in range(low // BUCKET_DAYS, high // BUCKET_DAYS + 1):
                self._weeks.setdefault((payment.payer, week), []).append(entry)
                self._amounts.setdefault((payment.payer, week, cents), []).append(entry)

    def window(
        self, credit: HealthCredit, payer: Payer, excluded: frozenset[int] | set[int]
    ) -> list[OpenPayment]:
        """Every payment of ``payer`` this credit could settle, oldest act first."""
        ordinal = credit.date.toordinal()
        entries = self._weeks.get((payer, ordinal // BUCKET_DAYS), ())
        return _eligible(entries, ordinal, credit.payer_key, excluded)

    def with_amounts(
        self,
        credit: HealthCredit,
        payer: Payer,
        amounts: Iterable[int],
        excluded: frozenset[int] | set[int],
    ) -> list[OpenPayment]:
        """Eligible payments of ``payer`` whose outstanding amount is one of ``amounts``."""
        ordinal = credit.date.toordinal()
        week = ordinal // BUCKET_DAYS
        found: list[OpenPayment] = []
        for cents in amounts:
            entries = self._amounts.get((payer, week, cents))
            if entries:
                found += _eligible(entries, ordinal, credit.payer_key, excluded)
        return found


def _eligible(
    entries: Iterable[Entry], ordinal: int, key: str, excluded: frozenset[int] | set[int]
) -> list[OpenPayment]:
    # Inside the widened window, act done and claim mailed before the credit, same insurer
    # when both sides name one, not already taken by an earlier assignment round.
    return [
        payment
        for low, high, act, mailed, payment in entries
        if low <= ordinal <= high
        and act <= ordinal
        and mailed <= ordinal
        and (not key or not payment.payer_key or payment.payer_key == key)
        and (not excluded or payment.id not in excluded)
    ]


def oldest_and_newest(pool: list[OpenPayment], size: int) -> list[list[OpenPayment]]:
    """Pools for the subset search: the oldest ``size`` (payers settle FIFO), then, to
    widen when nothing fits, the newest ``size``."""
    if len(pool) <= size:
        return [pool]
    return [pool[:size], pool[-size:]]
