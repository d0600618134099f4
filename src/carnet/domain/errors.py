"""Errors the user sees: each names the field (or file and line) it is about."""

from __future__ import annotations


class CarnetError(Exception):
    """Base of every error meant to be shown to a person, not as a traceback."""


class ValidationError(CarnetError):
    """Input refused; ``field`` names what to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFoundError(CarnetError):
    """A record that was asked for does not exist."""

    def __init__(self, kind: str, ident: int) -> None:
        super().__init__(f"no {kind} with id {ident}")
        self.kind = kind
        self.ident = ident


class SchemaTooNewError(CarnetError):
    """The database was written by a newer Carnet; opening it could damage it."""


class DatabaseLockedError(CarnetError):
    """Another Carnet holds the database for too long."""


class DatabaseFileError(CarnetError):
    """The file is not a SQLite database, or it is damaged."""


class StorageError(CarnetError):
    """The database refused a change (constraint, disk full...); nothing was written."""
