"""Errors raised by the rules engine; each names the table, key, act or date at fault."""

from __future__ import annotations

from datetime import date

from carnet.domain.errors import CarnetError


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
        super().__init__(f"unknown act code {code!r}")
        self.code = code


class NoTariffError(RulesError):
    """No value of ``key`` is in force on ``day``."""

    def __init__(self, key: str, day: date) -> None:
        super().__init__(f"no value of {key} in force on {day.isoformat()}")
        self.key = key
        self.day = day


class MissingBaseError(RulesError):
    """The act has no tariff of its own: the base printed on the feuille must be given."""

    def __init__(self, code: str) -> None:
        super().__init__(f"act {code!r} needs the base written on the feuille (base override)")
        self.code = code
