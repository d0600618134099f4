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
from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")

Row = dict[str, Any]


def encode(value: object) -> object:
    """One domain value as a column value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return json.dumps([encode(item) for item in value], ensure_ascii=False)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in fields(value)}
    return value


def to_row(record: object, *, skip: tuple[str, ...] = ("id",)) -> Row:
    """A dataclass as a dict of columns (``id`` left out unless asked)."""
    assert is_dataclass(record) and not isinstance(record, type)
    return {f.name: encode(getattr(record, f.name)) for f in fields(record) if f.name not in skip}


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _strip_optional(hint: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return hint, False


def decode(hint: Any, value: object) -> object:
    """A column value back to the type the dataclass declares."""
    inner, optional = _strip_optional(hint)
    if value is None:
        return None if optional else value
    if typing.get_origin(inner) is tuple:
        (item_type, *_rest) = typing.get_args(inner)
        items = json.loads(value) if isinstance(value, str) else value
        assert isinstance(items, list | tuple)
        return tuple(decode(item_type, item) for item in items)
    return _decode_scalar(inner, value)


def _decode_scalar(inner: Any, value: object) -> object:
    if isinstance(inner, type):
        if issubclass(inner, Enum):
            return inner(value)
        if inner is bool:
            return bool(value)
        if inner is date:
            return date.fromisoformat(str(value))
        if inner is Decimal:
            return Decimal(str(value))
        if is_dataclass(inner):
            data = json.loads(value) if isinstance(value, str) else value
            assert isinstance(data, dict)
            return from_row(inner, data)
    supertype = getattr(inner, "__supertype__", None)  # NewType ids and Cents
    if supertype is not None:
        return decode(supertype, value)
    return value


def from_row(cls: type[T], row: Row) -> T:
    """Build ``cls`` from the columns of ``row`` named like its fields."""
    hints = _hints(typing.cast(Any, cls))
    assert is_dataclass(cls)
    kwargs = {f.name: decode(hints[f.name], row[f.name]) for f in fields(cls) if f.name in row}
    return cls(**kwargs)
