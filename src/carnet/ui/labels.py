"""Words shown to people for the codes stored in the database.

Stored values (``pending``, ``pharmacy-65``, ``vitale``) are stable identifiers
shared with the CLI's JSON; here they become translatable labels. Unknown codes
are shown as they are, so a new category in the rules never hides a row.
"""

from __future__ import annotations

from carnet.domain.codes import Channel, FeuilleStatus, PaymentMode, PaymentStatus
from carnet.i18n import N_, Translator

STATUSES: dict[str, str] = {
    "held": N_("Held until the number arrives"),
    "pending": N_("Awaiting reimbursement"),
    "partly-paid": N_("Partly reimbursed"),
    "settled": N_("Reimbursed"),
    "nothing-expected": N_("Nothing to claim"),
}

CATEGORIES: dict[str, str] = {
    "gp": N_("GP"),
    "specialist": N_("Specialist"),
    "dental": N_("Dental"),
    "midwife": N_("Midwife"),
    "paramedical": N_("Paramedical"),
    "biology": N_("Laboratory"),
    "radiology": N_("Radiology"),
    "pharmacy-100": N_("Pharmacy 100 %"),
    "pharmacy-65": N_("Pharmacy 65 %"),
    "pharmacy-30": N_("Pharmacy 30 %"),
    "pharmacy-15": N_("Pharmacy 15 %"),
    "devices": N_("Medical devices"),
    "emergency": N_("Emergency"),
    "hospital": N_("Hospital"),
    "hospital-forfait": N_("Hospital daily charge"),
    "transport": N_("Transport"),
}

CHANNELS: dict[Channel, str] = {
    Channel.VITALE: N_("Carte Vitale"),
    Channel.PAPER: N_("Paper feuille de soins"),
    Channel.NONE: N_("Nothing to send"),
}

PAYMENT_MODES: dict[PaymentMode, str] = {
    PaymentMode.PAID_IN_FULL: N_("Paid in full at the desk"),
    PaymentMode.TIERS_PAYANT_PARTIAL: N_("Tiers payant on the AMO share"),
    PaymentMode.TIERS_PAYANT_TOTAL: N_("Full tiers payant"),
}


FEUILLE_STATUSES: dict[FeuilleStatus, str] = {
    FeuilleStatus.HELD: N_("Kept until the social security number arrives"),
    FeuilleStatus.TO_SIGN: N_("To sign"),
    FeuilleStatus.SIGNED: N_("Signed, to copy"),
    FeuilleStatus.COPIED: N_("Copied, to mail"),
    FeuilleStatus.IN_MAILING: N_("In an envelope, to mail"),
    FeuilleStatus.MAILED: N_("Mailed"),
    FeuilleStatus.AMO_PAID: N_("Paid by the CPAM"),
    FeuilleStatus.CLOSED: N_("Closed"),
    FeuilleStatus.RETURNED: N_("Returned by the CPAM"),
}

PAYMENT_STATUSES: dict[PaymentStatus, str] = {
    PaymentStatus.PENDING: N_("awaited"),
    PaymentStatus.PARTLY_PAID: N_("partly paid"),
    PaymentStatus.PAID: N_("paid"),
    PaymentStatus.WRITTEN_OFF: N_("written off"),
}

# What happened to a record, by the first word of an event's action.
EVENT_ACTIONS: dict[str, str] = {
    "created": N_("Logged"),
    "edited": N_("Changed"),
    "deleted": N_("Deleted"),
    "undo": N_("Undone"),
    "redo": N_("Done again"),
}


def event_label(t: Translator, action: str) -> str:
    """``"undo:created"`` → "Undone"; unknown actions are shown as stored."""
    key = action.split(":", 1)[0]
    return t.gettext(EVENT_ACTIONS[key]) if key in EVENT_ACTIONS else action


def status_label(t: Translator, status: str, assessed: bool = True) -> str:
    if not assessed:
        return t.gettext("Not assessed yet")
    return t.gettext(STATUSES[status]) if status in STATUSES else status


def category_label(t: Translator, category: str) -> str:
    return t.gettext(CATEGORIES[category]) if category in CATEGORIES else category


def channel_label(t: Translator, channel: Channel) -> str:
    return t.gettext(CHANNELS[channel])


def payment_mode_label(t: Translator, mode: PaymentMode) -> str:
    return t.gettext(PAYMENT_MODES[mode])
