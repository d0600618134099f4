"""Walk the demo's paper feuilles through their life, so every state appears.

Older feuilles were signed, copied, mailed in monthly envelopes and paid; the
latest paid one still waits for the mutuelle; one came back from the CPAM;
recent ones are waiting on the desk; the newcomer's stay held. Dates are those
a careful household would have had.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from carnet.domain.claims import Feuille, Step
from carnet.domain.codes import FeuilleStatus
from carnet.domain.ids import FeuilleId, PersonId
from carnet.services.claims import ClaimsService
from carnet.services.mailings import MailingService
from carnet.storage.store import Store

PAID_AFTER = timedelta(days=200)
MAILED_AFTER = timedelta(days=45)
READY_AFTER = timedelta(days=12)


def advance_paperwork(store: Store, today: date) -> None:
    claims = ClaimsService(store, lambda: today)
    mailings = MailingService(store, lambda: today)
    envelopes = _sign(claims, mailings, today)
    answered: list[tuple[Feuille, date]] = []
    for (insured_id, month), feuilles in sorted(envelopes.items()):
        mailing = mailings.create(insured_id, [f.id for f in feuilles]).value
        posted = min(_next_month(month) + timedelta(days=4), today)
        mailings.mark_mailed(mailing.id, posted)
        if today - posted >= PAID_AFTER:
            answered += [(f, posted) for f in mailings.feuilles_of(mailing.id)]
    _answer(claims, answered)
    _recent_desk(claims, mailings, today)


def _sign(
    claims: ClaimsService, mailings: MailingService, today: date
) -> dict[tuple[PersonId, date], list[Feuille]]:
    """Sign what is old enough; group what should be mailed by insured person and month."""
    envelopes: dict[tuple[PersonId, date], list[Feuille]] = defaultdict(list)
    signed: list[tuple[FeuilleId, date]] = []
    copied: list[tuple[FeuilleId, date]] = []
    insured: dict[PersonId, PersonId] = {}  # thousands of feuilles, four people
    for feuille in claims.feuilles(FeuilleStatus.TO_SIGN):
        received = feuille.received_on or today
        age = today - received
        if age < READY_AFTER:
            continue  # still on the desk, to sign
        signed_on = min(received + timedelta(days=2), today)
        signed.append((feuille.id, signed_on))
        if age < MAILED_AFTER:
            continue  # signed, waiting for an envelope
        copied.append((feuille.id, signed_on))
        if feuille.person_id not in insured:
            insured[feuille.person_id] = mailings.insured_of(feuille.person_id).id
        envelopes[(insured[feuille.person_id], received.replace(day=1))].append(feuille)
    claims.step_many(signed, Step.SIGN)
    claims.step_many(copied, Step.COPY)
    return envelopes


def _answer(claims: ClaimsService, answered: list[tuple[Feuille, date]]) -> None:
    """The CPAM paid the old envelopes; the next-to-last feuille came back unsigned and the
    last one still waits for the mutuelle's share."""
    if len(answered) >= 2:
        feuille, posted = answered[-2]
        claims.step(
            feuille.id, Step.RETURN, posted + timedelta(days=20), "Feuille non signée par l'assuré"
        )
    paid = [answered[-1], *answered[:-2]] if answered else []
    claims.step_many([(f.id, posted + timedelta(days=25)) for f, posted in paid], Step.PAY)
    closed = answered[:-2]
    claims.step_many([(f.id, posted + timedelta(days=40)) for f, posted in closed], Step.CLOSE)


def _recent_desk(claims: ClaimsService, mailings: MailingService, today: date) -> None:
    """Of the feuilles signed lately, one is copied and one already in an envelope."""
    signed = claims.feuilles(FeuilleStatus.SIGNED)
    if signed:
        claims.step(signed[0].id, Step.COPY, today - timedelta(days=1))
    if len(signed) > 1:
        mailings.create(signed[-1].person_id, [signed[-1].id])


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
