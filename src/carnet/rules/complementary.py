"""The complementary share (AMC): mutuelle contract, contrat responsable caps, CSS.

A guarantee is expressed in % of the base *including* the AMO (100 % = the
ticket modérateur, 200 % = TM plus one more base of dépassement). The AMC pays,
within ``percent × base − normal AMO``: the TM first, then (non-responsable
contracts only) the out-of-parcours majoration, then the dépassement within the
contrat-responsable caps. It never pays the PF or franchises (docs/rules.md §4).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from carnet.domain.contracts import Contract, Guarantee
from carnet.domain.money import Cents, apply_rate
from carnet.domain.practitioners import Profession, Sector
from carnet.rules.case import Case
from carnet.rules.explain import Trace, eur

_DOCTORS = frozenset({Profession.GP, Profession.SPECIALIST, Profession.RADIOLOGY})
_NON_OPTAM = frozenset({Sector.S2, Sector.NON_CONVENTIONNE})
_HUNDRED = Decimal(100)


class Shares(NamedTuple):
    """The AMO side of an act, in cents, as the AMC step needs it.

    ``reference`` is what the AMO would pay without the out-of-parcours penalty.
    """

    fee: Cents
    base: Cents
    reference: Cents
    gross: Cents
    net: Cents

    @property
    def ticket_moderateur(self) -> int:
        return max(0, self.base - self.reference)

    @property
    def majoration(self) -> int:
        return max(0, self.reference - self.gross)

    @property
    def depassement(self) -> int:
        return max(0, self.fee - self.base)


def complementary(
    case: Case, shares: Shares, contract: Contract | None, *, penalised: bool, reimbursable: bool
) -> Cents:
    """The AMC share; at most what remains after the AMO, so no share turns negative."""
    trace = case.trace
    room = shares.fee - shares.net
    if not reimbursable:
        trace.add("amc.not_reimbursed")
        return Cents(0)
    if case.person.ame:
        trace.add("amc.ame")
        return Cents(0)
    if case.definition.basket and (case.person.css or (contract and contract.responsable)):
        return _basket(case, shares, room)
    if case.person.css:
        # CSS pays the TM (and hospital forfaits); its patients pay no dépassement.
        css_share = Cents(min(shares.ticket_moderateur, room))
        trace.add("amc.css", amc=eur(css_share))
        return css_share
    if contract is None:
        trace.add("amc.none")
        return Cents(0)
    guarantee, percent, optam_percent = _cover(contract, case)
    whole = apply_rate(shares.base, _fraction(percent))
    budget = max(0, whole - shares.reference) + (guarantee.flat_cents if guarantee else 0)
    eligible = shares.ticket_moderateur + _majoration(shares, contract, trace)
    eligible += _depassement(case, shares, contract, optam_percent, penalised)
    amount: int = min(budget, eligible, room)
    if guarantee and guarantee.cap_cents is not None and amount > guarantee.cap_cents:
        amount = guarantee.cap_cents
        trace.add("amc.act_cap", cap=eur(amount))
    # One line says both why and how much: "at 200 %" is of the base, AMO included.
    trace.add(
        "amc.cover",
        percent=str(percent),
        covered=eur(whole),
        reference=eur(shares.reference),
        amc=eur(amount),
    )
    return Cents(amount)


def _basket(case: Case, shares: Shares, room: int) -> Cents:
    """100 % Santé: the complementary pays everything above the AMO, up to the price cap."""
    trace = case.trace
    covered = shares.fee
    if case.definition.basket_cap is not None:
        cap = trace.use(case.rules.period(case.definition.basket_cap)).cents
        if cap < covered:
            covered = cap
            trace.add("amc.basket_above_cap", cap=eur(cap))
    amount = Cents(max(0, min(covered - shares.net, room)))
    trace.add("amc.basket", amc=eur(amount))
    return amount


def _cover(contract: Contract, case: Case) -> tuple[Guarantee | None, int, int]:
    """The explicit guarantee if any, the percent that applies, and the OPTAM percent.

    Doctors' acts without an explicit guarantee use the contract's OPTAM cover
    (at least its default); non-OPTAM sectors use the non-OPTAM cover.
    """
    guarantee = _guarantee(contract, case.definition.category)
    percent = contract.default_percent if guarantee is None else guarantee.percent_of_base
    if case.profession not in _DOCTORS:
        return guarantee, percent, percent
    if guarantee is None:
        percent = max(contract.default_percent, contract.optam_percent)
    if case.sector in _NON_OPTAM:
        return guarantee, contract.non_optam_percent, percent
    return guarantee, percent, percent


def _guarantee(contract: Contract, category: str) -> Guarantee | None:
    """The guarantee of the category, else of its family ("pharmacy-65" → "pharmacy")."""
    if not contract.guarantees:
        return None
    family = category.split("-", 1)[0]
    for wanted in (category, family):
        for guarantee in contract.guarantees:
            if guarantee.category == wanted:
                return guarantee
    return None


@lru_cache(maxsize=1024)
def _fraction(percent: int) -> Decimal:
    """``200`` → ``Decimal("2")``; cached, contracts use a handful of percents."""
    return Decimal(percent) / _HUNDRED


def _majoration(shares: Shares, contract: Contract, trace: Trace) -> int:
    if shares.majoration == 0:
        return 0
    if contract.responsable:
        trace.add("amc.majoration_excluded", majoration=eur(shares.majoration))
        return 0
    return shares.majoration


def _depassement(
    case: Case, shares: Shares, contract: Contract, optam_percent: int, penalised: bool
) -> int:
    """The dépassement the contract may cover (contrat responsable caps, R.871-2 CSS)."""
    depassement = shares.depassement
    if depassement == 0 or not contract.responsable:
        return depassement
    trace = case.trace
    if penalised and case.sector == Sector.S1:
        # A sector-1 dépassement outside the parcours is the DA, which may not be covered.
        trace.add("amc.da_excluded")
        return 0
    if case.profession not in _DOCTORS or case.sector not in _NON_OPTAM:
        return depassement
    ceiling = int(trace.use(case.rules.period("RESPONSABLE_NON_OPTAM_MAX_PERCENT")).value)
    gap = int(trace.use(case.rules.period("RESPONSABLE_NON_OPTAM_GAP_PERCENT")).value)
    allowed = max(0, min(ceiling, optam_percent - 100 - gap))
    cap = apply_rate(shares.base, _fraction(allowed))
    if cap < depassement:
        trace.add("amc.depassement_cap", cap=eur(cap))
        return cap
    return depassement
