"""Benchmark: reconcile health credits with open expected payments, then double both.

Usage: python benchmarks/bench_bank_matching.py [CREDITS] [PAYMENTS] (default 10000 50000).
The generator keeps the density of a long history constant (about 10 expected payments a
day): doubling the data doubles the span, as a household's history grows. Credits are
1:1 (exact or ±1 cent), batches of 2-8 acts (some with 1-2 € withheld), mutuelle
payments and partial payments; the other expected payments stay open as distractors.
Targets: under 3 s for 10000 × 50000, and × ≤ 2.5 when both double.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

from carnet.bank.matching import HealthCredit, MatchSettings, OpenPayment, reconcile
from carnet.domain.banking import PayerType
from carnet.domain.codes import Payer
from carnet.domain.ids import ExpectedPaymentId, TransactionId
from carnet.domain.money import Cents

START = date(2010, 1, 1)
COMMON = (2500, 2650, 3000, 1650, 1750, 700, 1150)
PAYER_TYPE = {Payer.AMO: PayerType.CPAM, Payer.AMC: PayerType.COMPLEMENTARY}


def _payment(pid: int, rng: random.Random, span: int, payer: Payer) -> OpenPayment:
    act = START + timedelta(days=rng.randrange(span))
    cents = rng.choice(COMMON) if rng.random() < 0.4 else rng.randrange(300, 12_000)
    return OpenPayment(
        ExpectedPaymentId(pid), act, payer, Cents(cents), act + timedelta(days=2),
        act + timedelta(days=45),
    )  # fmt: skip


def _credit(cid: int, items: list[OpenPayment], rng: random.Random) -> tuple[HealthCredit, int]:
    total: int = sum(p.outstanding_cents for p in items)
    kind = rng.random()
    if len(items) > 1 and items[0].payer is Payer.AMO and kind < 0.3:
        total -= rng.choice((100, 200))  # participation forfaitaire withheld
    elif kind < 0.4:
        total += rng.choice((-1, 1))  # rounding
    elif len(items) == 1 and kind < 0.45:
        total = total * 2 // 3  # partial payment
    last = max(p.act_date for p in items)
    day = last + timedelta(days=rng.randrange(3, 25))
    payer_type = PAYER_TYPE[items[0].payer]
    return HealthCredit(TransactionId(cid), day, Cents(total), payer_type), len(items)


def generate(
    credits: int, payments: int, seed: int = 7
) -> tuple[list[HealthCredit], list[OpenPayment]]:
    rng = random.Random(seed)
    span = max(payments // 10, 30)
    made = [
        _payment(i, rng, span, Payer.AMO if rng.random() < 0.6 else Payer.AMC)
        for i in range(payments)
    ]
    by_payer = {
        payer: sorted((p for p in made if p.payer is payer), key=lambda p: (p.act_date, p.id))
        for payer in Payer
    }
    out: list[HealthCredit] = []
    for cid in range(credits):
        payer = Payer.AMO if rng.random() < 0.6 else Payer.AMC
        size = 1 if rng.random() < 0.7 else rng.randrange(2, 9)
        pool = by_payer[payer]
        if len(pool) < size:
            break
        anchor = rng.randrange(len(pool) - size + 1)
        chosen = pool[anchor : anchor + size * 3 : 3][:size]
        del pool[anchor : anchor + size * 3 : 3]
        near = [p for p in chosen if (p.act_date - chosen[0].act_date).days < 30] or chosen[:1]
        out.append(_credit(cid, near, rng)[0])
    return out, made


def run(credits: int, payments: int) -> float:
    data_credits, data_payments = generate(credits, payments)
    settings = MatchSettings(max_withheld_cents=5000)
    started = time.perf_counter()
    accepted = reconcile(data_credits, data_payments, settings)
    elapsed = time.perf_counter() - started
    batches = sum(len(p.allocations) > 1 for p in accepted)
    print(
        f"{len(data_credits):>6} credits × {len(data_payments):>6} payments: {elapsed:6.2f} s, "
        f"{len(accepted)} settled ({batches} batches)"
    )
    return elapsed


def main(credits: int, payments: int) -> None:
    base = run(credits, payments)
    doubled = run(credits * 2, payments * 2)
    print(f"growth when both double: × {doubled / base:.2f} (target ≤ 2.5; base target < 3 s)")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*(args or [10_000, 50_000]))
