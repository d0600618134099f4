"""Errors raised by the rules engine; each names the table, key, act or date at fault."""

from __future__ import annotations

from datetime import date

from carnet.domain.errors import CarnetError
from carnet.domain.messages import N_


class RulesError(CarnetError):
    """Base of the rules engine's errors."""


class RuleTableError(RulesError):
    """A rule table is malformed: names the file and the key, and says what is wrong."""

    def __init__(self, file: str, key: str, message: str) -> None:
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {message}")
        self.file = file
        self.key = key
        self.message = message


class UnknownActError(RulesError):
    """The act code is in no table."""

    def __init__(self, code: str) -> None:
        super().__init__(N_("unknown act code {code}"), code=repr(code))
        self.code = code


class NoTariffError(RulesError):
    """No value of ``key`` is in force on ``day``."""

    def __init__(self, key: str, day: date) -> None:
        super().__init__(N_("no value of {key} in force on {day}"), key=key, day=day)
        self.key = key
        self.day = day


class MissingBaseError(RulesError):
    """The act has no tariff of its own: the base printed on the feuille must be given."""

    def __init__(self, code: str) -> None:
        super().__init__(
            N_("act {code} needs the base written on the feuille (base override)"),
            code=repr(code),
        )
        self.code = code
