"""Generic conversion between frozen domain dataclasses and SQLite rows.

Domain fields map one to one onto columns with the same names; only the value
types differ (dates as ISO text, enums as their value, booleans as 0/1,
``Decimal`` as text, tuples of strings as JSON). Reading uses the dataclass's
type hints, so a new field needs a column, not new code.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")

Row = dict[str, Any]

_PLAIN = frozenset({str, int, type(None)})

# json.dumps with options builds a new encoder on each call; these are made once.
# Their output is exactly json.dumps(value, ensure_ascii=False[, sort_keys=True]).
to_json = json.JSONEncoder(ensure_ascii=False).encode
to_sorted_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def encode(value: object) -> object:
    """One domain value as a column value."""
    kind: Any = type(value)
    if kind in _PLAIN:  # most columns: nothing to convert, and asked millions of times
        return value
    return _encoder(kind)(value)


@cache
def _encoder(kind: Any) -> Callable[[Any], object]:
    """How to store a value of type ``kind``, worked out once per type."""
    if issubclass(kind, Enum):  # a dict: Enum.value is a property, slow by the million
        return {member: member.value for member in kind}.__getitem__
    if issubclass(kind, bool):
        return int
    if issubclass(kind, date):
        return _isoformat
    if issubclass(kind, Decimal):
        return str
    if issubclass(kind, tuple):
        return _tuple_json
    if is_dataclass(kind):
        return _nested
    return _identity


def _isoformat(value: date) -> str:
    return value.isoformat()


def _tuple_json(value: tuple[object, ...]) -> str:
    return to_json([encode(item) for item in value])


def _nested(value: Any) -> dict[str, object]:
    kind: Any = type(value)
    return {name: encode(getattr(value, name)) for name in _names(kind)}


def to_row(record: object, *, skip: tuple[str, ...] = ("id",)) -> Row:
    """A dataclass as a dict of columns (``id`` left out unless asked)."""
    assert is_dataclass(record) and not isinstance(record, type)
    names, values = _columns(type(record), skip)
    return dict(zip(names, map(encode, values(record)), strict=True))


@cache
def _columns(cls: Any, skip: tuple[str, ...]) -> tuple[tuple[str, ...], Callable[[Any], Any]]:
    """The column names of ``cls`` but ``skip``, and a function reading them all at once."""
    names = tuple(name for name in _names(cls) if name not in skip)
    if len(names) > 1:
        return names, attrgetter(*names)
    return names, lambda record: tuple(getattr(record, name) for name in names)


@cache
def _names(cls: Any) -> tuple[str, ...]:
    # dataclasses.fields() builds its tuple on each call; bulk paths ask it per row.
    return tuple(f.name for f in fields(cls))


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def field_hints(cls: type) -> dict[str, Any]:
    """The resolved type of each field of dataclass ``cls`` (cached)."""
    return _hints(typing.cast(Any, cls))


Converter = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@cache
def converter(hint: Any) -> Converter:
    """A function turning a column value into ``hint``'s type, built once per type.

    Reading 100 000 acts calls it millions of times, so the type analysis is
    done here once and the returned closure only converts.
    """
    inner, optional = _strip_optional(hint)
    convert = _inner_converter(inner)
    if not optional:
        return convert
    return lambda value: None if value is None else convert(value)


def _inner_converter(inner: Any) -> Converter:
    if typing.get_origin(inner) is tuple:
        item = converter(typing.get_args(inner)[0])

        def to_tuple(value: Any) -> tuple[Any, ...]:
            items = json.loads(value) if isinstance(value, str) else value
            return tuple(item(x) for x in items)

        return to_tuple
    supertype = getattr(inner, "__supertype__", None)  # NewType ids and Cents
    if supertype is not None:
        return converter(supertype)
    if not isinstance(inner, type):
        return _identity
    return _scalar_converter(inner)


# Rates, coefficients, amounts abroad: far below this. A row above it (or "NaN") was
# typed into a JSON export, and would crash the assessment that reads it.
_DECIMAL_LIMIT = Decimal(10) ** 12


def _decimal(value: Any) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{str(value)[:40]!r} is not a number") from None
    if not number.is_finite() or abs(number) >= _DECIMAL_LIMIT:
        raise ValueError(f"{str(value)[:40]!r} is not a figure Carnet keeps")
    return number


def _scalar_converter(inner: type) -> Converter:
    if issubclass(inner, Enum):
        return _enum_converter(inner)
    if inner is bool:
        return bool
    if inner is date:
        return date.fromisoformat
    if inner is Decimal:
        return _decimal
    if is_dataclass(inner):
        nested = inner

        def to_record(value: Any) -> Any:
            data = json.loads(value) if isinstance(value, str) else value
            return from_row(nested, data)

        return to_record
    return _identity


def _enum_converter(kind: type[Enum]) -> Converter:
    # A dict lookup: calling the Enum class goes through its metaclass on each value.
    members = {member.value: member for member in kind}

    def to_member(value: Any) -> Enum:
        try:
            return members[value]
        except (KeyError, TypeError):  # not a member (or not hashable): the usual error
            return kind(value)

    return to_member


def _strip_optional(hint: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return hint, False


def decode(hint: Any, value: object) -> object:
    """A column value back to the type the dataclass declares."""
    return converter(hint)(value)


@cache
def _plan(cls: Any) -> tuple[tuple[str, Converter], ...]:
    hints = _hints(cls)
    return tuple((f.name, converter(hints[f.name])) for f in fields(cls))


def from_row(cls: type[T], row: Row) -> T:
    """Build ``cls`` from the columns of ``row`` named like its fields."""
    plan = _plan(typing.cast(Any, cls))
    return cls(**{name: convert(row[name]) for name, convert in plan if name in row})


def from_rows(cls: type[T], names: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[T]:
    """Like :func:`from_row` for many rows of the columns ``names`` (a query's result).

    The converters are lined up with the columns once, so that reading thousands of
    rows builds no dict per row on the way.
    """
    wanted = dict(_plan(typing.cast(Any, cls)))
    plan = [(n, name, wanted[name]) for n, name in enumerate(names) if name in wanted]
    return [cls(**{name: convert(row[n]) for n, name, convert in plan}) for row in rows]
