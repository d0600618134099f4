"""The fast paths of classification give exactly what the general definitions give.

``fold``, ``strip_accents``, ``extract_counterparty`` and the payer patterns each have a
quicker way for the common case (ASCII text, accents that are the only non-ASCII
characters, one regular expression instead of a word-by-word loop). Each is checked here
against the general definition it replaced, written out in full, on generated text
heavy in what statements hold: accents, ligatures, no-break spaces, digits, punctuation,
bank prefixes and reference keywords.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from carnet.bank import Classification, PayerDirectory, StatementLine, classify
from carnet.bank.labels import extract_counterparty
from carnet.bank.parsing import fold, strip_accents
from carnet.bank.payer_list import ExtraPayer, PayerEntry, _matched
from carnet.domain.banking import PayerType
from carnet.domain.money import Cents

PAYERS = Path(__file__).resolve().parents[2] / "resources" / "payers.toml"
DIRECTORY = PayerDirectory.from_file(PAYERS)


# --- the general definitions ---------------------------------------------------------


def general_strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def general_fold(text: str) -> str:
    return re.sub(r"[^A-Z0-9]+", " ", general_strip_accents(text).upper()).strip()


_DE_COLON = re.compile(r"\bDE\s*:\s*(.+?)\s*(?:\b(?:MOTIF|REF|ID|MANDAT|IBAN)\s*:|$)")
_SLASH_DE = re.compile(r"/\s*DE\s+(.+?)\s*(?:/|$)")
_REF_COLON = re.compile(r"\b(?:REF|MOTIF|ID)\s*:")
_PREFIX_WORDS = {
    "VIR", "VIRT", "VIREMENT", "VIREMENTS", "SEPA", "RECU", "RECUS", "INST", "INSTANTANE",
    "EVI", "PRLV", "PRELEVEMENT", "PRELEVT", "EUROPEEN", "EN", "VOTRE", "FAVEUR",
    "EMIS", "PERMANENT", "REMISE", "TRANSFERT", "TRANSFER", "PAYMENT", "SCT", "SDD",
}  # fmt: skip
_LINKS = {"DE", "DU", "DES", "PAR", "FROM"}
_TAIL = re.compile(r"^(?:\d[\d.:/-]{5,}\S*|\S*\d{6,}\S*|REF|MOTIF|REFERENCE)$")


def general_counterparty(label: str, structured: str = "") -> str:
    """The extraction as first written: whole-label passes, then word by word.

    A structured name that leaves no word of a name (more letters than not, not a bank
    word: ``VIR RECU 2600123456789``) gives way to the label.
    """
    if structured.strip():
        name = general_one_counterparty(structured.strip())
        if any(
            word not in _PREFIX_WORDS
            and word not in _LINKS
            and 2 * sum(c.isalpha() for c in word) > len(word)
            for word in name.split()
        ):
            return name
    return general_one_counterparty(label)


def general_one_counterparty(label: str) -> str:
    text = " ".join(general_strip_accents(label).upper().split())
    for pattern in (_DE_COLON, _SLASH_DE):
        found = pattern.search(text)
        if found and found.group(1).strip():
            text = found.group(1)
            break
    text = _REF_COLON.split(text, maxsplit=1)[0]
    tokens = general_fold(text).split()
    start, saw_prefix = 0, False
    while start < len(tokens) - 1:
        word = tokens[start]
        if not (word in _PREFIX_WORDS or (saw_prefix and word in _LINKS)):
            break
        saw_prefix, start = True, start + 1
    tokens = tokens[start:]
    for position, token in enumerate(tokens):
        if position > 0 and _TAIL.match(token):
            return " ".join(tokens[:position])
    return " ".join(tokens)


def general_pattern_entry(directory: PayerDirectory, text: str) -> int | None:
    """One alternation with a named group per entry, as the directory first did."""
    groups = [
        f"(?P<p{number}>{'|'.join(f'(?:{p})' for p in entry.patterns)})"
        for number, entry in enumerate(directory.entries)
        if entry.patterns
    ]
    found = re.search("|".join(groups), text)
    return int(found.lastgroup[1:]) if found and found.lastgroup else None


def general_find(directory: PayerDirectory, counterparty: str) -> PayerEntry | None:
    """The lookup as first written: every alias tried at every word it starts."""
    tokens = counterparty.split()
    best: tuple[int, int, int, int] | None = None
    for number, entry in enumerate(directory.entries):
        for written in entry.aliases or (entry.name,):
            alias = tuple(fold(written).split())
            for position, token in enumerate(tokens):
                if not alias or token != alias[0] or (written.startswith("^") and position):
                    continue
                end = position + len(alias)
                if end < len(tokens) and tuple(tokens[position:end]) != alias:
                    continue
                letters, whole = _matched(alias, tokens, position)
                if letters:
                    candidate = (-int(entry.household), -int(whole), -letters, number)
                    best = candidate if best is None or candidate < best else best
    if best is None:
        number = general_pattern_entry(directory, counterparty)
        best = (0, 0, 0, number) if number is not None else None
    if best is None and len(tokens) == 1 and len(counterparty) >= 12:
        for entry in directory.entries:
            for written in entry.aliases or (entry.name,):
                compact = "".join(fold(written).split())
                if len(compact) >= 8 and (
                    counterparty.startswith(compact) or compact.startswith(counterparty)
                ):
                    return entry
    return directory.entries[best[3]] if best is not None else None


_GENERAL_EXCLUSIONS = (
    ("sick-pay", r"\b(?:IJ|IJSS|INDEMNITES? JOURNALIERES?|IND JOURN\w*|INDEM JOURN\w*)\b"),
    ("pension", r"\b(?:PENSIONS?|RENTES?|INVALIDITE|RETRAITES?|CAPITAL DECES)\b"),
    ("family-allowance", r"\b(?:ALLOCATIONS? FAMILIALES?|PRESTATIONS? FAMILIALES?)\b"),
    ("premium-refund", r"\b(?:COTIS\w*|ECHEANCE|PRIME)\b"),
    ("shop-refund", r"\b(?:AVOIR|REMBT CARTE|REMB CARTE|REMBOURSEMENT CARTE|CB)\b"),
)
_GENERAL_MANDATORY = r"\b(?:RO|REGIME OBLIGATOIRE|SECURITE SOCIALE|SECU|AMO)\b"
_GENERAL_COMPLEMENTARY = r"\b(?:RC|REGIME COMPLEMENTAIRE|COMPLEMENTAIRE|AMC)\b"


def general_classify(
    line: StatementLine, directory: PayerDirectory, pending: bool
) -> Classification:
    """Classification as first written, on the general definitions above."""
    counterparty = general_counterparty(line.label, line.counterparty)
    entry = general_find(directory, counterparty)
    if entry is None:
        return Classification(None, False, counterparty, "unknown-counterparty")
    if not entry.health:
        return Classification(None, False, counterparty, "not-health-payer", entry.name)
    text = general_fold(f"{line.label} {line.counterparty}")
    kind = entry.payer_type
    if kind is None:
        mandatory = re.search(_GENERAL_MANDATORY, text) is not None
        if mandatory != (re.search(_GENERAL_COMPLEMENTARY, text) is not None):
            kind = PayerType.CPAM if mandatory else PayerType.COMPLEMENTARY
    reason = "pending" if pending else "debit" if line.amount_cents <= 0 else None
    for excluded, pattern in _GENERAL_EXCLUSIONS:
        if reason is None and re.search(pattern, text):
            reason = excluded
    if reason is not None:
        return Classification(kind, False, counterparty, reason, entry.name)
    reason = "health-reimbursement" if kind is not None else "dual-role-payer"
    return Classification(kind, True, counterparty, reason, entry.name)


# --- generated text --------------------------------------------------------------------

PIECES = [
    *"aAeEzZ09 -/:.,'()*&@\t\n",
    *"éèêëÉÈàâäçÇîïôöùûüÿœŒæßﬁﬂøØłđ€£°²½",
    "\u00a0",  # no-break space
    "\u202f",  # narrow no-break space
    "\u0301",  # a lone combining acute accent
    "\u034f",  # the combining grapheme joiner, which is not a mark
    "\uff1a",  # a full-width colon (NFKD makes it ":")
    "\u2215",  # division slash
    "e\u0301",
    "VIR ",
    "SEPA ",
    "RECU ",
    "PRLV ",
    "VIREMENT ",
    "EN VOTRE FAVEUR ",
    "DE ",
    "de ",
    "DU ",
    "DE: ",
    "DE : ",
    " /DE ",
    "/MOTIF ",
    " MOTIF: ",
    " REF: ",
    " REF ",
    "REFERENCE ",
    "ID:",
    "IBAN:",
    "CPAM ",
    "C.P.A.M. ",
    "Caisse Primaire ",
    "HARMONIE MUTUELLE ",
    "MGEN ",
    "ALAN ",
    "RATP ",
    "SANTE ",
    "123456",
    "12345",
    "12/03 ",
    "2022-02-18-10.47.31 ",
]
LABELS = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
ANY_TEXT = st.one_of(LABELS, st.text(max_size=40))


@settings(max_examples=500)
@given(ANY_TEXT)
def test_fold_and_strip_accents_equal_their_general_definitions(text: str) -> None:
    assert strip_accents(text) == general_strip_accents(text)
    assert fold(text) == general_fold(text)


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_fold_equals_the_general_definition(text: str) -> None:
    assert fold(text) == general_fold(text)


def test_the_accents_block_holds_only_combining_marks_but_the_grapheme_joiner() -> None:
    # strip_accents drops these without asking unicodedata one character at a time.
    block = [chr(code) for code in range(0x300, 0x370)]
    assert [ch for ch in block if not unicodedata.combining(ch)] == ["\u034f"]
    assert strip_accents("Cre\u0301dit\u034f") == "Credit\u034f"


def test_every_code_point_folds_as_in_the_general_definition() -> None:
    # Each character between two letters, so that a character that folds to nothing
    # and one that folds to a space are told apart.
    text = "A".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    assert fold(text) == general_fold(text)
    assert strip_accents(text) == general_strip_accents(text)


@settings(max_examples=500)
@given(LABELS, st.one_of(st.just(""), LABELS))
def test_counterparty_equals_the_general_extraction(label: str, structured: str) -> None:
    assert extract_counterparty(label, structured) == general_counterparty(label, structured)


FOLDED = st.lists(st.sampled_from(PIECES), max_size=10).map(lambda pieces: fold("".join(pieces)))
# Patterns the quick search cannot take apart (a "|" at the top, no word start): the
# directory then searches them as they are.
ODD = PayerDirectory(
    [
        PayerEntry("A", PayerType.CPAM, patterns=(r"\bRATP\b.*\bSANTE\b", r"MUT|HARMONIE")),
        PayerEntry("B", PayerType.COMPLEMENTARY, patterns=(r"(?:C P)? A M\b", r"\bMGEN\b")),
        PayerEntry("C", PayerType.COMPLEMENTARY, patterns=(r"\bSANTE\b",)),
    ]
)


@settings(max_examples=300)
@given(FOLDED)
@example("MSA CPAM DE PARIS")  # the leftmost match wins, not the first entry
@example("SANTE MGEN")
@example("X C P A M")
def test_pattern_search_names_the_entry_one_alternation_names(counterparty: str) -> None:
    for directory in (DIRECTORY, ODD):
        expected = general_pattern_entry(directory, counterparty)
        assert directory._patterns.first(counterparty) == expected


NAMES = [
    "CPAM", "DE", "PARIS", "MUTUELLE", "HARMONIE", "MUT", "MGEN", "GENERALE", "MALAKOF",
    "MALAKOFF", "HUMANIS", "ALAN", "SA", "LA", "MONDIALE", "AG2R", "APRIL", "SANTE", "PREVOYAN",
    "MUTUELLEGENERALEEDUCATIONNAT", "123", "CB", "X", "MA", "MUTU", "M", "C", "P", "A", "MSA",
]  # fmt: skip
HOUSEHOLD = DIRECTORY.with_extra(
    [
        ExtraPayer("Ma mutuelle", PayerType.COMPLEMENTARY, ("MA MUTUELLE", "HARMONIE")),
        ExtraPayer("MGEN", None),
    ]
)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(NAMES), max_size=6).map(" ".join))
@example("HARMONIE MUTUELLE 123")
@example("MUTUELLE GENERALE DE L EDUC")
@example("MALAKOF")
def test_find_names_the_payer_the_general_lookup_names(counterparty: str) -> None:
    for directory in (DIRECTORY, HOUSEHOLD):
        assert directory.find(counterparty) is general_find(directory, counterparty)


HEALTH_WORDS = [
    *PIECES, "IJ ", "IND JOURNALIERES ", "Pension ", "RENTE ", "CB ", "AVOIR ", "COTISATION ",
    "REGIME OBLIGATOIRE ", "RO ", "AMC ", "COMPLEMENTAIRE ", "SECU ", "PRIME ", "MGEN ",
    "Remb. soins ", "MUTUELLE GENERALE ", "CAF ", "URSSAF ",
]  # fmt: skip
STATEMENT_LINES = st.builds(
    StatementLine,
    st.just(date(2025, 3, 12)),
    st.integers(-5000, 5000),
    st.lists(st.sampled_from(HEALTH_WORDS), max_size=12).map("".join),
    st.one_of(st.just(""), st.sampled_from(["MGEN", "CPAM DE PARIS", " ", "Alan SA"])),
)


@settings(max_examples=500)
@given(STATEMENT_LINES, st.booleans())
def test_classify_answers_as_the_general_definitions_do(line: StatementLine, pending: bool) -> None:
    for directory in (DIRECTORY, HOUSEHOLD):
        expected = general_classify(line, directory, pending)
        assert classify(line, directory, pending=pending) == expected


# Each word of the exclusions and of the MGEN hints, and near misses, after two payers.
EXCLUSION_SAMPLES = [
    "IJ", "IJSS", "INDEMNITE JOURNALIERE", "INDEMNITES JOURNALIERES", "IND JOURNAL",
    "INDEM JOURN", "PENSION", "PENSIONS", "RENTE", "RENTES", "INVALIDITE", "RETRAITE",
    "RETRAITES", "CAPITAL DECES", "ALLOCATION FAMILIALE", "ALLOCATIONS FAMILIALES",
    "PRESTATION FAMILIALE", "PRESTATIONS FAMILIALES", "COTISATION", "COTIS", "ECHEANCE",
    "PRIME", "AVOIR", "REMBT CARTE", "REMB CARTE", "REMBOURSEMENT CARTE", "CB", "RO",
    "REGIME OBLIGATOIRE", "SECURITE SOCIALE", "SECU", "AMO", "RC", "REGIME COMPLEMENTAIRE",
    "COMPLEMENTAIRE", "AMC", "RO AMC", "IJX", "CBS", "PRIMES", "SECUR", "XRO", "AMCO",
    "Remb. soins",
]  # fmt: skip


@pytest.mark.parametrize("word", EXCLUSION_SAMPLES)
def test_each_exclusion_and_hint_word_answers_as_before(word: str) -> None:
    for payer in ("CPAM DE PARIS", "MGEN"):
        for cents in (2500, -2500):
            line = StatementLine(date(2025, 3, 12), Cents(cents), f"VIR SEPA {payer} {word} 12")
            assert classify(line, HOUSEHOLD) == general_classify(line, HOUSEHOLD, False)
            assert classify(line, DIRECTORY) == general_classify(line, DIRECTORY, False)
