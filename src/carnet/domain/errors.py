"""Errors the user sees: each names the field (or file and line) it is about.

Each error carries a :class:`~carnet.domain.messages.Message`: ``str(error)`` is
the English sentence (for the CLI and logs), ``error.text.render(t)`` the same
sentence in the UI's language.
"""

from __future__ import annotations

from carnet.domain.messages import N_, Message, Param

# The kinds of record a "not found" names, marked so that the catalogue has them
# (the storage repositories pass these words as the ``kind``).
RECORD_WORDS = (
    N_("person"),
    N_("practitioner"),
    N_("contract"),
    N_("bank account"),
    N_("act"),
    N_("attachment"),
    N_("transaction"),
    N_("import"),
    N_("feuille"),
    N_("mailing"),
)


def _message(text: str, params: dict[str, Param]) -> Message:
    # An already built message is kept as it is: wrapping it again would lose its
    # parameters, and its template would be looked up as a msgid with them filled in.
    if isinstance(text, Message) and not params:
        return text
    return Message(text, **params)


class CarnetError(Exception):
    """Base of every error meant to be shown to a person, not as a traceback.

    ``message`` is an English template (marked with ``N_``) filled with ``params``.
    """

    def __init__(self, message: str = "", /, **params: Param) -> None:
        self.text = _message(message, params)
        super().__init__(self.text)


class ValidationError(CarnetError):
    """Input refused; ``field`` names what to fix, ``message`` says what is wrong."""

    def __init__(self, field: str, message: str, /, **params: Param) -> None:
        self.field = field
        self.message = _message(message, params)
        super().__init__(N_("{field}: {message}"), field=field, message=self.message)


class NotFoundError(CarnetError):
    """A record that was asked for does not exist."""

    def __init__(self, kind: str, ident: int) -> None:
        super().__init__(N_("no {kind} with id {ident}"), kind=Message(kind), ident=ident)
        self.kind = kind
        self.ident = ident


def missing_record(field: str, kind: str, ident: int) -> ValidationError:
    """A form pointed to a record that does not exist: ``no person with id 12``."""
    return ValidationError(field, N_("no {kind} with id {ident}"), kind=Message(kind), ident=ident)


class SchemaTooNewError(CarnetError):
    """The database was written by a newer Carnet; opening it could damage it."""


class DatabaseLockedError(CarnetError):
    """Another Carnet holds the database for too long."""


class DatabaseFileError(CarnetError):
    """The file is not a SQLite database, or it is damaged."""


class StorageError(CarnetError):
    """The database refused a change (constraint, disk full...); nothing was written."""
