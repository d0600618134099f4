"""Many acts, one credit: bounded subset sum over integer cents.

Reachable sums are kept as Python ``int`` bitsets, one per prefix of the pool (bit ``s``
set when some subset of the first ``i`` items sums to ``s``); the pool is capped at
``MatchSettings.pool_size`` items and sums above the largest target are masked off, so a
search costs a few dozen big-int shifts. Solutions are then enumerated by walking back
through the prefixes, only ever along reachable sums, with a node budget so that a
degenerate pool (many equal amounts) cannot explode.
"""

from __future__ import annotations

from collections.abc import Sequence

from carnet.bank.matching.model import MatchSettings, OpenPayment
from carnet.domain.codes import Payer

NODE_BUDGET = 300
ROUNDING_PER_ITEM = 1


def residuals(payer: Payer | None, settings: MatchSettings) -> list[int]:
    """Allowed ``credit − sum`` values, best first: exact, rounding, then withheld steps.

    Withheld deductions exist only for the mandatory scheme: mutuelles refund no
    participation forfaitaire or franchise, so they have nothing to withhold.
    """
    allowed = [0]
    for cents in range(1, settings.max_batch * ROUNDING_PER_ITEM + 1):
        allowed += [-cents, cents]
    if payer is not Payer.AMC:
        limit = min(settings.max_withheld_cents, settings.max_withheld_per_credit_cents)
        allowed += [-step for step in range(50, limit + 1, 50)]
    return allowed


def _prefix_sets(amounts: Sequence[int], top: int) -> list[int]:
    mask = (1 << (top + 1)) - 1
    reach = [1]
    for amount in amounts:
        previous = reach[-1]
        reach.append((previous | (previous << amount)) & mask)
    return reach


def _walk(
    amounts: Sequence[int],
    suffix: list[int],
    suffix_max: list[int],
    *,
    target: int,
    size: int,
    budget: list[int],
) -> list[tuple[int, ...]]:
    """Index tuples of exactly ``size`` items summing to ``target``, early items first.

    Explicit stack (no recursion); a branch is taken only if the rest can still finish:
    the sum must stay reachable (``suffix`` bitsets) and within what the remaining picks
    can carry at most (``suffix_max``). ``budget`` is shared by all calls of one search.
    """
    count = len(amounts)
    found: list[tuple[int, ...]] = []
    stack: list[tuple[int, int, tuple[int, ...]]] = [(0, target, ())]
    nodes = budget[0]
    pop, push = stack.pop, stack.append
    while stack and nodes > 0:
        nodes -= 1
        i, remaining, chosen = pop()
        if remaining == 0:
            if len(chosen) == size:
                found.append(chosen)
            continue
        left = size - len(chosen)
        if i == count or left == 0 or remaining > left * suffix_max[i]:
            continue
        rest = suffix[count - i - 1]
        amount = amounts[i]
        # Pushed exclude first so that "include item i" is explored first (FIFO order).
        if (rest >> remaining) & 1:
            push((i + 1, remaining, chosen))
        if remaining >= amount and (rest >> (remaining - amount)) & 1:
            push((i + 1, remaining - amount, (*chosen, i)))
    budget[0] = nodes
    return found


def subset_solutions(
    credit_cents: int, pool: Sequence[OpenPayment], allowed: Sequence[int], settings: MatchSettings
) -> list[tuple[tuple[OpenPayment, ...], int]]:
    """Batches of ``min_batch``…``max_batch`` pool items, with their residual.

    The pool comes oldest first; the walk includes early items first, so the first
    solutions found are the FIFO ones, which is how payers settle (§4.2).
    """
    items = [p for p in pool if p.outstanding_cents <= credit_cents - min(allowed)]
    if len(items) < settings.min_batch:
        return []
    amounts = [int(p.outstanding_cents) for p in items]
    targets = [(credit_cents - r, r) for r in allowed if credit_cents - r > 0]
    top = max(t for t, _ in targets)
    # Suffix sets: suffix[k] = sums reachable with the last k items.
    suffix = _prefix_sets(amounts[::-1], top)
    suffix_max = [max(amounts[i:]) for i in range(len(amounts))]
    full = suffix[-1]
    reachable = [(t, r) for t, r in targets if (full >> t) & 1]
    found: list[tuple[tuple[OpenPayment, ...], int]] = []
    budget = [NODE_BUDGET]
    # Smallest groupings first (docs/bank-formats.md §4.2): they also rank first.
    for size in range(settings.min_batch, settings.max_batch + 1):
        for target, residual in reachable:
            rounding = abs(residual) <= size * ROUNDING_PER_ITEM
            if not rounding and not (residual < 0 and residual % 50 == 0):
                continue
            for picked in _walk(
                amounts, suffix, suffix_max, target=target, size=size, budget=budget
            ):
                found.append((tuple(items[i] for i in picked), residual))
                if len(found) >= settings.max_solutions:
                    return found
        if budget[0] <= 0:
            break
    return found
