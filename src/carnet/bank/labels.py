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


def _either(words: frozenset[str]) -> str:
    return "|".join(sorted(words))


# Over the folded text (words of letters and digits, single spaces). The prefix: a prefix
# word, then prefix or link words, each followed by a space: a word must remain after it.
_PREFIX = re.compile(rf"(?:{_either(_PREFIX_WORDS)}) (?:(?:{_either(_PREFIX_WORDS | _LINKS)}) )*")
# A reference tail starts at a later word that holds 6 digits in a row (a reference, a
# date and time) or that is a reference keyword.
_TAIL = re.compile(r" (?:[A-Z0-9]*?[0-9]{6}|REF(?:ERENCE)?\b|MOTIF\b)")
_REF_COLON = re.compile(r"\b(?:REF|MOTIF|ID)\s*:")


def only_bank_words(name: str) -> bool:
    """Whether ``name`` is nothing but the words banks put before a payer ("VIR SEPA")."""
    words = fold(name).split()
    return all(word in _PREFIX_WORDS or word in _LINKS for word in words)


def _structured_part(text: str) -> str:
    # Each pattern needs a character most labels lack: looked for first, it spares the search.
    for needed, pattern in ((":", _AFTER_DE_COLON), ("/", _AFTER_SLASH_DE)):
        found = pattern.search(text) if needed in text else None
        if found and found.group(1).strip():
            return found.group(1)
    return text


def _names_someone(name: str) -> bool:
    """Whether a cleaned name holds a word that can name a payer.

    Some banks' OFX ``NAME`` is only the kind of operation and its reference
    (``VIR RECU 2600123456789``, ``VIREMENT EN VOTRE FAVEUR``): the payer is then in the
    ``MEMO``, so the whole label must be read instead.
    """
    return any(
        word not in _PREFIX_WORDS and word not in _LINKS and _mostly_letters(word)
        for word in name.split()
    )


def _mostly_letters(word: str) -> bool:
    # "AG2R" names an insurer; "2600123456789" and "1511PJ0042" are references.
    letters = sum(char.isalpha() for char in word)
    return letters > len(word) - letters


def _clean(text: str) -> str:
    text = strip_accents(text).upper()
    # Only the SG layout ("DE:"), the BNP one ("/DE") and "REF:"-like keywords need the
    # punctuation that folding removes; other labels are folded at once.
    if ":" in text or ("/" in text and "DE" in text):
        text = _structured_part(" ".join(text.split()))
        # Reference keywords with a colon end the name even without SG/BNP structure.
        if ":" in text:
            text = _REF_COLON.split(text, maxsplit=1)[0]
    name = fold(text)
    prefix = _PREFIX.match(name)
    if prefix is not None:
        name = name[prefix.end() :]
    tail = _TAIL.search(name)
    return name[: tail.start()] if tail is not None else name


def extract_counterparty(label: str, structured: str = "") -> str:
    """Who sent (or received) the money, folded.

    ``"VIR SEPA CPAM DE L ISERE"`` → ``"CPAM DE L ISERE"``.

    ``structured`` is the format's own name field (OFX ``NAME``, camt ``Nm``); it wins over
    the label but is cleaned the same way (BPCE writes ``EVI APRIL SANTE PREVOYAN``),
    unless it names nobody (``VIR RECU 2600123456789``): then the label is read.
    """
    if structured.strip():
        name = _clean(structured.strip())
        if _names_someone(name):
            return name
    return _clean(label)
