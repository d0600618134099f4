"""What the command groups share: opening the services, errors, JSON and parameter types."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import wraps
from typing import Any, ParamSpec, TypeVar

import click

from carnet.app import Services, build_services, resolve_db_path
from carnet.domain.errors import CarnetError
from carnet.domain.money import AmountError, Cents, format_plain, parse_euros

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def open_services(ctx: click.Context) -> Iterator[Services]:
    """The services over the database chosen by ``--db`` / ``CARNET_DB`` / default."""
    path = resolve_db_path(ctx.find_root().obj.get("db_path") if ctx.find_root().obj else None)
    services = build_services(path)
    try:
        yield services
    finally:
        services.close()


def user_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a :class:`CarnetError` into one line on stderr and exit status 1."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except CarnetError as exc:
            click.echo(f"carnet: error: {exc}", err=True)
            sys.exit(1)

    return wrapper


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def money(cents: int | None) -> str | None:
    """Amounts in JSON: strings with two decimals (``"30.00"``), ``null`` when unknown."""
    return None if cents is None else format_plain(cents)


class DateType(click.ParamType[date]):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date like 2025-03-14", param, ctx)


class EurosType(click.ParamType[Cents]):
    name = "EUR"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Cents:
        try:
            return parse_euros(str(value))
        except AmountError as exc:
            self.fail(str(exc), param, ctx)


class DecimalType(click.ParamType[Decimal]):
    name = "NUMBER"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Decimal:
        try:
            number = Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            self.fail(f"{value!r} is not a number", param, ctx)
        if not number.is_finite():
            self.fail(f"{value!r} is not a number", param, ctx)
        return number


DATE = DateType()
EUROS = EurosType()
DECIMAL = DecimalType()
