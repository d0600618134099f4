"""Which statement lines are health reimbursements, and from which kind of payer.

Recognition goes by the *counterparty name* (docs/bank-formats.md §3.2), never by words such
as "REMBOURSEMENT" or "SANTE" in the motif. ``health`` is True only for a credit from a
recognised health payer whose text does not say sick pay (IJ), pension, annuity or
invalidity, premium refund, card refund or a home or car insurance claim. Debits
(premiums) and pending entries are never health; unknown senders are not either (the user
can teach an alias).

MGEN, and the few other *sections locales mutualistes*, pay both the mandatory share
(they manage the Assurance Maladie for their members) and their own complementary share,
under the same name. Their role is decided in this order:
1. a name the household taught (``ExtraPayer``), if it gives a type, wins; the insurer
   of a household contract does not change a dual-role payer's role (an MGEN member's
   MGEN still pays the mandatory share);
2. a hint in the label: ``RO``/``REGIME OBLIGATOIRE``/``SECURITE SOCIALE``/``AMO`` → CPAM
   type; ``RC``/``COMPLEMENTAIRE``/``AMC`` → complementary (``MUTUELLE`` is no hint: it
   is part of MGEN's own name);
3. otherwise ``payer_type`` is None and ``health`` stays True with reason
   ``dual-role-payer``: the matcher then tries both payer types and the user confirms.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from carnet.bank.labels import extract_counterparty
from carnet.bank.model import StatementLine
from carnet.bank.parsing import fold
from carnet.bank.payer_list import ExtraPayer, PayerDirectory, PayerEntry
from carnet.domain.banking import PayerType

__all__ = ["Classification", "ExtraPayer", "PayerDirectory", "PayerEntry", "classify"]


def _any_word(*words: str) -> re.Pattern[str]:
    """Any of ``words``, whole; each is a regular expression that starts with a capital.

    The lookahead on those first letters lets a search skip every other place at once.
    """
    letters = "".join(sorted({word[0] for word in words}))
    return re.compile(rf"(?=[{letters}])\b(?:{'|'.join(words)})\b")


_EXCLUSION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sick-pay", ("IJ", "IJSS", "INDEMNITES? JOURNALIERES?", r"IND JOURN\w*", r"INDEM JOURN\w*")),
    ("pension", ("PENSIONS?", "RENTES?", "INVALIDITE", "RETRAITES?", "CAPITAL DECES")),
    ("family-allowance", ("ALLOCATIONS? FAMILIALES?", "PRESTATIONS? FAMILIALES?")),
    # "COTISATION(S)" or "COTIS", never "COTISANT": a mutuelle's remittance may name its member so.
    ("premium-refund", ("COTIS", "COTISATIONS?", "ECHEANCE", "PRIME")),
    ("shop-refund", ("AVOIR", "REMBT CARTE", "REMB CARTE", "REMBOURSEMENT CARTE", "CB")),
    # AXA, Allianz, MAIF, Groupama… also insure homes and cars: their claim payments
    # say so, and are no reimbursement of care.
    (
        "insurance-claim",
        (
            r"SINISTRES?",
            r"DEGATS? DES EAUX",
            "BRIS DE GLACE",
            "HABITATION",
            "AUTOMOBILE",
            "MULTIRISQUE",
        ),
    ),
)
_EXCLUSIONS = tuple((reason, _any_word(*words)) for reason, words in _EXCLUSION_WORDS)
# All of them at once: most credits match none, and then one search answers.
_ANY_EXCLUSION = _any_word(*(word for _, words in _EXCLUSION_WORDS for word in words))
_MANDATORY_HINT = _any_word("RO", "REGIME OBLIGATOIRE", "SECURITE SOCIALE", "SECU", "AMO")
_COMPLEMENTARY_HINT = _any_word("RC", "REGIME COMPLEMENTAIRE", "COMPLEMENTAIRE", "AMC")


class Classification(NamedTuple):
    """``reason`` is a stable code for the UI: ``health-reimbursement``, ``debit``, …

    A tuple: an import makes one for each line of its statement."""

    payer_type: PayerType | None
    health: bool
    counterparty: str
    reason: str
    payer: str = ""  # canonical payer name, e.g. "Harmonie Mutuelle"


def _excluded(text: str) -> str | None:
    if _ANY_EXCLUSION.search(text) is None:
        return None
    for reason, pattern in _EXCLUSIONS:  # the first reason in this order wins
        if pattern.search(text):
            return reason
    return None


def _dual_role(text: str) -> PayerType | None:
    mandatory = bool(_MANDATORY_HINT.search(text))
    complementary = bool(_COMPLEMENTARY_HINT.search(text))
    if mandatory != complementary:
        return PayerType.CPAM if mandatory else PayerType.COMPLEMENTARY
    return None


def classify(
    line: StatementLine, directory: PayerDirectory, *, pending: bool = False
) -> Classification:
    """Who paid ``line`` and whether it is a reimbursement of care."""
    counterparty = extract_counterparty(line.label, line.counterparty)
    entry: PayerEntry | None = directory.find(counterparty)
    if entry is None:
        return Classification(None, False, counterparty, "unknown-counterparty")
    if not entry.health:
        return Classification(None, False, counterparty, "not-health-payer", entry.name)

    def result(health: bool, reason: str, kind: PayerType | None) -> Classification:
        return Classification(kind, health, counterparty, reason, entry.name)

    # Only a dual-role payer's hints and a credit's exclusions read the whole text.
    payer_type = entry.payer_type
    needs_text = payer_type is None or (not pending and line.amount_cents > 0)
    text = fold(f"{line.label} {line.counterparty}") if needs_text else ""
    if payer_type is None:
        payer_type = _dual_role(text)
    if pending:
        return result(False, "pending", payer_type)
    if line.amount_cents <= 0:
        return result(False, "debit", payer_type)
    excluded = _excluded(text)
    if excluded is not None:
        return result(False, excluded, payer_type)
    if payer_type is None:
        return result(True, "dual-role-payer", None)
    return result(True, "health-reimbursement", payer_type)
