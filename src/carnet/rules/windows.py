"""When money should arrive: the expected date window of each payer's transfer.

Sources (docs/rules.md §6): with a carte Vitale the CPAM pays "en principe une
semaine" after the care; a paper feuille takes about a month once mailed; a
Noémie-linked mutuelle pays a few days after the CPAM. Windows are generous on
the late side so that "overdue" means something is really wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from carnet.domain.assessment import Assessment
from carnet.domain.codes import Channel, Payer

VITALE = (timedelta(days=2), timedelta(days=21))
PAPER_AFTER_MAILING = (timedelta(days=10), timedelta(days=60))
# Before a feuille is mailed we assume it leaves within two weeks of the care.
PAPER_UNMAILED = (timedelta(days=14), timedelta(days=90))
AMC_AFTER_AMO = (timedelta(days=1), timedelta(days=15))
AMC_ALONE = (timedelta(days=3), timedelta(days=45))


@dataclass(frozen=True, slots=True)
class PaymentPlan:
    """One payer's expected transfer for an act (before it is stored)."""

    payer: Payer
    amount_cents: int
    earliest: date
    latest: date


def plan_payments(
    assessment: Assessment, act_date: date, channel: Channel, mailed_on: date | None = None
) -> list[PaymentPlan]:
    """The transfers the household should see for an assessed act."""
    amo_window = _amo_window(act_date, channel, mailed_on)
    plans: list[PaymentPlan] = []
    if assessment.amo_to_household and assessment.amo_cents > 0:
        plans.append(PaymentPlan(Payer.AMO, assessment.amo_cents, *amo_window))
    if assessment.amc_to_household and assessment.amc_cents > 0:
        if assessment.amo_to_household:
            start, end = amo_window[0] + AMC_AFTER_AMO[0], amo_window[1] + AMC_AFTER_AMO[1]
        else:
            start, end = act_date + AMC_ALONE[0], act_date + AMC_ALONE[1]
        plans.append(PaymentPlan(Payer.AMC, assessment.amc_cents, start, end))
    return plans


def _amo_window(act_date: date, channel: Channel, mailed_on: date | None) -> tuple[date, date]:
    if channel is Channel.PAPER:
        if mailed_on is not None:
            return mailed_on + PAPER_AFTER_MAILING[0], mailed_on + PAPER_AFTER_MAILING[1]
        return act_date + PAPER_UNMAILED[0], act_date + PAPER_UNMAILED[1]
    return act_date + VITALE[0], act_date + VITALE[1]
