"""Integer scores in the GnuCash manner (docs/bank-formats.md §4.1), with reasons.

Amount first (exact > rounding > withheld deductions > partial), then the date against
the expected window, then the payer. Batches pay a small price per extra act and for a
wide spread of care dates, so that fewer items and one care episode rank first (§4.2).
"""

from __future__ import annotations

from collections.abc import Sequence

from carnet.bank.matching.model import HealthCredit, OpenPayment, Reason
from carnet.domain.banking import PayerType
from carnet.domain.codes import Payer

EXACT, ROUNDING, WITHHELD, PARTIAL = 40, 30, 25, -10
IN_WINDOW = 20
PAYER_MATCH, PAYER_UNKNOWN, KEY_MATCH, SAME_PERSON = 10, 4, 5, 2
PER_EXTRA_ITEM = 4
# A mutuelle share whose CPAM share is settled: a small edge that only breaks ties
# between otherwise equal settlements (equal amounts, both in their windows).
AFTER_CPAM = 3

_TYPE_OF = {Payer.AMO: PayerType.CPAM, Payer.AMC: PayerType.COMPLEMENTARY}


def amount_part(residual: int, items: int, partial: bool = False) -> tuple[int, Reason]:
    """Score of how the credit's amount relates to the allocated total."""
    if partial:
        return PARTIAL, Reason("partial", (("remaining", -residual),))
    if residual == 0:
        return EXACT, Reason("amount-exact")
    if abs(residual) <= items:
        return ROUNDING - 2 * abs(residual), Reason("amount-rounding", (("cents", residual),))
    steps = -residual // 50
    return WITHHELD - min(steps, 10), Reason("withheld", (("cents", -residual),))


def date_part(credit: HealthCredit, payment: OpenPayment) -> tuple[int, Reason]:
    """Inside the expected window scores full; early or late loses points per day."""
    if credit.date < payment.earliest:
        days = (payment.earliest - credit.date).days
        return max(IN_WINDOW - 2 * days, 2), Reason("early", (("days", days),))
    if credit.date > payment.latest:
        days = (credit.date - payment.latest).days
        return max(IN_WINDOW - 5 - days, 0), Reason("late", (("days", days),))
    return IN_WINDOW, Reason("in-window")


def payer_part(credit: HealthCredit, items: Sequence[OpenPayment]) -> tuple[int, list[Reason]]:
    reasons: list[Reason] = []
    if credit.payer_type is None:
        points = PAYER_UNKNOWN
        reasons.append(Reason("payer-role-unknown"))
    else:
        points = PAYER_MATCH
        reasons.append(Reason("payer-type-match", (("type", str(credit.payer_type)),)))
    if credit.payer_key and all(p.payer_key == credit.payer_key for p in items):
        points += KEY_MATCH
        reasons.append(Reason("payer-key-match", (("payer", credit.payer_key),)))
    return points, reasons


def score_items(
    credit: HealthCredit,
    items: Sequence[OpenPayment],
    residual: int,
    partial: bool = False,
    explain: bool = True,
) -> tuple[int, tuple[Reason, ...]]:
    """Total score and (when ``explain``) the reasons for settling ``items`` with ``credit``.

    Ranking many candidates first runs with ``explain=False``: same score, no reasons.
    """
    amount, amount_reason = amount_part(residual, len(items), partial)
    dated = [date_part(credit, p) for p in items]
    total = amount + sum(points for points, _ in dated) // len(items)
    payer, payer_reasons = payer_part(credit, items)
    total += payer
    after = sum(p.other_share_done for p in items if p.payer is Payer.AMC)
    total += AFTER_CPAM * after // len(items)
    reasons: list[Reason] = []
    if explain:
        dates = sorted({r for _, r in dated}, key=_reason_key)
        reasons = [amount_reason, *dates, *payer_reasons]
    if len(items) > 1:
        spread = (max(p.act_date for p in items) - min(p.act_date for p in items)).days
        total -= PER_EXTRA_ITEM * (len(items) - 1) + spread // 7
        persons = {p.person_key for p in items}
        same_person = len(persons) == 1 and "" not in persons
        total += SAME_PERSON if same_person else 0
        if explain:
            reasons.append(Reason("batch", (("items", len(items)), ("spread_days", spread))))
            reasons += [Reason("same-person")] if same_person else []
    return total, tuple(reasons)


def _reason_key(reason: Reason) -> tuple[str, str]:
    return reason.code, repr(reason.params)


def payer_type_of(payment: OpenPayment) -> PayerType:
    return _TYPE_OF[payment.payer]
