"""Dated rule tables: load ``resources/rules/*.toml`` once, answer "value of K on day D".

Every value is a quoted decimal string read as ``Decimal`` (never a float), with
its period of validity, its source and a confidence tag. A key may instead be the
sum of other keys (``[G_MEG]`` with ``sum = ["G", "MEG"]``): its periods are
computed here, so a new value of a part carries over to the sum by itself. ``acts.toml`` is the act
catalogue (see :mod:`carnet.rules.catalog`); every other file holds dated values.
Lookups go through a per-day :class:`DayRules` snapshot, cached, so assessing
many acts of the same days costs one dictionary access per figure.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from carnet.domain.money import Cents
from carnet.rules.catalog import ACTS_FILE, ActCatalog, parse_catalog
from carnet.rules.errors import NoTariffError, RuleTableError

CONFIDENCES = ("sure", "likely", "unsure")
UNITS = ("eur", "rate", "count", "percent")
_PERIOD_FIELDS = frozenset(
    {"value", "valid_from", "valid_to", "source", "confidence", "note", "unit"}
)
_HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Period:
    """One value of a key over ``valid_from``..``valid_to`` (inclusive; open if ``None``)."""

    key: str
    value: Decimal
    unit: str
    valid_from: date
    valid_to: date | None
    source: str
    confidence: str
    note: str = ""
    # Precomputed, as they are read on every assessment.
    cents: Cents = field(init=False)
    rank: int = field(init=False)  # index of ``confidence`` in CONFIDENCES

    def __post_init__(self) -> None:
        object.__setattr__(self, "cents", Cents(int(self.value * _HUNDRED)))
        object.__setattr__(self, "rank", CONFIDENCES.index(self.confidence))

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class DayRules:
    """Every value in force on one day; built once per day and cached by :class:`RuleTables`."""

    __slots__ = ("_periods", "day")

    def __init__(self, day: date, periods: dict[str, Period]) -> None:
        self.day = day
        self._periods = periods

    def period(self, key: str) -> Period:
        try:
            return self._periods[key]
        except KeyError:
            raise NoTariffError(key, self.day) from None

    def has(self, key: str) -> bool:
        return key in self._periods


class RuleTables:
    """The loaded tables: dated values, the act catalogue and a version string."""

    def __init__(
        self, values: Mapping[str, tuple[Period, ...]], acts: ActCatalog, version: str
    ) -> None:
        self._values = dict(values)
        self.acts = acts
        self.version = version
        self._days: dict[date, DayRules] = {}

    def names(self) -> frozenset[str]:
        return frozenset(self._values)

    def periods(self, key: str) -> tuple[Period, ...]:
        return self._values.get(key, ())

    def on(self, day: date) -> DayRules:
        """The snapshot of ``day``; built on first use, then reused."""
        snapshot = self._days.get(day)
        if snapshot is None:
            snapshot = DayRules(day, self._select(day))
            self._days[day] = snapshot
        return snapshot

    def period(self, key: str, day: date) -> Period:
        return self.on(day).period(key)

    def cents(self, key: str, day: date) -> Cents:
        return self.period(key, day).cents

    def decimal(self, key: str, day: date) -> Decimal:
        return self.period(key, day).value

    def _select(self, day: date) -> dict[str, Period]:
        chosen: dict[str, Period] = {}
        for key, periods in self._values.items():
            for period in periods:
                if period.covers(day):
                    chosen[key] = period
                    break
        return chosen


def default_rules_dir() -> Path:
    """``resources/rules`` of this checkout or bundle."""
    from carnet.i18n import resources_dir  # noqa: PLC0415 - only needed to find the default

    return resources_dir() / "rules"


@cache
def default_tables() -> RuleTables:
    """The shipped tables, loaded and validated once per process."""
    return load_tables(default_rules_dir())


def load_tables(directory: Path) -> RuleTables:
    """Read and validate every ``*.toml`` of ``directory``; raise :class:`RuleTableError`."""
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise RuleTableError(str(directory), "", "no rule table (*.toml) found")
    digest = hashlib.sha256()
    values: dict[str, tuple[Period, ...]] = {}
    origin: dict[str, str] = {}
    catalog_doc: dict[str, Any] | None = None
    sums: dict[str, tuple[str, tuple[str, ...]]] = {}
    for path in files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        document = _parse_toml(path.name, raw)
        if path.name == ACTS_FILE:
            catalog_doc = document
            continue
        for key, periods in _parse_values(path.name, document).items():
            if key in values:
                raise RuleTableError(path.name, key, f"key already defined in {origin[key]}")
            values[key] = periods
            origin[key] = path.name
        sums.update((key, (path.name, parts)) for key, parts in _parse_sums(path.name, document))
    for key, (file, parts) in sums.items():
        if key in values:
            raise RuleTableError(file, key, f"key already defined in {origin[key]}")
        values[key] = _summed(file, key, parts, values)
    if catalog_doc is None:
        raise RuleTableError(ACTS_FILE, "", "missing act catalogue")
    acts = parse_catalog(catalog_doc, frozenset(values))
    return RuleTables(values, acts, _version(values, digest.hexdigest()))


def _version(values: Mapping[str, tuple[Period, ...]], digest: str) -> str:
    """Latest change date plus a content hash: readable, and unique per table set."""
    latest = max(p.valid_from for periods in values.values() for p in periods)
    return f"{latest.isoformat()}+{digest[:10]}"


def _parse_toml(file: str, raw: bytes) -> dict[str, Any]:
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleTableError(file, "", f"not valid TOML: {exc}") from exc


def _parse_values(file: str, document: dict[str, Any]) -> dict[str, tuple[Period, ...]]:
    meta = document.get("meta", {})
    default_unit = meta.get("unit", "eur") if isinstance(meta, dict) else "eur"
    if default_unit not in UNITS:
        raise RuleTableError(file, "meta.unit", f"unknown unit {default_unit!r}")
    result: dict[str, tuple[Period, ...]] = {}
    for key, entries in document.items():
        if key == "meta" or (isinstance(entries, dict) and "sum" in entries):
            continue
        if not isinstance(entries, list) or not entries:
            raise RuleTableError(file, key, "expected one or more [[periods]]")
        periods = tuple(
            _parse_period(file, f"{key}[{i}]", key, entry, default_unit)
            for i, entry in enumerate(entries)
        )
        result[key] = _check_no_overlap(file, key, periods)
    return result


def _parse_sums(file: str, document: dict[str, Any]) -> list[tuple[str, tuple[str, ...]]]:
    """The keys defined as ``[KEY] sum = ["A", "B"]``, with their parts."""
    found = []
    for key, entry in document.items():
        if not (isinstance(entry, dict) and "sum" in entry) or key == "meta":
            continue
        parts = entry["sum"]
        unknown = set(entry) - {"sum", "note"}
        if unknown or not isinstance(parts, list) or len(parts) < 2:
            raise RuleTableError(file, key, "a sum is [KEY] sum = [two or more keys], note")
        found.append((key, tuple(str(part) for part in parts)))
    return found


def _summed(
    file: str, key: str, parts: tuple[str, ...], values: Mapping[str, tuple[Period, ...]]
) -> tuple[Period, ...]:
    """The periods of ``key`` = the sum of ``parts``: one per stretch where none changes."""
    missing = [part for part in parts if part not in values]
    if missing:
        raise RuleTableError(file, key, f"sum of unknown key(s) {', '.join(missing)}")
    combos: list[tuple[Period, ...]] = [()]
    for part in parts:
        combos = [(*combo, p) for combo in combos for p in values[part] if _meet(*combo, p)]
    if not combos:
        raise RuleTableError(file, key, "its parts are never in force on the same day")
    if len({p.unit for combo in combos for p in combo}) > 1:
        raise RuleTableError(file, key, "its parts have different units")
    return _check_no_overlap(file, key, tuple(_sum_of(key, combo) for combo in combos))


def _meet(*periods: Period) -> bool:
    start, end = _span(periods)
    return end is None or start <= end


def _span(periods: tuple[Period, ...]) -> tuple[date, date | None]:
    ends = [p.valid_to for p in periods if p.valid_to is not None]
    return max(p.valid_from for p in periods), min(ends) if ends else None


def _sum_of(key: str, periods: tuple[Period, ...]) -> Period:
    start, end = _span(periods)
    return Period(
        key,
        sum((p.value for p in periods), Decimal(0)),
        periods[0].unit,
        start,
        end,
        " + ".join(dict.fromkeys(p.source for p in periods)),
        CONFIDENCES[max(p.rank for p in periods)],
        " + ".join(f"{p.key} {p.value}" for p in periods),
    )


def _parse_period(file: str, where: str, key: str, entry: object, unit: str) -> Period:
    if not isinstance(entry, dict):
        raise RuleTableError(file, where, "expected a table")
    unknown = set(entry) - _PERIOD_FIELDS
    if unknown:
        raise RuleTableError(file, where, f"unknown field(s) {', '.join(sorted(unknown))}")
    for required in ("value", "valid_from", "source", "confidence"):
        if required not in entry:
            raise RuleTableError(file, where, f"missing field {required!r}")
    unit = entry.get("unit", unit)
    if unit not in UNITS:
        raise RuleTableError(file, where, f"unknown unit {unit!r}")
    valid_from = _date(file, f"{where}.valid_from", entry["valid_from"])
    valid_to = _date(file, f"{where}.valid_to", entry["valid_to"]) if "valid_to" in entry else None
    if valid_to is not None and valid_to < valid_from:
        raise RuleTableError(file, where, "valid_to is before valid_from")
    confidence = entry["confidence"]
    if confidence not in CONFIDENCES:
        raise RuleTableError(file, f"{where}.confidence", f"must be one of {CONFIDENCES}")
    source = entry["source"]
    if not isinstance(source, str) or not source.startswith(("http://", "https://")):
        raise RuleTableError(file, f"{where}.source", "must be the address of the source")
    value = _value(file, f"{where}.value", entry["value"], unit)
    note = str(entry.get("note", ""))
    return Period(key, value, unit, valid_from, valid_to, source, confidence, note)


def _date(file: str, where: str, raw: object) -> date:
    # TOML dates arrive as ``date``; quoted ISO strings are accepted too.
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    raise RuleTableError(file, where, f"not a date (YYYY-MM-DD): {raw!r}")


def _value(file: str, where: str, raw: object, unit: str) -> Decimal:
    if not isinstance(raw, str):
        # A TOML float would already have lost exactness; refuse it loudly.
        kind = type(raw).__name__
        raise RuleTableError(file, where, f"must be a quoted decimal string, not {kind}")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise RuleTableError(file, where, f"not a decimal number: {raw!r}") from None
    if not value.is_finite() or value < 0:
        raise RuleTableError(file, where, f"must be a non-negative number: {raw!r}")
    if unit == "eur" and value != value.quantize(Decimal("0.01")):
        raise RuleTableError(file, where, f"more than two decimals in euros: {raw!r}")
    if unit == "rate" and value > 1:
        raise RuleTableError(file, where, f"a rate is a fraction between 0 and 1: {raw!r}")
    if unit in ("count", "percent") and value != value.to_integral_value():
        raise RuleTableError(file, where, f"must be a whole number: {raw!r}")
    return value


def _check_no_overlap(file: str, key: str, periods: tuple[Period, ...]) -> tuple[Period, ...]:
    ordered = tuple(sorted(periods, key=lambda p: p.valid_from))
    for earlier, later in pairwise(ordered):
        if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
            raise RuleTableError(
                file, key, f"periods overlap around {later.valid_from.isoformat()}"
            )
    return ordered
