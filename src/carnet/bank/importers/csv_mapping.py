"""How to read one bank's CSV: the data that drives ``CsvImporter``.

Built-in bank profiles (``csv_profiles``) and the mappings a user saves for an unknown
bank are the same ``CsvMapping`` record, serialisable to a plain dict or a TOML table.
Columns are given by 0-based index or by *normalised* header name (``header_key``).
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from dataclasses import dataclass, fields
from typing import Any

from carnet.bank.decoding import FALLBACKS, canonical_encoding
from carnet.bank.errors import BankFileError
from carnet.bank.parsing import fold
from carnet.domain.messages import N_, Message

Column = int | str


def header_key(cell: str) -> str:
    """``"Cr&amp;eacute;dit Euros"`` → ``"credit euros"`` (BNP double-escapes its headers)."""
    return fold(html.unescape(html.unescape(cell))).lower()


MAX_COLUMNS = 1000
# Keys of older saved profiles that no longer mean anything: read and dropped.
RETIRED_KEYS = frozenset({"debit_sign"})
# What each column a mapping reads is, as the profile form and ``carnet csv-profile`` name it.
ROLES = {
    "date": N_("date"),
    "amount": N_("amount"),
    "debit": N_("debit"),
    "credit": N_("credit"),
    "fee": N_("fee"),
    "label": N_("label"),
}


class ColumnConflict(BankFileError):
    """A mapping whose columns contradict each other: ``roles`` names them (``date``,
    ``amount``…), so that the command line can say ``--date`` and the form "Date"."""

    def __init__(self, name: str, problem: str, roles: tuple[str, str]) -> None:
        self.roles = roles
        first, second = (Message(ROLES[role]) for role in roles)
        super().__init__(name, 0, problem, first=first, second=second)


@dataclass(frozen=True, slots=True)
class CsvMapping:
    """One CSV layout. Empty ``header`` means a headerless file read by position."""

    name: str
    date: Column
    label: tuple[Column, ...]
    amount: Column | None = None
    debit: Column | None = None
    credit: Column | None = None
    separator: str = ";"
    encoding: str | None = None
    fallback: str = "cp1252"
    date_format: str = "dd/mm/yyyy"
    decimal: str = ","
    header: tuple[str, ...] = ()
    counterparty: Column | None = None
    bank_ref: Column | None = None
    account: Column | None = None
    fee: Column | None = None
    status: Column | None = None
    accepted_status: tuple[str, ...] = ()
    skip_rows: int = 0
    min_columns: int = 0
    account_pattern: str = ""
    balance_pattern: str = ""
    sections: bool = False
    notes: str = ""

    def __post_init__(self) -> None:
        if (self.amount is None) == (self.debit is None and self.credit is None):
            raise ValueError(f"{self.name}: give either an amount column or debit/credit columns")
        if not self.header and any(isinstance(c, str) for c in self.columns()):
            raise ValueError(f"{self.name}: a headerless mapping can only use column indexes")
        if len(self.separator) != 1 or self.decimal not in {",", ".", "auto"}:
            raise ValueError(f"{self.name}: separator must be one character, decimal , . or auto")
        if self.separator in '"\r\n\x00':  # the csv module's quote, or the end of a line
            raise ValueError(f"{self.name}: the separator cannot be a quote or a line break")
        self._check_bounds()
        self._check_roles()

    def _check_roles(self) -> None:
        """One column, one meaning: a date read as an amount, or a debit column without
        its credit (every credit would be lost), imports wrong figures without a word."""
        if (self.debit is None) != (self.credit is None):
            given = ("debit", "credit") if self.credit is None else ("credit", "debit")
            raise ColumnConflict(
                self.name,
                N_("{first} is given without {second}: give both, or one amount column"),
                given,
            )
        seen: dict[Column, str] = {}
        single = (("date", self.date), ("amount", self.amount), ("debit", self.debit))
        more = (("credit", self.credit), ("fee", self.fee))
        labels = tuple(("label", column) for column in self.label)
        for role, column in (*single, *more, *labels):
            if column is None:
                continue
            if column in seen:
                twice = seen[column] == role  # label=(2, 2)
                raise ColumnConflict(
                    self.name,
                    N_("{first} names the same column twice")
                    if twice
                    else N_("{first} and {second} name the same column: give each its own"),
                    (seen[column], role),
                )
            seen[column] = role

    def _check_bounds(self) -> None:
        """What a saved profile (typed, or loaded from a file) could get wrong."""
        if self.encoding and canonical_encoding(self.encoding) is None:
            raise ValueError(f"{self.name}: unknown encoding {self.encoding!r}")
        if self.fallback not in FALLBACKS:
            raise ValueError(f"{self.name}: the fallback encoding must be cp1252 or iso8859_15")
        for column in self.columns():
            if isinstance(column, bool) or not isinstance(column, int | str):
                raise ValueError(f"{self.name}: a column is a header name or a number")
            if isinstance(column, int) and not 0 <= column < MAX_COLUMNS:
                raise ValueError(f"{self.name}: column {column} is not between 0 and 999")
        for count in (self.skip_rows, self.min_columns):
            if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count < 1000:
                raise ValueError(f"{self.name}: skip_rows and min_columns are between 0 and 999")
        if not _date_format_ok(self.date_format):
            raise ValueError(
                f"{self.name}: the date format is dd, mm and yy or yyyy, once each, "
                f"with / . - or spaces between them (not {self.date_format[:40]!r})"
            )

    def columns(self) -> tuple[Column, ...]:
        """Every column the mapping reads."""
        single = (self.date, self.amount, self.debit, self.credit, self.counterparty)
        more = (self.bank_ref, self.account, self.fee, self.status)
        return tuple(c for c in (*single, *more, *self.label) if c is not None)

    def to_dict(self) -> dict[str, Any]:
        """Plain values only (tuples as lists, enums as text); ``None`` fields left out."""
        out: dict[str, Any] = {}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if value is None:
                continue
            out[spec.name] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CsvMapping:
        """Inverse of ``to_dict``; unknown keys are refused rather than ignored."""
        known = {spec.name for spec in fields(cls)}
        # Profiles saved before a Débit value became money out whatever its sign (commit
        # 1ef0fb9) carry how the bank wrote the column: it decides nothing any more.
        data = {k: v for k, v in data.items() if k not in RETIRED_KEYS}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown CSV mapping keys: {sorted(unknown)}")
        values: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in data.items()
        }
        return cls(**values)

    def to_toml(self) -> str:
        """A TOML table body (``key = value`` lines) for the user's saved profiles."""
        return "".join(f"{key} = {_toml_value(value)}\n" for key, value in self.to_dict().items())

    @classmethod
    def from_toml(cls, text: str) -> CsvMapping:
        return cls.from_dict(tomllib.loads(text))


_DATE_TOKEN = re.compile(r"yyyy|yy|dd|mm|[ ./-]")


def _date_format_ok(text: str) -> bool:
    """``dd/mm/yyyy``, ``yyyy-mm-dd``, ``ddmmyy``: each part once, nothing else; a
    ``yyyy`` twice or a stray letter made a pattern no line of the bank could match."""
    tokens = _DATE_TOKEN.findall(text)
    if "".join(tokens) != text:
        return False
    counts = {part: tokens.count(part) for part in ("dd", "mm")}
    years = tokens.count("yy") + tokens.count("yyyy")
    return counts == {"dd": 1, "mm": 1} and years == 1


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    # A JSON string is a valid TOML basic string: same quote and escape rules.
    return json.dumps(str(value), ensure_ascii=False)
