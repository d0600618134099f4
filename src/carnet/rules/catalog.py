"""The act catalogue (``acts.toml``): what each act code is and which rules apply to it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from carnet.domain.practitioners import Profession, Specialty
from carnet.rules.errors import RuleTableError, UnknownActError

_E = TypeVar("_E", bound=StrEnum)

ACTS_FILE = "acts.toml"
FEE_BASE = "fee"  # the fee charged is the base (medicines, labs, stays)
OVERRIDE_BASE = "override"  # the base printed on the feuille must be typed


class FranchiseKind(StrEnum):
    NONE = "none"
    BOX = "box"
    PARAMEDICAL = "paramedical"
    TRANSPORT = "transport"


@dataclass(frozen=True, slots=True)
class ActDefinition:
    """One act code of the catalogue (see the field list at the top of ``acts.toml``)."""

    code: str
    category: str
    profession: Profession
    rate: str
    tariff: str
    label_en: str = ""
    label_fr: str = ""
    specialty: Specialty = Specialty.NONE
    key_letter: bool = False
    child_tariff: str | None = None
    child_under_age: int | None = None
    out_tariff: str | None = None
    non_optam_tariff: str | None = None
    authority_tariff: str | None = None
    ald_tariff: str | None = None
    coordination: str | None = None
    basket_cap: str | None = None
    non_optam_without_coordination: bool = False
    ald_rate: bool = True
    basket: bool = False
    newborn_exempt: bool = False
    parcours: bool = False
    teleconsultation: bool = False
    pf: bool = False
    franchise: FranchiseKind = FranchiseKind.NONE
    heavy_act: bool = False


_STR_FIELDS = ("label_en", "label_fr")
_KEY_FIELDS = (
    "child_tariff",
    "out_tariff",
    "non_optam_tariff",
    "authority_tariff",
    "ald_tariff",
    "coordination",
    "basket_cap",
)
_BOOL_FIELDS = (
    "key_letter",
    "parcours",
    "teleconsultation",
    "pf",
    "heavy_act",
    "non_optam_without_coordination",
    "basket",
    "newborn_exempt",
)
_TRUE_FIELDS = ("ald_rate",)  # flags that default to true
_KNOWN = frozenset(
    {"category", "profession", "rate", "tariff", "specialty", "franchise", "child_under_age"}
    | set(_STR_FIELDS)
    | set(_KEY_FIELDS)
    | set(_BOOL_FIELDS)
    | set(_TRUE_FIELDS)
    | {"aliases"}
)


class ActCatalog:
    """Act definitions by code (upper case), with ``profession:CODE`` variants."""

    def __init__(self, acts: Mapping[str, ActDefinition]) -> None:
        self._acts = dict(acts)
        self._found: dict[tuple[str, Profession | None], ActDefinition] = {}

    def codes(self) -> frozenset[str]:
        return frozenset(self._acts)

    def find(self, code: str, profession: Profession | None = None) -> ActDefinition:
        """The definition of ``code``; a ``profession:CODE`` entry wins for that profession."""
        found = self._found.get((code, profession))
        if found is None:
            found = self._found[(code, profession)] = self._find(code, profession)
        return found

    def _find(self, code: str, profession: Profession | None) -> ActDefinition:
        wanted = code.strip().upper()
        if profession is not None:
            specific = self._acts.get(f"{profession.value}:{wanted}")
            if specific is not None:
                return specific
        found = self._acts.get(wanted)
        if found is None:
            raise UnknownActError(code)
        return found


def parse_catalog(document: Mapping[str, Any], value_keys: frozenset[str]) -> ActCatalog:
    """Build and validate the catalogue; every tariff and rate key must exist."""
    acts: dict[str, ActDefinition] = {}
    for raw_code, entry in document.items():
        code = _normalise(raw_code)
        if not isinstance(entry, dict):
            raise RuleTableError(ACTS_FILE, raw_code, "expected a table")
        definition = _parse_act(code, entry, value_keys)
        for name in (code, *(_aliases(code, entry))):
            if name in acts:
                raise RuleTableError(ACTS_FILE, raw_code, f"code {name!r} defined twice")
            acts[name] = definition
    return ActCatalog(acts)


def _normalise(code: str) -> str:
    profession, sep, bare = code.rpartition(":")
    return f"{profession}{sep}{bare.upper()}"


def _aliases(code: str, entry: Mapping[str, Any]) -> list[str]:
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise RuleTableError(ACTS_FILE, f"{code}.aliases", "must be a list of codes")
    return [a.upper() for a in aliases]


def _parse_act(code: str, entry: Mapping[str, Any], value_keys: frozenset[str]) -> ActDefinition:
    unknown = set(entry) - _KNOWN
    if unknown:
        raise RuleTableError(ACTS_FILE, code, f"unknown field(s) {', '.join(sorted(unknown))}")
    for required in ("category", "profession", "rate", "tariff"):
        if not isinstance(entry.get(required), str):
            raise RuleTableError(ACTS_FILE, f"{code}.{required}", "missing or not a string")
    _check_key(code, "rate", entry["rate"], value_keys)
    if entry["tariff"] not in (FEE_BASE, OVERRIDE_BASE):
        _check_key(code, "tariff", entry["tariff"], value_keys)
    keys = {name: entry.get(name) for name in _KEY_FIELDS}
    for name, key in keys.items():
        if key is not None:
            _check_key(code, name, key, value_keys)
    flags = {name: entry.get(name, False) for name in _BOOL_FIELDS}
    flags |= {name: entry.get(name, True) for name in _TRUE_FIELDS}
    for name, flag in flags.items():
        if not isinstance(flag, bool):
            raise RuleTableError(ACTS_FILE, f"{code}.{name}", "must be true or false")
    options: dict[str, Any] = {**keys, **flags}
    return ActDefinition(
        code=code,
        category=entry["category"],
        profession=_enum(Profession, code, "profession", entry["profession"]),
        rate=entry["rate"],
        tariff=entry["tariff"],
        label_en=str(entry.get("label_en", code)),
        label_fr=str(entry.get("label_fr", code)),
        specialty=_enum(Specialty, code, "specialty", entry.get("specialty", "")),
        child_under_age=_age(code, entry.get("child_under_age")),
        franchise=_enum(FranchiseKind, code, "franchise", entry.get("franchise", "none")),
        **options,
    )


def _check_key(code: str, field: str, key: object, value_keys: frozenset[str]) -> None:
    if not isinstance(key, str) or key not in value_keys:
        raise RuleTableError(ACTS_FILE, f"{code}.{field}", f"no rule table defines {key!r}")


def _enum(kind: type[_E], code: str, field: str, raw: object) -> _E:
    try:
        return kind(str(raw))
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        message = f"{raw!r} is not one of {allowed}"
        raise RuleTableError(ACTS_FILE, f"{code}.{field}", message) from None


def _age(code: str, raw: object) -> int | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise RuleTableError(ACTS_FILE, f"{code}.child_under_age", "must be a whole number")
    return raw
