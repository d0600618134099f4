"""The importer protocol and the guard that keeps parser exceptions inside the layer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from carnet.bank.errors import BankFileError
from carnet.bank.model import Statement
from carnet.bank.parsing import FieldError
from carnet.domain.messages import N_

T = TypeVar("T")

# Scores returned by ``identify``: a self-describing format beats a CSV header, which beats
# a headerless CSV guessed from the shape of its rows. 0 means "not mine".
SURE = 100
HEADER = 50
SHAPE = 10


class Importer(Protocol):
    """One file format (or one CSV profile). Chosen by content, never by extension alone."""

    @property
    def name(self) -> str:
        """Short format name, e.g. ``"ofx"`` or ``"csv:boursobank"``."""
        ...

    def identify(self, data: bytes, filename: str) -> int:
        """How sure this importer is that it can read ``data`` (0 = not at all)."""
        ...

    def parse(self, data: bytes, filename: str) -> Statement:
        """Read the whole file; raise only ``BankFileError``."""
        ...


def guarded(filename: str, parse: Callable[[], T]) -> T:
    """Run a parser and turn any escape into ``BankFileError``.

    Parsers raise ``BankFileError`` with a line themselves where they can; this net catches
    the rest (a library's exception, an index past a truncated record) so that the user
    sees a file name and a sentence, never a traceback.
    """
    try:
        return parse()
    except BankFileError:
        raise
    except FieldError as error:
        raise BankFileError(filename, 0, error.text) from None
    except RecursionError:
        raise BankFileError(
            filename, 0, N_("the file is nested too deeply to be a statement")
        ) from None
    except Exception as error:
        raise BankFileError(
            filename, 0, N_("unreadable file ({kind})"), kind=type(error).__name__
        ) from None
