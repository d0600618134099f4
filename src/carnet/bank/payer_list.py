"""The list of health payers (``resources/payers.toml``) and fast lookup by counterparty.

Mandatory-scheme funds are recognised by regular expressions (``C P A M``, ``CAISSE
PRIMAIRE``, ``CGSS`` …) over the folded counterparty, compiled into one alternation so a
50 000-line file costs one search per line. Insurers are recognised by alias token
sequences, indexed by their first token; a name cut by the bank (24 characters in BPCE
OFX, 32 in OFX ``NAME``) still matches when its last token is a prefix of the alias's.
The household's own names (``ExtraPayer``) are looked at first and win every tie.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from carnet.bank.parsing import fold
from carnet.domain.banking import PayerType

MIN_TRUNCATED = 3  # a cut last token must keep this many letters to count
_REMEMBERED = 4_096  # answers of find() kept: a statement names the same payees again


@dataclass(frozen=True, slots=True)
class PayerEntry:
    """A payer. ``payer_type`` None: both roles (a *section locale mutualiste*, e.g. MGEN)."""

    name: str
    payer_type: PayerType | None
    aliases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    health: bool = True  # False for CAF, DGFIP, France Travail: named only for the reason
    household: bool = False  # the household's own name: wins over any shipped one


@dataclass(frozen=True, slots=True)
class ExtraPayer:
    """A household name: its own contract's insurer, or an alias learned from a choice."""

    name: str
    payer_type: PayerType | None
    aliases: tuple[str, ...] = ()


def _household(extra: ExtraPayer) -> PayerEntry:
    return PayerEntry(extra.name, extra.payer_type, extra.aliases or (extra.name,), household=True)


def _contract_payer(known: PayerDirectory, insurer: str) -> ExtraPayer:
    entry = known.find(fold(insurer))
    dual = entry is not None and entry.health and entry.payer_type is None
    return ExtraPayer(insurer, None if dual else PayerType.COMPLEMENTARY)


def _strings(raw: dict[str, object], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"payers: {key} of {raw.get('name')!r} must be a list")
    return tuple(str(item) for item in value)


def _entry(raw: dict[str, object], health: bool) -> PayerEntry:
    kind = str(raw.get("type", "complementary"))
    payer_type = None if kind == "dual" else PayerType(kind)
    aliases, patterns = _strings(raw, "aliases"), _strings(raw, "patterns")
    return PayerEntry(str(raw["name"]), payer_type, aliases, patterns, health)


class PayerDirectory:
    """Who is a health payer, and of which type. Build once, classify many lines."""

    def __init__(self, entries: Sequence[PayerEntry]) -> None:
        self.entries = tuple(entries)
        # first token → [(alias tokens, entry number, anchored at the start?)]
        self._by_first: dict[str, list[tuple[tuple[str, ...], int, bool]]] = {}
        self._compact: list[tuple[str, int]] = []
        for number, entry in enumerate(self.entries):
            for alias in entry.aliases or (entry.name,):
                # "^ALAN": only at the start, so that "M ALAN DUPONT" is a person, not Alan.
                anchored = alias.startswith("^")
                tokens = tuple(fold(alias).split())
                if tokens:
                    self._by_first.setdefault(tokens[0], []).append((tokens, number, anchored))
                    self._compact.append(("".join(tokens), number))
        self._patterns = _Patterns(self.entries)
        self._found: dict[str, PayerEntry | None] = {}

    @classmethod
    def from_toml(
        cls, text: str, extra: Iterable[ExtraPayer] = (), contracts: Iterable[str] = ()
    ) -> PayerDirectory:
        """Read ``[[payer]]`` and ``[[not_health]]`` tables; household extras come first.

        ``contracts`` are the insurers of the household's contracts: complementary payers,
        unless the list knows the name as a dual-role payer. An MGEN member's MGEN pays
        the Assurance Maladie share too, so its contract must not hide that role.
        """
        data = tomllib.loads(text)
        shipped = [_entry(raw, True) for raw in data.get("payer", [])]
        shipped += [_entry(raw, False) for raw in data.get("not_health", [])]
        known = cls(shipped)
        insurers = [_contract_payer(known, name) for name in contracts]
        return cls([*(_household(x) for x in [*extra, *insurers]), *shipped])

    @classmethod
    def from_file(
        cls, path: Path, extra: Iterable[ExtraPayer] = (), contracts: Iterable[str] = ()
    ) -> PayerDirectory:
        return cls.from_toml(path.read_text(encoding="utf-8"), extra, contracts)

    def with_extra(self, extra: Iterable[ExtraPayer]) -> PayerDirectory:
        """The same list with household names in front."""
        first = [_household(x) for x in extra]
        return PayerDirectory([*first, *self.entries])

    def find(self, counterparty: str) -> PayerEntry | None:
        """The payer a folded counterparty names, or None (remembered: names repeat)."""
        if counterparty in self._found:
            return self._found[counterparty]
        if len(self._found) >= _REMEMBERED:
            self._found.clear()
        entry = self._found[counterparty] = self._find(counterparty)
        return entry

    def _find(self, counterparty: str) -> PayerEntry | None:
        """:meth:`find` without the memory.

        A household name beats a shipped one; then a whole alias beats a truncated one,
        then more matched letters win (so "HARMONIE MUTUELLE" is not "MUTUELLE MGEN"),
        then the earlier entry.
        """
        tokens = counterparty.split()
        best = None
        if not self._by_first.keys().isdisjoint(tokens):  # most names start no alias
            best = self._best_alias(tokens)
        if best is None:
            number = self._patterns.first(counterparty)
            best = (0, 0, 0, number) if number is not None else None
        if best is None and len(tokens) == 1 and len(counterparty) >= 12:
            best = self._compact_match(counterparty)
        return self.entries[best[3]] if best is not None else None

    def _best_alias(self, tokens: list[str]) -> tuple[int, int, int, int] | None:
        words, count = tuple(tokens), len(tokens)
        best: tuple[int, int, int, int] | None = None  # (-household, -whole, -letters, n)
        for position, token in enumerate(tokens):
            for alias, number, anchored in self._by_first.get(token, ()):
                if anchored and position:
                    continue
                end = position + len(alias)
                if end < count:
                    if words[position:end] != alias:
                        continue  # short of the end, only the whole alias counts: not here
                elif not alias[count - 1 - position].startswith(words[-1]):
                    continue  # to the end, whole or cut, the last word begins the alias's
                letters, whole = _matched(alias, tokens, position)
                if letters:
                    mine = -int(self.entries[number].household)
                    candidate = (mine, -int(whole), -letters, number)
                    best = candidate if best is None or candidate < best else best
        return best

    def _compact_match(self, squashed: str) -> tuple[int, int, int, int] | None:
        # PDF-extracted statements glue words together: "MUTUELLEGENERALEEDUCATIONNAT".
        for compact, number in self._compact:
            if len(compact) >= 8 and (squashed.startswith(compact) or compact.startswith(squashed)):
                return (0, 0, 0, number)
        return None


