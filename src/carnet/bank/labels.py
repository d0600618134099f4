"""Counterparty extraction from bank labels (docs/bank-formats.md §3.2, rule 2).

The counterparty decides who paid, so it is cut out of the label before any comparison:
bank prefixes go (``VIR SEPA``, ``VIR RECU … DE:``, ``VIREMENT DE``, ``EVI``, ``PRLV`` …),
and so do reference tails (long digit runs, ``REF:``/``MOTIF:`` parts). The result is
folded (upper case, no accents, single spaces) for comparison with the payer list.
Long digit runs after a CPAM name may be personal identifiers: they are dropped here and
must not be logged by callers.
"""

from __future__ import annotations

import re

from carnet.bank.parsing import fold, strip_accents

# Société Générale: "VIR RECU 9604881985018 DE: CPAM DE L ISERE MOTIF: … REF: …";
# also its "PRELEVEMENT EUROPEEN … DE: MUTUELLE … ID: …" debits.
_AFTER_DE_COLON = re.compile(r"\bDE\s*:\s*(.+?)\s*(?:\b(?:MOTIF|REF|ID|MANDAT|IBAN)\s*:|$)")
# BNP Paribas: "VIR SEPA RECU /DE HARMONIE MUTUELLE /MOTIF … /REF …".
_AFTER_SLASH_DE = re.compile(r"/\s*DE\s+(.+?)\s*(?:/|$)")
_PREFIX_WORDS = frozenset(
    {
        "VIR", "VIRT", "VIREMENT", "VIREMENTS", "SEPA", "RECU", "RECUS", "INST", "INSTANTANE",
        "EVI", "PRLV", "PRELEVEMENT", "PRELEVT", "EUROPEEN", "EN", "VOTRE", "FAVEUR",
        "EMIS", "PERMANENT", "REMISE", "TRANSFERT", "TRANSFER", "PAYMENT", "SCT", "SDD",
    }
)  # fmt: skip
# Words that introduce the payer once a transfer prefix has been seen ("VIREMENT DE X").
_LINKS = frozenset({"DE", "DU", "DES", "PAR", "FROM"})
# A reference tail starts at a token of 6+ digits (possibly with date/time punctuation),
# or at an explicit reference keyword.
_TAIL = re.compile(r"^(?:\d[\d.:/-]{5,}\S*|\S*\d{6,}\S*|REF|MOTIF|REFERENCE)$")


_REF_COLON = re.compile(r"\b(?:REF|MOTIF|ID)\s*:")
_TAIL_WORDS = frozenset({"REF", "MOTIF", "REFERENCE"})


def _structured_part(text: str) -> str:
    # Each pattern needs a character most labels lack: looked for first, it spares the search.
    for needed, pattern in ((":", _AFTER_DE_COLON), ("/", _AFTER_SLASH_DE)):
        found = pattern.search(text) if needed in text else None
        if found and found.group(1).strip():
            return found.group(1)
    return text


def _strip_prefix(tokens: list[str]) -> list[str]:
    start, saw_prefix = 0, False
    while start < len(tokens) - 1:
        word = tokens[start]
        if word in _PREFIX_WORDS or (saw_prefix and word in _LINKS):
            saw_prefix, start = True, start + 1
        else:
            break
    return tokens[start:]


def _cut_tail(tokens: list[str]) -> list[str]:
    for position, token in enumerate(tokens):
        # Folded tokens are letters and digits: a tail is a keyword or has 6 digits.
        if position > 0 and (token in _TAIL_WORDS or (len(token) >= 6 and _TAIL.match(token))):
            return tokens[:position]
    return tokens


def extract_counterparty(label: str, structured: str = "") -> str:
    """Who sent (or received) the money, folded.

    ``"VIR SEPA CPAM DE L ISERE"`` → ``"CPAM DE L ISERE"``.

    ``structured`` is the format's own name field (OFX ``NAME``, camt ``Nm``); it wins over
    the label but is cleaned the same way (BPCE writes ``EVI APRIL SANTE PREVOYAN``).
    """
    source = structured.strip() or label
    text = " ".join(strip_accents(source).upper().split())
    text = _structured_part(text)
    # Reference keywords with a colon end the name even without SG/BNP structure.
    if ":" in text:
        text = _REF_COLON.split(text, maxsplit=1)[0]
    tokens = _cut_tail(_strip_prefix(fold(text).split()))
    return " ".join(tokens)
