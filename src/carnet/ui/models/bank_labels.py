"""Words for the bank page: payer kinds, classifications, formats and matching reasons.

The matcher explains each proposal with stable codes (``carnet.bank.matching.scoring``)
and the importer classifies each line with a reason code (``carnet.bank.payers``); here
they become short translated sentences. An unknown code is shown as it is, so a new
reason in the core never hides a proposal.
"""

from __future__ import annotations

from carnet.bank import Proposal, Reason
from carnet.domain.banking import PayerType
from carnet.domain.codes import Payer
from carnet.i18n import N_, Translator
from carnet.ui.models.bank_data import PaymentLine

PAYER_TYPES: dict[str, str] = {
    PayerType.CPAM.value: N_("CPAM"),
    PayerType.COMPLEMENTARY.value: N_("Mutuelle"),
}
# The article-free form used inside sentences ("paid by a CPAM-type fund").
PAYER_TYPES_LONG: dict[str, str] = {
    PayerType.CPAM.value: N_("CPAM-type fund"),
    PayerType.COMPLEMENTARY.value: N_("complementary insurer"),
}
SHARES: dict[Payer, str] = {Payer.AMO: N_("AMO (CPAM)"), Payer.AMC: N_("AMC (mutuelle)")}

CLASSIFICATIONS: dict[str, str] = {
    "health-reimbursement": N_("Reimbursement of care"),
    "dual-role-payer": N_("Reimbursement (share not stated)"),
    "unknown-counterparty": N_("Not a health payer"),
    "not-health-payer": N_("Not a health payer"),
    "pending": N_("Pending entry"),
    "debit": N_("Debit"),
    "sick-pay": N_("Sick pay (IJ)"),
    "pension": N_("Pension"),
    "family-allowance": N_("Family allowance"),
    "premium-refund": N_("Premium or contribution"),
    "shop-refund": N_("Shop refund"),
    "insurance-claim": N_("Insurance claim (home, car)"),
}

FORMATS: dict[str, str] = {
    "ofx": N_("OFX"),
    "qif": N_("QIF"),
    "camt.053": N_("camt.053 (ISO 20022 XML)"),
    "cfonb120": N_("CFONB 120"),
}

# Sentences with no parameter.
_PLAIN_REASONS: dict[str, str] = {
    "amount-exact": N_("The amount matches to the cent."),
    "in-window": N_("Arrived within the expected window."),
    "payer-role-unknown": N_("The payer pays both shares; which one is not stated."),
    "same-person": N_("Every act is for the same person."),
}


def payer_type_label(t: Translator, payer_type: PayerType | str | None) -> str:
    if payer_type is None:
        return t.gettext("Both shares")
    key = str(payer_type)
    return t.gettext(PAYER_TYPES[key]) if key in PAYER_TYPES else key


def share_label(t: Translator, payer: Payer) -> str:
    return t.gettext(SHARES[payer])


def classification_label(t: Translator, reason: str) -> str:
    return t.gettext(CLASSIFICATIONS[reason]) if reason in CLASSIFICATIONS else reason


def format_label(t: Translator, code: str) -> str:
    """``csv:boursobank`` → ``CSV (boursobank layout)``; ``ofx`` → ``OFX``."""
    kind, _, profile = code.partition(":")
    if kind == "csv" and profile:
        return t.gettext("CSV ({profile} layout)").format(profile=profile)
    return t.gettext(FORMATS[code]) if code in FORMATS else code


def reason_text(t: Translator, reason: Reason) -> str:
    """One matching reason as a short sentence."""
    if reason.code in _PLAIN_REASONS:
        return t.gettext(_PLAIN_REASONS[reason.code])
    params = dict(reason.params)
    number = _int(params.get("days", params.get("cents", params.get("items", 0))))
    match reason.code:
        case "amount-rounding":
            return t.ngettext(
                "The amount differs by {n} cent of rounding.",
                "The amount differs by {n} cents of rounding.",
                abs(number),
            ).format(n=abs(number))
        case "withheld":
            return t.gettext("{money} less than the acts: deductions withheld.").format(
                money=t.money(number)
            )
        case "partial":
            remaining = _int(params.get("remaining", 0))
            return t.gettext("Pays part of the act; {money} stays pending.").format(
                money=t.money(remaining)
            )
        case "early":
            return t.ngettext(
                "Arrived {n} day before the expected window.",
                "Arrived {n} days before the expected window.",
                number,
            ).format(n=number)
        case "late":
            return t.ngettext(
                "Arrived {n} day after the expected window.",
                "Arrived {n} days after the expected window.",
                number,
            ).format(n=number)
    return _with_names(t, reason, params)


def _with_names(t: Translator, reason: Reason, params: dict[str, int | str]) -> str:
    match reason.code:
        case "payer-type-match":
            kind = str(params.get("type", ""))
            name = t.gettext(PAYER_TYPES_LONG[kind]) if kind in PAYER_TYPES_LONG else kind
            return t.gettext("Paid by a {kind}, as expected.").format(kind=name)
        case "payer-key-match":
            return t.gettext("From {payer}, the household's insurer.").format(
                payer=params.get("payer", "")
            )
        case "batch":
            items, spread = _int(params.get("items", 0)), _int(params.get("spread_days", 0))
            return t.ngettext(
                "One transfer for {items} acts within {n} day.",
                "One transfer for {items} acts within {n} days.",
                spread,
            ).format(items=items, n=spread)
    return reason.code


def residual_text(t: Translator, proposal: Proposal) -> str:
    """Why the transfer and the acts it settles differ, if they do."""
    residual = proposal.residual_cents
    if proposal.partial:
        return t.gettext("Partial payment: the rest of the act stays pending.")
    if residual == 0:
        return t.gettext("No difference: the transfer pays the acts exactly.")
    if residual < 0 and -residual > len(proposal.allocations):
        return t.gettext(
            "{money} short: participations forfaitaires or franchises the CPAM withheld; "
            "it is recorded as a recovered deduction."
        ).format(money=t.money(-residual))
    if residual < 0:
        return t.gettext("{money} short: cent rounding.").format(money=t.money(-residual))
    return t.gettext("{money} of the transfer stays unallocated.").format(money=t.money(residual))


def care_text(t: Translator, lines: list[PaymentLine]) -> str:
    """``Léa Thompson · Oct 5, 2026 – Oct 7, 2026``: whose acts, and when."""
    if not lines:
        return ""
    people = ", ".join(sorted({line.person for line in lines}))
    first, last = min(line.act_date for line in lines), max(line.act_date for line in lines)
    when = t.date(first) if first == last else f"{t.date(first)} – {t.date(last)}"
    return f"{people} · {when}"


def _int(value: int | str) -> int:
    return value if isinstance(value, int) else int(value or 0)