_WORD_START = re.compile(r"\\b([A-Z])")


class _Patterns:
    """Every entry's patterns, searched at once; which entry matched is asked after.

    The search finds the leftmost place any pattern matches; there, the first pattern in
    list order that matches names the entry, as one alternation of them all would.
    """

    def __init__(self, entries: Sequence[PayerEntry]) -> None:
        self.each = [(n, re.compile(p)) for n, entry in enumerate(entries) for p in entry.patterns]
        self.any = _one_search([p for entry in entries for p in entry.patterns])

    def first(self, text: str) -> int | None:
        """The number of the entry whose pattern matches leftmost in ``text``, or None."""
        found = self.any.search(text) if self.any is not None else None
        if found is None:
            return None
        start = found.start()
        return next(number for number, pattern in self.each if pattern.match(text, start))


def _one_search(patterns: list[str]) -> re.Pattern[str] | None:
    """One alternation of every pattern.

    When each pattern starts a word with a known letter (``\\bCPAM``), a lookahead on
    those letters lets the search skip every other position at once, and with the
    ``\\b`` taken out in front each branch is skipped on its first letter: the search
    runs on every line of a statement, and this makes it several times faster.
    """
    if not patterns:
        return None
    firsts = {_WORD_START.match(p) for p in patterns}
    if None in firsts or any(_top_level_bar(p) for p in patterns):
        return re.compile("|".join(f"(?:{p})" for p in patterns))
    letters = "".join(sorted({found.group(1) for found in firsts if found is not None}))
    # Each pattern is \b then its first letter: the \b is asserted once for all.
    return re.compile(rf"(?=[{letters}])\b(?:{'|'.join(p[2:] for p in patterns)})")


def _top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside any group (a branch may start anywhere)."""
    depth, escaped = 0, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def _matched(alias: tuple[str, ...], tokens: list[str], position: int) -> tuple[int, bool]:
    """(letters matched, whole alias?) of ``alias`` at ``tokens[position]``; 0 if no match.

    A name cut by the bank matches when it ends the text and is a prefix of the alias
    that goes at least one whole word plus part of the next, or cuts inside a single
    long word ("MALAKOF"). A bare first word ("MUTUELLE" against "MUTUELLE MGEN") is not
    enough: it names nobody.
    """
    end = position + len(alias)
    window = tokens[position:end]
    if tuple(window) == alias:
        return sum(len(token) for token in window), True
    if end < len(tokens):  # neither whole nor at the end: cannot be a cut name
        return 0, False
    last = len(window) - 1
    cut_inside = window[last] != alias[last] and alias[last].startswith(window[last])
    ok = (
        tuple(window[:last]) == alias[:last]
        and (cut_inside or window[last] == alias[last])
        and len(window[last]) >= MIN_TRUNCATED
        and (len(window) >= 2 or (cut_inside and len(window[0]) >= 5))
    )
    return (sum(len(token) for token in window), False) if ok else (0, False)
