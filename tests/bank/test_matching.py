"""Matching health credits with expected payments: 1:1, batches, deductions, ties."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from carnet.bank.matching import (
    HealthCredit,
    MatchSettings,
    OpenPayment,
    Proposal,
    propose,
    reconcile,
)
from carnet.domain.banking import PayerType
from carnet.domain.codes import Payer
from carnet.domain.ids import ExpectedPaymentId, TransactionId
from carnet.domain.money import Cents

DAY0 = date(2025, 3, 1)
CPAM, AMC = PayerType.CPAM, PayerType.COMPLEMENTARY


def day(n: int) -> date:
    return DAY0 + timedelta(days=n)


def pay(pid: int, cents: int, act: int = 0, payer: Payer = Payer.AMO, **kw: object) -> OpenPayment:
    return OpenPayment(
        ExpectedPaymentId(pid),
        day(act),
        payer,
        Cents(cents),
        day(act + 2),
        day(act + 45),
        **kw,  # type: ignore[arg-type]
    )


def credit(cid: int, cents: int, on: int = 10, kind: PayerType | None = CPAM) -> HealthCredit:
    return HealthCredit(TransactionId(cid), day(on), Cents(cents), kind)


def best(proposals: dict[TransactionId, list[Proposal]], cid: int) -> Proposal:
    return proposals[TransactionId(cid)][0]


def ids(proposal: Proposal) -> list[int]:
    return sorted(int(i) for i in proposal.payment_ids)


def test_one_to_one_exact_with_the_right_payer_type() -> None:
    payments = [pay(1, 2500, payer=Payer.AMC), pay(2, 2500), pay(3, 1800)]
    proposals = propose([credit(1, 2500)], payments)
    top = best(proposals, 1)
    assert ids(top) == [2]
    assert top.residual_cents == 0
    assert top.reasons[0].code == "amount-exact"
    assert all(2 not in ids(p) or p is top for p in proposals[TransactionId(1)])
    mutuelle = best(propose([credit(2, 2500, kind=AMC)], payments), 2)
    assert ids(mutuelle) == [1]


def test_batches_of_two_to_eight_acts() -> None:
    for size in range(2, 9):
        amounts = [700 + 113 * i + (i * i) % 7 for i in range(size)]
        acts = [pay(i + 1, a, act=i) for i, a in enumerate(amounts)]
        distractors = [pay(100 + i, 50_000 + i, act=i) for i in range(5)]
        proposals = propose([credit(1, sum(amounts), on=size + 5)], acts + distractors)
        top = best(proposals, 1)
        assert ids(top) == list(range(1, size + 1)), size
        assert top.residual_cents == 0
        assert any(r.code == "batch" for r in top.reasons)


def test_withheld_deductions_explain_a_residual() -> None:
    acts = [pay(1, 1900, act=0), pay(2, 1900, act=1), pay(3, 700, act=2)]
    allowed = MatchSettings(max_withheld_cents=5000)
    top = best(propose([credit(1, 4300)], acts, allowed), 1)
    assert ids(top) == [1, 2, 3]
    assert top.residual_cents == -200
    assert any(r.code == "withheld" and r.params == (("cents", 200),) for r in top.reasons)
    # Without remaining caps, nothing may be withheld: no full settlement is proposed.
    capped = propose([credit(1, 4300)], acts, MatchSettings(max_withheld_cents=0))
    assert all(p.partial or p.residual_cents == 0 for p in capped[TransactionId(1)])
    assert not any(ids(p) == [1, 2, 3] for p in capped[TransactionId(1)])


def test_mutuelles_withhold_nothing() -> None:
    acts = [pay(1, 1900, payer=Payer.AMC), pay(2, 700, act=1, payer=Payer.AMC)]
    proposals = propose([credit(1, 2400, kind=AMC)], acts, MatchSettings(max_withheld_cents=5000))
    assert not any(p.residual_cents == -200 for p in proposals[TransactionId(1)])


def test_cent_rounding_per_act() -> None:
    acts = [pay(1, 1831), pay(2, 1830, act=1)]
    top = best(propose([credit(1, 3662)], acts), 1)
    assert (ids(top), top.residual_cents) == ([1, 2], 1)


def test_a_batch_never_mixes_the_two_payers() -> None:
    acts = [pay(1, 1000), pay(2, 500, payer=Payer.AMC)]
    proposals = propose([credit(1, 1500, kind=None)], acts)
    assert not any(ids(p) == [1, 2] for p in proposals[TransactionId(1)])


def test_dual_role_credit_tries_both_payers() -> None:
    acts = [pay(1, 1234, payer=Payer.AMC)]
    top = best(propose([credit(1, 1234, kind=None)], acts), 1)
    assert ids(top) == [1]
    assert any(r.code == "payer-role-unknown" for r in top.reasons)


def test_equal_amounts_same_day_are_settled_once_each_deterministically() -> None:
    payments = [pay(11, 2500, act=1), pay(10, 2500, act=0), pay(12, 2500, act=0)]
    credits = [credit(2, 2500), credit(1, 2500)]
    results = set()
    for seed in range(6):
        rng = random.Random(seed)
        shuffled_p, shuffled_c = payments[:], credits[:]
        rng.shuffle(shuffled_p)
        rng.shuffle(shuffled_c)
        accepted = reconcile(shuffled_c, shuffled_p)
        results.add(tuple((int(p.credit_id), tuple(ids(p))) for p in accepted))
    assert results == {((1, (10,)), (2, (12,)))}


def test_no_expected_payment_is_settled_twice() -> None:
    accepted = reconcile([credit(1, 2500), credit(2, 2500), credit(3, 2500)], [pay(1, 2500)])
    assert len(accepted) == 1


def test_reconcile_recovers_a_second_choice_dropped_by_top_k() -> None:
    payments = [pay(1, 2500), pay(2, 2501, act=1)]
    one = MatchSettings(top_k=1)
    proposals = propose([credit(1, 2500), credit(2, 2500)], payments, one)
    assert ids(proposals[TransactionId(2)][0]) == [1]  # both want payment 1
    accepted = {
        int(p.credit_id): ids(p)
        for p in reconcile([credit(1, 2500), credit(2, 2500)], payments, one)
    }
    assert accepted == {1: [1], 2: [2]}


def test_partial_payment_is_proposed_below_full_matches() -> None:
    alone = propose([credit(1, 1500)], [pay(1, 2500)])
    top = best(alone, 1)
    assert top.partial
    assert top.allocations[0].cents == 1500
    assert top.reasons[0].code == "partial"
    with_full = propose([credit(1, 1500)], [pay(1, 2500), pay(2, 1500, act=1)])
    ranked = with_full[TransactionId(1)]
    assert ids(ranked[0]) == [2]
    assert ranked[1].partial
    assert not propose([credit(1, 1500)], [pay(1, 2500)], MatchSettings(allow_partial=False))[
        TransactionId(1)
    ]


def test_window_act_date_and_mailing_date_bound_the_candidates() -> None:
    early = credit(1, 2500, on=-3)  # before the act
    late = credit(2, 2500, on=100)  # far after the window
    mailed = [pay(1, 2500, mailed_on=day(20))]  # posted after the credit date
    assert not propose([early, late], [pay(1, 2500)])[TransactionId(1)]
    assert not propose([early, late], [pay(1, 2500)])[TransactionId(2)]
    assert not propose([credit(3, 2500)], mailed)[TransactionId(3)]
    slightly_late = best(propose([credit(4, 2500, on=50)], [pay(1, 2500)]), 4)
    assert any(r.code == "late" for r in slightly_late.reasons)


def test_insurer_key_separates_two_mutuelles() -> None:
    payments = [
        pay(1, 2000, payer=Payer.AMC, payer_key="Alan"),
        pay(2, 2000, payer=Payer.AMC, payer_key="MAIF"),
    ]
    mine = HealthCredit(TransactionId(1), day(10), Cents(2000), AMC, payer_key="MAIF")
    assert [ids(p) for p in propose([mine], payments)[TransactionId(1)]] == [[2]]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=100, max_value=9000), min_size=1, max_size=25),
    st.lists(st.integers(min_value=100, max_value=20000), min_size=1, max_size=12),
    st.integers(min_value=0, max_value=2000),
)
def test_accepted_proposals_are_consistent(
    amounts: list[int], credits_: list[int], withheld: int
) -> None:
    payments = [
        pay(i + 1, a, act=i % 9, payer=Payer.AMO if i % 3 else Payer.AMC)
        for i, a in enumerate(amounts)
    ]
    credits = [
        credit(i + 1, c, on=10 + i % 5, kind=CPAM if i % 2 else None)
        for i, c in enumerate(credits_)
    ]
    accepted = reconcile(credits, payments, MatchSettings(max_withheld_cents=withheld))
    outstanding = {p.id: p.outstanding_cents for p in payments}
    payer_of = {p.id: p.payer for p in payments}
    used = [pid for p in accepted for pid in p.payment_ids]
    assert len(used) == len(set(used))
    assert len({p.credit_id for p in accepted}) == len(accepted)
    amounts_by_id = {c.id: c.amount_cents for c in credits}
    for proposal in accepted:
        allocated = sum(a.cents for a in proposal.allocations)
        assert allocated + proposal.residual_cents == amounts_by_id[proposal.credit_id]
        assert all(0 < a.cents <= outstanding[a.payment_id] for a in proposal.allocations)
        assert len({payer_of[i] for i in proposal.payment_ids}) == 1  # one payer per batch
